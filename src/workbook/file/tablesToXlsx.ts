/**
 * A new workbook of the given tables, as .xlsx bytes: what `XlsxWorkbook.createTables` and `toBuffer` give
 * in Node, without Node (no fs, no Buffer), so the task pane can make a workbook in the browser. exceljs is
 * its browser build there (webpack.config.js aliases it), loaded only with the chunk that imports this.
 */
import ExcelJS from 'exceljs';
import type { TableWrite } from '../host';
import { addTables } from './writeTables';

export async function tablesToXlsx(tables: readonly TableWrite[]): Promise<Uint8Array> {
  const names = new Set<string>();
  for (const t of tables) {
    if (names.has(t.name.toLowerCase())) throw new Error(`Tabellen ${t.name} finns redan`);
    names.add(t.name.toLowerCase());
  }
  const workbook = new ExcelJS.Workbook();
  addTables(workbook, tables);
  // Totals rows and computed columns are formulas; Excel recalculates them on open.
  workbook.calcProperties.fullCalcOnLoad = true;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
