/**
 * The workbook behind the Excel test host: sheets of cells, tables, conditional formats, the add-in's
 * settings and the selection, loaded from and saved to .xlsx (see xlsxIo.ts). It behaves as Excel does
 * where the add-in depends on it (typed-input conversion, table headers, recalculation), and it tells its
 * listeners after every change, so the workbench grid can draw it.
 *
 * Two faces:
 *  - the read API and the "user" actions (sheet names, 1-based row and column) for the workbench grid;
 *  - the operations the Office.js proxies call at `context.sync()` (on SheetModel/TableModel objects), which
 *    throw Office-style errors.
 */
import type ExcelJS from 'exceljs';
import { columnsOf, formatAddress, formatRect, intersects, MAX_ROWS, parseAddress, quoteSheet, rowsOf, type Rect } from './addresses';
import { insertDeleteConflict, invalidArgument, invalidOperation, itemAlreadyExists, notImplemented } from './errors';
import { compile, evaluate, isSubtotalFormula, renameSheetIn, renameTableIn, shiftRowsIn, type FormulaEnv, type RowShift } from './formulas';
import { formatValue, numberLocale, type NumberLocale } from './numberFormat';
import { SheetModel, type CellData, type ConditionalFormatData } from './sheet';
import { isValidTableName, structuredRect, TableModel } from './tables';
import { GENERAL, errorValue, isError, normalizeColor, readInput, sameScalar, valueTypeOf, type Entry, type Scalar, type ValueType } from './values';

/** Characters one cell can hold (Excel's specification and limits). */
export const MAX_CELL_TEXT = 32_767;

export type ChangeKind = 'values' | 'formats' | 'widths' | 'tables' | 'sheets' | 'selection' | 'settings' | 'conditionalFormats';

/** What changed, reported once per `context.sync()` that changed something and after each user action. */
export interface ModelChange {
  kinds: ChangeKind[];
  /** Names of the sheets concerned (for `sheets`, also those renamed or deleted). */
  sheets: string[];
}

export interface CellView {
  /** What the cell shows: number, text, boolean, `{error}`, or null when empty. Dates are serial numbers. */
  value: Scalar;
  /** The formatted text, as Excel draws it. */
  text: string;
  /** `=…` or null. */
  formula: string | null;
  valueType: ValueType;
  numberFormat: string;
  /** The cell's own fill `#RRGGBB`, or null for none. */
  fill: string | null;
  /** The fill shown, after conditional formats. */
  displayFill: string | null;
}

export interface TableView {
  name: string;
  sheet: string;
  /** `Tjänsteplan!A8:I26`. */
  address: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
}

export interface SelectionView {
  sheet: string;
  /** `C5` or `C5:D7`, without the sheet. */
  address: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ModelOptions {
  /** Excel's UI language: names new sheets (`Blad1` / `Sheet1`), labels totals rows and formats numbers. */
  language?: string;
}

type Listener = (change: ModelChange) => void;

const DEFAULT_WIDTH = 8.43;
const MAX_FILL_CELLS = 2_000_000;

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** The add-in's settings (Office's `workbook.settings`), as JSON text. */
  readonly settings = new Map<string, string>();
  readonly language: string;
  readonly locale: NumberLocale;
  activeSheetId = 0;
  /** The exceljs workbook read from the file; written back with this model's changes by toXlsx(). */
  xlsx: ExcelJS.Workbook | null = null;
  private nextSheetId = 1;
  private nextTableId = 1;
  private nextCfId = 1;
  private calcNeeded = false;
  private readonly listeners = new Set<Listener>();
  private readonly pendingKinds = new Set<ChangeKind>();
  private readonly pendingSheets = new Set<string>();

  constructor(options: ModelOptions = {}) {
    this.language = options.language ?? 'sv-SE';
    this.locale = numberLocale(this.language);
  }

  /** A workbook read from .xlsx bytes (Node Buffer, Uint8Array or ArrayBuffer). */
  static async fromXlsx(bytes: Uint8Array | ArrayBuffer, options: ModelOptions = {}): Promise<WorkbookModel> {
    const { readXlsx } = await import('./xlsxIo');
    return readXlsx(bytes, options);
  }

  /** A new workbook with one empty sheet, as Excel creates it. */
  static async create(options: ModelOptions & { sheetName?: string } = {}): Promise<WorkbookModel> {
    const { emptyWorkbook } = await import('./xlsxIo');
    return emptyWorkbook(options);
  }

  /** The workbook as .xlsx bytes: what the user would download, with tables, fills and settings. */
  async toXlsx(): Promise<Uint8Array> {
    const { writeXlsx } = await import('./xlsxIo');
    return writeXlsx(this);
  }

  // -------------------------------------------------------------------------------------------------
  // Read API for the workbench grid (sheet names; rows and columns 1-based)

  /** Sheet names in tab order; hidden sheets only when asked. */
  getSheetNames(options: { includeHidden?: boolean } = {}): string[] {
    return this.sheets.filter((s) => options.includeHidden || s.visibility === 'Visible').map((s) => s.name);
  }

  getActiveSheet(): string {
    return this.activeSheet().name;
  }

  /** Rows and columns from A1 to the last cell holding anything (value, format or fill). */
  getUsedSize(sheet: string): { rows: number; columns: number } {
    const r = this.requireSheet(sheet).usedRect(false);
    return r ? { rows: r.bottom, columns: r.right } : { rows: 0, columns: 0 };
  }

  getCell(sheet: string, row: number, column: number): CellView {
    const s = this.requireSheet(sheet);
    this.ensureCalculated();
    const c = s.get(row, column);
    const value = c?.v ?? null;
    return {
      value,
      text: formatValue(value, c?.nf, this.locale),
      formula: c?.f !== undefined ? `=${c.f}` : null,
      valueType: valueTypeOf(value),
      numberFormat: c?.nf ?? GENERAL,
      fill: c?.fill ?? null,
      displayFill: this.displayFill(s, row, column),
    };
  }

  getCellValue(sheet: string, row: number, column: number): Scalar {
    return this.getCell(sheet, row, column).value;
  }

  getCellText(sheet: string, row: number, column: number): string {
    return this.getCell(sheet, row, column).text;
  }

  getCellFill(sheet: string, row: number, column: number): string | null {
    return this.getCell(sheet, row, column).fill;
  }

  getCellNumberFormat(sheet: string, row: number, column: number): string {
    return this.getCell(sheet, row, column).numberFormat;
  }

  /** Column width in characters (Excel's unit); 8.43 when never set. */
  getColumnWidth(sheet: string, column: number): number {
    return this.requireSheet(sheet).widths.get(column) ?? DEFAULT_WIDTH;
  }

  /** Tables of one sheet, or of the whole workbook in sheet order. */
  getTables(sheet?: string): TableView[] {
    const only = sheet === undefined ? null : this.requireSheet(sheet);
    return this.tablesInOrder()
      .filter((t) => !only || t.sheet === only)
      .map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: formatAddress(t.sheet.name, t.rect),
        ...t.rect,
        showHeaders: t.showHeaders,
        showTotals: t.showTotals,
        columns: t.columns.map((c) => c.name),
      }));
  }

  /** The selection on the active sheet. */
  getSelection(): SelectionView {
    const s = this.activeSheet();
    return { sheet: s.name, address: formatRect(s.selection), ...s.selection };
  }

  /** The add-in settings, parsed. */
  getSettings(): Record<string, unknown> {
    return Object.fromEntries([...this.settings].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  /** Called after each sync that changed something and after each user action; returns an unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // -------------------------------------------------------------------------------------------------
  // What a user does in the grid

  /** Types into a cell: Excel's reading of input applies (`=` starts a formula, `4500` is a number, …). */
  userEnter(sheet: string, row: number, column: number, input: string): void {
    const s = this.requireSheet(sheet);
    this.writeValues(s, { top: row, left: column, bottom: row, right: column }, [[input]], 'Grid.enter');
    this.emit();
  }

  /** Colours a cell (null removes the fill). */
  userFill(sheet: string, row: number, column: number, color: string | null): void {
    this.fillRect(this.requireSheet(sheet), { top: row, left: column, bottom: row, right: column }, color, 'Grid.fill');
    this.emit();
  }

  /** Selects a cell or block (`C5`, `C5:D7`) on a sheet, activating it. */
  userSelect(sheet: string, address: string): void {
    const s = this.requireSheet(sheet);
    const parsed = parseAddress(address);
    if (!parsed) throw invalidArgument('Grid.select', address);
    this.selectRect(s, parsed.rect);
    this.emit();
  }

  /**
   * Copies a cell's formats to another cell of the sheet (Copy, then Paste › Formatting): a conditional
   * format on the source then applies to the target as well — one format over several ranges, as Excel
   * shows it in Manage Rules ("Applies to: =$C$10,$C$12"). Only conditional formats are carried.
   */
  userPasteFormats(sheet: string, from: string, to: string): void {
    const s = this.requireSheet(sheet);
    const source = parseAddress(from);
    const target = parseAddress(to);
    if (!source || !target) throw invalidArgument('Grid.pasteFormats', `${from} → ${to}`);
    for (const cf of this.conditionalFormatsIn(s, source.rect)) {
      cf.rects = [...cf.rects, { ...target.rect }];
      if (cf.raw) cf.raw = { ...(cf.raw as object), ref: cf.rects.map(formatRect).join(' ') };
    }
    s.conditionalFormatsChanged();
    this.note('formats', s.name);
    this.emit();
  }

  userActivate(sheet: string): void {
    this.activateSheet(this.requireSheet(sheet));
    this.emit();
  }

  // -------------------------------------------------------------------------------------------------
  // Sheets

  sheetByName(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  requireSheet(name: string): SheetModel {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  activeSheet(): SheetModel {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
  }

  /** Registers a sheet read from a file (xlsxIo). */
  attachSheet(name: string): SheetModel {
    const s = new SheetModel(this.nextSheetId++, name);
    this.sheets.push(s);
    if (this.activeSheetId === 0) this.activeSheetId = s.id;
    return s;
  }

  addSheet(name: string | undefined, location: string): SheetModel {
    let chosen = name;
    if (chosen === undefined || chosen === '') {
      const prefix = this.language.toLowerCase().startsWith('sv') ? 'Blad' : 'Sheet';
      let n = 1;
      while (this.sheetByName(`${prefix}${n}`)) n++;
      chosen = `${prefix}${n}`;
    }
    checkSheetName(chosen, location);
    if (this.sheetByName(chosen)) throw itemAlreadyExists(location, `a sheet named ${chosen} exists`);
    const s = this.attachSheet(chosen);
    this.note('sheets', s.name);
    return s;
  }

  renameSheet(sheet: SheetModel, name: string, location: string): void {
    if (sheet.name === name) return;
    checkSheetName(name, location);
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw itemAlreadyExists(location, `a sheet named ${name} exists`);
    const old = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((f) => renameSheetIn(f, old, name, quoteSheet));
    this.note('sheets', old);
    this.note('sheets', name);
  }

  deleteSheet(sheet: SheetModel, location: string): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) throw invalidOperation(location, 'a workbook must keep one visible sheet');
    for (const t of this.tables.filter((x) => x.sheet === sheet)) this.removeTable(t);
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.firstVisible(i).id;
    this.calcNeeded = true;
    this.note('sheets', sheet.name);
  }

  setVisibility(sheet: SheetModel, visibility: string, location: string): void {
    const v = ['Visible', 'Hidden', 'VeryHidden'].find((x) => x.toLowerCase() === String(visibility).toLowerCase()) as SheetModel['visibility'] | undefined;
    if (!v) throw invalidArgument(location, `visibility ${visibility}`);
    if (v !== 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
      throw invalidOperation(location, 'a workbook must keep one visible sheet');
    }
    sheet.visibility = v;
    if (v !== 'Visible' && this.activeSheetId === sheet.id) this.activeSheetId = this.firstVisible(this.sheets.indexOf(sheet)).id;
    this.note('sheets', sheet.name);
  }

  private firstVisible(near: number): SheetModel {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    return visible.find((s) => this.sheets.indexOf(s) >= near) ?? visible[visible.length - 1] ?? this.sheets[0];
  }

  activateSheet(sheet: SheetModel, location = 'Worksheet.activate'): void {
    if (sheet.visibility !== 'Visible') throw invalidOperation(location, 'a hidden sheet cannot be activated');
    this.activeSheetId = sheet.id;
    this.note('selection', sheet.name);
  }

  selectRect(sheet: SheetModel, r: Rect, location = 'Range.select'): void {
    this.activateSheet(sheet, location);
    sheet.selection = { ...r };
    this.note('selection', sheet.name);
  }

  // -------------------------------------------------------------------------------------------------
  // Cells

  /**
   * Writes values or formulas as Range.values / Range.formulas do: one input per cell (or one for all),
   * null leaves a cell as it is, strings are read as typed input unless the cell is formatted `@`.
   */
  writeValues(sheet: SheetModel, r: Rect, input: unknown, location: string): void {
    const at = shaped(input, r, location);
    for (let i = 0; i < rowsOf(r); i++) {
      for (let j = 0; j < columnsOf(r); j++) this.enter(sheet, r.top + i, r.left + j, at(i, j), location);
    }
    this.expandTableAbove(sheet, r, at);
    this.afterValues(sheet, r);
  }

  /**
   * Values set directly below a table make it grow over them, as Microsoft's co-authoring guidance for
   * add-ins relies on ("Setting the Range values directly below the table automatically expands the table";
   * "The table only automatically expands if data is present in the cells directly below the table" —
   * learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins, "Avoid table row coauthoring
   * conflicts"). The host is the strict reading of that: the block must start on the row just below the
   * table, lie within its columns and the table must show no totals row (its totals row would stand between);
   * it grows over the rows from there down that hold data, up to the first one that holds none; never into
   * another table.
   */
  private expandTableAbove(sheet: SheetModel, r: Rect, at: (i: number, j: number) => unknown): void {
    const t = this.tables.find((x) => x.sheet === sheet && !x.deleted && x.rect.bottom + 1 === r.top && x.rect.left <= r.left && r.right <= x.rect.right);
    if (!t || t.showTotals) return;
    const holds = (i: number) => [...Array(columnsOf(r)).keys()].some((j) => {
      const v = at(i, j);
      return v !== null && v !== undefined && v !== '';
    });
    let n = 0;
    while (n < rowsOf(r) && holds(n)) n++;
    if (n === 0) return;
    const grown: Rect = { ...t.rect, bottom: t.rect.bottom + n };
    if (this.tables.some((x) => x !== t && x.sheet === sheet && !x.deleted && intersects(x.rect, grown))) return;
    t.rect = grown;
    this.note('tables', sheet.name);
  }

  private enter(sheet: SheetModel, row: number, column: number, input: unknown, location: string): void {
    if (input === null || input === undefined) return;
    const old = sheet.get(row, column);
    let entry: Entry;
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw invalidArgument(location, 'a number must be finite');
      // "When you format a cell using the Text number format, … anything that is entered is displayed as
      // text" (Microsoft KB 141765, "Unexpected behavior with numbers formatted as text"). Whether a number
      // set through Range.values obeys that too is not documented; the host keeps it as text, the stricter
      // reading, so a writer has to set another number format first.
      entry = old?.nf === '@' ? { value: String(input) } : { value: input };
    } else if (typeof input === 'boolean') entry = { value: input };
    else if (typeof input === 'string') {
      // Excel's limit on a cell's text; longer values are refused, not cut.
      if (input.length > MAX_CELL_TEXT) throw invalidArgument(location, `a cell holds at most ${MAX_CELL_TEXT} characters`);
      entry = readInput(input, old?.nf);
    }
    else throw invalidArgument(location, 'a cell takes a string, a number or a boolean');
    const cell: CellData = { v: entry.value, nf: entry.numberFormat ?? old?.nf, fill: old?.fill };
    if (entry.formula !== undefined) {
      cell.f = entry.formula;
      cell.c = compile(entry.formula);
      cell.v = cell.c ? null : errorValue('#NAME?');
      this.calcNeeded = true;
    }
    if (cell.nf === undefined) delete cell.nf;
    if (cell.fill === undefined) delete cell.fill;
    sheet.put(row, column, cell);
  }

  private afterValues(sheet: SheetModel, r: Rect): void {
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.headerRect(), r)) this.normalizeHeaders(t);
    }
    this.calcNeeded = true;
    this.note('values', sheet.name);
  }

  writeNumberFormats(sheet: SheetModel, r: Rect, input: unknown, location: string): void {
    const at = shaped(input, r, location);
    for (let i = 0; i < rowsOf(r); i++) {
      for (let j = 0; j < columnsOf(r); j++) {
        const f = at(i, j);
        if (f === null || f === undefined) continue;
        if (typeof f !== 'string') throw invalidArgument(location, 'a number format is a string');
        const row = r.top + i;
        const column = r.left + j;
        const old = sheet.get(row, column) ?? { v: null };
        const cell: CellData = { ...old };
        if (f === '' || f.toLowerCase() === 'general') delete cell.nf;
        else cell.nf = f;
        sheet.put(row, column, cell);
      }
    }
    this.note('formats', sheet.name);
  }

  fillRect(sheet: SheetModel, r: Rect, color: string | null, location: string): void {
    let fill: string | undefined;
    if (color !== null) {
      const c = normalizeColor(String(color));
      if (!c) throw invalidArgument(location, `${String(color)} is not a colour`);
      fill = c;
    }
    if (rowsOf(r) * columnsOf(r) > MAX_FILL_CELLS) throw notImplemented(location, 'filling more than two million cells');
    for (let row = r.top; row <= r.bottom; row++) {
      for (let column = r.left; column <= r.right; column++) {
        const old = sheet.get(row, column);
        if (!old && fill === undefined) continue;
        const cell: CellData = { ...(old ?? { v: null }) };
        if (fill === undefined) delete cell.fill;
        else cell.fill = fill;
        sheet.put(row, column, cell);
      }
    }
    this.note('formats', sheet.name);
  }

  /** Clears values (and with `all`, formats) as Range.clear does. */
  clearRect(sheet: SheetModel, r: Rect, applyTo: string, location: string): void {
    const what = applyTo.toLowerCase();
    if (!['all', 'contents', 'formats'].includes(what)) throw invalidArgument(location, `applyTo ${applyTo}`);
    for (const [row, column, c] of [...sheet.cellsIn(r)]) {
      const cell: CellData = { ...c };
      if (what !== 'formats') {
        cell.v = null;
        delete cell.f;
        delete cell.c;
      }
      if (what !== 'contents') {
        delete cell.nf;
        delete cell.fill;
      }
      sheet.put(row, column, cell);
    }
    this.afterValues(sheet, r);
    if (what !== 'contents') this.note('formats', sheet.name);
  }

  /** Fits column widths to the text of the cells in the block, as Range.format.autofitColumns() does. */
  autofitColumns(sheet: SheetModel, r: Rect): void {
    this.ensureCalculated();
    const longest = new Map<number, number>();
    for (const [, column, c] of sheet.cellsIn(r)) {
      const text = formatValue(c.v, c.nf, this.locale);
      longest.set(column, Math.max(longest.get(column) ?? 0, text.length));
    }
    for (const [column, length] of longest) {
      if (length === 0) continue;
      sheet.widths.set(column, Math.min(255, Math.round((length * 1.1 + 2) * 100) / 100));
      sheet.dirtyWidths.add(column);
    }
    this.note('widths', sheet.name);
  }

  displayFill(sheet: SheetModel, row: number, column: number): string | null {
    for (const cf of sheet.conditionalFormatsAt(row, column)) {
      if (cf.type !== 'Custom' || !cf.fill) continue;
      if (cf.compiled === undefined) cf.compiled = cf.formula.startsWith('=') ? compile(cf.formula.slice(1)) : null;
      if (!cf.compiled) continue;
      const v = evaluate(cf.compiled, this.env(sheet));
      if (v === true || (typeof v === 'number' && v !== 0)) return cf.fill;
    }
    return sheet.get(row, column)?.fill ?? null;
  }

  // -------------------------------------------------------------------------------------------------
  // Calculation

  /** Recalculates the formulas the test host can calculate, when anything changed since the last time. */
  ensureCalculated(): void {
    if (!this.calcNeeded) return;
    this.calcNeeded = false;
    for (let pass = 0; pass < 32; pass++) {
      let changed = false;
      for (const sheet of this.sheets) {
        const env = this.env(sheet);
        for (const key of sheet.formulas) {
          const cell = sheet.cells.get(key);
          if (!cell?.c) continue;
          const v = evaluate(cell.c, env);
          if (!sameScalar(v, cell.v)) {
            cell.v = v;
            sheet.dirty.add(key);
            changed = true;
          }
        }
      }
      if (!changed) return;
    }
  }

  /** Marks the formulas for recalculation (after a change the model did not see, e.g. a file load). */
  invalidate(): void {
    this.calcNeeded = true;
  }

  private env(sheet: SheetModel): FormulaEnv {
    return {
      sheet: sheet.name,
      value: (name, row, column) => {
        const s = name === sheet.name ? sheet : this.sheetByName(name);
        return s ? (s.get(row, column)?.v ?? null) : undefined;
      },
      isSubtotal: (name, row, column) => {
        const s = name === sheet.name ? sheet : this.sheetByName(name);
        return isSubtotalFormula(s?.get(row, column)?.f);
      },
      structured: (tableName, spec) => {
        const t = this.tableByName(tableName);
        const r = t ? structuredRect(t, spec) : null;
        return t && r ? { sheet: t.sheet.name, rect: r } : null;
      },
    };
  }

  private rewriteFormulas(rewrite: (formula: string) => string): void {
    for (const sheet of this.sheets) {
      for (const key of sheet.formulas) {
        const cell = sheet.cells.get(key)!;
        const f = rewrite(cell.f!);
        if (f === cell.f) continue;
        const { row, column } = SheetModel.position(key);
        sheet.put(row, column, { ...cell, f, c: compile(f) });
      }
    }
    this.calcNeeded = true;
  }

  // -------------------------------------------------------------------------------------------------
  // Tables

  tableByName(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  /** Tables in sheet order, each sheet's in the order they were read or added. */
  tablesInOrder(): TableModel[] {
    return this.sheets.flatMap((s) => this.tables.filter((t) => t.sheet === s));
  }

  /** Registers a table read from a file (xlsxIo). */
  attachTable(sheet: SheetModel, name: string, r: Rect, showTotals: boolean, columns: TableModel['columns']): TableModel {
    const t = new TableModel(this.nextTableId++, name, sheet, r, showTotals, columns);
    this.tables.push(t);
    return t;
  }

  /**
   * TableCollection.add: the block becomes a table; its first row holds the headers, made text, unique and
   * non-empty as Excel makes them. A block of only a header row gets one empty body row.
   */
  addTable(sheet: SheetModel, r: Rect, hasHeaders: boolean, location: string): TableModel {
    if (!hasHeaders) throw notImplemented(location, 'tables.add with hasHeaders = false');
    const block = rowsOf(r) === 1 ? { ...r, bottom: r.bottom + 1 } : { ...r };
    if (rowsOf(block) > 1_048_575 || columnsOf(block) > 16_384) throw invalidArgument(location, 'the range is too large for a table');
    if (this.tables.some((t) => t.sheet === sheet && intersects(t.rect, block))) {
      throw invalidArgument(location, "a table can't overlap another table");
    }
    let n = 1;
    while (this.tableByName(`Table${n}`)) n++;
    const t = this.attachTable(sheet, `Table${n}`, block, false, []);
    this.normalizeHeaders(t);
    this.note('tables', sheet.name);
    return t;
  }

  renameTable(t: TableModel, name: string, location: string): void {
    if (t.name === name) return;
    if (!isValidTableName(name)) throw invalidArgument(location, `${name} is not a valid table name`);
    const other = this.tableByName(name);
    if (other && other !== t) throw invalidArgument(location, `a table named ${name} exists`);
    if (this.sheetByName(name) && /\s/.test(name)) throw invalidArgument(location, name);
    const old = t.name;
    t.name = name;
    this.rewriteFormulas((f) => renameTableIn(f, old, name));
    this.note('tables', t.sheet.name);
  }

  /**
   * Table.showTotals: turning it on adds a totals row below the body with Excel's defaults — a label in the
   * first column (`Summa`, or `Total` in English) and a SUBTOTAL in the last (sum for numbers, count
   * otherwise); turning it off removes the row's contents. The row below must be empty.
   */
  setShowTotals(t: TableModel, on: boolean, location: string): void {
    if (t.showTotals === on) return;
    const sheet = t.sheet;
    if (on) {
      const below: Rect = { top: t.rect.bottom + 1, bottom: t.rect.bottom + 1, left: t.rect.left, right: t.rect.right };
      const taken = [...sheet.cellsIn(below)].some(([, , c]) => c.v !== null || c.f !== undefined);
      const tableBelow = this.tables.some((x) => x !== t && x.sheet === sheet && intersects(x.rect, below));
      if (taken || tableBelow) throw notImplemented(location, 'a totals row over cells that are not empty (Excel would shift them down)');
      t.rect = { ...t.rect, bottom: t.rect.bottom + 1 };
      t.showTotals = true;
      const row = t.rect.bottom;
      const last = t.columns.length - 1;
      const body = t.bodyRect();
      if (last > 0) this.enter(sheet, row, t.rect.left, this.language.toLowerCase().startsWith('sv') ? 'Summa' : 'Total', location);
      const numeric = [...sheet.cellsIn({ ...body, left: t.rect.left + last, right: t.rect.left + last })].every(([, , c]) => typeof c.v === 'number' || c.v === null);
      const col = t.columns[last].name.replace(/(['#[\]])/g, "'$1");
      this.enter(sheet, row, t.rect.left + last, `=SUBTOTAL(${numeric ? 109 : 103},${t.name}[${col}])`, location);
    } else {
      const totals = t.totalsRect()!;
      for (let column = totals.left; column <= totals.right; column++) {
        const old = sheet.get(totals.top, column);
        if (old) sheet.put(totals.top, column, { v: null, ...(old.nf ? { nf: old.nf } : {}), ...(old.fill ? { fill: old.fill } : {}) });
      }
      t.rect = { ...t.rect, bottom: t.rect.bottom - 1 };
      t.showTotals = false;
    }
    this.calcNeeded = true;
    this.note('tables', sheet.name);
    this.note('values', sheet.name);
  }

  /** Table.delete(): the table and its cells' contents go. */
  /** Table.resize to more or fewer body rows (see the Table proxy); the cells stay as they are. */
  resizeTable(t: TableModel, r: Rect, location: string): void {
    if (r.top !== t.rect.top) throw invalidArgument(location, "the table's header row must stay where it is");
    if (r.left !== t.rect.left || r.right !== t.rect.right) throw notImplemented(location, 'resizing a table to other columns');
    if (t.showTotals) throw notImplemented(location, 'resizing a table that shows a totals row');
    if (r.bottom <= r.top) throw invalidArgument(location, 'a table keeps at least one row below its headers');
    if (this.tables.some((x) => x !== t && x.sheet === t.sheet && intersects(x.rect, r))) throw invalidArgument(location, 'the new range overlaps another table');
    t.rect = { ...r };
    this.calcNeeded = true;
    this.note('tables', t.sheet.name);
  }

  deleteTable(t: TableModel): void {
    this.removeTable(t);
    this.clearRect(t.sheet, t.rect, 'Contents', 'Table.delete');
  }

  /** Table.convertToRange(): the table goes, the cells stay. */
  removeTable(t: TableModel): void {
    const i = this.tables.indexOf(t);
    if (i >= 0) this.tables.splice(i, 1);
    t.deleted = true;
    this.calcNeeded = true;
    this.note('tables', t.sheet.name);
  }

  /**
   * TableRowCollection.add: rows into the table's body at `index` (null, undefined or -1: at the end, above a
   * totals row); returns the body index of the first new row. As Excel does by default (`alwaysInsert`
   * true, and always before ExcelApi 1.15), the rows are inserted: every cell of the table's columns from
   * there down moves down — the rest of the body, the totals row and whatever stands below the table, even
   * when the rows just below are empty — and references follow (see insertCellsDown). With `alwaysInsert`
   * false the table grows into the rows below it when they are empty (the end only, no totals row), as
   * VBA's ListRows.Add does. `input` is a 2-D array with one row per new row and one value per column, or
   * one value for every cell of a single row, or nothing for one empty row; anything else is refused with
   * InvalidArgument before anything changes. The new cells take the number format and fill of the body row
   * beside them (above, or below when inserted at the top) and read the input as typed input in that format,
   * as Range.values does.
   */
  insertTableRows(t: TableModel, index: unknown, input: unknown, alwaysInsert: unknown, location: string): number {
    const width = columnsOf(t.rect);
    const body = t.bodyRect();
    const count = rowsOf(body);
    const at = index === null || index === undefined || index === -1 ? count : index;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > count) {
      throw invalidArgument(location, `index ${String(index)} is not a position in the table's ${count} rows`);
    }
    const rows = tableRowsInput(input, width, location);
    const n = rows.length;
    const sheet = t.sheet;
    const top = body.top + at;
    const added: Rect = { top, bottom: top + n - 1, left: t.rect.left, right: t.rect.right };
    const beside = [...Array(width).keys()].map((j) => sheet.get(at > 0 ? top - 1 : top, t.rect.left + j));
    const below: Rect = { top: t.rect.bottom + 1, bottom: t.rect.bottom + n, left: t.rect.left, right: t.rect.right };
    const grow =
      alwaysInsert === false &&
      at === count &&
      !t.showTotals &&
      below.bottom <= MAX_ROWS &&
      !this.holdsValues(sheet, below) &&
      !this.tables.some((x) => x.sheet === sheet && intersects(x.rect, below));
    if (grow) t.rect = { ...t.rect, bottom: t.rect.bottom + n };
    else this.insertCellsDown(sheet, { top, left: t.rect.left, right: t.rect.right }, n, t, location);
    for (let i = 0; i < n; i++) {
      beside.forEach((c, j) => {
        const cell: CellData = { v: null, ...(c?.nf ? { nf: c.nf } : {}), ...(c?.fill ? { fill: c.fill } : {}) };
        sheet.put(top + i, t.rect.left + j, cell);
      });
    }
    this.writeValues(sheet, added, rows, location);
    this.note('tables', sheet.name);
    this.note('formats', sheet.name);
    return at;
  }

  /**
   * Inserts `count` empty rows of cells at `region.top` in the columns `region.left`..`region.right`, as
   * Excel's Insert › Shift cells down: every cell of those columns from that row down moves down with its
   * value, formula and format; formulas on every sheet follow the cells they name (shiftRowsIn); tables that
   * lie within those columns move, `own` (the table the rows go into) grows; conditional formats move or grow
   * likewise. A table below only partly within the columns would be cut: InsertDeleteConflict, as Excel
   * refuses, and nothing changes. Pushing a value off the sheet's last row is not modelled (NotImplemented).
   * Not moved: what the model does not keep (fonts, borders, merged cells, data validation in the file stay
   * where they were), the selection, and the references inside conditional format rules.
   */
  insertCellsDown(sheet: SheetModel, region: { top: number; left: number; right: number }, count: number, own: TableModel | null, location: string): void {
    const moving = this.tables.filter(
      (x) => x !== own && x.sheet === sheet && x.rect.bottom >= region.top && x.rect.right >= region.left && x.rect.left <= region.right,
    );
    for (const x of moving) {
      if (x.rect.left < region.left || x.rect.right > region.right || x.rect.top < region.top) {
        throw insertDeleteConflict(location, `the cells that move would cut table ${x.name}`);
      }
    }
    const edge: Rect = { top: MAX_ROWS - count + 1, bottom: MAX_ROWS, left: region.left, right: region.right };
    if (this.holdsValues(sheet, edge) || [...moving, ...(own ? [own] : [])].some((x) => x.rect.bottom + count > MAX_ROWS)) {
      throw notImplemented(location, "shifting cells off the sheet's last row");
    }
    const shift: RowShift = { sheet: sheet.name, top: region.top, left: region.left, right: region.right, count };
    for (const s of this.sheets) {
      for (const key of [...s.formulas]) {
        const cell = s.cells.get(key)!;
        const f = shiftRowsIn(cell.f!, s.name, shift);
        if (f === cell.f) continue;
        const { row, column } = SheetModel.position(key);
        s.put(row, column, { ...cell, f, c: compile(f) });
      }
    }
    const cells = [...sheet.cellsIn({ top: region.top, bottom: MAX_ROWS, left: region.left, right: region.right })].sort((a, b) => b[0] - a[0]);
    for (const [row, column, c] of cells) {
      sheet.put(row, column, { v: null });
      if (row + count <= MAX_ROWS) sheet.put(row + count, column, c);
    }
    for (const x of moving) x.rect = { ...x.rect, top: x.rect.top + count, bottom: x.rect.bottom + count };
    if (own) own.rect = { ...own.rect, bottom: own.rect.bottom + count };
    let cfMoved = false;
    for (const cf of sheet.conditionalFormats) {
      const rects = cf.rects.map((r) => shiftedRect(r, shift));
      if (rects.every((r, i) => r === cf.rects[i])) continue;
      cf.rects = rects;
      if (cf.raw) cf.raw = { ...(cf.raw as object), ref: rects.map(formatRect).join(' ') };
      cfMoved = true;
    }
    if (cfMoved) {
      sheet.conditionalFormatsChanged();
      this.note('conditionalFormats', sheet.name);
    }
    this.calcNeeded = true;
    this.note('values', sheet.name);
    this.note('formats', sheet.name);
    if (moving.length > 0 || own) this.note('tables', sheet.name);
  }

  /** Whether any cell of the block holds a value or a formula. */
  private holdsValues(sheet: SheetModel, r: Rect): boolean {
    for (const [, , c] of sheet.cellsIn(r)) if (c.v !== null || c.f !== undefined) return true;
    return false;
  }

  /** Header cells become text, non-empty and unique (case-insensitively), as Excel keeps them. */
  private normalizeHeaders(t: TableModel): void {
    const sheet = t.sheet;
    const width = columnsOf(t.rect);
    const seen = new Set<string>();
    const names: string[] = [];
    for (let j = 0; j < width; j++) {
      const c = sheet.get(t.rect.top, t.rect.left + j);
      let name = c ? headerText(c.v, this.locale) : '';
      if (name === '') name = `Column${j + 1}`;
      let unique = name;
      for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${name}${k}`;
      seen.add(unique.toLowerCase());
      names.push(unique);
      if (!c || c.v !== unique || c.f !== undefined) {
        const cell: CellData = { ...(c ?? {}), v: unique };
        delete cell.f;
        delete cell.c;
        sheet.put(t.rect.top, t.rect.left + j, cell);
      }
    }
    const renamed = names.some((n, j) => t.columns[j]?.name !== n);
    t.columns = names.map((name, j) => ({ ...(t.columns[j] ?? {}), name }));
    if (renamed) this.note('tables', sheet.name);
  }

  // -------------------------------------------------------------------------------------------------
  // Conditional formats

  conditionalFormatsIn(sheet: SheetModel, r: Rect): ConditionalFormatData[] {
    return sheet.conditionalFormats.filter((cf) => cf.rects.some((x) => intersects(x, r)));
  }

  /** ConditionalFormatCollection.add: a new format at the top priority. Only `Custom` is modelled. */
  addConditionalFormat(sheet: SheetModel, r: Rect, type: string, location: string): ConditionalFormatData {
    if (String(type).toLowerCase() !== 'custom') throw notImplemented(location, `conditional format type ${type}`);
    const cf: ConditionalFormatData = { id: `{${this.nextCfId++}}`, rects: [{ ...r }], type: 'Custom', formula: '', fill: null, stopIfTrue: false };
    sheet.conditionalFormats.unshift(cf);
    sheet.conditionalFormatsChanged();
    this.note('conditionalFormats', sheet.name);
    return cf;
  }

  /** Registers a conditional format read from a file (xlsxIo). */
  attachConditionalFormat(sheet: SheetModel, cf: Omit<ConditionalFormatData, 'id'>): void {
    sheet.conditionalFormats.push({ ...cf, id: `{${this.nextCfId++}}` });
    sheet.conditionalFormatsChanged();
  }

  deleteConditionalFormat(sheet: SheetModel, cf: ConditionalFormatData): void {
    sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    sheet.conditionalFormatsChanged();
    this.note('conditionalFormats', sheet.name);
  }

  updateConditionalFormat(sheet: SheetModel, cf: ConditionalFormatData, change: { formula?: string; fill?: string | null; priority?: number; stopIfTrue?: boolean }, location: string): void {
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
    this.note('conditionalFormats', sheet.name);
  }

  // -------------------------------------------------------------------------------------------------
  // Settings

  setSetting(key: string, value: unknown, location: string): void {
    if (typeof key !== 'string' || key === '') throw invalidArgument(location, 'a setting needs a key');
    const json = JSON.stringify(value);
    if (json === undefined) throw invalidArgument(location, 'a setting value must be JSON');
    this.settings.set(key, json);
    this.note('settings');
  }

  getSetting(key: string): unknown {
    const json = this.settings.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as unknown);
  }

  deleteSetting(key: string): void {
    if (this.settings.delete(key)) this.note('settings');
  }

  // -------------------------------------------------------------------------------------------------
  // Change notification

  note(kind: ChangeKind, sheet?: string): void {
    this.pendingKinds.add(kind);
    if (sheet !== undefined) this.pendingSheets.add(sheet);
  }

  /** Tells the listeners what changed since the last time, if anything did. */
  emit(): void {
    if (this.pendingKinds.size === 0) return;
    const change: ModelChange = { kinds: [...this.pendingKinds], sheets: [...this.pendingSheets] };
    this.pendingKinds.clear();
    this.pendingSheets.clear();
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (e) {
        // A listener's failure must not undo the sync that reported it; surface it on its own.
        setTimeout(() => {
          throw e;
        }, 0);
      }
    }
  }
}

/** A 2-D input checked against the block, or one value for every cell. */
function shaped(input: unknown, r: Rect, location: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = rowsOf(r);
  const columns = columnsOf(r);
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw invalidArgument(location, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  return (i, j) => (input[i] as unknown[])[j];
}

/**
 * TableRowCollection.add's values: a 2-D array of whole rows, one value for a single row, or nothing (one
 * empty row). Each value must be one a cell takes; checked before anything changes.
 */
function tableRowsInput(input: unknown, width: number, location: string): unknown[][] {
  let rows: unknown[][];
  if (input === null || input === undefined) rows = [new Array<unknown>(width).fill(null)];
  else if (!Array.isArray(input)) rows = [new Array<unknown>(width).fill(input)];
  else {
    if (input.length === 0 || input.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw invalidArgument(location, `the values must be rows of ${width} cells, one per column of the table`);
    }
    rows = input as unknown[][];
  }
  for (const row of rows) {
    for (const v of row) {
      if (v === null || v === undefined || typeof v === 'boolean') continue;
      if (typeof v === 'number' && Number.isFinite(v)) continue;
      if (typeof v === 'string' && v.length <= MAX_CELL_TEXT) continue;
      throw invalidArgument(location, typeof v === 'string' ? `a cell holds at most ${MAX_CELL_TEXT} characters` : 'a cell takes a string, a finite number or a boolean');
    }
  }
  return rows;
}

/** A block after rows were inserted (insertCellsDown): moved, grown, or the same object when untouched. */
function shiftedRect(r: Rect, shift: RowShift): Rect {
  if (r.left < shift.left || r.right > shift.right || r.bottom < shift.top) return r;
  const bottom = Math.min(MAX_ROWS, r.bottom + shift.count);
  if (r.top >= shift.top) return { ...r, top: Math.min(MAX_ROWS, r.top + shift.count), bottom };
  return { ...r, bottom };
}

function headerText(v: Scalar, locale: NumberLocale): string {
  if (v === null) return '';
  if (isError(v)) return v.error;
  if (typeof v === 'number') return formatValue(v, GENERAL, locale);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

function checkSheetName(name: string, location: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31) throw invalidArgument(location, 'a sheet name has 1 to 31 characters');
  if (/[:\\/?*[\]]/.test(name)) throw invalidArgument(location, 'a sheet name cannot contain : \\ / ? * [ ]');
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument(location, "a sheet name cannot begin or end with '");
  if (name.toLowerCase() === 'history') throw invalidArgument(location, 'History is reserved');
}
