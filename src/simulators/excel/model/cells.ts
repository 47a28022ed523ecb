/**
 * Cells as Range changes them: values and formulas read as typed input, number formats, fills, clearing,
 * and column widths fitted to the text. Writing values may grow a table or rename its headers (tables.ts).
 */
import { columnsOf, intersects, rowsOf, type Rect } from '../addresses';
import { invalidArgument, notImplemented } from '../errors';
import { compile } from '../formulas';
import { formatValue } from '../numberFormat';
import { errorValue, normalizeColor, readInput, type Entry } from '../values';
import type { CellData, SheetModel } from './sheetModel';
import { expandTableAbove, normalizeHeaders } from './tables';
import type { WorkbookModel } from './workbookModel';

/** Characters one cell can hold (Excel's specification and limits). */
export const MAX_CELL_TEXT = 32_767;

const MAX_FILL_CELLS = 2_000_000;

/**
 * Writes values or formulas as Range.values / Range.formulas do: one input per cell (or one for all),
 * null leaves a cell as it is, strings are read as typed input unless the cell is formatted `@`.
 */
export function writeValues(model: WorkbookModel, sheet: SheetModel, r: Rect, input: unknown, location: string): void {
  const at = shaped(input, r, location);
  for (let i = 0; i < rowsOf(r); i++) {
    for (let j = 0; j < columnsOf(r); j++) enterCell(model, sheet, r.top + i, r.left + j, at(i, j), location);
  }
  expandTableAbove(model, sheet, r, at);
  afterValues(model, sheet, r);
}

/** One cell's input, as writeValues reads it; null or undefined leaves the cell as it is. */
export function enterCell(model: WorkbookModel, sheet: SheetModel, row: number, column: number, input: unknown, location: string): void {
  if (input === null || input === undefined) return;
  const old = sheet.get(row, column);
  let entry: Entry;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument(location, 'a number must be finite');
    // "When you format a cell using the Text number format, … anything that is entered is displayed as
    // text" (Microsoft KB 141765, "Unexpected behavior with numbers formatted as text"). Whether a number
    // set through Range.values obeys that too is not documented; the host keeps it as text, the stricter
    // reading, so a writer has to set another number format first.
    entry = old?.nf === '@' ? { value: String(input) } : { value: input };
  } else if (typeof input === 'boolean') entry = { value: input };
  else if (typeof input === 'string') {
    // Excel's limit on a cell's text; longer values are refused, not cut.
    if (input.length > MAX_CELL_TEXT) throw invalidArgument(location, `a cell holds at most ${MAX_CELL_TEXT} characters`);
    entry = readInput(input, old?.nf);
  }
  else throw invalidArgument(location, 'a cell takes a string, a number or a boolean');
  const cell: CellData = { v: entry.value, nf: entry.numberFormat ?? old?.nf, fill: old?.fill };
  if (entry.formula !== undefined) {
    cell.f = entry.formula;
    cell.c = compile(entry.formula);
    cell.v = cell.c ? null : errorValue('#NAME?');
    model.invalidate();
  }
  if (cell.nf === undefined) delete cell.nf;
  if (cell.fill === undefined) delete cell.fill;
  sheet.put(row, column, cell);
}

function afterValues(model: WorkbookModel, sheet: SheetModel, r: Rect): void {
  for (const t of model.tables) {
    if (t.sheet === sheet && intersects(t.headerRect(), r)) normalizeHeaders(model, t);
  }
  model.invalidate();
  model.note('values', sheet.name);
}

export function writeNumberFormats(model: WorkbookModel, sheet: SheetModel, r: Rect, input: unknown, location: string): void {
  const at = shaped(input, r, location);
  for (let i = 0; i < rowsOf(r); i++) {
    for (let j = 0; j < columnsOf(r); j++) {
      const f = at(i, j);
      if (f === null || f === undefined) continue;
      if (typeof f !== 'string') throw invalidArgument(location, 'a number format is a string');
      const row = r.top + i;
      const column = r.left + j;
      const old = sheet.get(row, column) ?? { v: null };
      const cell: CellData = { ...old };
      if (f === '' || f.toLowerCase() === 'general') delete cell.nf;
      else cell.nf = f;
      sheet.put(row, column, cell);
    }
  }
  model.note('formats', sheet.name);
}

export function fillRect(model: WorkbookModel, sheet: SheetModel, r: Rect, color: string | null, location: string): void {
  let fill: string | undefined;
  if (color !== null) {
    const c = normalizeColor(String(color));
    if (!c) throw invalidArgument(location, `${String(color)} is not a colour`);
    fill = c;
  }
  if (rowsOf(r) * columnsOf(r) > MAX_FILL_CELLS) throw notImplemented(location, 'filling more than two million cells');
  for (let row = r.top; row <= r.bottom; row++) {
    for (let column = r.left; column <= r.right; column++) {
      const old = sheet.get(row, column);
      if (!old && fill === undefined) continue;
      const cell: CellData = { ...(old ?? { v: null }) };
      if (fill === undefined) delete cell.fill;
      else cell.fill = fill;
      sheet.put(row, column, cell);
    }
  }
  model.note('formats', sheet.name);
}

/** Clears values (and with `all`, formats) as Range.clear does. */
export function clearRect(model: WorkbookModel, sheet: SheetModel, r: Rect, applyTo: string, location: string): void {
  const what = applyTo.toLowerCase();
  if (!['all', 'contents', 'formats'].includes(what)) throw invalidArgument(location, `applyTo ${applyTo}`);
  for (const [row, column, c] of [...sheet.cellsIn(r)]) {
    const cell: CellData = { ...c };
    if (what !== 'formats') {
      cell.v = null;
      delete cell.f;
      delete cell.c;
    }
    if (what !== 'contents') {
      delete cell.nf;
      delete cell.fill;
    }
    sheet.put(row, column, cell);
  }
  afterValues(model, sheet, r);
  if (what !== 'contents') model.note('formats', sheet.name);
}

/** Fits column widths to the text of the cells in the block, as Range.format.autofitColumns() does. */
export function autofitColumns(model: WorkbookModel, sheet: SheetModel, r: Rect): void {
  model.ensureCalculated();
  const longest = new Map<number, number>();
  for (const [, column, c] of sheet.cellsIn(r)) {
    const text = formatValue(c.v, c.nf, model.locale);
    longest.set(column, Math.max(longest.get(column) ?? 0, text.length));
  }
  for (const [column, length] of longest) {
    if (length === 0) continue;
    sheet.widths.set(column, Math.min(255, Math.round((length * 1.1 + 2) * 100) / 100));
    sheet.dirtyWidths.add(column);
  }
  model.note('widths', sheet.name);
}

/** A 2-D input checked against the block, or one value for every cell. */
function shaped(input: unknown, r: Rect, location: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = rowsOf(r);
  const columns = columnsOf(r);
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw invalidArgument(location, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  return (i, j) => (input[i] as unknown[])[j];
}
