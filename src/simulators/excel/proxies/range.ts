/** Excel.Range in the test host; its format (fill, autofit) is rangeFormat.ts. */
import { formatAddress, parseAddress, parseRef, rowsOf, columnsOf, type Rect } from '../addresses';
import { ClientObject, NULL_OBJECT, type AnyObject, type PropertyDef } from '../context';
import { ErrorCodes, invalidArgument, invalidOperation, itemNotFound, OfficeError } from '../errors';
import type { WorkbookModel } from '../model';
import { clearRect, writeNumberFormats, writeValues } from '../model/cells';
import type { CellData, SheetModel } from '../model/sheetModel';
import { selectRect } from '../model/sheets';
import { formatValue } from '../numberFormat';
import { apiValue, GENERAL, valueTypeOf } from '../values';
import { ConditionalFormatCollection } from './conditionalFormats';
import { RangeFormat } from './rangeFormat';
import { Worksheet } from './workbook';

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** Office.js refuses to read more than five million cells at once. */
const MAX_READ_CELLS = 5_000_000;

export function checkRange(e: RangeRef): void {
  if (e.sheet.deleted) throw itemNotFound('Range', 'its worksheet was deleted');
}

function grid<T>(e: RangeRef, model: WorkbookModel, cell: (c: CellData | undefined) => T): T[][] {
  const rows = rowsOf(e.rect);
  const columns = columnsOf(e.rect);
  if (rows * columns > MAX_READ_CELLS) throw invalidOperation('Range', 'a range of more than five million cells cannot be read at once');
  model.ensureCalculated();
  const out: T[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row: T[] = new Array(columns);
    for (let j = 0; j < columns; j++) row[j] = cell(e.sheet.get(e.rect.top + i, e.rect.left + j));
    out[i] = row;
  }
  return out;
}

function intersection(a: Rect, b: Rect): Rect | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/** The used cells inside a range (with a value or formula; with `valuesOnly` false also a format or fill). */
function usedIn(e: RangeRef, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [row, column, c] of e.sheet.cellsIn(e.rect)) {
    if (valuesOnly && c.v === null && c.f === undefined) continue;
    r = r
      ? { top: Math.min(r.top, row), left: Math.min(r.left, column), bottom: Math.max(r.bottom, row), right: Math.max(r.right, column) }
      : { top: row, left: column, bottom: row, right: column };
  }
  return r;
}

/** A block relative to another, as getCell / getOffsetRange / getResizedRange compute it. */
function moved(e: RangeRef, r: Rect, location: string): RangeRef {
  if (r.top < 1 || r.left < 1 || r.bottom < r.top || r.right < r.left || r.bottom > 1_048_576 || r.right > 16_384) {
    throw invalidArgument(location, 'the range would fall outside the sheet');
  }
  return { sheet: e.sheet, rect: r };
}

export class Range extends ClientObject<RangeRef> {
  readonly _className = 'Range';

  override _check(e: RangeRef): void {
    checkRange(e);
  }

  override _properties(): Record<string, PropertyDef<RangeRef>> {
    const write = (e: RangeRef, v: unknown, m: WorkbookModel, location: string) => writeValues(m, e.sheet, e.rect, v, location);
    const address = (e: RangeRef) => formatAddress(e.sheet.name, e.rect);
    const formulas = (e: RangeRef, m: WorkbookModel) => grid(e, m, (c) => (c?.f !== undefined ? `=${c.f}` : apiValue(c?.v ?? null)));
    const formats = (e: RangeRef, m: WorkbookModel) => grid(e, m, (c) => c?.nf ?? GENERAL);
    const setFormats = (e: RangeRef, v: unknown, m: WorkbookModel, location: string) => writeNumberFormats(m, e.sheet, e.rect, v, location);
    return {
      address: { get: address },
      addressLocal: { get: address },
      values: { get: (e, m) => grid(e, m, (c) => apiValue(c?.v ?? null)), set: write },
      formulas: { get: formulas, set: write },
      formulasLocal: { get: formulas, set: write },
      valueTypes: { get: (e, m) => grid(e, m, (c) => valueTypeOf(c?.v ?? null)) },
      numberFormat: { get: formats, set: setFormats },
      numberFormatLocal: { get: formats, set: setFormats },
      text: { get: (e, m) => grid(e, m, (c) => formatValue(c?.v ?? null, c?.nf, m.locale)) },
      rowIndex: { get: (e) => e.rect.top - 1 },
      columnIndex: { get: (e) => e.rect.left - 1 },
      rowCount: { get: (e) => rowsOf(e.rect) },
      columnCount: { get: (e) => columnsOf(e.rect) },
      cellCount: { get: (e) => rowsOf(e.rect) * columnsOf(e.rect) },
      isEntireRow: { get: (e) => e.rect.left === 1 && e.rect.right === 16_384 },
      isEntireColumn: { get: (e) => e.rect.top === 1 && e.rect.bottom === 1_048_576 },
    };
  }

  override _navigation(): Record<string, () => AnyObject> {
    return { worksheet: () => this.worksheet, format: () => this.format, conditionalFormats: () => this.conditionalFormats };
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get values(): any[][] {
    return this._get('values');
  }
  set values(v: any[][]) {
    this._set('values', v);
  }
  get formulas(): any[][] {
    return this._get('formulas');
  }
  set formulas(v: any[][]) {
    this._set('formulas', v);
  }
  get formulasLocal(): any[][] {
    return this._get('formulasLocal');
  }
  set formulasLocal(v: any[][]) {
    this._set('formulasLocal', v);
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this._set('numberFormat', v);
  }
  get numberFormatLocal(): any[][] {
    return this._get('numberFormatLocal');
  }
  set numberFormatLocal(v: any[][]) {
    this._set('numberFormatLocal', v);
  }
  get text(): string[][] {
    return this._get('text');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }

  get worksheet(): Worksheet {
    return this._child('worksheet', () => new Worksheet(this.context, 'Worksheet', this, this._from((e) => e.sheet)));
  }

  get format(): RangeFormat {
    return this._child('format', () => new RangeFormat(this.context, 'Format', this, this._from((e) => e)));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return this._child('conditionalFormats', () => new ConditionalFormatCollection(this.context, 'ConditionalFormats', this, this._from((e) => e)));
  }

  /** The cell at (row, column) relative to this range's top-left cell (0-based; may lie outside the range). */
  getCell(row: number, column: number): Range {
    return new Range(this.context, `GetCell(${row},${column})`, this, this._from((e) => moved(e, { top: e.rect.top + row, left: e.rect.left + column, bottom: e.rect.top + row, right: e.rect.left + column }, 'Range.getCell')));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return new Range(this.context, `GetOffsetRange(${rowOffset},${columnOffset})`, this, this._from((e) =>
      moved(e, { top: e.rect.top + rowOffset, bottom: e.rect.bottom + rowOffset, left: e.rect.left + columnOffset, right: e.rect.right + columnOffset }, 'Range.getOffsetRange'),
    ));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return new Range(this.context, `GetResizedRange(${deltaRows},${deltaColumns})`, this, this._from((e) =>
      moved(e, { ...e.rect, bottom: e.rect.bottom + deltaRows, right: e.rect.right + deltaColumns }, 'Range.getResizedRange'),
    ));
  }

  getRow(row: number): Range {
    return new Range(this.context, `GetRow(${row})`, this, this._from((e) => moved(e, { ...e.rect, top: e.rect.top + row, bottom: e.rect.top + row }, 'Range.getRow')));
  }

  getColumn(column: number): Range {
    return new Range(this.context, `GetColumn(${column})`, this, this._from((e) => moved(e, { ...e.rect, left: e.rect.left + column, right: e.rect.left + column }, 'Range.getColumn')));
  }

  getLastCell(): Range {
    return new Range(this.context, 'GetLastCell()', this, this._from((e) => ({ sheet: e.sheet, rect: { ...e.rect, top: e.rect.bottom, left: e.rect.right } })));
  }

  getLastRow(): Range {
    return new Range(this.context, 'GetLastRow()', this, this._from((e) => ({ sheet: e.sheet, rect: { ...e.rect, top: e.rect.bottom } })));
  }

  getLastColumn(): Range {
    return new Range(this.context, 'GetLastColumn()', this, this._from((e) => ({ sheet: e.sheet, rect: { ...e.rect, left: e.rect.right } })));
  }

  /** `count` rows below the range (default 1); a negative count gives the range's own last rows. */
  getRowsBelow(count = 1): Range {
    return new Range(this.context, `GetRowsBelow(${count})`, this, this._from((e) => {
      if (!Number.isInteger(count) || count === 0) throw invalidArgument('Range.getRowsBelow', `count ${count}`);
      const r = count > 0 ? { ...e.rect, top: e.rect.bottom + 1, bottom: e.rect.bottom + count } : { ...e.rect, top: e.rect.bottom + count + 1 };
      return moved(e, r, 'Range.getRowsBelow');
    }));
  }

  /** `count` rows above the range (default 1); a negative count gives the range's own first rows. */
  getRowsAbove(count = 1): Range {
    return new Range(this.context, `GetRowsAbove(${count})`, this, this._from((e) => {
      if (!Number.isInteger(count) || count === 0) throw invalidArgument('Range.getRowsAbove', `count ${count}`);
      const r = count > 0 ? { ...e.rect, top: e.rect.top - count, bottom: e.rect.top - 1 } : { ...e.rect, bottom: e.rect.top - count - 1 };
      return moved(e, r, 'Range.getRowsAbove');
    }));
  }

  /** The smallest block holding this range and another on the same sheet. */
  getBoundingRect(anotherRange: Range | string): Range {
    return new Range(this.context, 'GetBoundingRect()', this, this._from((e, m) => {
      const o = this.other(anotherRange, e, m, 'Range.getBoundingRect');
      return { sheet: e.sheet, rect: { top: Math.min(e.rect.top, o.top), left: Math.min(e.rect.left, o.left), bottom: Math.max(e.rect.bottom, o.bottom), right: Math.max(e.rect.right, o.right) } };
    }));
  }

  /** The block both ranges cover; ItemNotFound at sync when they do not meet. */
  getIntersection(anotherRange: Range | string): Range {
    return new Range(this.context, 'GetIntersection()', this, this._from((e, m) => {
      const r = intersection(e.rect, this.other(anotherRange, e, m, 'Range.getIntersection'));
      if (!r) throw itemNotFound('Range.getIntersection', 'the ranges do not intersect');
      return { sheet: e.sheet, rect: r };
    }));
  }

  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    return new Range(this.context, 'GetIntersectionOrNullObject()', this, this._from((e, m) => {
      const r = intersection(e.rect, this.other(anotherRange, e, m, 'Range.getIntersectionOrNullObject'));
      return r ? { sheet: e.sheet, rect: r } : NULL_OBJECT;
    }));
  }

  /** The block from the first to the last used cell inside the range; ItemNotFound at sync when none is used. */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, `GetUsedRange(${valuesOnly})`, this, this._from((e) => {
      const r = usedIn(e, valuesOnly);
      if (!r) throw itemNotFound('Range.getUsedRange', 'no cell in the range is used');
      return { sheet: e.sheet, rect: r };
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.context, `GetUsedRangeOrNullObject(${valuesOnly})`, this, this._from((e) => {
      const r = usedIn(e, valuesOnly);
      return r ? { sheet: e.sheet, rect: r } : NULL_OBJECT;
    }));
  }

  /** Another range argument: a Range of this request on the same sheet, or an address on this range's sheet. */
  private other(another: Range | string, e: RangeRef, m: WorkbookModel, location: string): Rect {
    if (another instanceof Range) {
      if (another.context !== this.context) {
        throw new OfficeError(ErrorCodes.invalidRequestContext, 'Cannot use the object across different request contexts.', location);
      }
      const o = another._resolve(m);
      if (o === NULL_OBJECT) throw invalidArgument(location, 'the other range does not exist');
      if (o.sheet !== e.sheet) throw invalidArgument(location, 'the ranges are on different sheets');
      return o.rect;
    }
    const parsed = parseAddress(String(another));
    if (!parsed) throw invalidArgument(location, `${String(another)} is not an address`);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== e.sheet.name.toLowerCase()) throw invalidArgument(location, 'the ranges are on different sheets');
    return parsed.rect;
  }

  /** A block inside this range's sheet (`B2:C3`), like Worksheet.getRange. */
  getRange(address: string): Range {
    return new Range(this.context, `GetRange(${JSON.stringify(address)})`, this, this._from((e) => {
      const r = parseRef(address);
      if (!r) throw invalidArgument('Range.getRange', address);
      return { sheet: e.sheet, rect: r };
    }));
  }

  /** Activates the sheet and selects this range. */
  select(): void {
    this._method('select', null, (e, m, location) => selectRect(m, e.sheet, e.rect, location));
  }

  /** Clears contents, formats or both (`All`, `Contents`, `Formats`). */
  clear(applyTo = 'All'): void {
    this._method('clear', applyTo, (e, m, location) => clearRect(m, e.sheet, e.rect, applyTo, location));
  }
}
