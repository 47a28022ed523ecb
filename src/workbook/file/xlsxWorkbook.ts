/**
 * The .xlsx adapter of the WorkbookHost port (Node: CLI, scripts, tests), on exceljs. Reads real Excel
 * tables (ListObjects) with values, formulas, error values, dates and numbers stored as text as they are.
 */
import ExcelJS from 'exceljs';
import { readWorkbookFile } from './readFile';
import { writeFileAtomic } from '../../node/atomicFile';
import { checkInflatedSizes } from './zip';
import type { CellValue } from '../../domain/cell';
import { ownSheetTaken, type RawTable, type TableWrite, type WorkbookHost } from '../host';
import { parseRange, rawTable, tableTooLarge } from './tableCells';
import { classifyUnreadable, UnreadableWorkbook } from './unreadable';
import { addTables, writeTable } from './writeTables';

export { toExcelValue } from './writeTables';

export class XlsxWorkbook implements WorkbookHost {
  constructor(readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  /** Opens a file; throws UnreadableWorkbook with a one-line Swedish reason when it is not a readable .xlsx. */
  static async open(file: string): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBytes(await readWorkbookFile(file), file);
  }

  static async fromBytes(bytes: Buffer | Uint8Array, name = 'arbetsbok'): Promise<XlsxWorkbook> {
    const known = classifyUnreadable(bytes);
    if (known) throw new UnreadableWorkbook(name, known);
    // exceljs inflates each part whole before anyone could count it: every part is counted first.
    await checkInflatedSizes(bytes, name);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new UnreadableWorkbook(name, `filen kunde inte läsas som .xlsx (${String((e as Error).message).split('\n')[0]})`);
    }
    // A zip that is not a workbook (a .docx renamed, say) loads as an empty workbook: say what it is.
    if (workbook.worksheets.length === 0) throw new UnreadableWorkbook(name, 'filen är inte en Excel-arbetsbok (.xlsx)');
    return new XlsxWorkbook(workbook);
  }

  async readTables(): Promise<RawTable[]> {
    const tables: RawTable[] = [];
    this.workbook.eachSheet((ws) => {
      // exceljs keeps the tables it read in `tables`; its typings only expose getTables().
      const found = (ws as unknown as { tables?: Record<string, { table: TableModel }> }).tables ?? {};
      for (const table of Object.values(found)) {
        const model = table.table;
        const raw = readTable(ws, model);
        if (raw) tables.push(raw);
      }
    });
    return tables;
  }

  async createTables(tables: TableWrite[]): Promise<void> {
    // Every name is checked before anything is written: a refused batch leaves the workbook as it was.
    const taken = new Set((await this.readTables()).map((t) => t.name.toLowerCase()));
    for (const t of tables) {
      if (taken.has(t.name.toLowerCase())) throw new Error(`Tabellen ${t.name} finns redan`);
      taken.add(t.name.toLowerCase());
    }
    addTables(this.workbook, tables);
  }

  async writeHiddenTable(t: TableWrite): Promise<void> {
    const existing = this.workbook.getWorksheet(t.sheet);
    if (existing && existing.state !== 'veryHidden') throw new Error(ownSheetTaken(t.sheet));
    const elsewhere = (await this.readTables()).find((r) => r.name.toLowerCase() === t.name.toLowerCase() && r.sheet !== t.sheet);
    if (elsewhere) throw new Error(`Tabellen ${t.name} finns redan på bladet ${elsewhere.sheet}`);
    // The sheet is the add-in's alone: replaced whole, so nothing of an older, longer record stays behind.
    if (existing) this.workbook.removeWorksheet(existing.id);
    writeTable(this.workbook.addWorksheet(t.sheet, { state: 'veryHidden' }), t, 1);
  }

  async toBuffer(): Promise<Buffer> {
    // Totals rows and computed columns are formulas; Excel recalculates them on open.
    this.workbook.calcProperties.fullCalcOnLoad = true;
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  async save(file: string): Promise<void> {
    await writeFileAtomic(file, await this.toBuffer());
  }
}

interface TableModel {
  name: string;
  tableRef: string;
  totalsRow?: boolean;
  columns?: { name: string }[];
}

function readTable(ws: ExcelJS.Worksheet, model: TableModel): RawTable | null {
  const range = parseRange(model.tableRef);
  if (!range) return null;
  const tooLarge = tableTooLarge(model.name, range);
  if (tooLarge) throw new UnreadableWorkbook('arbetsbok', tooLarge);
  const shape = { name: model.name, sheet: ws.name, range, totalsRow: Boolean(model.totalsRow), columns: (model.columns ?? []).map((c) => c?.name ?? '') };
  return rawTable(shape, (r, c) => toCellValue(ws.getRow(r).getCell(c)));
}

/** exceljs's cell value → the domain's CellValue, keeping formulas, cached results and error values. */
export function toCellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  // A number in a date format past any date (exceljs makes it an Invalid Date) is what Excel shows as #NUM!.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#NUM!' } : v;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  const o = v as Record<string, unknown>;
  if ('error' in o) return { error: String(o.error) };
  if ('richText' in o) return (o.richText as { text: string }[]).map((p) => p.text).join('');
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = cell.formula ?? String(o.formula ?? o.sharedFormula);
    // The value object drops a falsy cached result (0, false, ''); the cell's own getter keeps it.
    const result = (cell as unknown as { result?: unknown }).result ?? o.result;
    // exceljs makes any cached result in a date-formatted cell a Date, an error or a text too, which leaves an
    // Invalid Date: that result cannot be read from the file, so the formula counts as not yet calculated.
    if (result instanceof Date && Number.isNaN(result.getTime())) return { formula };
    return result === undefined ? { formula } : { formula, result: plain(result) };
  }
  if ('text' in o) return String(o.text);
  return String(v);
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('error' in o) return { error: String(o.error) };
  return String(v);
}
