/**
 * Writing tables into an exceljs workbook: the part of the .xlsx adapter that needs nothing of Node, so the
 * task pane can make a workbook's bytes in the browser too (a chunk of its own, loaded when asked for).
 */
import ExcelJS from 'exceljs';
import { shownValue, type CellValue } from '../../domain/cell';
import { isOwnFormula } from '../ownFormula';
import type { TableWrite } from '../host';

/** A sheet to make, with a title in A1 (bold) above its tables: a document's page rather than bare tables. */
export interface SheetWrite {
  name: string;
  title?: string;
  tables: readonly TableWrite[];
}

/** The sheets in their order, each with its title, then their tables below the titles with an empty row between. */
export function addSheets(workbook: ExcelJS.Workbook, sheets: readonly SheetWrite[]): void {
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    if (sheet.title === undefined) continue;
    // A string value: exceljs writes it as text, never as a formula.
    ws.getCell('A1').value = sheet.title;
    ws.getCell('A1').font = { bold: true, size: 13 };
  }
  addTables(
    workbook,
    sheets.flatMap((s) => s.tables),
  );
}

/** The tables, each on its sheet (made when missing) below whatever the sheet already holds. */
export function addTables(workbook: ExcelJS.Workbook, tables: readonly TableWrite[]): void {
  for (const t of tables) {
    const ws = workbook.getWorksheet(t.sheet) ?? workbook.addWorksheet(t.sheet);
    // Each new table goes below whatever the sheet already holds, with an empty row between: never on top of it.
    const top = ws.actualRowCount === 0 ? 1 : ws.lastRow!.number + 2;
    writeTable(ws, t, top);
  }
}

export function writeTable(ws: ExcelJS.Worksheet, t: TableWrite, top: number) {
  // Excel tables always have a body row, even when it is empty.
  const rows = t.rows.length > 0 ? t.rows : [t.headers.map(() => null)];
  ws.addTable({
    name: t.name,
    ref: `A${top}`,
    headerRow: true,
    totalsRow: Boolean(t.totals),
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: t.headers.map((name, i) => ({
      name,
      filterButton: true,
      ...(t.totals
        ? i === 0
          ? { totalsRowLabel: t.totals.label, totalsRowFunction: 'none' as const }
          : { totalsRowFunction: t.totals.sum[i] ? ('sum' as const) : ('none' as const) }
        : {}),
    })),
    rows: rows.map((r) => r.map(toExcelValue)),
  });
  const last = top + rows.length + (t.totals ? 1 : 0);
  t.headers.forEach((_, i) => {
    const format = t.numberFormats?.[i];
    const col = ws.getColumn(i + 1);
    const width = t.widths?.[i];
    if (width && (!col.width || col.width < width)) col.width = width;
    if (!format) return;
    for (let r = top + 1; r <= last; r++) ws.getCell(r, i + 1).numFmt = format;
  });
}

/**
 * Values only, except the tool's own formulas: text starting with `=` is written as a string, and a formula
 * object that the tool did not make (ownFormula) is written as the value it shows, so no formula from data
 * ever reaches a workbook.
 */
export function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  if (isOwnFormula(v)) return { formula: v.formula, result: v.result as number | string | undefined } as ExcelJS.CellFormulaValue;
  if ('error' in v && typeof v.error === 'string') return { error: v.error } as ExcelJS.CellErrorValue;
  if ('formula' in v) return toExcelValue(shownValue(v) ?? null);
  return null;
}
