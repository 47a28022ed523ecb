/**
 * TableRowCollection.add and what it rests on: inserting cells that push everything below them down, as
 * Excel's Insert › Shift cells down, with formulas, tables and conditional formats following.
 */
import { columnsOf, formatRect, intersects, MAX_ROWS, rowsOf, type Rect } from '../addresses';
import { insertDeleteConflict, invalidArgument, notImplemented } from '../errors';
import { compile, shiftRowsIn, type RowShift } from '../formulas';
import { MAX_CELL_TEXT, writeValues } from './cells';
import { SheetModel, type CellData } from './sheetModel';
import type { TableModel } from './tableModel';
import type { WorkbookModel } from './workbookModel';

/**
 * TableRowCollection.add: rows into the table's body at `index` (null, undefined or -1: at the end, above a
 * totals row); returns the body index of the first new row. As Excel does by default (`alwaysInsert`
 * true, and always before ExcelApi 1.15), the rows are inserted: every cell of the table's columns from
 * there down moves down — the rest of the body, the totals row and whatever stands below the table, even
 * when the rows just below are empty — and references follow (see insertCellsDown). With `alwaysInsert`
 * false the table grows into the rows below it when they are empty (the end only, no totals row), as
 * VBA's ListRows.Add does. `input` is a 2-D array with one row per new row and one value per column, or
 * one value for every cell of a single row, or nothing for one empty row; anything else is refused with
 * InvalidArgument before anything changes. The new cells take the number format and fill of the body row
 * beside them (above, or below when inserted at the top) and read the input as typed input in that format,
 * as Range.values does.
 */
export function insertTableRows(model: WorkbookModel, t: TableModel, index: unknown, input: unknown, alwaysInsert: unknown, location: string): number {
  const width = columnsOf(t.rect);
  const body = t.bodyRect();
  const count = rowsOf(body);
  const at = index === null || index === undefined || index === -1 ? count : index;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > count) {
    throw invalidArgument(location, `index ${String(index)} is not a position in the table's ${count} rows`);
  }
  const rows = tableRowsInput(input, width, location);
  const n = rows.length;
  const sheet = t.sheet;
  const top = body.top + at;
  const added: Rect = { top, bottom: top + n - 1, left: t.rect.left, right: t.rect.right };
  const beside = [...Array(width).keys()].map((j) => sheet.get(at > 0 ? top - 1 : top, t.rect.left + j));
  const below: Rect = { top: t.rect.bottom + 1, bottom: t.rect.bottom + n, left: t.rect.left, right: t.rect.right };
  const grow =
    alwaysInsert === false &&
    at === count &&
    !t.showTotals &&
    below.bottom <= MAX_ROWS &&
    !holdsValues(sheet, below) &&
    !model.tables.some((x) => x.sheet === sheet && intersects(x.rect, below));
  if (grow) t.rect = { ...t.rect, bottom: t.rect.bottom + n };
  else insertCellsDown(model, sheet, { top, left: t.rect.left, right: t.rect.right }, n, t, location);
  for (let i = 0; i < n; i++) {
    beside.forEach((c, j) => {
      const cell: CellData = { v: null, ...(c?.nf ? { nf: c.nf } : {}), ...(c?.fill ? { fill: c.fill } : {}) };
      sheet.put(top + i, t.rect.left + j, cell);
    });
  }
  writeValues(model, sheet, added, rows, location);
  model.note('tables', sheet.name);
  model.note('formats', sheet.name);
  return at;
}

/**
 * Inserts `count` empty rows of cells at `region.top` in the columns `region.left`..`region.right`, as
 * Excel's Insert › Shift cells down: every cell of those columns from that row down moves down with its
 * value, formula and format; formulas on every sheet follow the cells they name (shiftRowsIn); tables that
 * lie within those columns move, `own` (the table the rows go into) grows; conditional formats move or grow
 * likewise. A table below only partly within the columns would be cut: InsertDeleteConflict, as Excel
 * refuses, and nothing changes. Pushing a value off the sheet's last row is not modelled (NotImplemented).
 * Not moved: what the model does not keep (fonts, borders, merged cells, data validation in the file stay
 * where they were), the selection, and the references inside conditional format rules.
 */
export function insertCellsDown(model: WorkbookModel, sheet: SheetModel, region: { top: number; left: number; right: number }, count: number, own: TableModel | null, location: string): void {
  const moving = model.tables.filter(
    (x) => x !== own && x.sheet === sheet && x.rect.bottom >= region.top && x.rect.right >= region.left && x.rect.left <= region.right,
  );
  for (const x of moving) {
    if (x.rect.left < region.left || x.rect.right > region.right || x.rect.top < region.top) {
      throw insertDeleteConflict(location, `the cells that move would cut table ${x.name}`);
    }
  }
  const edge: Rect = { top: MAX_ROWS - count + 1, bottom: MAX_ROWS, left: region.left, right: region.right };
  if (holdsValues(sheet, edge) || [...moving, ...(own ? [own] : [])].some((x) => x.rect.bottom + count > MAX_ROWS)) {
    throw notImplemented(location, "shifting cells off the sheet's last row");
  }
  const shift: RowShift = { sheet: sheet.name, top: region.top, left: region.left, right: region.right, count };
  for (const s of model.sheets) {
    for (const key of [...s.formulas]) {
      const cell = s.cells.get(key)!;
      const f = shiftRowsIn(cell.f!, s.name, shift);
      if (f === cell.f) continue;
      const { row, column } = SheetModel.position(key);
      s.put(row, column, { ...cell, f, c: compile(f) });
    }
  }
  const cells = [...sheet.cellsIn({ top: region.top, bottom: MAX_ROWS, left: region.left, right: region.right })].sort((a, b) => b[0] - a[0]);
  for (const [row, column, c] of cells) {
    sheet.put(row, column, { v: null });
    if (row + count <= MAX_ROWS) sheet.put(row + count, column, c);
  }
  for (const x of moving) x.rect = { ...x.rect, top: x.rect.top + count, bottom: x.rect.bottom + count };
  if (own) own.rect = { ...own.rect, bottom: own.rect.bottom + count };
  let cfMoved = false;
  for (const cf of sheet.conditionalFormats) {
    const rects = cf.rects.map((r) => shiftedRect(r, shift));
    if (rects.every((r, i) => r === cf.rects[i])) continue;
    cf.rects = rects;
    if (cf.raw) cf.raw = { ...(cf.raw as object), ref: rects.map(formatRect).join(' ') };
    cfMoved = true;
  }
  if (cfMoved) {
    sheet.conditionalFormatsChanged();
    model.note('conditionalFormats', sheet.name);
  }
  model.invalidate();
  model.note('values', sheet.name);
  model.note('formats', sheet.name);
  if (moving.length > 0 || own) model.note('tables', sheet.name);
}

/** Whether any cell of the block holds a value or a formula. */
function holdsValues(sheet: SheetModel, r: Rect): boolean {
  for (const [, , c] of sheet.cellsIn(r)) if (c.v !== null || c.f !== undefined) return true;
  return false;
}

/**
 * TableRowCollection.add's values: a 2-D array of whole rows, one value for a single row, or nothing (one
 * empty row). Each value must be one a cell takes; checked before anything changes.
 */
function tableRowsInput(input: unknown, width: number, location: string): unknown[][] {
  let rows: unknown[][];
  if (input === null || input === undefined) rows = [new Array<unknown>(width).fill(null)];
  else if (!Array.isArray(input)) rows = [new Array<unknown>(width).fill(input)];
  else {
    if (input.length === 0 || input.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw invalidArgument(location, `the values must be rows of ${width} cells, one per column of the table`);
    }
    rows = input as unknown[][];
  }
  for (const row of rows) {
    for (const v of row) {
      if (v === null || v === undefined || typeof v === 'boolean') continue;
      if (typeof v === 'number' && Number.isFinite(v)) continue;
      if (typeof v === 'string' && v.length <= MAX_CELL_TEXT) continue;
      throw invalidArgument(location, typeof v === 'string' ? `a cell holds at most ${MAX_CELL_TEXT} characters` : 'a cell takes a string, a finite number or a boolean');
    }
  }
  return rows;
}

/** A block after rows were inserted (insertCellsDown): moved, grown, or the same object when untouched. */
function shiftedRect(r: Rect, shift: RowShift): Rect {
  if (r.left < shift.left || r.right > shift.right || r.bottom < shift.top) return r;
  const bottom = Math.min(MAX_ROWS, r.bottom + shift.count);
  if (r.top >= shift.top) return { ...r, top: Math.min(MAX_ROWS, r.top + shift.count), bottom };
  return { ...r, bottom };
}
