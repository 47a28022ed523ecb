/** Matching a table's headers to the contract, and the TableRef that lets findings name their cells. */
import { finding, type Finding, type Severity } from '../../domain/findings';
import { locateTable, type TableRef } from '../../domain/location';
import type { RawTable } from '../host';
import { headerKey } from './tables';

export interface ColumnSpec {
  header: string;
  /** Severity of COLUMN_MISSING; `null` when the column may be left out without a word. */
  missing: Severity | null;
}

/** Maps each contract header to its column in the table and reports the missing ones. */
export function mapColumns(raw: RawTable, specs: readonly ColumnSpec[], findings: Finding[]): Map<string, number> {
  const byKey = new Map<string, number>();
  raw.headers.forEach((h, i) => {
    const key = headerKey(h);
    if (!byKey.has(key)) byKey.set(key, i);
  });
  const columns = new Map<string, number>();
  for (const spec of specs) {
    const index = byKey.get(headerKey(spec.header));
    if (index !== undefined) columns.set(spec.header, index);
    else if (spec.missing) {
      const year = /\b(\d{4})$/.exec(spec.header);
      findings.push(
        finding(
          'COLUMN_MISSING',
          { column: spec.header, table: raw.name },
          {
            location: { ...locateTable(tableRef(raw, columns)), column: spec.header },
            severity: spec.missing,
            ...(year ? { year: Number(year[1]) } : {}),
          },
        ),
      );
    }
  }
  return columns;
}

export function tableRef(raw: RawTable, columns: ReadonlyMap<string, number>, contractName?: string): TableRef {
  return {
    sheet: raw.sheet,
    table: contractName ?? raw.name,
    headerRow: raw.headerRow,
    firstColumn: raw.firstColumn,
    columns,
    bodyRows: raw.body.length,
  };
}

/** An empty cell, or one a person "cleared" with spaces (Office.js reports empty cells as ""). */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isEmptyRow(row: readonly unknown[]): boolean {
  return row.every(isBlank);
}
