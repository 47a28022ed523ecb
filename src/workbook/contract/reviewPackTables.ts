/**
 * The forum's review pack (granskningsunderlag) that `tjansteplan pack` writes: a sheet `Översikt` with one
 * row per area, then one sheet per area with three real Excel tables — the presented version's initiatives,
 * what changed since the version it is compared with (with the Swedish change notes of `changeNotes`), and
 * the findings recorded when it was approved. Given finance's frame, a sheet `Ram` follows Översikt: the city
 * and every area against the frame with the findings of both (reviewPackFrame), and Översikt's title says
 * where the city stands.
 * Pure: the CLI writes the result through XlsxWorkbook, and the task pane could through Office.js.
 */
import type { CellValue } from '../../domain/cell';
import { changeNotes, diffPlans, versionOfSnapshot, type InitiativeChange, type PlanDiff } from '../../domain/diff';
import type { Finding, Severity } from '../../domain/findings';
import type { CityFrame } from '../../domain/frame';
import type { Tkr } from '../../domain/money';
import type { PlanSnapshot } from '../../domain/snapshot';
import type { Forum } from '../../domain/versions';
import type { TableWrite } from '../host';
import { ownFormula } from '../ownFormula';
import { findingsTable } from './reviewPackFindings';
import { cityVerdict, FRAME_TABLE_KEY, frameSheet, packConsolidation, SHEET_FRAME, type PackFrame } from './reviewPackFrame';
import { initiativeHeaders, TKR_FORMAT } from './tables';

export const SHEET_OVERVIEW = 'Översikt';
export const OVERVIEW_TABLE = 'Oversikt';
export const FORUM_NAMES: Record<Forum, string> = { TF: 'Tjänsteforum', PF: 'Prioriteringsforum', BF: 'Beslutsforum' };

/** One published version as the pack shows it. */
export interface PackVersion {
  snapshot: PlanSnapshot;
  version: string;
  forum: string;
  decision: string;
  /** ISO date of the decision, when known. */
  decisionDate: string | null;
  /** Its file name in the library. */
  file: string;
}

export interface PackAreaInput {
  area: string;
  /** The area's newest approved version, whichever forum approved it. */
  presented: PackVersion;
  /** What it is compared with; null when it is the area's first approved version. */
  previous: PackVersion | null;
}

export interface PackArea extends PackAreaInput {
  /** The area's sheet (≤ 31 characters, no `[]:*?/\`, unique). */
  sheet: string;
  /** The suffix of the area's table names: `Initiativ_<key>`, `Andringar_<key>`, `Fynd_<key>`. */
  key: string;
  diff: PlanDiff | null;
  /** `changeNotes(diff)`: one Swedish sentence per change. */
  notes: string[];
}

export interface PackSheet {
  name: string;
  /** The text of A1; the tables follow below it. */
  title: string;
  tables: TableWrite[];
}

export interface ReviewPack {
  forum: Forum;
  period: string;
  years: number[];
  areas: PackArea[];
  /** `Översikt` first, then `Ram` when built with a frame, then one per area in the order of `areas`. */
  sheets: PackSheet[];
  /** The presented versions against finance's frame; only when built with one. */
  frame?: PackFrame;
}

/**
 * With `frame` (finance's budgetram) the pack also shows the city and each area against it, and the findings
 * of that comparison and the frame workbook's own (`frameFindings`, from readCityFrame).
 */
export function reviewPack(forum: Forum, period: string, inputs: readonly PackAreaInput[], frame?: CityFrame | null, frameFindings: readonly Finding[] = []): ReviewPack {
  const years = [...new Set(inputs.flatMap((a) => a.presented.snapshot.years))].sort((a, b) => a - b);
  const sheets = sheetNames(
    inputs.map((a) => a.area),
    frame ? [SHEET_FRAME] : [],
  );
  // The Ram sheet's findings table is Fynd_Ram: an area called Ram must not take that key.
  const keys = tableKeys(
    inputs.map((a) => a.area),
    frame ? [FRAME_TABLE_KEY] : [],
  );
  const areas: PackArea[] = inputs.map((a, i) => {
    const diff = a.previous ? diffPlans(versionOfSnapshot(a.previous.snapshot), versionOfSnapshot(a.presented.snapshot)) : null;
    return { ...a, sheet: sheets[i], key: keys[i], diff, notes: diff ? changeNotes(diff) : [] };
  });
  const title = `Granskningsunderlag ${FORUM_NAMES[forum]} (${forum}) – tjänsteplaner ${period}`;
  const against = frame ? packConsolidation(inputs, frame, frameFindings) : null;
  return {
    forum,
    period,
    years,
    areas,
    sheets: [
      { name: SHEET_OVERVIEW, title: against ? `${title}; ${cityVerdict(against.consolidation)}` : title, tables: [overviewTable(areas, years)] },
      ...(against ? [frameSheet(period, against)] : []),
      ...areas.map((a) => areaSheet(a, years)),
    ],
    ...(against ? { frame: against } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Översikt

const thisRow = (table: string, column: string) => `${table}[[#This Row],[${column}]]`;
const DATE_FORMAT = 'yyyy-mm-dd';
const COUNTS = ['Ändringar', 'Fel', 'Varningar'];

function dateCell(iso: string | null): CellValue {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

/** `v1.0 (PF 2021-12-08)` */
export function versionLabel(v: PackVersion): string {
  const when = [v.forum, v.decisionDate?.slice(0, 10) ?? ''].filter(Boolean).join(' ');
  return `v${v.version}${when ? ` (${when})` : ''}`;
}

const count = (findings: readonly Finding[], s: Severity) => findings.filter((f) => f.severity === s).length;

function overviewTable(areas: readonly PackArea[], years: readonly number[]): TableWrite {
  const perYear = years.flatMap((y) => [`Utveckling ${y}`, `Ram ${y}`, `Avvikelse ${y}`]);
  const headers = ['Tjänsteområde', 'Blad', 'Version', 'Forum', 'Beslut', 'Beslutsdatum', ...perYear, 'Jämförs med', 'Ändringar', 'Fel', 'Varningar', 'Fil'];
  const rows = areas.map((a) => {
    const s = a.presented.snapshot;
    const amounts = years.flatMap((y): CellValue[] => {
      const t = s.totals[String(y)];
      const development = t?.development ?? null;
      const frame = t?.frame ?? null;
      // An empty frame gives an empty deviation, not a deviation from zero; a formula, so it follows edits.
      const excess: CellValue = ownFormula(
        `IF(${thisRow(OVERVIEW_TABLE, `Ram ${y}`)}="","",${thisRow(OVERVIEW_TABLE, `Utveckling ${y}`)}-${thisRow(OVERVIEW_TABLE, `Ram ${y}`)})`,
        frame === null || development === null ? '' : development - frame,
      );
      return [development, frame, excess];
    });
    return [
      a.area,
      a.sheet,
      a.presented.version,
      a.presented.forum,
      a.presented.decision,
      dateCell(a.presented.decisionDate),
      ...amounts,
      a.previous ? versionLabel(a.previous) : 'ingen tidigare fastställd version',
      a.diff ? a.notes.length : null,
      count(s.findings, 'error'),
      count(s.findings, 'warning'),
      a.presented.file,
    ];
  });
  return {
    sheet: SHEET_OVERVIEW,
    name: OVERVIEW_TABLE,
    headers,
    rows,
    numberFormats: headers.map((h) => (h === 'Beslutsdatum' ? DATE_FORMAT : perYear.includes(h) ? TKR_FORMAT : COUNTS.includes(h) ? '0' : undefined)),
    widths: [30, 24, 9, 7, 12, 13, ...perYear.map(() => 15), 28, 11, 6, 10, 40],
    // Development, frame and counts add up across areas; deviations do not (an area within its frame makes
    // no room in another's), so they get no sum.
    totals: { label: 'Summa', sum: headers.map((h) => /^(Utveckling|Ram) \d+$/.test(h) || COUNTS.includes(h)) },
  };
}

// ---------------------------------------------------------------------------------------------------------
// One sheet per area

function areaSheet(a: PackArea, years: readonly number[]): PackSheet {
  const p = a.presented;
  const decided = [p.decision ? p.decision.toLocaleLowerCase('sv') : 'fastställd', p.forum ? `i ${p.forum}` : '', p.decisionDate?.slice(0, 10) ?? '']
    .filter(Boolean)
    .join(' ');
  const compared = a.previous ? `jämförs med ${versionLabel(a.previous)}` : 'ingen tidigare fastställd version att jämföra med';
  return {
    name: a.sheet,
    title: `${a.area} ${p.snapshot.period} – version ${p.version}, ${decided}; ${compared}`,
    tables: [initiativeTable(a, years), changeTable(a), findingsTableOfArea(a)],
  };
}

function aligned(own: readonly number[], years: readonly number[], amounts: readonly (Tkr | null)[]): (Tkr | null)[] {
  return years.map((y) => {
    const i = own.indexOf(y);
    return i < 0 ? null : (amounts[i] ?? null);
  });
}

function initiativeTable(a: PackArea, years: readonly number[]): TableWrite {
  const s = a.presented.snapshot;
  const headers = initiativeHeaders(years);
  const amountCount = years.length * 2;
  return {
    sheet: a.sheet,
    name: `Initiativ_${a.key}`,
    headers,
    // Stated sums are left out: the totals row sums the initiatives themselves.
    rows: s.initiatives
      .filter((r) => !r.isStatedSum)
      .map((r) => [r.nr === '' ? null : r.nr, r.name, ...aligned(s.years, years, r.development), ...aligned(s.years, years, r.maintenance), r.comment || null]),
    numberFormats: headers.map((_, i) => (i >= 2 && i < 2 + amountCount ? TKR_FORMAT : undefined)),
    widths: headers.map((h, i) => (i === 0 ? 6 : i === 1 ? 50 : h === 'Kommentar' ? 40 : 16)),
    totals: { label: 'Summa', sum: headers.map((_, i) => i >= 2 && i < 2 + amountCount) },
  };
}

const CHANGE_HEADERS = ['Ändring', 'Nr', 'Initiativ', 'Kolumn', 'Före', 'Efter', 'Förändring', 'Ändringsnotering'];

/** One row per change note, each with the note `changeNotes` gives that change alone. */
export function changeRows(diff: PlanDiff): CellValue[][] {
  const note = (part: Pick<PlanDiff, 'initiatives' | 'frame'>) => changeNotes({ years: diff.years, ...part })[0] ?? '';
  const total = (v: readonly (Tkr | null)[]) => v.reduce<number>((s, x) => s + (x ?? 0), 0);
  const rows: CellValue[][] = [];
  for (const c of diff.initiatives) {
    const only = (change: InitiativeChange) => note({ initiatives: [change], frame: [] });
    if (c.kind === 'added') rows.push(['Tillagt', c.nr || null, c.name, 'Utveckling under perioden', null, total(c.development), total(c.development), only(c)]);
    else if (c.kind === 'removed') rows.push(['Borttaget', c.nr || null, c.name, 'Utveckling under perioden', total(c.development), null, -total(c.development), only(c)]);
    else {
      if (c.renamedFrom !== undefined) rows.push(['Nytt namn', c.nr || null, c.name, 'Initiativ', c.renamedFrom, c.name, null, only({ ...c, amounts: [] })]);
      for (const m of c.amounts) {
        const { renamedFrom: _renamed, ...rest } = c;
        rows.push(['Belopp', c.nr || null, c.name, m.column, m.before, m.after, m.delta, only({ ...rest, amounts: [m] })]);
      }
    }
  }
  for (const f of diff.frame) {
    rows.push(['Ram', null, null, `Ram utveckling ${f.year}`, f.before, f.after, f.before === null || f.after === null ? null : f.after - f.before, note({ initiatives: [], frame: [f] })]);
  }
  return rows;
}

function changeTable(a: PackArea): TableWrite {
  const message = (text: string): CellValue[] => [null, null, null, null, null, null, null, text];
  const rows = !a.diff || !a.previous
    ? [message('Ingen tidigare fastställd version i biblioteket att jämföra med.')]
    : a.notes.length === 0
      ? [message(`Inga ändringar sedan ${versionLabel(a.previous)}.`)]
      : changeRows(a.diff);
  return {
    sheet: a.sheet,
    name: `Andringar_${a.key}`,
    headers: CHANGE_HEADERS,
    rows,
    numberFormats: [undefined, undefined, undefined, undefined, TKR_FORMAT, TKR_FORMAT, `+${TKR_FORMAT};-${TKR_FORMAT};0`, undefined],
    widths: [11, 6, 40, 24, 14, 14, 14, 90],
  };
}

function findingsTableOfArea(a: PackArea): TableWrite {
  return findingsTable(a.sheet, `Fynd_${a.key}`, a.presented.snapshot.findings, 'Inga fynd när versionen fastställdes.');
}

// ---------------------------------------------------------------------------------------------------------
// Names Excel accepts

const SHEET_MAX = 31;
const RESERVED_SHEETS = [SHEET_OVERVIEW, 'History'];
const sheetKey = (name: string) => name.normalize('NFC').toLocaleLowerCase('sv');

/**
 * A sheet name per area: `[]:*?/\` become `-`, control characters go, no apostrophe first or last (checked
 * after clipping too, which can leave one at the end), at most 31 characters, unique without regard to case
 * (a second `IT` becomes `IT (2)`), never `Översikt` or Excel's reserved `History` (nor the pack's other
 * sheets in `reserved`, `Ram` with a frame), never empty.
 */
export function sheetNames(areas: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set([...RESERVED_SHEETS, ...reserved].map(sheetKey));
  return areas.map((area) => {
    // eslint-disable-next-line no-control-regex -- control characters are what Excel refuses in a sheet name
    const cleaned = area.replace(/[[\]:*?/\\]/g, '-').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/\s+/g, ' ');
    const base = unquoted(clip(unquoted(cleaned), SHEET_MAX)) || 'Område';
    let name = base;
    for (let n = 2; taken.has(sheetKey(name)); n++) {
      const suffix = ` (${n})`;
      name = (unquoted(clip(base, SHEET_MAX - suffix.length)) || 'Område') + suffix;
    }
    taken.add(sheetKey(name));
    return name;
  });
}

/** Without apostrophes or spaces at either end: Excel refuses a sheet name that starts or ends with `'`. */
const unquoted = (text: string) => text.replace(/^['\s]+|['\s]+$/g, '');

/** At most `max` characters, never cutting a character in two. */
function clip(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.trimEnd();
}

/**
 * The table-name suffix per area: letters without diacritics (`Inköp` → `Inkop`), digits and `_` only,
 * unique without regard to case and never one of `reserved` (the Ram sheet's `Ram`); so `Initiativ_IT`,
 * `Andringar_Vard_och_omsorg`.
 */
export function tableKeys(areas: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set<string>(reserved.map((k) => k.toLowerCase()));
  return areas.map((area) => {
    const base =
      area
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 60) || 'Omrade';
    let key = base;
    for (let n = 2; taken.has(key.toLowerCase()); n++) key = `${base}_${n}`;
    taken.add(key.toLowerCase());
    return key;
  });
}
