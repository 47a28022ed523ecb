/** Excel.Workbook, WorksheetCollection and Worksheet in the test host. */
import { MAX_COLUMNS, MAX_ROWS, parseAddress, rect } from '../addresses';
import { ClientObject, type AnyObject, NULL_OBJECT, type ClientResult, type PropertyDef } from '../context';
import { invalidArgument, itemNotFound } from '../errors';
import type { WorkbookModel } from '../model';
import type { SheetModel } from '../model/sheetModel';
import { activateSheet, addSheet, deleteSheet, renameSheet, setVisibility } from '../model/sheets';
import { Range, type RangeRef } from './range';
import { SettingCollection } from './settings';
import { TableCollection } from './tables';
import { worksheetChangedEvent } from './worksheetEvents';

export class Workbook extends ClientObject<WorkbookModel> {
  readonly _className = 'Workbook';

  override _navigation(): Record<string, () => AnyObject> {
    return { worksheets: () => this.worksheets, tables: () => this.tables, settings: () => this.settings };
  }

  get worksheets(): WorksheetCollection {
    return this._child('worksheets', () => new WorksheetCollection(this.context, 'Worksheets', this, this._from((m) => m)));
  }

  get tables(): TableCollection {
    return this._child('tables', () => new TableCollection(this.context, 'Tables', this, this._from((m) => ({ sheet: null, model: m }))));
  }

  get settings(): SettingCollection {
    return this._child('settings', () => new SettingCollection(this.context, 'Settings', this, this._from((m) => m)));
  }

  /** The selection on the active sheet. */
  getSelectedRange(): Range {
    return new Range(this.context, 'GetSelectedRange()', this, this._from((m) => ({ sheet: m.activeSheet(), rect: { ...m.activeSheet().selection } })));
  }

  /** The top-left cell of the selection. */
  getActiveCell(): Range {
    return new Range(this.context, 'GetActiveCell()', this, this._from((m) => {
      const s = m.activeSheet();
      return { sheet: s, rect: { ...s.selection, bottom: s.selection.top, right: s.selection.left } };
    }));
  }
}

export class WorksheetCollection extends ClientObject<WorkbookModel> {
  readonly _className = 'WorksheetCollection';

  override _isCollection(): boolean {
    return true;
  }

  override _list(m: WorkbookModel): unknown[] {
    return [...m.sheets];
  }

  override _item(e: unknown, i: number): AnyObject {
    return new Worksheet(this.context, `GetItemAt(${i})`, this, () => e as SheetModel)._bind(e as SheetModel);
  }

  get items(): Worksheet[] {
    return this._get('items');
  }

  /** A sheet by name (any case) or id; ItemNotFound at sync when there is none. */
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, `GetItem(${JSON.stringify(key)})`, this, this._from((m) => {
      const s = findSheet(m, key);
      if (!s) throw itemNotFound('WorksheetCollection.getItem', `no worksheet ${key}`);
      return s;
    }));
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, `GetItemOrNullObject(${JSON.stringify(key)})`, this, this._from((m) => findSheet(m, key) ?? NULL_OBJECT));
  }

  /** Adds a sheet at the end; without a name Excel names it (`Blad2` / `Sheet2`). */
  add(name?: string): Worksheet {
    return this._creating<SheetModel, Worksheet>(
      'add',
      name ?? null,
      (resolver) => new Worksheet(this.context, 'Add()', this, resolver),
      (m, _model, location) => addSheet(m, name, location),
    );
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, 'GetActiveWorksheet()', this, this._from((m) => m.activeSheet()));
  }

  getCount(): ClientResult<number> {
    return this._methodResult('getCount', null, (m) => m.sheets.length);
  }

  /** ExcelApi 1.7's event for cell data changes on any sheet (see worksheetEvents.ts). */
  get onChanged() {
    return this._onChanged ?? (this._onChanged = worksheetChangedEvent(this, this.context, (m, name) => {
      const s = m.sheetByName(name);
      return s ? sheetId(s) : null;
    }));
  }
  private _onChanged: ReturnType<typeof worksheetChangedEvent> | undefined;
}

function findSheet(m: WorkbookModel, key: string): SheetModel | undefined {
  return m.sheetByName(String(key)) ?? m.sheets.find((s) => sheetId(s) === key);
}

export function sheetId(s: SheetModel): string {
  return `{00000000-0001-0000-0000-${String(s.id).padStart(12, '0')}}`;
}

export class Worksheet extends ClientObject<SheetModel> {
  readonly _className = 'Worksheet';

  override _check(s: SheetModel): void {
    if (s.deleted) throw itemNotFound('Worksheet', `worksheet ${s.name} was deleted`);
  }

  override _properties(): Record<string, PropertyDef<SheetModel>> {
    return {
      name: { get: (s) => s.name, set: (s, v, m, location) => renameSheet(m, s, String(v), location) },
      id: { get: (s) => sheetId(s) },
      position: { get: (s, m) => m.sheets.indexOf(s) },
      visibility: { get: (s) => s.visibility, set: (s, v, m, location) => setVisibility(m, s, String(v), location) },
    };
  }

  override _navigation(): Record<string, () => AnyObject> {
    return { tables: () => this.tables };
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v);
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v);
  }

  get tables(): TableCollection {
    return this._child('tables', () => new TableCollection(this.context, 'Tables', this, this._from((s, m) => ({ sheet: s, model: m }))));
  }

  activate(): void {
    this._method('activate', null, (s, m, location) => activateSheet(m, s, location));
  }

  delete(): void {
    this._method('delete', null, (s, m, location) => deleteSheet(m, s, location));
  }

  /** A block by address (`A1`, `C5:K20`, `A:C`); without one, the whole sheet. */
  getRange(address?: string): Range {
    return new Range(this.context, `GetRange(${JSON.stringify(address ?? '')})`, this, this._from((s) => {
      if (address === undefined || address === '') return { sheet: s, rect: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS } };
      const parsed = parseAddress(address);
      if (!parsed) throw invalidArgument('Worksheet.getRange', `${address} is not an address`);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw invalidArgument('Worksheet.getRange', `${address} is on another sheet`);
      }
      return { sheet: s, rect: parsed.rect };
    }));
  }

  /** A block by 0-based start row and column and its size. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this.context, `GetRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, this, this._from((s) => {
      const r = rect(startRow + 1, startColumn + 1, rowCount, columnCount);
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLUMNS) {
        throw invalidArgument('Worksheet.getRangeByIndexes', 'the indexes fall outside the sheet');
      }
      return { sheet: s, rect: r };
    }));
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The block from the first to the last used cell; A1 on an empty sheet. */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, `GetUsedRange(${valuesOnly})`, this, this._from((s): RangeRef => ({ sheet: s, rect: s.usedRect(valuesOnly) ?? rect(1, 1) })));
  }

  /** The used block, or a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.context, `GetUsedRangeOrNullObject(${valuesOnly})`, this, this._from((s) => {
      const r = s.usedRect(valuesOnly);
      return r ? { sheet: s, rect: r } : NULL_OBJECT;
    }));
  }
}
