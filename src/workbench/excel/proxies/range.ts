/** Excel.Range and its format (fill, autofit) in the test host. */
import { formatAddress, parseRef, rowsOf, columnsOf, type Rect } from '../addresses';
import { ClientObject, type AnyObject, type PropertyDef } from '../context';
import { invalidArgument, invalidOperation, itemNotFound } from '../errors';
import type { WorkbookModel } from '../model';
import { formatValue } from '../numberFormat';
import type { CellData, SheetModel } from '../sheet';
import { apiValue, GENERAL, valueTypeOf } from '../values';
import { ConditionalFormatCollection } from './conditionalFormats';
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
    const write = (e: RangeRef, v: unknown, m: WorkbookModel, location: string) => m.writeValues(e.sheet, e.rect, v, location);
    const address = (e: RangeRef) => formatAddress(e.sheet.name, e.rect);
    const formulas = (e: RangeRef, m: WorkbookModel) => grid(e, m, (c) => (c?.f !== undefined ? `=${c.f}` : apiValue(c?.v ?? null)));
    const formats = (e: RangeRef, m: WorkbookModel) => grid(e, m, (c) => c?.nf ?? GENERAL);
    const setFormats = (e: RangeRef, v: unknown, m: WorkbookModel, location: string) => m.writeNumberFormats(e.sheet, e.rect, v, location);
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
    this._method('select', null, (e, m, location) => m.selectRect(e.sheet, e.rect, location));
  }

  /** Clears contents, formats or both (`All`, `Contents`, `Formats`). */
  clear(applyTo = 'All'): void {
    this._method('clear', applyTo, (e, m, location) => m.clearRect(e.sheet, e.rect, applyTo, location));
  }
}

export class RangeFormat extends ClientObject<RangeRef> {
  readonly _className = 'RangeFormat';

  override _check(e: RangeRef): void {
    checkRange(e);
  }

  override _navigation(): Record<string, () => AnyObject> {
    return { fill: () => this.fill };
  }

  get fill(): RangeFill {
    return this._child('fill', () => new RangeFill(this.context, 'Fill', this, this._from((e) => e)));
  }

  autofitColumns(): void {
    this._method('autofitColumns', null, (e, m) => m.autofitColumns(e.sheet, e.rect));
  }

  /** Row heights are not modelled; accepted and ignored. */
  autofitRows(): void {
    this._method('autofitRows', null, () => undefined);
  }
}

export class RangeFill extends ClientObject<RangeRef> {
  readonly _className = 'RangeFill';

  override _check(e: RangeRef): void {
    checkRange(e);
  }

  override _properties(): Record<string, PropertyDef<RangeRef>> {
    return {
      color: {
        get: (e) => fillOf(e),
        set: (e, v, m, location) => m.fillRect(e.sheet, e.rect, v === null || v === '' ? null : String(v), location),
      },
    };
  }

  /** `#RRGGBB`; `#FFFFFF` when the cells have no fill; null when the cells differ. */
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }

  /** Removes the fill. */
  clear(): void {
    this._method('clear', null, (e, m, location) => m.fillRect(e.sheet, e.rect, null, location));
  }
}

function fillOf(e: RangeRef): string | null {
  const area = rowsOf(e.rect) * columnsOf(e.rect);
  let seen = 0;
  let color: string | undefined;
  for (const [, , c] of e.sheet.cellsIn(e.rect)) {
    seen++;
    const f = c.fill ?? '#FFFFFF';
    if (color === undefined) color = f;
    else if (color !== f) return null;
  }
  if (seen < area) {
    if (color === undefined) color = '#FFFFFF';
    else if (color !== '#FFFFFF') return null;
  }
  return color ?? '#FFFFFF';
}
