/**
 * A new workbook of the given tables, as .xlsx bytes: what `XlsxWorkbook.createTables` and `toBuffer` give
 * in Node, without Node (no fs, no Buffer), so the task pane can make a workbook in the browser and the CLI
 * the same bytes in Node. exceljs is its browser build in the pane (webpack.config.js aliases it), loaded
 * only with the chunk that imports this.
 */
import ExcelJS from 'exceljs';
import type { TableWrite } from '../host';
import { addSheets, addTables, type SheetWrite } from './writeTables';

export type { SheetWrite } from './writeTables';

function uniqueNames(tables: readonly TableWrite[]): void {
  const names = new Set<string>();
  for (const t of tables) {
    if (names.has(t.name.toLowerCase())) throw new Error(`Tabellen ${t.name} finns redan`);
    names.add(t.name.toLowerCase());
  }
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // Totals rows and computed columns are formulas; Excel recalculates them on open.
  workbook.calcProperties.fullCalcOnLoad = true;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function tablesToXlsx(tables: readonly TableWrite[]): Promise<Uint8Array> {
  uniqueNames(tables);
  const workbook = new ExcelJS.Workbook();
  addTables(workbook, tables);
  return bytesOf(workbook);
}

/** A workbook of titled sheets (a review pack): each sheet's title in A1, its tables below it. */
export async function sheetsToXlsx(sheets: readonly SheetWrite[]): Promise<Uint8Array> {
  uniqueNames(sheets.flatMap((s) => s.tables));
  const workbook = new ExcelJS.Workbook();
  addSheets(workbook, sheets);
  return bytesOf(workbook);
}
