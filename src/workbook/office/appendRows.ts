/**
 * Adding rows at the end of a table without `TableRowCollection.add`, which Microsoft warns "can cause
 * coauthoring conflicts" (Coauthoring in Excel add-ins, "Avoid table row coauthoring conflicts") — and plans
 * in SharePoint are co-authored. Instead, as that guidance says, the values are set in the rows directly
 * below the table, which "automatically expands the table"; where ExcelApi 1.13 is there, `Table.resize`
 * makes the table take those rows first, so nothing depends on Excel's AutoCorrect ("Include new rows and
 * columns in table", which a user can switch off). One sync, reading nothing first:
 *
 *  1. A check that stops the batch before anything is written when the rows just below the table (totals
 *     row included) are in use. Of the block from the header to those rows, the last row holding a value lies
 *     inside the table unless one of those cells is in use; then its intersection with the table does not
 *     exist and getIntersection fails (the header row always holds names, so getUsedRange always finds a
 *     cell). A failing action ends the batch: nothing after it runs.
 *  2. With ExcelApi 1.13, `table.resize` over those rows (before anything is written, so a refusal leaves
 *     the sheet as it was).
 *  3. The rows' number formats — `@` for text, a date format for a Date, General for numbers — then their
 *     values, in that order, so text never becomes a formula, a number is not kept as text in a cell
 *     formatted `@`, and a Date becomes a date serial shown as a date.
 *  4. The table's size before and after, to see that it grew.
 *
 * When it did not grow (a table showing a totals row, whose rows below are not the table's; AutoCorrect
 * off) the values are taken away again and the rows go in with `rows.add`, as before: correct, but not
 * co-authoring-safe — 1 more sync, only then (and 1 more first when Table.resize was refused). A failure is explained in Swedish when the user can act on it.
 */
/// <reference types="office-js" />
import type { CellValue } from '../../domain/cell';
import type { ExcelRun } from './officeHost';
import { excelApi } from './platform';
import { textSafe } from './ranges';

const DATE_FORMAT = 'yyyy-mm-dd';
/** Characters one cell holds (Excel's specification and limits). */
const MAX_CELL_TEXT = 32_767;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export async function appendRows(run: ExcelRun, tableName: string, rows: CellValue[][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => r.map(appendValue));
  if (values.some((r) => r.some((v) => typeof v === 'string' && v.length > MAX_CELL_TEXT))) {
    // Excel would refuse the values only after the rows had been made: refused here, nothing is added.
    throw new Error(`En cell rymmer högst 32 767 tecken; raden läggs inte till i tabellen ${tableName}`);
  }
  const formats = rows.map((r, i) => r.map((v, j) => formatOf(v, values[i][j])));
  const written = values.map((r) => r.map((v) => (v === '' ? null : v)));
  const n = rows.length;
  const attempt = (resize: boolean) =>
    run(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      const whole = table.getRange();
      whole.load('rowCount');
      const lastUsedRow = whole.getBoundingRect(whole.getRowsBelow(n)).getUsedRange(true).getLastRow();
      whole.getIntersection(lastUsedRow).load('address');
      if (resize) table.resize(whole.getResizedRange(n, 0));
      const below = whole.getRowsBelow(n);
      below.numberFormat = formats;
      below.values = written;
      const after = table.getRange();
      after.load('rowCount');
      await context.sync();
      return after.rowCount === whole.rowCount + n;
    });
  let grew: boolean;
  try {
    // Table.resize refused (a totals row, say) has written nothing: the same without it, then the fallback.
    grew = await attempt(excelApi('1.13')).catch((e: unknown) => (excelApi('1.13') ? attempt(false) : Promise.reject(e)));
  } catch (e) {
    throw await refused(run, tableName, rows, e);
  }
  if (grew) return;
  try {
    await run(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      // Still outside the table, and empty before step 3 wrote them: taken away again.
      table.getRange().getRowsBelow(n).clear('Contents');
      const added = table.rows.add(undefined, rows.map((r) => r.map(() => '')));
      const block = added.getRange().getResizedRange(n - 1, 0);
      block.numberFormat = formats;
      block.values = written;
      await context.sync();
    });
  } catch (e) {
    throw await refused(run, tableName, rows, e);
  }
}

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

/** Why appending failed, in Swedish when it is a reason the user can act on; else the error itself. */
async function refused(run: ExcelRun, tableName: string, rows: CellValue[][], cause: unknown): Promise<unknown> {
  try {
    return await run(async (context) => {
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
