/** Excel.TableRowCollection and TableRow in the test host: a table's body rows; rows.add inserts (model/tableRows.ts). */
import { rowsOf } from '../addresses';
import { ClientObject, type AnyObject, type ClientResult, type PropertyDef } from '../context';
import { itemNotFound } from '../errors';
import { writeValues } from '../model/cells';
import type { TableModel } from '../model/tableModel';
import { insertTableRows } from '../model/tableRows';
import { apiValue } from '../values';
import { Range } from './range';

/** A body row by its position: as in Excel, a TableRow stays at its index when rows are added or sorted. */
interface RowRef {
  table: TableModel;
  index: number;
}

function rowRect(r: RowRef) {
  const b = r.table.bodyRect();
  return { ...b, top: b.top + r.index, bottom: b.top + r.index };
}

/** The body rows of a table (not the header or totals row). */
export class TableRowCollection extends ClientObject<TableModel> {
  readonly _className = 'TableRowCollection';

  override _isCollection(): boolean {
    return true;
  }

  override _properties(): Record<string, PropertyDef<TableModel>> {
    return { count: { get: (t) => rowsOf(t.bodyRect()) } };
  }

  override _list(t: TableModel): unknown[] {
    return [...Array(rowsOf(t.bodyRect())).keys()].map((index) => ({ table: t, index }));
  }

  override _item(e: unknown, i: number): AnyObject {
    return new TableRow(this.context, `GetItemAt(${i})`, this, () => e as RowRef)._bind(e as RowRef);
  }

  get items(): TableRow[] {
    return this._get('items');
  }

  get count(): number {
    return this._get('count');
  }

  getCount(): ClientResult<number> {
    return this._methodResult('getCount', null, (t) => rowsOf(t.bodyRect()));
  }

  /** The body row at a 0-based index; ItemNotFound at sync when there is none. */
  getItemAt(index: number): TableRow {
    return new TableRow(this.context, `GetItemAt(${index})`, this, this._from((t) => {
      if (!Number.isInteger(index) || index < 0 || index >= rowsOf(t.bodyRect())) throw itemNotFound('TableRowCollection.getItemAt', `no row ${index}`);
      return { table: t, index };
    }));
  }

  /**
   * Adds rows (see insertTableRows in model/tableRows.ts: inserted at `index`, null or -1 for the end, cells below
   * moving down; InvalidArgument when the values do not fit the columns, InsertDeleteConflict when the move
   * would cut another table). Returns the first new row.
   */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): TableRow {
    return this._creating<RowRef, TableRow>(
      'add',
      { index: index ?? null, values: values ?? null, alwaysInsert: alwaysInsert ?? null },
      (resolver) => new TableRow(this.context, 'Add()', this, resolver),
      (t, m, location) => ({ table: t, index: insertTableRows(m, t, index, values, alwaysInsert, location) }),
    );
  }
}

export class TableRow extends ClientObject<RowRef> {
  readonly _className = 'TableRow';

  override _check(r: RowRef): void {
    if (r.table.deleted) throw itemNotFound('TableRow', `table ${r.table.name} was deleted`);
    if (r.index >= rowsOf(r.table.bodyRect())) throw itemNotFound('TableRow', `table ${r.table.name} has no row ${r.index}`);
  }

  override _properties(): Record<string, PropertyDef<RowRef>> {
    return {
      index: { get: (r) => r.index },
      values: {
        get: (r, m) => {
          m.ensureCalculated();
          const rect = rowRect(r);
          return [[...Array(rect.right - rect.left + 1).keys()].map((j) => apiValue(r.table.sheet.get(rect.top, rect.left + j)?.v ?? null))];
        },
        set: (r, v, m, location) => writeValues(m, r.table.sheet, rowRect(r), v, location),
      },
    };
  }

  get index(): number {
    return this._get('index');
  }
  get values(): any[][] {
    return this._get('values');
  }
  set values(v: any[][]) {
    this._set('values', v);
  }

  getRange(): Range {
    return new Range(this.context, 'GetRange()', this, this._from((r) => ({ sheet: r.table.sheet, rect: rowRect(r) })));
  }
}
