/**
 * The Office.js adapter of the WorkbookHost port. Every operation queues all its work and syncs as few
 * times as the API allows, whatever the row count. Reading every table is 2 syncs: the tables, then all
 * their cells at once. A write reads first only what it must know before it writes anything:
 *  - createTables, 2–3: which tables and sheets exist (a name already taken refuses the whole batch before
 *    anything is written), then how far down the existing sheets are used (a new table goes below, never on
 *    top; no sync when every sheet is new), then the write;
 *  - writeHiddenTable, 2: the sheet and the tables (the sheet must be the add-in's own, very hidden, and the
 *    table on no other sheet), then the write;
 *  - appendTableRows, writeCells, highlight and select, 1 (appendTableRows reads more only when it fails, to
 *    say why); clearHighlights reads the conditional formats to find its own: 2, and 1 more to delete them.
 * A write over Excel on the web's 5 MB request limit goes in slices, a sync each.
 */
/// <reference types="office-js" />
import type { CellValue } from '../../domain/cell';
import { ownSheetTaken, type CellMark, type CellWrite, type InteractiveHost, type RawTable, type TableWrite } from '../host';
import { TABLES } from '../contract/tables';
import { dateFormatted, MAX_REQUEST_BYTES, parseAddress, rowBytes, splitByPayload, textSafe } from './ranges';

/** `Excel.run`, passed in so the same adapter drives Excel and the workbench's test host. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Fill colours of highlighted cells: light red for errors, light yellow for warnings (Excel's own). */
export const HIGHLIGHT = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const;

/**
 * A highlight is a conditional format (type Custom, always true) whose rule carries this marker, so that
 * clearing finds exactly the add-in's own formats and nothing else.
 */
const MARK = 'tjansteplan.markering';
const markFormula = (severity: keyof typeof HIGHLIGHT) => `=ISTEXT("${MARK}:${severity}")`;
/** What one highlight adds to a request (the add and two property writes with their object paths), generously. */
const MARK_BYTES = 1024;
const RANK = { error: 3, warning: 2, info: 1 } as const;

export class OfficeHost implements InteractiveHost {
  constructor(private readonly run: ExcelRun) {}

  async readTables(): Promise<RawTable[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load('items/name,items/showTotals,items/showHeaders,items/worksheet/name');
      await context.sync();
      const ranges = tables.items.map((t) => {
        const range = t.getRange();
        const textOnly = TEXT_ONLY_TABLES.has(t.name.toLowerCase());
        range.load(textOnly ? 'address,values' : 'address,values,formulas,valueTypes,numberFormat');
        return { table: t, range, textOnly };
      });
      await context.sync();
      return ranges.map(({ table, range, textOnly }) => toRawTable(table, range, textOnly));
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
      for (const w of writes) {
        if (taken.has(w.name.toLowerCase())) throw new Error(`Tabellen ${w.name} finns redan`);
        taken.add(w.name.toLowerCase());
      }
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

  /** 2 syncs: one to see what the sheet and the table are, one to write (more only past the payload limit). */
  async writeHiddenTable(w: TableWrite): Promise<void> {
    await this.run(async (context) => {
      const wb = context.workbook;
      const existing = wb.worksheets.getItemOrNullObject(w.sheet);
      existing.load('visibility');
      wb.tables.load('items/name,items/worksheet/name');
      await context.sync();
      if (!existing.isNullObject && existing.visibility !== 'VeryHidden') throw new Error(ownSheetTaken(w.sheet));
      const table = wb.tables.items.find((t) => t.name.toLowerCase() === w.name.toLowerCase());
      if (table && table.worksheet.name !== w.sheet) throw new Error(`Tabellen ${w.name} finns redan på bladet ${table.worksheet.name}`);
      let sheet = existing;
      if (existing.isNullObject) {
        sheet = wb.worksheets.add(w.sheet);
        sheet.visibility = 'VeryHidden';
      } else if (table) {
        // Deleting the table clears its cells, so a shorter record leaves nothing of the longer one behind.
        table.delete();
      }
      const budget = new Budget(() => context.sync());
      await writeTable(sheet, w, 1, budget);
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
   * Marks the cells in one sync, without reading anything first: each mark is a conditional format on the
   * cell, so the cell's own fill is never touched and clearing restores it exactly — also a fill the user
   * set after the mark. A cell marked twice in one call keeps its most severe mark.
   */
  async highlight(marks: CellMark[]): Promise<void> {
    const strongest = new Map<string, CellMark>();
    for (const m of marks) {
      const key = `${m.sheet}\u0000${m.address.toUpperCase()}`;
      const had = strongest.get(key);
      if (!had || RANK[m.severity] > RANK[had.severity]) strongest.set(key, m);
    }
    if (strongest.size === 0) return;
    await this.run(async (context) => {
      const sheets = new Map<string, Excel.Worksheet>();
      const budget = new Budget(() => context.sync());
      for (const m of strongest.values()) {
        await budget.add(MARK_BYTES + 2 * (m.sheet.length + m.address.length));
        let ws = sheets.get(m.sheet);
        if (!ws) {
          ws = context.workbook.worksheets.getItem(m.sheet);
          sheets.set(m.sheet, ws);
        }
        const format = ws.getRange(m.address).conditionalFormats.add('Custom');
        format.custom.rule.formula = markFormula(m.severity);
        format.custom.format.fill.color = HIGHLIGHT[m.severity];
      }
      await budget.flush();
    });
  }

  /**
   * Removes the add-in's marks and only those (other conditional formats and every cell fill stay as they
   * are); returns how many cells carried one.
   */
  async clearHighlights(): Promise<number> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      const formats = worksheets.items.map((ws) => {
        const collection = ws.getRange().conditionalFormats;
        collection.load('items/type,items/customOrNullObject/rule/formula');
        return collection;
      });
      await context.sync();
      const ours = formats.flatMap((collection) =>
        collection.items.filter((f) => f.type === 'Custom' && !f.customOrNullObject.isNullObject && isMark(f.customOrNullObject.rule.formula)),
      );
      if (ours.length === 0) return 0;
      const ranges = ours.map((f) => {
        const range = f.getRange();
        range.load('cellCount');
        f.delete();
        return range;
      });
      await context.sync();
      return ranges.reduce((n, r) => n + r.cellCount, 0);
    });
  }

  /**
   * Adds rows at the end of a table in one sync, reading nothing first; a second request is made only when
   * that one fails, to say why in Swedish. The batch, in order:
   *
   *  1. A check that stops the batch before anything is written when the cells the new rows will take (the
   *     rows just below the table, totals row included) are in use. Of the block from the header to those
   *     rows, the last row holding a value lies inside the table unless one of those cells is in use; then
   *     its intersection with the table does not exist and getIntersection fails (the header row always holds
   *     names, so getUsedRange always finds a cell; a table with its header row hidden, which the add-in never
   *     makes, could be refused wrongly). A failing action ends the batch: nothing after it runs, and no
   *     undocumented behaviour (such as calls on null objects) is relied on.
   *  2. `table.rows.add` — Excel's own way to grow a table, in ExcelApi since 1.1 (several rows since 1.4;
   *     the manifest asks for 1.7, so neither `alwaysInsert` (1.15) nor Table.resize (1.13) is used). It
   *     inserts the rows above a totals row and moves down what stands in the table's columns farther below
   *     (after the check, only cells further down than the new rows), with formulas following them, as when
   *     the user inserts a table row; it refuses with InsertDeleteConflict rather than cut another table.
   *     The table keeps its name, style, totals row and the structured references to it. The rows go in
   *     empty: rows.add reads values like typed input (`=…` a formula, `4500` a number) and sets no format.
   *  3. The new rows' number formats — `@` for text, a date format for a Date, General for numbers — then
   *     their values, in that order, so Excel reads text into text cells: text never becomes a formula and a
   *     Date becomes a date serial shown as a date. A null leaves the cell as rows.add made it.
   */
  async appendTableRows(tableName: string, rows: CellValue[][]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((r) => r.map(appendValue));
    if (values.some((r) => r.some((v) => typeof v === 'string' && v.length > MAX_CELL_TEXT))) {
      // Excel would refuse the values only after rows.add had made the rows: refused here, nothing is added.
      throw new Error(`En cell rymmer högst 32 767 tecken; raden läggs inte till i tabellen ${tableName}`);
    }
    try {
      await this.run(async (context) => {
        const table = context.workbook.tables.getItem(tableName);
        const whole = table.getRange();
        const lastUsedRow = whole.getBoundingRect(whole.getRowsBelow(rows.length)).getUsedRange(true).getLastRow();
        whole.getIntersection(lastUsedRow).load('address');
        const added = table.rows.add(undefined, rows.map((r) => r.map(() => '')));
        const block = added.getRange().getResizedRange(rows.length - 1, 0);
        block.numberFormat = rows.map((r, i) => r.map((v, j) => formatOf(v, values[i][j])));
        block.values = values.map((r) => r.map((v) => (v === '' ? null : v)));
        await context.sync();
      });
    } catch (e) {
      throw await this.appendRefused(tableName, rows, e);
    }
  }

  /** Why appendTableRows failed, in Swedish when it is a reason the user can act on; else the error itself. */
  private async appendRefused(tableName: string, rows: CellValue[][], cause: unknown): Promise<unknown> {
    try {
      return await this.run(async (context) => {
        const tables = context.workbook.tables;
        tables.load('items/name');
        await context.sync();
        const table = tables.items.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
        if (!table) return new Error(`Tabellen ${tableName} finns inte i arbetsboken`);
        const whole = table.getRange();
        whole.load('columnCount');
        const below = whole.getRowsBelow(rows.length);
        below.load('formulas');
        await context.sync();
        const wrong = rows.find((r) => r.length !== whole.columnCount);
        if (wrong) return new Error(`Raden har ${wrong.length} celler men tabellen ${table.name} har ${whole.columnCount} kolumner`);
        if (below.formulas.some((r) => r.some((v) => v !== '' && v !== null))) {
          return new Error(`Cellerna under tabellen ${table.name} används redan; flytta dem först`);
        }
        if ((cause as { code?: string } | null)?.code === 'InsertDeleteConflict') {
          return new Error(`Tabellen ${table.name} kan inte växa: Excel skulle då flytta celler i en annan tabell längre ned på bladet. Flytta den tabellen först.`);
        }
        return cause;
      });
    } catch {
      return cause;
    }
  }

  /** The workbook as .xlsx, read slice by slice (4 MB each); the file is always closed, also on failure. */
  async fileBytes(): Promise<Uint8Array> {
    const file = await new Promise<Office.File>((resolve, reject) =>
      Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4194304 }, (r) =>
        r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error.message)),
      ),
    );
    try {
      const parts: Uint8Array[] = [];
      for (let i = 0; i < file.sliceCount; i++) {
        const slice = await new Promise<Office.Slice>((resolve, reject) =>
          file.getSliceAsync(i, (r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error.message)))),
        );
        const data = slice.data as unknown;
        parts.push(data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : Uint8Array.from(data as number[]));
      }
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.byteLength;
      }
      return bytes;
    } finally {
      await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
    }
  }
}

const DATE_FORMAT = 'yyyy-mm-dd';
/** Characters one cell holds (Excel's specification and limits). */
const MAX_CELL_TEXT = 32_767;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date's Excel serial (days since 1899-12-30, UTC midnight). */
function dateSerial(d: Date): number {
  return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - EXCEL_EPOCH) / 86_400_000);
}

/** A new cell's number format: `@` for text, a date format for a Date, General for a number; null leaves it. */
function formatOf(v: CellValue, written: string | number | boolean): string | null {
  if (v instanceof Date) return DATE_FORMAT;
  if (written === '') return null;
  return typeof written === 'string' ? '@' : 'General';
}

function appendValue(v: CellValue): string | number | boolean {
  if (v instanceof Date) return dateSerial(v);
  return textSafe(v);
}

function isMark(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.toLowerCase().includes(MARK);
}

/**
 * The add-in's own tables, all text that it wrote itself: their values alone tell everything, and loading
 * formulas, value types and number formats as well would about quadruple the largest of them (the approved
 * version's record) in a response Excel on the web caps at 5 MB.
 */
const TEXT_ONLY_TABLES = new Set([TABLES.approval.name.toLowerCase()]);

function toRawTable(table: Excel.Table, range: Excel.Range, textOnly: boolean): RawTable {
  const { sheet, row, column } = parseAddress(range.address);
  const values = range.values;
  const formulas = textOnly ? values : range.formulas;
  const types = textOnly ? values.map((r) => r.map((v) => (v === '' ? 'Empty' : 'String'))) : range.valueTypes;
  const formats: unknown[][] | null = textOnly ? null : range.numberFormat;
  const cells: CellValue[][] = values.map((r, i) => r.map((v, j) => toCellValue(v, formulas[i][j], types[i][j], formats?.[i][j])));
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

/**
 * A cell as Office.js reports it. `formulas` gives a constant cell's value as it is, so text that merely
 * starts with `=` (stored as text) comes back the same in `values` and `formulas`: only a cell whose formula
 * differs from what it shows holds a formula. A number in a date format — a constant or a formula's result —
 * is a Date, as the CLI reads it from the file (`dateFormatted`): Office.js gives dates as serial numbers.
 */
function toCellValue(value: unknown, formula: unknown, type: string, numberFormat: unknown): CellValue {
  const shown: CellValue =
    type === 'Empty' ? null : type === 'Error' ? { error: String(value) } : dateFormatted(value as number | string | boolean, numberFormat);
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return { formula: formula.slice(1), result: shown };
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
  // Headers are text: formatted `@` first, a header like `=x` or `2022` is not made a formula or a number.
  header.numberFormat = [w.headers.map(() => '@')];
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
    // Excel fills a new totals row itself (a label first, a SUBTOTAL in the last column): every cell is
    // written, so the row shows exactly the label and the sums asked for.
    table.showTotals = true;
    const totals = table.getTotalRowRange();
    w.headers.forEach((name, j) => {
      const cell = totals.getCell(0, j);
      if (j === 0) {
        cell.numberFormat = [['@']];
        cell.values = [[w.totals!.label]];
      } else if (w.totals!.sum[j]) cell.formulas = [[`=SUBTOTAL(109,${w.name}[${escapeColumn(name)}])`]];
      else cell.values = [['']];
    });
  }
  table.getRange().format.autofitColumns();
}

/** A column name inside a structured reference: `[`, `]`, `#` and `'` are escaped with `'`. */
function escapeColumn(name: string): string {
  return name.replace(/(['#[\]])/g, "'$1");
}
