/**
 * The workbook behind the Excel test host: sheets of cells, tables, conditional formats, the add-in's
 * settings and the selection, loaded from and saved to .xlsx (see xlsxIo/). It behaves as Excel does
 * where the add-in depends on it (typed-input conversion, table headers, recalculation), and it tells its
 * listeners after every change, so the workbench grid can draw it.
 *
 * Two faces:
 *  - this class: the state, the read API and the "user" actions (sheet names, 1-based row and column) for
 *    the workbench grid, and the change notification;
 *  - the operations the Office.js proxies call at `context.sync()`, one module per part of the workbook
 *    (sheets.ts, cells.ts, tables.ts, tableRows.ts, conditionalFormats.ts, settings.ts, calculation.ts);
 *    they throw Office-style errors.
 */
import type ExcelJS from 'exceljs';
import { formatAddress, formatRect, parseAddress, type Rect } from '../addresses';
import { invalidArgument } from '../errors';
import { formatValue, numberLocale, type NumberLocale } from '../numberFormat';
import { GENERAL, valueTypeOf, type Scalar, type ValueType } from '../values';
import { recalculate } from './calculation';
import { fillRect, writeValues } from './cells';
import { conditionalFormatsIn, displayFill } from './conditionalFormats';
import { SheetModel } from './sheetModel';
import { activateSheet, selectRect } from './sheets';
import { TableModel } from './tableModel';

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

export interface TableView extends Rect {
  name: string;
  sheet: string;
  /** `Tjänsteplan!A8:I26`. */
  address: string;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
}

export interface SelectionView extends Rect {
  sheet: string;
  /** `C5` or `C5:D7`, without the sheet. */
  address: string;
}

export interface ModelOptions {
  /** Excel's UI language: names new sheets (`Blad1` / `Sheet1`), labels totals rows and formats numbers. */
  language?: string;
}

type Listener = (change: ModelChange) => void;

const DEFAULT_WIDTH = 8.43;

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
    const { readXlsx } = await import('../xlsxIo');
    return readXlsx(bytes, options);
  }

  /** A new workbook with one empty sheet, as Excel creates it. */
  static async create(options: ModelOptions & { sheetName?: string } = {}): Promise<WorkbookModel> {
    const { emptyWorkbook } = await import('../xlsxIo');
    return emptyWorkbook(options);
  }

  /** The workbook as .xlsx bytes: what the user would download, with tables, fills and settings. */
  async toXlsx(): Promise<Uint8Array> {
    const { writeXlsx } = await import('../xlsxIo');
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
      displayFill: displayFill(this, s, row, column),
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
    writeValues(this, s, { top: row, left: column, bottom: row, right: column }, [[input]], 'Grid.enter');
    this.emit();
  }

  /** Colours a cell (null removes the fill). */
  userFill(sheet: string, row: number, column: number, color: string | null): void {
    fillRect(this, this.requireSheet(sheet), { top: row, left: column, bottom: row, right: column }, color, 'Grid.fill');
    this.emit();
  }

  /** Selects a cell or block (`C5`, `C5:D7`) on a sheet, activating it. */
  userSelect(sheet: string, address: string): void {
    const s = this.requireSheet(sheet);
    const parsed = parseAddress(address);
    if (!parsed) throw invalidArgument('Grid.select', address);
    selectRect(this, s, parsed.rect);
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
    for (const cf of conditionalFormatsIn(s, source.rect)) {
      cf.rects = [...cf.rects, { ...target.rect }];
      if (cf.raw) cf.raw = { ...(cf.raw as object), ref: cf.rects.map(formatRect).join(' ') };
    }
    s.conditionalFormatsChanged();
    this.note('formats', s.name);
    this.emit();
  }

  userActivate(sheet: string): void {
    activateSheet(this, this.requireSheet(sheet));
    this.emit();
  }

  // -------------------------------------------------------------------------------------------------
  // Finding and registering sheets and tables

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

  /** Registers a sheet (read from a file, or added: sheets.ts). */
  attachSheet(name: string): SheetModel {
    const s = new SheetModel(this.nextSheetId++, name);
    this.sheets.push(s);
    if (this.activeSheetId === 0) this.activeSheetId = s.id;
    return s;
  }

  tableByName(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  /** Tables in sheet order, each sheet's in the order they were read or added. */
  tablesInOrder(): TableModel[] {
    return this.sheets.flatMap((s) => this.tables.filter((t) => t.sheet === s));
  }

  /** Registers a table (read from a file, or added: tables.ts). */
  attachTable(sheet: SheetModel, name: string, r: Rect, showTotals: boolean, columns: TableModel['columns']): TableModel {
    const t = new TableModel(this.nextTableId++, name, sheet, r, showTotals, columns);
    this.tables.push(t);
    return t;
  }

  /** A new conditional format's id (`{1}`, `{2}`, …). */
  conditionalFormatId(): string {
    return `{${this.nextCfId++}}`;
  }

  // -------------------------------------------------------------------------------------------------
  // Calculation and change notification

  /** Recalculates the formulas the test host can calculate, when anything changed since the last time. */
  ensureCalculated(): void {
    if (!this.calcNeeded) return;
    this.calcNeeded = false;
    recalculate(this);
  }

  /** Marks the formulas for recalculation (after any change to cells, formulas, tables or sheets). */
  invalidate(): void {
    this.calcNeeded = true;
  }

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
