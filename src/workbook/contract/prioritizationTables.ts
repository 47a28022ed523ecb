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

export const DECISION_SHEET = 'Prioriteringsbeslut';
export const DECISION_TABLE = 'Prioriteringsbeslut';
export const DECISION_INFO_TABLE = 'Beslutsuppgifter';
export const DECISION_TOTALS_TABLE = 'Beslutssummor';
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
  return [
    {
      sheet: DECISION_SHEET,
      name: DECISION_INFO_TABLE,
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
      sheet: DECISION_SHEET,
      name: DECISION_TABLE,
      headers: [...DECISION_HEADERS],
      rows: rows.map((r) => [r.area, r.nr, r.initiative, r.row, r.year, r.before, r.after, ACTION_WORDS[r.action].sv, r.reason]),
      numberFormats: [undefined, undefined, undefined, undefined, undefined, TKR_FORMAT, TKR_FORMAT],
      widths: [30, 6, 50, 6, 8, 12, 12, 12, 80],
    },
    {
      sheet: 'Beslutssummor',
      name: DECISION_TOTALS_TABLE,
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

/** Reads a Prioriteringsbeslut workbook's tables; null when it has no decision table. */
export function readDecision(tables: readonly RawTable[]): DecisionReading | null {
  const raw = findTable(tables, DECISION_TABLE);
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
      problems.push(`Rad ${i + 1} i ${DECISION_TABLE} kan inte läsas och används inte.`);
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
  const infoRaw = findTable(tables, DECISION_INFO_TABLE);
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
