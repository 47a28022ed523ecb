/**
 * The `Indikativ` table a rolled-forward plan carries (sheet `Indikativ`): each initiative's approved
 * development in the years it shares with the plan it came from, and that plan as `Källa`. Optional: a plan
 * without it is compared with nothing.
 */
import { cellText } from '../../domain/cell';
import type { Finding } from '../../domain/findings';
import { locate } from '../../domain/location';
import { developmentColumn } from '../../domain/plan';
import type { IndicativeRow } from '../../domain/rollforward';
import type { RawTable } from '../host';
import { amountFromCell } from './cells';
import { isBlank, isEmptyRow, mapColumns, tableRef } from './columns';
import { contractTable } from './readPlan';
import { TABLES } from './tables';

export const INDICATIVE_TABLE = TABLES.indicative;
const SOURCE = 'Källa';

export function indicativeHeaders(years: readonly number[]): string[] {
  return ['Nr', 'Initiativ', ...years.map(developmentColumn), SOURCE];
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
