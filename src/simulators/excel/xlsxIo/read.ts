/**
 * Reading the test host's model from .xlsx (exceljs): cells, widths, tables, conditional formats, the
 * selection and the settings sheet. The exceljs workbook is kept on the model for write.ts.
 */
import ExcelJS from 'exceljs';
import { parseRef, type Rect } from '../addresses';
import { compile } from '../formulas';
import { WorkbookModel, type ModelOptions } from '../model';
import { attachConditionalFormat } from '../model/conditionalFormats';
import type { CellData, ConditionalFormatData, SheetModel } from '../model/sheetModel';
import { colorFromXlsx, errorValue, serialFromDate, type Scalar } from '../values';

/** The very hidden sheet that holds the add-in's settings (see index.ts). */
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
