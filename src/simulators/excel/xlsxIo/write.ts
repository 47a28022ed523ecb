/**
 * Writing the test host's model back into the exceljs workbook it was read from (or a new one) and on to
 * .xlsx bytes: only the cells and widths that changed, sheets, tables, conditional formats, the settings.
 */
import ExcelJS from 'exceljs';
import { cellName, formatRect } from '../addresses';
import type { WorkbookModel } from '../model';
import { SheetModel, type CellData } from '../model/sheetModel';
import type { TableModel } from '../model/tableModel';
import { argbOf, isError, type Scalar } from '../values';
import { SETTINGS_SHEET } from './read';

export async function writeXlsx(model: WorkbookModel): Promise<Uint8Array> {
  model.ensureCalculated();
  if (!model.xlsx) model.xlsx = new ExcelJS.Workbook();
  const wb = model.xlsx;
  const kept = new Set(model.sheets.map((s) => s.xlsx).filter((x): x is ExcelJS.Worksheet => x !== null));
  for (const ws of wb.worksheets) if (!kept.has(ws) && ws.name !== SETTINGS_SHEET) wb.removeWorksheet(ws.id);
  for (const sheet of model.sheets) {
    let ws = sheet.xlsx;
    if (!ws) {
      ws = wb.addWorksheet(sheet.name);
      sheet.xlsx = ws;
    }
    if (ws.name !== sheet.name) ws.name = sheet.name;
    ws.state = sheet.visibility === 'VeryHidden' ? 'veryHidden' : sheet.visibility === 'Hidden' ? 'hidden' : 'visible';
    for (const key of sheet.dirty) {
      const { row, column } = SheetModel.position(key);
      writeCell(ws, row, column, sheet.cells.get(key));
    }
    sheet.dirty.clear();
    for (const column of sheet.dirtyWidths) ws.getColumn(column).width = sheet.widths.get(column);
    sheet.dirtyWidths.clear();
    writeTables(ws, model.tables.filter((t) => t.sheet === sheet));
    writeConditionalFormats(ws, sheet);
    const view = (ws.views?.[0] ?? { state: 'normal' }) as Record<string, unknown>;
    ws.views = [{ ...view, activeCell: cellName(sheet.selection.top, sheet.selection.left) } as ExcelJS.WorksheetView];
  }
  writeSettings(wb, model);
  const tab = wb.worksheets.findIndex((ws) => ws === model.activeSheet().xlsx);
  const view = (wb.views?.[0] ?? { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' }) as ExcelJS.WorkbookView;
  wb.views = [{ ...view, activeTab: Math.max(0, tab), firstSheet: 0 }];
  const out = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array ? new Uint8Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength)) : new Uint8Array(out);
}

function writeCell(ws: ExcelJS.Worksheet, row: number, column: number, data: CellData | undefined): void {
  const cell = ws.getCell(row, column);
  if (!data) cell.value = null;
  else if (data.f !== undefined) cell.value = { formula: data.f, result: xlsxValue(data.v) ?? undefined } as ExcelJS.CellFormulaValue;
  else cell.value = xlsxValue(data.v);
  // exceljs shares one style object among the cells read with the same style: replace it, never mutate it.
  const style = { ...(cell.style ?? {}) } as Partial<ExcelJS.Style>;
  if (data?.nf) style.numFmt = data.nf;
  else delete style.numFmt;
  if (data?.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argbOf(data.fill) } };
  else delete style.fill;
  cell.style = style as ExcelJS.Style;
}

function xlsxValue(v: Scalar): ExcelJS.CellValue {
  if (v === null) return null;
  if (isError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

const TOTAL_FUNCTIONS: Record<number, string> = { 101: 'average', 102: 'countNums', 103: 'count', 104: 'max', 105: 'min', 107: 'stdDev', 109: 'sum', 110: 'var' };

function writeTables(ws: ExcelJS.Worksheet, tables: TableModel[]): void {
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const m: Record<string, unknown> = { ...(t.raw ?? {}) };
    const filterRect = t.showTotals ? { ...t.rect, bottom: t.rect.bottom - 1 } : t.rect;
    Object.assign(m, {
      name: t.name,
      displayName: t.name,
      ref: cellName(t.rect.top, t.rect.left),
      tableRef: formatRect(t.rect),
      autoFilterRef: formatRect(filterRect),
      headerRow: true,
      totalsRow: t.showTotals,
      style: (m.style as object | undefined) ?? { theme: t.style, showFirstColumn: false, showLastColumn: false, showRowStripes: true, showColumnStripes: false },
      columns: t.columns.map((c, j) => {
        const col: Record<string, unknown> = { filterButton: true, ...(c.raw ?? {}), name: c.name };
        if (col.totalsRowFunction === 'custom') col.totalsRowFunction = 'none';
        delete col.totalsRowFormula;
        if (t.showTotals) Object.assign(col, totalsOf(t, j));
        return col;
      }),
    });
    delete m.rows;
    out[t.name] = { table: m, model: m, name: t.name };
  }
  (ws as unknown as { tables: Record<string, unknown> }).tables = out;
}

/** A totals cell as the table's column definition states it: a label, a known SUBTOTAL, or nothing. */
function totalsOf(t: TableModel, j: number): Record<string, unknown> {
  const cell = t.sheet.get(t.rect.bottom, t.rect.left + j);
  if (cell?.f !== undefined) {
    const m = /^\s*SUBTOTAL\(\s*(\d+)\s*,\s*([^[\s]+)\[(.+)\]\s*\)\s*$/i.exec(cell.f);
    const fn = m ? TOTAL_FUNCTIONS[Number(m[1])] : undefined;
    if (m && fn && m[2].toLowerCase() === t.name.toLowerCase() && m[3].replace(/'(.)/g, '$1').toLowerCase() === t.columns[j].name.toLowerCase()) {
      return { totalsRowFunction: fn, totalsRowLabel: undefined };
    }
    return { totalsRowFunction: 'none', totalsRowLabel: undefined };
  }
  if (typeof cell?.v === 'string') return { totalsRowLabel: cell.v, totalsRowFunction: undefined };
  return { totalsRowFunction: 'none', totalsRowLabel: undefined };
}

function writeConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const list = sheet.conditionalFormats.map((cf, i) => {
    if (cf.raw) {
      const raw = cf.raw as { ref: string; rule: Record<string, unknown> };
      return { ref: raw.ref, rules: [{ ...raw.rule, priority: i + 1 }] };
    }
    return {
      ref: cf.rects.map(formatRect).join(' '),
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          ...(cf.stopIfTrue ? { stopIfTrue: true } : {}),
          formulae: [cf.formula.replace(/^=/, '')],
          style: cf.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argbOf(cf.fill) } } } : {},
        },
      ],
    };
  });
  (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = list;
}

function writeSettings(wb: ExcelJS.Workbook, model: WorkbookModel): void {
  const old = wb.getWorksheet(SETTINGS_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (model.settings.size === 0) return;
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  ws.getCell(1, 1).value = 'key';
  ws.getCell(1, 2).value = 'value';
  let r = 2;
  for (const [key, value] of model.settings) {
    ws.getCell(r, 1).value = key;
    ws.getCell(r, 2).value = value;
    r++;
  }
}
