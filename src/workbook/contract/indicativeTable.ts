/**
 * The `Indikativ` table a rolled-forward plan carries (sheet `Indikativ`): each initiative's approved
 * development in the years it shares with the plan it came from, and that plan as `Källa`. Optional: a plan
 * without it is compared with nothing.
 */
import { cellText } from '../../domain/cell';
import type { Finding } from '../../domain/findings';
import { locate } from '../../domain/location';
import { developmentColumn } from '../../domain/plan';
import type { IndicativeRow, RolledPlan } from '../../domain/rollforward';
import type { RawTable, TableWrite } from '../host';
import { amountFromCell } from './cells';
import { isBlank, isEmptyRow, mapColumns, tableRef } from './columns';
import { contractTable } from './readPlan';
import { planTables } from './template';
import { TABLES, TKR_FORMAT } from './tables';

export const INDICATIVE_TABLE = TABLES.indicative;
const SOURCE = 'Källa';

export function indicativeHeaders(years: readonly number[]): string[] {
  return ['Nr', 'Initiativ', ...years.map(developmentColumn), SOURCE];
}

/** The new plan's tables: the contract's, filled from the rolled plan, and its Indikativ table. */
export function rolledPlanTables(r: RolledPlan): TableWrite[] {
  const years = r.period.years;
  const source = r.history.description.replace(/^Upprättad från /, '');
  return [
    ...planTables({
      area: r.area,
      period: r.period,
      owner: r.owner,
      securityLevel: r.securityLevel,
      initiatives: r.initiatives.map((i) => ({
        nr: i.nr === '' ? null : i.nr,
        name: i.name,
        development: i.development,
        maintenance: i.maintenance,
        comment: i.comment,
        priority: i.priority,
      })),
      versions: [{ date: r.history.date, version: r.history.version, description: r.history.description, changedBy: r.history.changedBy }],
    }),
    {
      sheet: INDICATIVE_TABLE.sheet,
      name: INDICATIVE_TABLE.name,
      headers: indicativeHeaders(years),
      rows: r.indicative.map((i) => [i.nr === '' ? null : i.nr, i.name, ...i.development, source]),
      numberFormats: [undefined, undefined, ...years.map(() => TKR_FORMAT)],
      widths: [6, 50, ...years.map(() => 16), 36],
    },
  ];
}

/** The Indikativ table of a plan of `years`, when it has one. */
export function readIndicative(tables: readonly RawTable[], years: readonly number[], findings: Finding[]): { rows: IndicativeRow[]; source: string } | null {
  const raw = contractTable(tables, INDICATIVE_TABLE, findings, null);
  if (!raw) return null;
  const headers = indicativeHeaders(years);
  const columns = mapColumns(raw, headers.map((header) => ({ header, missing: header === SOURCE || header === 'Nr' ? null : ('warning' as const) })), findings);
  const ref = tableRef(raw, columns);
  const col = (h: string) => columns.get(h);
  let source = '';
  const rows: IndicativeRow[] = [];
  raw.body.forEach((cells, i) => {
    if (isEmptyRow(cells)) return;
    const at = (c: number | undefined) => (c === undefined ? null : cells[c]);
    if (!source) source = cellText(at(col(SOURCE)));
    rows.push({
      nr: cellText(at(col('Nr'))),
      name: cellText(at(col('Initiativ'))),
      development: years.map((y) => {
        const c = col(developmentColumn(y));
        return c === undefined || isBlank(cells[c]) ? null : amountFromCell(cells[c], () => locate(ref, i + 1, developmentColumn(y)), findings, y);
      }),
    });
  });
  return { rows, source };
}
