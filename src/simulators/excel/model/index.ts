/**
 * The workbook model of the Excel test host: WorkbookModel (state, the grid's read API and user actions,
 * change notification), the sheet and table records, and one module of operations per part of the
 * workbook that the Office.js proxies call (sheets, cells, tables, tableRows, conditionalFormats,
 * settings, calculation).
 */
export { WorkbookModel, type CellView, type ChangeKind, type ModelChange, type ModelOptions, type SelectionView, type TableView } from './workbookModel';
