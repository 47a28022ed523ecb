/**
 * The Prioriteringsbeslut workbook: the forum's decision (or `prioritize --out`'s proposal) as Excel tables.
 * Sheet Prioriteringsbeslut: table `Beslutsuppgifter` (Uppgift | Värde: Forum, Datum, Planperiod, Status),
 * table `Prioriteringsbeslut` (one row per initiative, year and changed amount) and table `Beslutssummor`
 * (per area and year, before and after). Values only: every text is written as text, never a formula.
 */
import { cellText } from '../../domain/cell';
import { ACTION_WORDS, parseDecisionAction, type DecisionRow } from '../../domain/prioritizationDecision';
import { readAmount } from '../../domain/money';
import type { RawTable, TableWrite } from '../host';
import { findTable, headerKey, TKR_FORMAT } from './tables';

/** A forum's decision and `prioritize --out`'s proposal have the same tables under their own names. */
export const DECISION_NAMES = {
  Beslut: { sheet: 'Prioriteringsbeslut', table: 'Prioriteringsbeslut', info: 'Beslutsuppgifter', totalsSheet: 'Beslutssummor', totals: 'Beslutssummor' },
  Förslag: { sheet: 'Prioriteringsförslag', table: 'Prioriteringsförslag', info: 'Förslagsuppgifter', totalsSheet: 'Förslagssummor', totals: 'Förslagssummor' },
} as const;
export const DECISION_TABLE = DECISION_NAMES.Beslut.table;
export const DECISION_HEADERS = ['Tjänsteområde', 'Nr', 'Initiativ', 'Rad', 'År', 'Före', 'Efter', 'Åtgärd', 'Motivering'] as const;

export interface DecisionInfo {
  forum: string;
  /** ISO date of the forum's meeting. */
  date: string;
  period: string;
  /** `Förslag` for a proposal not yet decided, `Beslut` for the forum's decision. */
  status: 'Förslag' | 'Beslut';
}

export interface AreaTotals {
  area: string;
  year: number;
  before: number;
  after: number;
}

export function decisionTables(info: DecisionInfo, rows: readonly DecisionRow[], totals: readonly AreaTotals[]): TableWrite[] {
  const names = DECISION_NAMES[info.status];
  return [
    {
      sheet: names.sheet,
      name: names.info,
      headers: ['Uppgift', 'Värde'],
      rows: [
        ['Forum', info.forum],
        ['Datum', info.date],
        ['Planperiod', info.period],
        ['Status', info.status],
      ],
      widths: [14, 30],
    },
    {
      sheet: names.sheet,
      name: names.table,
      headers: [...DECISION_HEADERS],
      rows: rows.map((r) => [r.area, r.nr, r.initiative, r.row, r.year, r.before, r.after, ACTION_WORDS[r.action].sv, r.reason]),
      numberFormats: [undefined, undefined, undefined, undefined, undefined, TKR_FORMAT, TKR_FORMAT],
      widths: [30, 6, 50, 6, 8, 12, 12, 12, 80],
    },
    {
      sheet: names.totalsSheet,
      name: names.totals,
      headers: ['Tjänsteområde', 'År', 'Före', 'Efter', 'Förändring'],
      rows: totals.map((t) => [t.area, t.year, t.before, t.after, t.after - t.before]),
      numberFormats: [undefined, undefined, TKR_FORMAT, TKR_FORMAT, TKR_FORMAT],
      widths: [30, 8, 14, 14, 14],
    },
  ];
}

export interface DecisionReading {
  info: Partial<DecisionInfo>;
  rows: DecisionRow[];
  /** One line per row that cannot be read; such rows are left out, never guessed. */
  problems: string[];
}

/** Reads a decision (or, asked for, a proposal) from a workbook's tables; null when it has none. */
export function readDecision(tables: readonly RawTable[], status: DecisionInfo['status'] = 'Beslut'): DecisionReading | null {
  const names = DECISION_NAMES[status];
  const raw = findTable(tables, names.table);
  if (!raw) return null;
  const col = new Map(raw.headers.map((h, i) => [headerKey(h), i]));
  const at = (cells: readonly unknown[], header: string) => cells[col.get(headerKey(header)) ?? -1] as RawTable['body'][number][number];
  const problems: string[] = [];
  const rows: DecisionRow[] = [];
  raw.body.forEach((cells, i) => {
    const num = (h: string) => {
      const r = readAmount(at(cells, h) ?? null);
      return r.kind === 'amount' ? r.tkr : null;
    };
    const action = parseDecisionAction(cellText(at(cells, 'Åtgärd') ?? null));
    const [row, year, before, after] = [num('Rad'), num('År'), num('Före'), num('Efter')];
    if (row === null || year === null || before === null || after === null || !action) {
      problems.push(`Rad ${i + 1} i ${names.table} kan inte läsas och används inte.`);
      return;
    }
    rows.push({
      area: cellText(at(cells, 'Tjänsteområde') ?? null),
      nr: cellText(at(cells, 'Nr') ?? null),
      initiative: cellText(at(cells, 'Initiativ') ?? null),
      row,
      year,
      before,
      after,
      action,
      reason: cellText(at(cells, 'Motivering') ?? null),
    });
  });
  const info: Partial<DecisionInfo> = {};
  const infoRaw = findTable(tables, names.info);
  for (const cells of infoRaw?.body ?? []) {
    const key = headerKey(cellText(cells[0] ?? null));
    const value = cellText(cells[1] ?? null);
    if (key === 'forum') info.forum = value;
    else if (key === 'datum') info.date = value;
    else if (key === 'planperiod') info.period = value;
    else if (key === 'status') info.status = value === 'Beslut' ? 'Beslut' : 'Förslag';
  }
  return { info, rows, problems };
}

// ---------------------------------------------------------------------------------------------------------
// The basis: every initiative with its priority, what the pane's Prioritering view reads from the open workbook

export const BASIS_SHEET = 'Prioriteringsunderlag';
export const BASIS_TABLE = 'Prioriteringsunderlag';

export interface BasisRow {
  area: string;
  nr: string;
  initiative: string;
  row: number;
  priority: string | null;
  development: readonly number[];
}

export function basisTable(years: readonly number[], rows: readonly BasisRow[]): TableWrite {
  return {
    sheet: BASIS_SHEET,
    name: BASIS_TABLE,
    headers: ['Tjänsteområde', 'Nr', 'Initiativ', 'Rad', 'Prioritet', ...years.map((y) => `Utveckling ${y}`)],
    rows: rows.map((r) => [r.area, r.nr, r.initiative, r.row, r.priority, ...years.map((_, t) => r.development[t] ?? 0)]),
    numberFormats: [undefined, undefined, undefined, undefined, undefined, ...years.map(() => TKR_FORMAT)],
    widths: [30, 6, 50, 6, 10, ...years.map(() => 14)],
  };
}

export interface BasisReading {
  years: number[];
  rows: BasisRow[];
  problems: string[];
}

/** Reads the Prioriteringsunderlag table; null when the workbook has none. */
export function readBasis(tables: readonly RawTable[]): BasisReading | null {
  const raw = findTable(tables, BASIS_TABLE);
  if (!raw) return null;
  const col = new Map(raw.headers.map((h, i) => [headerKey(h), i]));
  const years = raw.headers
    .map((h) => /^utveckling(\d{4})$/.exec(headerKey(h)))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  const text = (cells: RawTable['body'][number], h: string) => cellText(cells[col.get(headerKey(h)) ?? -1] ?? null);
  const problems: string[] = [];
  const rows: BasisRow[] = [];
  raw.body.forEach((cells, i) => {
    const amount = (h: string) => {
      const r = readAmount(cells[col.get(headerKey(h)) ?? -1] ?? null);
      return r.kind === 'amount' ? r.tkr : r.kind === 'empty' ? 0 : null;
    };
    const development = years.map((y) => amount(`Utveckling ${y}`));
    const row = amount('Rad');
    if (development.some((a) => a === null) || row === null) {
      problems.push(`Rad ${i + 1} i ${BASIS_TABLE} kan inte läsas och används inte.`);
      return;
    }
    rows.push({
      area: text(cells, 'Tjänsteområde'),
      nr: text(cells, 'Nr'),
      initiative: text(cells, 'Initiativ'),
      row,
      priority: text(cells, 'Prioritet') || null,
      development: development as number[],
    });
  });
  return { years, rows, problems };
}
