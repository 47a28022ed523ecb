/** Where a finding points: the user's sheet, table, data row and column, and the A1 address to select. */
export interface Location {
  sheet: string;
  table: string;
  /** 1-based within the table's data body; absent when the finding is about the table or a header. */
  row?: number;
  /** The contract's header for the column. */
  column?: string;
  /** A1 address on the sheet, e.g. `C11`. */
  address?: string;
}

/**
 * Where a table stands on its sheet, enough to turn (row, column) into an A1 address without keeping a
 * location per cell: locations are made only for the few cells that get a finding.
 */
export interface TableRef {
  sheet: string;
  table: string;
  /** Sheet row (1-based) of the header row. */
  headerRow: number;
  /** Sheet column (1-based) of the table's first column. */
  firstColumn: number;
  /** Contract header → 0-based column index within the table. */
  columns: ReadonlyMap<string, number>;
  /** Number of data rows. */
  bodyRows: number;
}

export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(sheetRow: number, sheetColumn: number): string {
  return columnLetters(sheetColumn) + sheetRow;
}

/** The location of a data cell (row is 1-based within the body), or of the header when row is 0. */
export function locate(ref: TableRef, row: number, column?: string): Location {
  const loc: Location = { sheet: ref.sheet, table: ref.table };
  if (row > 0) loc.row = row;
  if (column !== undefined) {
    loc.column = column;
    const index = ref.columns.get(column);
    if (index !== undefined) loc.address = a1(ref.headerRow + row, ref.firstColumn + index);
  } else if (row > 0) {
    loc.address = a1(ref.headerRow + row, ref.firstColumn);
  }
  return loc;
}

/** The location of the table itself (its top-left header cell). */
export function locateTable(ref: Pick<TableRef, 'sheet' | 'table' | 'headerRow' | 'firstColumn'>): Location {
  return { sheet: ref.sheet, table: ref.table, address: a1(ref.headerRow, ref.firstColumn) };
}
