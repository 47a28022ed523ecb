/**
 * Conditional formats as ConditionalFormatCollection and ConditionalFormat change them (only `Custom`, an
 * expression rule with a fill, is modelled), and the fill a cell shows once they are applied.
 */
import { intersects, type Rect } from '../addresses';
import { invalidArgument, notImplemented } from '../errors';
import { compile, evaluate } from '../formulas';
import { normalizeColor } from '../values';
import { formulaEnv } from './calculation';
import type { ConditionalFormatData, SheetModel } from './sheetModel';
import type { WorkbookModel } from './workbookModel';

export function conditionalFormatsIn(sheet: SheetModel, r: Rect): ConditionalFormatData[] {
  return sheet.conditionalFormats.filter((cf) => cf.rects.some((x) => intersects(x, r)));
}

/** ConditionalFormatCollection.add: a new format at the top priority. Only `Custom` is modelled. */
export function addConditionalFormat(model: WorkbookModel, sheet: SheetModel, r: Rect, type: string, location: string): ConditionalFormatData {
  if (String(type).toLowerCase() !== 'custom') throw notImplemented(location, `conditional format type ${type}`);
  const cf: ConditionalFormatData = { id: model.conditionalFormatId(), rects: [{ ...r }], type: 'Custom', formula: '', fill: null, stopIfTrue: false };
  sheet.conditionalFormats.unshift(cf);
  sheet.conditionalFormatsChanged();
  model.note('conditionalFormats', sheet.name);
  return cf;
}

/** Registers a conditional format read from a file (xlsxIo), after those already read. */
export function attachConditionalFormat(model: WorkbookModel, sheet: SheetModel, cf: Omit<ConditionalFormatData, 'id'>): void {
  sheet.conditionalFormats.push({ ...cf, id: model.conditionalFormatId() });
  sheet.conditionalFormatsChanged();
}

export function deleteConditionalFormat(model: WorkbookModel, sheet: SheetModel, cf: ConditionalFormatData): void {
  sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
  sheet.conditionalFormatsChanged();
  model.note('conditionalFormats', sheet.name);
}

export function updateConditionalFormat(
  model: WorkbookModel,
  sheet: SheetModel,
  cf: ConditionalFormatData,
  change: { formula?: string; fill?: string | null; priority?: number; stopIfTrue?: boolean },
  location: string,
): void {
  if (change.formula !== undefined) {
    const f = String(change.formula);
    cf.formula = f.startsWith('=') ? f : `=${f}`;
    cf.compiled = undefined;
  }
  if (change.fill !== undefined) {
    if (change.fill === null) cf.fill = null;
    else {
      const c = normalizeColor(String(change.fill));
      if (!c) throw invalidArgument(location, `${String(change.fill)} is not a colour`);
      cf.fill = c;
    }
  }
  if (change.stopIfTrue !== undefined) cf.stopIfTrue = Boolean(change.stopIfTrue);
  if (change.priority !== undefined) {
    const list = sheet.conditionalFormats.filter((x) => x !== cf);
    list.splice(Math.max(0, Math.min(list.length, Math.trunc(change.priority))), 0, cf);
    sheet.conditionalFormats = list;
  }
  sheet.conditionalFormatsChanged();
  model.note('conditionalFormats', sheet.name);
}

/** The fill a cell shows: the first Custom format whose rule holds, else the cell's own fill. */
export function displayFill(model: WorkbookModel, sheet: SheetModel, row: number, column: number): string | null {
  for (const cf of sheet.conditionalFormatsAt(row, column)) {
    if (cf.type !== 'Custom' || !cf.fill) continue;
    if (cf.compiled === undefined) cf.compiled = cf.formula.startsWith('=') ? compile(cf.formula.slice(1)) : null;
    if (!cf.compiled) continue;
    const v = evaluate(cf.compiled, formulaEnv(model, sheet));
    if (v === true || (typeof v === 'number' && v !== 0)) return cf.fill;
  }
  return sheet.get(row, column)?.fill ?? null;
}
