/** Excel.TableCollection and Table in the test host; a table's columns and rows are tableColumns.ts and tableRows.ts. */
import { parseAddress } from '../addresses';
import { ClientObject, type AnyObject, NULL_OBJECT, type ClientResult, type PropertyDef } from '../context';
import { ErrorCodes, invalidArgument, itemNotFound, notImplemented, OfficeError } from '../errors';
import type { WorkbookModel } from '../model';
import type { SheetModel } from '../model/sheetModel';
import type { TableModel } from '../model/tableModel';
import { addTable, deleteTable, removeTable, renameTable, resizeTable, setShowTotals } from '../model/tables';
import { Range } from './range';
import { TableColumnCollection } from './tableColumns';
import { TableRowCollection } from './tableRows';
import { Worksheet } from './workbook';

/** The workbook's tables (sheet null) or one sheet's. */
export interface TableScope {
  sheet: SheetModel | null;
  model: WorkbookModel;
}

function tablesIn(scope: TableScope): TableModel[] {
  return scope.model.tablesInOrder().filter((t) => !scope.sheet || t.sheet === scope.sheet);
}

function findTable(scope: TableScope, key: string): TableModel | undefined {
  const k = String(key).toLowerCase();
  return tablesIn(scope).find((t) => t.name.toLowerCase() === k || String(t.id) === key);
}

export class TableCollection extends ClientObject<TableScope> {
  readonly _className = 'TableCollection';

  override _isCollection(): boolean {
    return true;
  }

  override _list(scope: TableScope): unknown[] {
    return tablesIn(scope);
  }

  override _item(e: unknown, i: number): AnyObject {
    return new Table(this.context, `GetItemAt(${i})`, this, () => e as TableModel)._bind(e as TableModel);
  }

  get items(): Table[] {
    return this._get('items');
  }

  getItem(key: string): Table {
    return new Table(this.context, `GetItem(${JSON.stringify(key)})`, this, this._from((scope) => {
      const t = findTable(scope, key);
      if (!t) throw itemNotFound('TableCollection.getItem', `no table ${key}`);
      return t;
    }));
  }

  getItemOrNullObject(key: string): Table {
    return new Table(this.context, `GetItemOrNullObject(${JSON.stringify(key)})`, this, this._from((scope) => findTable(scope, key) ?? NULL_OBJECT));
  }

  getCount(): ClientResult<number> {
    return this._methodResult('getCount', null, (scope) => tablesIn(scope).length);
  }

  /**
   * Makes a table of a block (a Range, or an address; on the workbook's collection the address names its
   * sheet or means the active one). The first row holds the headers.
   */
  add(address: Range | string, hasHeaders: boolean): Table {
    if (address instanceof Range && address.context !== this.context) {
      throw new OfficeError(ErrorCodes.invalidRequestContext, 'Cannot use the object across different request contexts.', 'TableCollection.add');
    }
    return this._creating<TableModel, Table>(
      'add',
      address instanceof Range ? address : { address, hasHeaders },
      (resolver) => new Table(this.context, 'Add()', this, resolver),
      (scope, model, location) => {
        let sheet: SheetModel;
        let r;
        if (address instanceof Range) {
          const e = address._resolve(model);
          if (e === NULL_OBJECT) throw invalidArgument(location, 'the range does not exist');
          sheet = e.sheet;
          r = e.rect;
        } else {
          const parsed = parseAddress(String(address));
          if (!parsed) throw invalidArgument(location, `${String(address)} is not an address`);
          const named = parsed.sheet !== undefined ? model.sheetByName(parsed.sheet) : undefined;
          if (parsed.sheet !== undefined && !named) throw itemNotFound(location, `no worksheet ${parsed.sheet}`);
          sheet = named ?? scope.sheet ?? model.activeSheet();
          if (scope.sheet && sheet !== scope.sheet) throw invalidArgument(location, 'the address is on another sheet');
          r = parsed.rect;
        }
        return addTable(model, sheet, r, hasHeaders, location);
      },
    );
  }
}

export class Table extends ClientObject<TableModel> {
  readonly _className = 'Table';

  override _check(t: TableModel): void {
    if (t.deleted) throw itemNotFound('Table', `table ${t.name} was deleted`);
  }

  override _properties(): Record<string, PropertyDef<TableModel>> {
    return {
      id: { get: (t) => String(t.id) },
      name: { get: (t) => t.name, set: (t, v, m, location) => renameTable(m, t, String(v), location) },
      showHeaders: {
        get: (t) => t.showHeaders,
        set: (_t, v, _m, location) => {
          if (v !== true) throw notImplemented(location, 'tables without a header row');
        },
      },
      showTotals: { get: (t) => t.showTotals, set: (t, v, m, location) => setShowTotals(m, t, Boolean(v), location) },
      style: { get: (t) => t.style, set: (t, v) => void (t.style = String(v)) },
      showBandedRows: { get: () => true },
      showFilterButton: { get: () => true },
    };
  }

  override _navigation(): Record<string, () => AnyObject> {
    return { worksheet: () => this.worksheet, columns: () => this.columns, rows: () => this.rows };
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v);
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  set showHeaders(v: boolean) {
    this._set('showHeaders', v);
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  set showTotals(v: boolean) {
    this._set('showTotals', v);
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._set('style', v);
  }
  get showBandedRows(): boolean {
    return this._get('showBandedRows');
  }
  get showFilterButton(): boolean {
    return this._get('showFilterButton');
  }

  get worksheet(): Worksheet {
    return this._child('worksheet', () => new Worksheet(this.context, 'Worksheet', this, this._from((t) => t.sheet)));
  }

  get columns(): TableColumnCollection {
    return this._child('columns', () => new TableColumnCollection(this.context, 'Columns', this, this._from((t) => t)));
  }

  get rows(): TableRowCollection {
    return this._child('rows', () => new TableRowCollection(this.context, 'Rows', this, this._from((t) => t)));
  }

  /** Header, body and totals row. */
  getRange(): Range {
    return new Range(this.context, 'GetRange()', this, this._from((t) => ({ sheet: t.sheet, rect: { ...t.rect } })));
  }

  getHeaderRowRange(): Range {
    return new Range(this.context, 'GetHeaderRowRange()', this, this._from((t) => ({ sheet: t.sheet, rect: t.headerRect() })));
  }

  getDataBodyRange(): Range {
    return new Range(this.context, 'GetDataBodyRange()', this, this._from((t) => ({ sheet: t.sheet, rect: t.bodyRect() })));
  }

  /** The totals row; ItemNotFound at sync when the table does not show one. */
  getTotalRowRange(): Range {
    return new Range(this.context, 'GetTotalRowRange()', this, this._from((t) => {
      const r = t.totalsRect();
      if (!r) throw itemNotFound('Table.getTotalRowRange', `table ${t.name} shows no totals row`);
      return { sheet: t.sheet, rect: r };
    }));
  }

  /**
   * Table.resize (ExcelApi 1.13; ApiNotFound at sync before): "The new range must overlap with the original
   * table range and the headers (or the top of the table) must be in the same row." The host takes only new
   * rows (same header row and columns; another shape is NotImplemented) and refuses to grow into another
   * table (InvalidArgument).
   */
  resize(newRange: Range | string): void {
    this._method('resize', newRange, (t, m, location) => {
      this.context._core.requireApi('1.13', location);
      let sheet;
      let r;
      if (newRange instanceof Range) {
        const e = newRange._resolve(m);
        if (e === NULL_OBJECT) throw invalidArgument(location, 'the range does not exist');
        sheet = e.sheet;
        r = e.rect;
      } else {
        const parsed = parseAddress(String(newRange));
        if (!parsed) throw invalidArgument(location, `${String(newRange)} is not an address`);
        sheet = parsed.sheet === undefined ? t.sheet : m.sheetByName(parsed.sheet);
        r = parsed.rect;
      }
      if (sheet !== t.sheet) throw invalidArgument(location, 'the new range is on another sheet');
      resizeTable(m, t, r, location);
    });
  }

  /** Deletes the table and the contents of its cells. */
  delete(): void {
    this._method('delete', null, (t, m) => deleteTable(m, t));
  }

  /** Removes the table, keeping its cells. */
  convertToRange(): Range {
    const range = this.getRange();
    this._method('convertToRange', null, (t, m) => removeTable(m, t));
    return range;
  }
}
