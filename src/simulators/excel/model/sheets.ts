/**
 * The workbook's sheets as Worksheet and WorksheetCollection change them: add (Excel's default name),
 * rename (formulas on every sheet follow), delete, hide, activate, select. A workbook keeps one visible
 * sheet, as Excel refuses to hide or delete the last.
 */
import { quoteSheet, type Rect } from '../addresses';
import { invalidArgument, invalidOperation, itemAlreadyExists } from '../errors';
import { renameSheetIn } from '../formulas';
import { rewriteFormulas } from './calculation';
import type { SheetModel } from './sheetModel';
import { removeTable } from './tables';
import type { WorkbookModel } from './workbookModel';

export function addSheet(model: WorkbookModel, name: string | undefined, location: string): SheetModel {
  let chosen = name;
  if (chosen === undefined || chosen === '') {
    const prefix = model.language.toLowerCase().startsWith('sv') ? 'Blad' : 'Sheet';
    let n = 1;
    while (model.sheetByName(`${prefix}${n}`)) n++;
    chosen = `${prefix}${n}`;
  }
  checkSheetName(chosen, location);
  if (model.sheetByName(chosen)) throw itemAlreadyExists(location, `a sheet named ${chosen} exists`);
  const s = model.attachSheet(chosen);
  model.note('sheets', s.name);
  return s;
}

export function renameSheet(model: WorkbookModel, sheet: SheetModel, name: string, location: string): void {
  if (sheet.name === name) return;
  checkSheetName(name, location);
  const other = model.sheetByName(name);
  if (other && other !== sheet) throw itemAlreadyExists(location, `a sheet named ${name} exists`);
  const old = sheet.name;
  sheet.name = name;
  rewriteFormulas(model, (f) => renameSheetIn(f, old, name, quoteSheet));
  model.note('sheets', old);
  model.note('sheets', name);
}

export function deleteSheet(model: WorkbookModel, sheet: SheetModel, location: string): void {
  const visible = model.sheets.filter((s) => s.visibility === 'Visible');
  if (visible.length === 1 && visible[0] === sheet) throw invalidOperation(location, 'a workbook must keep one visible sheet');
  for (const t of model.tables.filter((x) => x.sheet === sheet)) removeTable(model, t);
  const i = model.sheets.indexOf(sheet);
  model.sheets.splice(i, 1);
  sheet.deleted = true;
  if (model.activeSheetId === sheet.id) model.activeSheetId = firstVisible(model, i).id;
  model.invalidate();
  model.note('sheets', sheet.name);
}

export function setVisibility(model: WorkbookModel, sheet: SheetModel, visibility: string, location: string): void {
  const v = ['Visible', 'Hidden', 'VeryHidden'].find((x) => x.toLowerCase() === String(visibility).toLowerCase()) as SheetModel['visibility'] | undefined;
  if (!v) throw invalidArgument(location, `visibility ${visibility}`);
  if (v !== 'Visible' && model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
    throw invalidOperation(location, 'a workbook must keep one visible sheet');
  }
  sheet.visibility = v;
  if (v !== 'Visible' && model.activeSheetId === sheet.id) model.activeSheetId = firstVisible(model, model.sheets.indexOf(sheet)).id;
  model.note('sheets', sheet.name);
}

export function activateSheet(model: WorkbookModel, sheet: SheetModel, location = 'Worksheet.activate'): void {
  if (sheet.visibility !== 'Visible') throw invalidOperation(location, 'a hidden sheet cannot be activated');
  model.activeSheetId = sheet.id;
  model.note('selection', sheet.name);
}

export function selectRect(model: WorkbookModel, sheet: SheetModel, r: Rect, location = 'Range.select'): void {
  activateSheet(model, sheet, location);
  sheet.selection = { ...r };
  model.note('selection', sheet.name);
}

/** The visible sheet at or after position `near`, else the last visible one. */
function firstVisible(model: WorkbookModel, near: number): SheetModel {
  const visible = model.sheets.filter((s) => s.visibility === 'Visible');
  return visible.find((s) => model.sheets.indexOf(s) >= near) ?? visible[visible.length - 1] ?? model.sheets[0];
}

function checkSheetName(name: string, location: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31) throw invalidArgument(location, 'a sheet name has 1 to 31 characters');
  if (/[:\\/?*[\]]/.test(name)) throw invalidArgument(location, 'a sheet name cannot contain : \\ / ? * [ ]');
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument(location, "a sheet name cannot begin or end with '");
  if (name.toLowerCase() === 'history') throw invalidArgument(location, 'History is reserved');
}
