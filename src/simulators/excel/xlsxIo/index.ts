/**
 * Reading the test host's model from .xlsx and writing it back, with exceljs (Node and browser alike).
 *
 * The exceljs workbook read from the file is kept and written back with the model's changes applied
 * (cells that changed, column widths, sheets added, renamed, hidden or deleted, tables, conditional
 * formats), so what the host does not model (fonts, borders, merged cells, print settings…) survives.
 *
 * Tables are written as real Excel tables (ListObjects). The add-in's settings (Office's
 * `workbook.settings`) are kept in a very hidden sheet, `_ExcelTestHostSettings` (column A the key, column
 * B the value as JSON): Excel keeps them in the add-in's web-extension part, which exceljs cannot write.
 * The sheet is invisible in Excel and to the API; reading the file again restores the settings.
 *
 * read.ts reads a file into a model; write.ts writes the model back.
 */
export { emptyWorkbook, importWorkbook, readXlsx, SETTINGS_SHEET } from './read';
export { writeXlsx } from './write';
