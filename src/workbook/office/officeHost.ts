/**
 * The Office.js adapter of the WorkbookHost port. Every operation queues all its work and syncs as few
 * times as the API allows, whatever the row count. Reading the tables is 2 syncs: the tables, then the
 * cells of the contract's tables at once (other tables only by place, so none of the user's own can push
 * the response past Excel on the web's 5 MB). A write reads first only what it must know before it writes anything:
 *  - createTables, 2–3: which tables and sheets exist (a name already taken refuses the whole batch before
 *    anything is written), then how far down the existing sheets are used (a new table goes below, never on
 *    top; no sync when every sheet is new), then the write;
 *  - writeHiddenTable, 2: the sheet and the tables (the sheet must be the add-in's own, very hidden, and the
 *    table on no other sheet), then the write;
 *  - appendTableRows, writeCells, highlight and select, 1 (appendTableRows, co-authoring-safe without
 *    rows.add, takes more only where the table cannot grow that way or to say why it failed: appendRows.ts);
 *    clearHighlights reads the conditional formats to find its own: 2, and 1 more to delete them.
 * A write over Excel on the web's 5 MB request limit goes in slices, a sync each.
 */
/// <reference types="office-js" />
import type { CellValue } from '../../domain/cell';
import { ownSheetTaken, type CellMark, type CellWrite, type InteractiveHost, type RawTable, type TableWrite } from '../host';
import { headerKey, TABLES, TKR_FORMAT } from '../contract/tables';
import { appendRows } from './appendRows';
import { workbookBytes } from './fileBytes';
import { excelApi } from './platform';
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

  /**
   * Every table of the workbook, the contract's with their cells and the others by name, sheet and place
   * only: Excel on the web refuses a response over 5 MB, and a large table of the user's own must not push
   * the check past it. 2 syncs: the tables, then the cells.
   */
  async readTables(): Promise<RawTable[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load('items/name,items/showTotals,items/showHeaders,items/worksheet/name');
      await context.sync();
      const ranges = tables.items.map((t) => {
        const range = t.getRange();
        const key = headerKey(t.name);
        const read = CONTRACT_TABLES.has(key) ? (TEXT_ONLY_TABLES.has(key) ? 'text' : 'cells') : 'place';
        if (read === 'place') range.load('address');
        else if (read === 'text') range.load('address,values');
        else range.load('address,values,formulas,valueTypes,numberFormat');
        return { table: t, range, read } as const;
      });
      await context.sync();
      return ranges.map(({ table, range, read }) => (read === 'place' ? placeOnly(table, range) : toRawTable(table, range, read === 'text')));
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

  /**
   * Writes values the user has confirmed, in one sync; text is always stored as text, never as a formula.
   * Every value gets its number format first: Excel keeps what is entered into a cell formatted `@` as text,
   * a number too, so a recomputed sum written over typed text ("1 000", formatted `@`) would stay text. A
   * whole number takes the contract's amount format, `#,##0`; any other number General.
   */
  async writeCells(cells: CellWrite[]): Promise<void> {
    await this.run(async (context) => {
      for (const c of cells) {
        const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.address);
        const format = cellFormat(c.value);
        if (format) range.numberFormat = [[format]];
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
      // A mark the user copied elsewhere applies to several ranges, and getRange() would then fail the
      // whole request, leaving every mark in place. getRanges (ExcelApi 1.9) counts all of its cells;
      // before it, getRangeOrNullObject gives null for such a mark, which is deleted all the same and
      // counted as one cell.
      const all = excelApi('1.9');
      const sizes = ours.map((f) => {
        const range = all ? f.getRanges() : f.getRangeOrNullObject();
        range.load('cellCount');
        f.delete();
        return range;
      });
      await context.sync();
      return sizes.reduce((n, r) => n + (!all && r.isNullObject ? 1 : r.cellCount), 0);
    });
  }

  /** Adds rows at the end of a table, co-authoring-safe, in one sync (see appendRows.ts). */
  appendTableRows(tableName: string, rows: CellValue[][]): Promise<void> {
    return appendRows(this.run, tableName, rows);
  }

  /** The workbook as .xlsx (see fileBytes.ts: refused plainly where the platform cannot give it). */
  fileBytes(): Promise<Uint8Array> {
    return workbookBytes();
  }
}

function cellFormat(v: CellWrite['value']): string | null {
  if (typeof v === 'string') return '@';
  if (typeof v === 'number') return Number.isInteger(v) ? TKR_FORMAT : 'General';
  return null;
}

function isMark(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.toLowerCase().includes(MARK);
}

/**
 * The add-in's own tables, all text that it wrote itself: their values alone tell everything, and loading
 * formulas, value types and number formats as well would about quadruple the largest of them (the approved
 * version's record) in a response Excel on the web caps at 5 MB.
 */
const TEXT_ONLY_TABLES = new Set([headerKey(TABLES.approval.name)]);
/**
 * The forums' prioritisation tables (prioritizationTables.ts: the basis, and a proposal's or decision's rows,
 * details and totals), named here so that the pane's first bundle does not carry that module; a test keeps
 * the two lists the same.
 */
export const PRIORITIZATION_TABLES = [
  'Prioriteringsunderlag',
  'Prioriteringsbeslut',
  'Beslutsuppgifter',
  'Beslutssummor',
  'Prioriteringsförslag',
  'Förslagsuppgifter',
  'Förslagssummor',
] as const;

/** Every table the add-in reads: the plan's and finance's (TABLES), its own record, the forums'. */
const CONTRACT_TABLES = new Set([...Object.values(TABLES).map((t) => t.name), ...PRIORITIZATION_TABLES].map(headerKey));

/** A table outside the contract: where it is, none of its cells (headers and body empty). */
function placeOnly(table: Excel.Table, range: Excel.Range): RawTable {
  const { sheet, row, column } = parseAddress(range.address);
  return { name: table.name, sheet: table.worksheet.name || sheet, headerRow: row, firstColumn: column, headers: [], body: [], totals: null };
}

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
