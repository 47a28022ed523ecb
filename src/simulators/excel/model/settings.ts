/** The add-in's settings (Office's `workbook.settings`): keys with JSON values, kept as JSON text. */
import { invalidArgument } from '../errors';
import type { WorkbookModel } from './workbookModel';

export function setSetting(model: WorkbookModel, key: string, value: unknown, location: string): void {
  if (typeof key !== 'string' || key === '') throw invalidArgument(location, 'a setting needs a key');
  const json = JSON.stringify(value);
  if (json === undefined) throw invalidArgument(location, 'a setting value must be JSON');
  model.settings.set(key, json);
  model.note('settings');
}

export function getSetting(model: WorkbookModel, key: string): unknown {
  const json = model.settings.get(key);
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}

export function deleteSetting(model: WorkbookModel, key: string): void {
  if (model.settings.delete(key)) model.note('settings');
}
