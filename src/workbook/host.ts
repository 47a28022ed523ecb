/**
 * The WorkbookHost port: what the table contract needs from a workbook, whatever holds it (an .xlsx file
 * in Node, Excel through Office.js, the test host in the workbench).
 */
import type { CellValue } from '../domain/cell';
import type { Severity } from '../domain/findings';

/** A table (ListObject) as the host found it; coordinates are the sheet's, 1-based. */
export interface RawTable {
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  /** Data body, row by row; each row has one cell per header. */
  body: CellValue[][];
  /** The totals row when the table shows one. */
  totals: CellValue[] | null;
}

/** A table to create: values only (text stays text, never a formula), formats per column. */
export interface TableWrite {
  sheet: string;
  name: string;
  headers: string[];
  rows: CellValue[][];
  /** Excel number format per column, e.g. `# ##0` for tkr. */
  numberFormats?: (string | undefined)[];
  /** Column widths in characters. */
  widths?: (number | undefined)[];
  /** When set, the table shows a totals row: a label in the first column and SUBTOTAL sums where true. */
  totals?: { label: string; sum: boolean[] };
}

export interface WorkbookHost {
  /** Every table in the workbook, with header, body and totals cells. */
  readTables(): Promise<RawTable[]>;
  /** Creates the given tables; refuses (throws) when a table or a sheet's target range is already in use. */
  createTables(tables: TableWrite[]): Promise<void>;
  /**
   * Writes one of the add-in's own tables on a very hidden sheet of that name, replacing the table there.
   * Refuses (throws) when a visible or merely hidden sheet has the name (it is the user's), or when the
   * table name is taken on another sheet.
   */
  writeHiddenTable(table: TableWrite): Promise<void>;
}

/** Why writeHiddenTable refuses a sheet name that is already the user's. */
export function ownSheetTaken(sheet: string): string {
  return `Bladet ${sheet} finns redan i arbetsboken och är inte tilläggets eget; det skrivs inte över. Byt namn på det och försök igen.`;
}

/** A value the user confirmed, for one cell. */
export interface CellWrite {
  sheet: string;
  address: string;
  value: number | string | null;
}

/** A cell to highlight for a finding. */
export interface CellMark {
  sheet: string;
  address: string;
  severity: Severity;
}

/** What the task pane does in a live workbook, beyond reading and creating tables. */
export interface InteractiveHost extends WorkbookHost {
  /** Activates the sheet and selects the cell. */
  select(sheet: string, address: string): Promise<void>;
  /** Writes values the user confirmed. Text is stored as text, never as a formula. */
  writeCells(cells: CellWrite[]): Promise<void>;
  /** Marks cells, remembering their previous fill. */
  highlight(marks: CellMark[]): Promise<void>;
  /** Restores exactly the cells it marked that still carry the mark; returns how many. */
  clearHighlights(): Promise<number>;
  /**
   * Adds rows at the end of a table, in the table's column order. Text is stored as text (never a formula),
   * a Date as a real date. Refuses (throws) when the cells below the table are in use.
   */
  appendTableRows(table: string, rows: CellValue[][]): Promise<void>;
  /** The whole workbook as .xlsx bytes, as it is now (what a published version is). */
  fileBytes(): Promise<Uint8Array>;
}
