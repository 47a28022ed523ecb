/** Excel.TableColumnCollection and TableColumn in the test host: a table's columns by name or position. */
import { ClientObject, type AnyObject, NULL_OBJECT, type ClientResult, type PropertyDef } from '../context';
import { itemNotFound } from '../errors';
import { writeValues } from '../model/cells';
import type { TableModel } from '../model/tableModel';
import { Range } from './range';

interface ColumnRef {
  table: TableModel;
  index: number;
}

export class TableColumnCollection extends ClientObject<TableModel> {
  readonly _className = 'TableColumnCollection';

  override _isCollection(): boolean {
    return true;
  }

  override _list(t: TableModel): unknown[] {
    return t.columns.map((_, index) => ({ table: t, index }));
  }

  override _item(e: unknown, i: number): AnyObject {
    return new TableColumn(this.context, `GetItemAt(${i})`, this, () => e as ColumnRef)._bind(e as ColumnRef);
  }

  get items(): TableColumn[] {
    return this._get('items');
  }

  getCount(): ClientResult<number> {
    return this._methodResult('getCount', null, (t) => t.columns.length);
  }

  /** A column by name or 1-based id. */
  getItemOrNullObject(key: string | number): TableColumn {
    return new TableColumn(this.context, `GetItemOrNullObject(${JSON.stringify(key)})`, this, this._from((t) => {
      const i = typeof key === 'number' ? key - 1 : t.columnIndex(String(key));
      return i >= 0 && i < t.columns.length ? { table: t, index: i } : NULL_OBJECT;
    }));
  }

  getItem(key: string | number): TableColumn {
    return new TableColumn(this.context, `GetItem(${JSON.stringify(key)})`, this, this._from((t) => {
      const i = typeof key === 'number' ? key - 1 : t.columnIndex(String(key));
      if (i < 0 || i >= t.columns.length) throw itemNotFound('TableColumnCollection.getItem', `no column ${key}`);
      return { table: t, index: i };
    }));
  }
}

export class TableColumn extends ClientObject<ColumnRef> {
  readonly _className = 'TableColumn';

  override _properties(): Record<string, PropertyDef<ColumnRef>> {
    return {
      id: { get: (c) => c.index + 1 },
      index: { get: (c) => c.index },
      name: {
        get: (c) => c.table.columns[c.index]?.name,
        set: (c, v, m, location) => {
          const r = c.table.headerRect();
          writeValues(m, c.table.sheet, { ...r, left: r.left + c.index, right: r.left + c.index }, [[String(v)]], location);
        },
      },
    };
  }

  get id(): number {
    return this._get('id');
  }
  get index(): number {
    return this._get('index');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v);
  }

  getDataBodyRange(): Range {
    return new Range(this.context, 'GetDataBodyRange()', this, this._from((c) => {
      const b = c.table.bodyRect();
      return { sheet: c.table.sheet, rect: { ...b, left: b.left + c.index, right: b.left + c.index } };
    }));
  }
}
