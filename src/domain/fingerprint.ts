/**
 * The fingerprint of a plan's tables at approval: SHA-256 of a canonical text of what a forum decided on,
 * and the cell-by-cell comparison of the workbook with an approved version.
 *
 * What goes in: area, period, unit, each initiative (Nr, name, amounts per year, comment, stated-sum flag)
 * in table order, and the area's frame per year. What stays out: the version history (recording the
 * decision itself changes it), Dokumentansvarig and Säkerhetsnivå (not part of what is decided), and where
 * the tables stand or how many empty rows they hold. Text is compared as a person reads it: Unicode NFC
 * (an å typed on a Mac and one typed on Windows are the same letter), and runs of spaces, no-break spaces
 * and trailing spaces count as one space or none, since Excel shows no difference. Row order is kept:
 * moving an initiative changes which rows a stated sum adds up.
 *
 * The invariant the tests hold: two plans have the same canonical text exactly when `changedCells`
 * between them counts 0.
 */
import { locate, type Location, type TableRef } from './location';
import type { Tkr } from './money';
import { formatPeriod, parsePeriod } from './period';
import { developmentColumn, maintenanceColumn, STATED_SUM, type Plan } from './plan';
import { SNAPSHOT_SCHEMA, type PlanSnapshot } from './snapshot';

export const CANONICAL_SCHEMA = 'tjansteplan.canonical/1';

export interface CanonicalInitiative {
  nr: string;
  name: string;
  /** Indexed like `years`. */
  development: (Tkr | null)[];
  maintenance: (Tkr | null)[];
  comment: string;
  isStatedSum: boolean;
}

export interface CanonicalFrameYear {
  year: number;
  development: Tkr | null;
  operations: Tkr | null;
}

/** The plan's decided content, normalised; `canonicalPlan` is its text. */
export interface CanonicalPlan {
  schema: typeof CANONICAL_SCHEMA;
  area: string;
  /** `2022–2024`, with the en dash. */
  period: string;
  years: number[];
  unit: 'tkr';
  initiatives: CanonicalInitiative[];
  /** The Ram table by year, ascending; empty when the workbook has none. */
  frame: CanonicalFrameYear[];
}

const SPACES = /[ \t\u00a0\u202f\u2009\u2007\u2000-\u200a\u3000]+/g;

/** Text as a person reads it: NFC, one space for any run of spaces, no spaces at line ends. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(SPACES, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** -0 and 0 are one amount. */
const amount = (v: number | null | undefined): Tkr | null => (v === null || v === undefined ? null : v === 0 ? 0 : v);

export function canonicalForm(plan: Plan): CanonicalPlan {
  return {
    schema: CANONICAL_SCHEMA,
    area: normalizeText(plan.info.area),
    period: formatPeriod(plan.info.period),
    years: [...plan.info.period.years],
    unit: 'tkr',
    initiatives: plan.initiatives.map((r) => canonicalInitiative(r, plan.info.period.years.length)),
    frame: [...(plan.frame?.years.values() ?? [])]
      .map((f) => ({ year: f.year, development: amount(f.development), operations: amount(f.operations) }))
      .sort((a, b) => a.year - b.year),
  };
}

interface InitiativeLike {
  nr: string;
  name: string;
  development: readonly (number | null)[];
  maintenance: readonly (number | null)[];
  comment: string;
}

function canonicalInitiative(r: InitiativeLike, years: number): CanonicalInitiative {
  const name = normalizeText(r.name);
  const amounts = (a: readonly (number | null)[]) => Array.from({ length: years }, (_, i) => amount(a[i]));
  return {
    nr: normalizeText(r.nr),
    name,
    development: amounts(r.development),
    maintenance: amounts(r.maintenance),
    comment: normalizeText(r.comment),
    isStatedSum: STATED_SUM.test(name),
  };
}

/**
 * The canonical text: a schema line, then one JSON array per line (plan, each initiative, each frame
 * year). JSON quotes every text, so no name or comment can pass for a separator.
 */
export function canonicalPlan(plan: Plan): string {
  return canonicalText(canonicalForm(plan));
}

function canonicalText(c: CanonicalPlan): string {
  const lines = [
    c.schema,
    JSON.stringify(['plan', c.area, c.period, c.unit]),
    ...c.initiatives.map((r) => JSON.stringify(['initiative', r.nr, r.name, r.development, r.maintenance, r.comment, r.isStatedSum])),
    ...c.frame.map((f) => JSON.stringify(['frame', f.year, f.development, f.operations])),
  ];
  return `${lines.join('\n')}\n`;
}

/** SHA-256 (lowercase hex) of `canonicalPlan(plan)`, through Web Crypto (browsers, Node 20). */
export async function fingerprint(plan: Plan): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto (globalThis.crypto.subtle) is not available here; it is needed for the fingerprint.');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(canonicalPlan(plan)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------------------------------------
// Comparing with an approved version

export interface ChangedCells {
  count: number;
  /**
   * One location per differing cell, in the current workbook. A cell of a removed row (or frame year) has
   * no cell left to select: it is named by table, column and the row it would take, without an address.
   */
  cells: Location[];
}

/** What the comparison reads from an approved version: its canonical form, the frame possibly partial. */
interface Approved {
  form: CanonicalPlan;
  /** Snapshots written before `frame` was added carry only the development frame per period year. */
  frameOperationsKnown: boolean;
}

function approvedForm(approved: PlanSnapshot | CanonicalPlan): Approved {
  if (approved.schema !== SNAPSHOT_SCHEMA) return { form: approved, frameOperationsKnown: true };
  const s = approved;
  const period = parsePeriod(s.period);
  const years = [...s.years];
  const frame: CanonicalFrameYear[] = s.frame
    ? s.frame.map((f) => ({ year: f.year, development: amount(f.development), operations: amount(f.operations) }))
    : years.filter((y) => s.totals[String(y)]).map((y) => ({ year: y, development: amount(s.totals[String(y)].frame), operations: null }));
  return {
    form: {
      schema: CANONICAL_SCHEMA,
      area: normalizeText(s.area),
      period: period ? formatPeriod(period) : normalizeText(s.period),
      years,
      unit: 'tkr',
      initiatives: s.initiatives.map((r) => canonicalInitiative(r, years.length)),
      frame: frame.sort((a, b) => a.year - b.year),
    },
    frameOperationsKnown: s.frame !== undefined,
  };
}

type Value = string | number | boolean | null | undefined;

/**
 * How many cells of `current` differ from the approved version, and where. Initiatives are matched by
 * position (the n-th row with the n-th row: empty rows in the table do not shift anything) and column
 * header, so a changed period makes its year columns differ; every cell of an added or removed row counts.
 * The frame is matched by year, the Ram table's key. Area and period are one cell each (Planuppgifter).
 */
export function changedCells(approved: PlanSnapshot | CanonicalPlan, current: Plan): ChangedCells {
  const { form: a, frameOperationsKnown } = approvedForm(approved);
  const c = canonicalForm(current);
  const cells: Location[] = [];

  const infoSheet = current.initiativeTable.sheet;
  if (a.area !== c.area) cells.push({ sheet: infoSheet, table: PLAN_INFO_TABLE, column: PLAN_INFO_VALUE });
  if (a.period !== c.period) cells.push({ sheet: infoSheet, table: PLAN_INFO_TABLE, column: PLAN_INFO_VALUE });

  // Initiativ, column by column over the years of both versions.
  const years = [...new Set([...a.years, ...c.years])].sort((x, y) => x - y);
  const columns: { header: string; value: (r: CanonicalInitiative, years: readonly number[]) => Value }[] = [
    { header: 'Nr', value: (r) => r.nr },
    { header: 'Initiativ', value: (r) => r.name },
    ...years.map((y) => ({ header: developmentColumn(y), value: yearValue(y, 'development') })),
    ...years.map((y) => ({ header: maintenanceColumn(y), value: yearValue(y, 'maintenance') })),
    { header: 'Kommentar', value: (r: CanonicalInitiative) => r.comment },
  ];
  const ref = current.initiativeTable;
  const lastRow = current.initiatives.length > 0 ? current.initiatives[current.initiatives.length - 1].row : 0;
  const rows = Math.max(a.initiatives.length, c.initiatives.length);
  for (let i = 0; i < rows; i++) {
    const was = a.initiatives[i];
    const now = c.initiatives[i];
    for (const col of columns) {
      if (was && now && col.value(was, a.years) === col.value(now, c.years)) continue;
      cells.push(now ? locate(ref, current.initiatives[i].row, col.header) : unplaced(ref, lastRow + i - c.initiatives.length + 1, col.header));
    }
  }

  // Ram, year by year.
  const frameRef: Pick<TableRef, 'sheet' | 'table'> = current.frame?.ref ?? { sheet: FRAME_TABLE, table: FRAME_TABLE };
  const wasByYear = new Map(a.frame.map((f) => [f.year, f]));
  const nowByYear = new Map(c.frame.map((f) => [f.year, f]));
  const frameYears = frameOperationsKnown ? [...new Set([...wasByYear.keys(), ...nowByYear.keys()])] : [...wasByYear.keys()];
  const lastFrameRow = Math.max(0, ...[...(current.frame?.years.values() ?? [])].map((f) => f.row));
  let removedFrameRows = 0;
  for (const year of frameYears.sort((x, y) => x - y)) {
    const was = wasByYear.get(year);
    const now = nowByYear.get(year);
    const row = current.frame?.years.get(year)?.row;
    if (!now) removedFrameRows++;
    const halves: ['Utveckling' | 'Förvaltning', (f: CanonicalFrameYear) => Tkr | null][] = [['Utveckling', (f) => f.development]];
    if (frameOperationsKnown) halves.push(['Förvaltning', (f) => f.operations]);
    for (const [column, value] of halves) {
      if (was && now && value(was) === value(now)) continue;
      // A partial frame cannot tell an empty Ram row from none: there, a missing year is an empty one.
      if (!frameOperationsKnown && (was ? value(was) : null) === (now ? value(now) : null)) continue;
      cells.push(now && row !== undefined && current.frame ? locate(current.frame.ref, row, column) : unplaced(frameRef, lastFrameRow + removedFrameRows, column));
    }
  }
  return { count: cells.length, cells };
}

/** The contract's names for the cells that have no TableRef in the domain (Planuppgifter; Ram when gone). */
const PLAN_INFO_TABLE = 'Planuppgifter';
const PLAN_INFO_VALUE = 'Värde';
const FRAME_TABLE = 'Ram';

function yearValue(year: number, field: 'development' | 'maintenance') {
  return (r: CanonicalInitiative, years: readonly number[]): Value => {
    const i = years.indexOf(year);
    return i < 0 ? undefined : r[field][i];
  };
}

function unplaced(ref: Pick<TableRef, 'sheet' | 'table'>, row: number, column: string): Location {
  return { sheet: ref.sheet, table: ref.table, row, column };
}
