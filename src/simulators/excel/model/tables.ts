/**
 * Tables as TableCollection and Table change them: add (headers made text, unique, non-empty), rename
 * (structured references follow), the totals row, resize, delete, convert to a range; and what writing
 * cells does to a table: values just below grow it, a header cell written is made a header again.
 * Table rows (rows.add) are tableRows.ts.
 */
import { columnsOf, intersects, rowsOf, type Rect } from '../addresses';
import { invalidArgument, notImplemented } from '../errors';
import { renameTableIn } from '../formulas';
import { formatValue, type NumberLocale } from '../numberFormat';
import { GENERAL, isError, type Scalar } from '../values';
import { rewriteFormulas } from './calculation';
import { clearRect, enterCell } from './cells';
import type { CellData, SheetModel } from './sheetModel';
import { isValidTableName, type TableModel } from './tableModel';
import type { WorkbookModel } from './workbookModel';

/**
 * TableCollection.add: the block becomes a table; its first row holds the headers, made text, unique and
 * non-empty as Excel makes them. A block of only a header row gets one empty body row.
 */
export function addTable(model: WorkbookModel, sheet: SheetModel, r: Rect, hasHeaders: boolean, location: string): TableModel {
  if (!hasHeaders) throw notImplemented(location, 'tables.add with hasHeaders = false');
  const block = rowsOf(r) === 1 ? { ...r, bottom: r.bottom + 1 } : { ...r };
  if (rowsOf(block) > 1_048_575 || columnsOf(block) > 16_384) throw invalidArgument(location, 'the range is too large for a table');
  if (model.tables.some((t) => t.sheet === sheet && intersects(t.rect, block))) {
    throw invalidArgument(location, "a table can't overlap another table");
  }
  let n = 1;
  while (model.tableByName(`Table${n}`)) n++;
  const t = model.attachTable(sheet, `Table${n}`, block, false, []);
  normalizeHeaders(model, t);
  model.note('tables', sheet.name);
  return t;
}

export function renameTable(model: WorkbookModel, t: TableModel, name: string, location: string): void {
  if (t.name === name) return;
  if (!isValidTableName(name)) throw invalidArgument(location, `${name} is not a valid table name`);
  const other = model.tableByName(name);
  if (other && other !== t) throw invalidArgument(location, `a table named ${name} exists`);
  if (model.sheetByName(name) && /\s/.test(name)) throw invalidArgument(location, name);
  const old = t.name;
  t.name = name;
  rewriteFormulas(model, (f) => renameTableIn(f, old, name));
  model.note('tables', t.sheet.name);
}

/**
 * Table.showTotals: turning it on adds a totals row below the body with Excel's defaults — a label in the
 * first column (`Summa`, or `Total` in English) and a SUBTOTAL in the last (sum for numbers, count
 * otherwise); turning it off removes the row's contents. The row below must be empty.
 */
export function setShowTotals(model: WorkbookModel, t: TableModel, on: boolean, location: string): void {
  if (t.showTotals === on) return;
  const sheet = t.sheet;
  if (on) {
    const below: Rect = { top: t.rect.bottom + 1, bottom: t.rect.bottom + 1, left: t.rect.left, right: t.rect.right };
    const taken = [...sheet.cellsIn(below)].some(([, , c]) => c.v !== null || c.f !== undefined);
    const tableBelow = model.tables.some((x) => x !== t && x.sheet === sheet && intersects(x.rect, below));
    if (taken || tableBelow) throw notImplemented(location, 'a totals row over cells that are not empty (Excel would shift them down)');
    t.rect = { ...t.rect, bottom: t.rect.bottom + 1 };
    t.showTotals = true;
    const row = t.rect.bottom;
    const last = t.columns.length - 1;
    const body = t.bodyRect();
    if (last > 0) enterCell(model, sheet, row, t.rect.left, model.language.toLowerCase().startsWith('sv') ? 'Summa' : 'Total', location);
    const numeric = [...sheet.cellsIn({ ...body, left: t.rect.left + last, right: t.rect.left + last })].every(([, , c]) => typeof c.v === 'number' || c.v === null);
    const col = t.columns[last].name.replace(/(['#[\]])/g, "'$1");
    enterCell(model, sheet, row, t.rect.left + last, `=SUBTOTAL(${numeric ? 109 : 103},${t.name}[${col}])`, location);
  } else {
    const totals = t.totalsRect()!;
    for (let column = totals.left; column <= totals.right; column++) {
      const old = sheet.get(totals.top, column);
      if (old) sheet.put(totals.top, column, { v: null, ...(old.nf ? { nf: old.nf } : {}), ...(old.fill ? { fill: old.fill } : {}) });
    }
    t.rect = { ...t.rect, bottom: t.rect.bottom - 1 };
    t.showTotals = false;
  }
  model.invalidate();
  model.note('tables', sheet.name);
  model.note('values', sheet.name);
}

/** Table.resize to more or fewer body rows (see the Table proxy); the cells stay as they are. */
export function resizeTable(model: WorkbookModel, t: TableModel, r: Rect, location: string): void {
  if (r.top !== t.rect.top) throw invalidArgument(location, "the table's header row must stay where it is");
  if (r.left !== t.rect.left || r.right !== t.rect.right) throw notImplemented(location, 'resizing a table to other columns');
  if (t.showTotals) throw notImplemented(location, 'resizing a table that shows a totals row');
  if (r.bottom <= r.top) throw invalidArgument(location, 'a table keeps at least one row below its headers');
  if (model.tables.some((x) => x !== t && x.sheet === t.sheet && intersects(x.rect, r))) throw invalidArgument(location, 'the new range overlaps another table');
  t.rect = { ...r };
  model.invalidate();
  model.note('tables', t.sheet.name);
}

/** Table.delete(): the table and its cells' contents go. */
export function deleteTable(model: WorkbookModel, t: TableModel): void {
  removeTable(model, t);
  clearRect(model, t.sheet, t.rect, 'Contents', 'Table.delete');
}

/** Table.convertToRange(): the table goes, the cells stay. */
export function removeTable(model: WorkbookModel, t: TableModel): void {
  const i = model.tables.indexOf(t);
  if (i >= 0) model.tables.splice(i, 1);
  t.deleted = true;
  model.invalidate();
  model.note('tables', t.sheet.name);
}

/**
 * Values set directly below a table make it grow over them, as Microsoft's co-authoring guidance for
 * add-ins relies on ("Setting the Range values directly below the table automatically expands the table";
 * "The table only automatically expands if data is present in the cells directly below the table" —
 * learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins, "Avoid table row coauthoring
 * conflicts"). The host is the strict reading of that: the block must start on the row just below the
 * table, lie within its columns and the table must show no totals row (its totals row would stand between);
 * it grows over the rows from there down that hold data, up to the first one that holds none; never into
 * another table.
 */
export function expandTableAbove(model: WorkbookModel, sheet: SheetModel, r: Rect, at: (i: number, j: number) => unknown): void {
  const t = model.tables.find((x) => x.sheet === sheet && !x.deleted && x.rect.bottom + 1 === r.top && x.rect.left <= r.left && r.right <= x.rect.right);
  if (!t || t.showTotals) return;
  const holds = (i: number) => [...Array(columnsOf(r)).keys()].some((j) => {
    const v = at(i, j);
    return v !== null && v !== undefined && v !== '';
  });
  let n = 0;
  while (n < rowsOf(r) && holds(n)) n++;
  if (n === 0) return;
  const grown: Rect = { ...t.rect, bottom: t.rect.bottom + n };
  if (model.tables.some((x) => x !== t && x.sheet === sheet && !x.deleted && intersects(x.rect, grown))) return;
  t.rect = grown;
  model.note('tables', sheet.name);
}

/** Header cells become text, non-empty and unique (case-insensitively), as Excel keeps them. */
export function normalizeHeaders(model: WorkbookModel, t: TableModel): void {
  const sheet = t.sheet;
  const width = columnsOf(t.rect);
  const seen = new Set<string>();
  const names: string[] = [];
  for (let j = 0; j < width; j++) {
    const c = sheet.get(t.rect.top, t.rect.left + j);
    let name = c ? headerText(c.v, model.locale) : '';
    if (name === '') name = `Column${j + 1}`;
    let unique = name;
    for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${name}${k}`;
    seen.add(unique.toLowerCase());
    names.push(unique);
    if (!c || c.v !== unique || c.f !== undefined) {
      const cell: CellData = { ...(c ?? {}), v: unique };
      delete cell.f;
      delete cell.c;
      sheet.put(t.rect.top, t.rect.left + j, cell);
    }
  }
  const renamed = names.some((n, j) => t.columns[j]?.name !== n);
  t.columns = names.map((name, j) => ({ ...(t.columns[j] ?? {}), name }));
  if (renamed) model.note('tables', sheet.name);
}

function headerText(v: Scalar, locale: NumberLocale): string {
  if (v === null) return '';
  if (isError(v)) return v.error;
  if (typeof v === 'number') return formatValue(v, GENERAL, locale);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}
