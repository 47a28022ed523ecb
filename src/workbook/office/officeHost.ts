/**
 * The Office.js adapter of the WorkbookHost port. Every operation queues all its work and syncs as few
 * times as the API allows: reading every table is 2 syncs whatever the row count, and each write is 1.
 */
/// <reference types="office-js" />
import type { CellValue } from '../../domain/cell';
import type { CellMark, CellWrite, InteractiveHost, RawTable, TableWrite } from '../host';
import { MAX_REQUEST_BYTES, parseAddress, rowBytes, splitByPayload, textSafe } from './ranges';

/** `Excel.run`, passed in so the same adapter drives Excel and the workbench's test host. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Fill colours of highlighted cells: light red for errors, light yellow for warnings (Excel's own). */
export const HIGHLIGHT = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const;
const SETTING = 'tjansteplan.highlights';

interface SavedFill {
  sheet: string;
  address: string;
  /** The fill before we highlighted; null when the cell had none. */
  before: string | null;
  mark: string;
}

export class OfficeHost implements InteractiveHost {
  constructor(private readonly run: ExcelRun) {}

  async readTables(): Promise<RawTable[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load('items/name,items/showTotals,items/showHeaders,items/worksheet/name');
      await context.sync();
      const ranges = tables.items.map((t) => {
        const range = t.getRange();
        range.load('address,values,formulas,valueTypes');
        return { table: t, range };
      });
      await context.sync();
      return ranges.map(({ table, range }) => toRawTable(table, range));
    });
  }

  async createTables(writes: TableWrite[]): Promise<void> {
    await this.run(async (context) => {
      const wb = context.workbook;
      wb.tables.load('items/name');
      const sheets = writes.map((w) => wb.worksheets.getItemOrNullObject(w.sheet));
      sheets.forEach((s) => s.load('name'));
      await context.sync();
      const taken = new Set(wb.tables.items.map((t) => t.name.toLowerCase()));
      for (const w of writes) if (taken.has(w.name.toLowerCase())) throw new Error(`Tabellen ${w.name} finns redan`);
      const used = sheets.map((s) => (s.isNullObject ? null : s.getUsedRangeOrNullObject(true)));
      used.forEach((u) => u?.load('rowIndex,rowCount'));
      await context.sync();

      const nextRow = new Map<string, number>();
      const queued: { sheet: Excel.Worksheet; w: TableWrite; top: number }[] = [];
      const created = new Map<string, Excel.Worksheet>();
      writes.forEach((w, i) => {
        let sheet = created.get(w.sheet) ?? (sheets[i].isNullObject ? null : sheets[i]);
        if (!sheet) {
          sheet = wb.worksheets.add(w.sheet);
          created.set(w.sheet, sheet);
        }
        const u = used[i];
        const below = u && !u.isNullObject ? u.rowIndex + u.rowCount + 2 : 1;
        const top = Math.max(nextRow.get(w.sheet) ?? 1, below);
        nextRow.set(w.sheet, top + 1 + Math.max(1, w.rows.length) + (w.totals ? 1 : 0) + 1);
        queued.push({ sheet, w, top });
      });
      const budget = new Budget(() => context.sync());
      for (const q of queued) await writeTable(q.sheet, q.w, q.top, budget);
      await budget.flush();
    });
  }

  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /** Writes values the user has confirmed; text is always stored as text, never as a formula. */
  async writeCells(cells: CellWrite[]): Promise<void> {
    await this.run(async (context) => {
      for (const c of cells) {
        const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.address);
        if (typeof c.value === 'string') range.numberFormat = [['@']];
        range.values = [[c.value ?? '']];
      }
      await context.sync();
    });
  }

  /**
   * Marks the cells in one sync: the old fill is loaded in the same batch before it is changed (Office runs
   * a batch in order), and kept in the workbook's settings so that clearing restores exactly those cells.
   */
  async highlight(marks: CellMark[]): Promise<void> {
    await this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(SETTING);
      setting.load('value');
      const fills = marks.map((m) => {
        const fill = context.workbook.worksheets.getItem(m.sheet).getRange(m.address).format.fill;
        fill.load('color');
        fill.color = HIGHLIGHT[m.severity];
        return fill;
      });
      await context.sync();
      const saved: SavedFill[] = setting.isNullObject ? [] : (JSON.parse(String(setting.value)) as SavedFill[]);
      const known = new Set(saved.map((s) => `${s.sheet}!${s.address}`));
      marks.forEach((m, i) => {
        if (known.has(`${m.sheet}!${m.address}`)) return;
        const before = fills[i].color;
        saved.push({ sheet: m.sheet, address: m.address, before: isNoFill(before) ? null : before, mark: HIGHLIGHT[m.severity] });
      });
      context.workbook.settings.add(SETTING, JSON.stringify(saved));
      await context.sync();
    });
  }

  /** Restores the cells we marked, and only those still showing our mark (a user's own fill stays). */
  async clearHighlights(): Promise<number> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(SETTING);
      setting.load('value');
      await context.sync();
      if (setting.isNullObject) return 0;
      const saved = JSON.parse(String(setting.value)) as SavedFill[];
      const fills = saved.map((s) => {
        const fill = context.workbook.worksheets.getItem(s.sheet).getRange(s.address).format.fill;
        fill.load('color');
        return fill;
      });
      await context.sync();
      let cleared = 0;
      saved.forEach((s, i) => {
        if (fills[i].color.toUpperCase() !== s.mark.toUpperCase()) return;
        if (s.before === null) fills[i].clear();
        else fills[i].color = s.before;
        cleared++;
      });
      setting.delete();
      await context.sync();
      return cleared;
    });
  }
}

function isNoFill(color: string | null | undefined): boolean {
  return !color || color.toUpperCase() === '#FFFFFF';
}

function toRawTable(table: Excel.Table, range: Excel.Range): RawTable {
  const { sheet, row, column } = parseAddress(range.address);
  const values = range.values;
  const formulas = range.formulas;
  const types = range.valueTypes;
  const cells: CellValue[][] = values.map((r, i) => r.map((v, j) => toCellValue(v, formulas[i][j], types[i][j])));
  const headers = table.showHeaders ? cells[0].map((c) => (c === null ? '' : String(c))) : [];
  const bodyStart = table.showHeaders ? 1 : 0;
  const bodyEnd = table.showTotals ? cells.length - 1 : cells.length;
  return {
    name: table.name,
    sheet: table.worksheet.name || sheet,
    headerRow: row,
    firstColumn: column,
    headers,
    body: cells.slice(bodyStart, bodyEnd),
    totals: table.showTotals ? cells[cells.length - 1] : null,
  };
}

function toCellValue(value: unknown, formula: unknown, type: string): CellValue {
  const shown: CellValue =
    type === 'Empty' ? null : type === 'Error' ? { error: String(value) } : (value as number | string | boolean);
  if (typeof formula === 'string' && formula.startsWith('=')) return { formula: formula.slice(1), result: shown };
  return shown;
}

/** Counts what a batch carries and syncs early only when the next write would pass the request limit. */
class Budget {
  private bytes = 0;
  constructor(private readonly sync: () => Promise<void>) {}
  async add(bytes: number) {
    if (this.bytes > 0 && this.bytes + bytes > MAX_REQUEST_BYTES) await this.flush();
    this.bytes += bytes;
  }
  async flush() {
    await this.sync();
    this.bytes = 0;
  }
}

async function writeTable(sheet: Excel.Worksheet, w: TableWrite, top: number, budget: Budget) {
  const width = w.headers.length;
  const rows = w.rows.length > 0 ? w.rows : [w.headers.map(() => null)];
  const header = sheet.getRangeByIndexes(top - 1, 0, 1, width);
  header.values = [w.headers];
  // Big tables go in slices under Excel on the web's 5 MB request limit; small ones in a single write.
  for (const slice of splitByPayload(rows)) {
    await budget.add(slice.rows.reduce((n, r) => n + rowBytes(r), 0));
    const range = sheet.getRangeByIndexes(top + slice.offset, 0, slice.rows.length, width);
    range.numberFormat = slice.rows.map((r) => r.map((v, j) => (typeof v === 'string' ? '@' : (w.numberFormats?.[j] ?? 'General'))));
    range.values = slice.rows.map((r) => r.map(textSafe));
  }
  const table = sheet.tables.add(header.getResizedRange(rows.length, 0), true);
  table.name = w.name;
  if (w.totals) {
    table.showTotals = true;
    w.totals.sum.forEach((sum, j) => {
      const cell = table.getTotalRowRange().getCell(0, j);
      if (j === 0) cell.values = [[w.totals!.label]];
      else if (sum) cell.formulas = [[`=SUBTOTAL(109,${w.name}[${w.headers[j]}])`]];
    });
  }
  table.getRange().format.autofitColumns();
}
