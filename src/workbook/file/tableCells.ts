/**
 * A table's cells → the contract's RawTable, shared by both readers (exceljs and streaming) so that the
 * header, body and totals rules cannot drift apart.
 */
import type { CellValue } from '../../domain/cell';
import type { RawTable } from '../host';

export interface TableRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B5:J30` (or one cell) → its corners, 1-based; null when the reference is not one. */
export function parseRange(ref: string): TableRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref ?? '');
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, right: m[3] ? columnNumber(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface TableShape {
  name: string;
  sheet: string;
  range: TableRange;
  totalsRow: boolean;
  /** The column names of the table's definition: the header when its cell is empty. */
  columns: readonly string[];
}

/** Far above any plan (50 000 rows × 10 columns is 500 000): a table reference past it is hostile or broken. */
export const MAX_TABLE_CELLS = 10_000_000;

/** Why a table cannot be read, or null: its range is too large to walk. */
export function tableTooLarge(name: string, range: TableRange): string | null {
  const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
  return cells > MAX_TABLE_CELLS || cells <= 0 ? `tabellen ${name} täcker ${range.bottom - range.top + 1} rader × ${range.right - range.left + 1} kolumner, mer än någon plan; filen läses inte` : null;
}

export function rawTable(t: TableShape, cellAt: (row: number, column: number) => CellValue): RawTable {
  const { top, left, bottom, right } = t.range;
  const width = right - left + 1;
  const rows: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const out: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = cellAt(r, left + c);
    rows.push(out);
  }
  return tableOfRows(t, rows);
}

/**
 * The same from the range's rows as read, one array of cells per row from the header to the last row; the
 * arrays become the table's own, so a reader that filled them (the streaming one) hands them over uncopied.
 */
export function tableOfRows(t: TableShape, rows: CellValue[][]): RawTable {
  const headers = rows[0].map((v, i) => {
    const text = typeof v === 'string' ? v : v === null ? '' : String(typeof v === 'object' && 'result' in v ? (v.result ?? '') : v);
    return text || t.columns[i] || '';
  });
  const body = rows.slice(1, t.totalsRow ? -1 : undefined);
  return { name: t.name, sheet: t.sheet, headerRow: t.range.top, firstColumn: t.range.left, headers, body, totals: t.totalsRow ? rows[rows.length - 1] : null };
}
