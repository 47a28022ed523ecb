/**
 * Reading the test host's model from .xlsx and writing it back, with exceljs (Node and browser alike).
 *
 * The exceljs workbook read from the file is kept and written back with the model's changes applied
 * (cells that changed, column widths, sheets added, renamed, hidden or deleted, tables, conditional
 * formats), so what the host does not model (fonts, borders, merged cells, print settings…) survives.
 *
 * Tables are written as real Excel tables (ListObjects). The add-in's settings (Office's
 * `workbook.settings`) are kept in a very hidden sheet, `_ExcelTestHostSettings` (column A the key, column
 * B the value as JSON): Excel keeps them in the add-in's web-extension part, which exceljs cannot write.
 * The sheet is invisible in Excel and to the API; reading the file again restores the settings.
 */
import ExcelJS from 'exceljs';
import { cellName, formatRect, parseRef, type Rect } from './addresses';
import { compile } from './formulas';
import { WorkbookModel, type ModelOptions } from './model';
import { attachConditionalFormat } from './model/conditionalFormats';
import { SheetModel, type CellData, type ConditionalFormatData } from './model/sheetModel';
import type { TableModel } from './model/tableModel';
import { argbOf, colorFromXlsx, errorValue, isError, serialFromDate, type Scalar } from './values';

export const SETTINGS_SHEET = '_ExcelTestHostSettings';

export async function readXlsx(bytes: Uint8Array | ArrayBuffer, options: ModelOptions = {}): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return importWorkbook(wb, options);
}

export async function emptyWorkbook(options: ModelOptions & { sheetName?: string } = {}): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  const sv = (options.language ?? 'sv-SE').toLowerCase().startsWith('sv');
  wb.addWorksheet(options.sheetName ?? (sv ? 'Blad1' : 'Sheet1'));
  return importWorkbook(wb, options);
}

export function importWorkbook(wb: ExcelJS.Workbook, options: ModelOptions = {}): WorkbookModel {
  const model = new WorkbookModel(options);
  model.xlsx = wb;
  const ordered = wb.worksheets;
  for (const ws of ordered) {
    if (ws.name === SETTINGS_SHEET) {
      readSettings(ws, model);
      continue;
    }
    const sheet = model.attachSheet(ws.name);
    sheet.xlsx = ws;
    sheet.visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
    readCells(ws, sheet, model);
    readWidths(ws, sheet);
    readTables(ws, sheet, model);
    readConditionalFormats(ws, sheet, model);
    const active = parseRef(String((ws.views?.[0] as { activeCell?: string } | undefined)?.activeCell ?? 'A1'));
    if (active) sheet.selection = { top: active.top, left: active.left, bottom: active.top, right: active.left };
  }
  const tab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  const activeWs = tab === undefined ? undefined : ordered[tab];
  const active = model.sheets.find((s) => s.xlsx === activeWs && s.visibility === 'Visible') ?? model.sheets.find((s) => s.visibility === 'Visible');
  if (active) model.activeSheetId = active.id;
  return model;
}

// ---------------------------------------------------------------------------------------------------
// Reading

interface XlsxRowLike {
  _cells?: (ExcelJS.Cell | undefined)[];
}

function readCells(ws: ExcelJS.Worksheet, sheet: SheetModel, model: WorkbookModel): void {
  const rows = (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows ?? [];
  rows.forEach((row, i) => {
    if (!row) return;
    const cells = (row as unknown as XlsxRowLike)._cells ?? [];
    cells.forEach((cell, j) => {
      if (!cell) return;
      const data = readCell(cell);
      if (!data) return;
      if (data.f !== undefined && data.v === null && data.c) model.invalidate();
      sheet.load(i + 1, j + 1, data);
    });
  });
}

function readCell(cell: ExcelJS.Cell): CellData | null {
  const merged = cell.isMerged && cell.master !== cell;
  const data: CellData = { v: null };
  if (!merged) {
    const v = cell.value as unknown;
    if (typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
      const o = v as { formula?: string; sharedFormula?: string; result?: unknown };
      const formula = cell.formula ?? o.formula ?? o.sharedFormula ?? '';
      data.f = formula;
      data.c = compile(formula);
      data.v = scalarOf(o.result);
    } else data.v = scalarOf(v);
  }
  const nf = cell.numFmt;
  if (nf && nf !== 'General') data.nf = nf;
  const fill = cell.fill as ExcelJS.Fill | undefined;
  if (fill && fill.type === 'pattern' && fill.pattern !== 'none') {
    const color = colorFromXlsx((fill.pattern === 'solid' ? fill.fgColor : (fill.bgColor ?? fill.fgColor)) as never);
    if (color) data.fill = color;
  }
  if (data.v === null && data.f === undefined && data.nf === undefined && data.fill === undefined) return null;
  return data;
}

function scalarOf(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return serialFromDate(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return errorValue(o.error);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((p) => p.text).join('');
  if ('text' in o) return String(o.text);
  if ('result' in o) return scalarOf(o.result);
  return String(v);
}

function readWidths(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const cols = (ws as unknown as { _columns?: ({ width?: number } | undefined)[] })._columns ?? [];
  cols.forEach((c, i) => {
    if (c?.width) sheet.widths.set(i + 1, c.width);
  });
}

interface XlsxTableModel {
  name: string;
  displayName?: string;
  tableRef: string;
  totalsRow?: boolean;
  headerRow?: boolean;
  columns?: Record<string, unknown>[];
  style?: { theme?: string };
}

function readTables(ws: ExcelJS.Worksheet, sheet: SheetModel, model: WorkbookModel): void {
  const found = (ws as unknown as { tables?: Record<string, { table?: XlsxTableModel; model?: XlsxTableModel }> }).tables ?? {};
  for (const entry of Object.values(found)) {
    const m = entry.table ?? entry.model;
    const r = m ? parseRef(m.tableRef ?? '') : null;
    if (!m || !r) continue;
    // exceljs reads a missing headerRowCount (Excel's default of 1) as no header row; tables here always have one.
    const columns = (m.columns ?? []).map((c, j) => ({
      name: String(c.name ?? sheet.get(r.top, r.left + j)?.v ?? `Column${j + 1}`),
      raw: { ...c },
    }));
    const t = model.attachTable(sheet, m.name, r, Boolean(m.totalsRow), columns);
    t.raw = { ...m };
    if (m.style?.theme) t.style = m.style.theme;
  }
}

interface XlsxCfRule {
  type: string;
  formulae?: string[];
  style?: { fill?: { fgColor?: never; bgColor?: never } };
  priority?: number;
  stopIfTrue?: boolean;
}

const CF_TYPES: Record<string, string> = {
  expression: 'Custom',
  cellIs: 'CellValue',
  colorScale: 'ColorScale',
  dataBar: 'DataBar',
  iconSet: 'IconSet',
  top10: 'TopBottom',
  containsText: 'ContainsText',
  aboveAverage: 'PresetCriteria',
  timePeriod: 'PresetCriteria',
  duplicateValues: 'PresetCriteria',
  uniqueValues: 'PresetCriteria',
};

function readConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetModel, model: WorkbookModel): void {
  const list = (ws as unknown as { conditionalFormattings?: { ref: string; rules: XlsxCfRule[] }[] }).conditionalFormattings ?? [];
  const found: { priority: number; cf: Omit<ConditionalFormatData, 'id'> }[] = [];
  for (const entry of list) {
    const rects = String(entry.ref ?? '')
      .split(/\s+/)
      .map((p) => parseRef(p))
      .filter((r): r is Rect => r !== null);
    if (rects.length === 0) continue;
    for (const rule of entry.rules ?? []) {
      const type = CF_TYPES[rule.type] ?? 'Custom';
      const custom = rule.type === 'expression';
      const fill = rule.style?.fill ? (colorFromXlsx(rule.style.fill.bgColor) ?? colorFromXlsx(rule.style.fill.fgColor)) : null;
      found.push({
        priority: rule.priority ?? Number.MAX_SAFE_INTEGER,
        cf: {
          rects,
          type: custom ? 'Custom' : type,
          formula: custom ? `=${rule.formulae?.[0] ?? ''}` : '',
          fill,
          stopIfTrue: Boolean(rule.stopIfTrue),
          raw: custom ? undefined : { ref: entry.ref, rule },
        },
      });
    }
  }
  found.sort((a, b) => a.priority - b.priority).forEach(({ cf }) => attachConditionalFormat(model, sheet, cf));
}

function readSettings(ws: ExcelJS.Worksheet, model: WorkbookModel): void {
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const key = row.getCell(1).value;
    const value = row.getCell(2).value;
    if (typeof key !== 'string' || typeof value !== 'string') return;
    try {
      JSON.parse(value);
      model.settings.set(key, value);
    } catch {
      // A hand-edited value that is not JSON is not a setting.
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Writing

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
