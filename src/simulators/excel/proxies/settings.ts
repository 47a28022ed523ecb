/** Excel.SettingCollection and Setting: the add-in's settings, saved with the workbook. */
import { ClientObject, type AnyObject, NULL_OBJECT, type ClientResult, type PropertyDef } from '../context';
import { itemNotFound } from '../errors';
import type { WorkbookModel } from '../model';
import { deleteSetting, getSetting, setSetting } from '../model/settings';

interface SettingRef {
  model: WorkbookModel;
  key: string;
}

export class SettingCollection extends ClientObject<WorkbookModel> {
  readonly _className = 'SettingCollection';

  override _isCollection(): boolean {
    return true;
  }

  override _list(m: WorkbookModel): unknown[] {
    return [...m.settings.keys()].map((key) => ({ model: m, key }));
  }

  override _item(e: unknown, i: number): AnyObject {
    return new Setting(this.context, `GetItemAt(${i})`, this, () => e as SettingRef)._bind(e as SettingRef);
  }

  get items(): Setting[] {
    return this._get('items');
  }

  /** Sets a setting (adding or replacing it); the value is anything JSON can hold. */
  add(key: string, value: unknown): Setting {
    return this._creating<SettingRef, Setting>(
      'add',
      { key, value },
      (resolver) => new Setting(this.context, 'Add()', this, resolver),
      (m, _model, location) => {
        setSetting(m, key, value, location);
        return { model: m, key };
      },
    );
  }

  getItem(key: string): Setting {
    return new Setting(this.context, `GetItem(${JSON.stringify(key)})`, this, this._from((m) => {
      if (!m.settings.has(key)) throw itemNotFound('SettingCollection.getItem', `no setting ${key}`);
      return { model: m, key };
    }));
  }

  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, `GetItemOrNullObject(${JSON.stringify(key)})`, this, this._from((m) => (m.settings.has(key) ? { model: m, key } : NULL_OBJECT)));
  }

  getCount(): ClientResult<number> {
    return this._methodResult('getCount', null, (m) => m.settings.size);
  }
}

export class Setting extends ClientObject<SettingRef> {
  readonly _className = 'Setting';

  override _check(e: SettingRef): void {
    if (!e.model.settings.has(e.key)) throw itemNotFound('Setting', `setting ${e.key} was deleted`);
  }

  override _properties(): Record<string, PropertyDef<SettingRef>> {
    return {
      key: { get: (e) => e.key },
      value: { get: (e) => getSetting(e.model, e.key), set: (e, v, m, location) => setSetting(m, e.key, v, location) },
    };
  }

  get key(): string {
    return this._get('key');
  }
  get value(): any {
    return this._get('value');
  }
  set value(v: any) {
    this._set('value', v);
  }

  delete(): void {
    this._method('delete', null, (e, m) => deleteSetting(m, e.key));
  }
}
