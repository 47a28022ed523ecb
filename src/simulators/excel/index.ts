/**
 * The Excel test host: an in-browser (and Node) implementation of the Excel JavaScript API subset the
 * Office.js adapter uses, over a workbook model read from and written to .xlsx.
 *
 *   const model = await WorkbookModel.fromXlsx(bytes);           // or WorkbookModel.create()
 *   const host = createExcelTestHost(model);                     // host.run is Excel.run
 *   const office = new OfficeHost(host.run);                     // the real adapter, unchanged
 *   model.onChange(() => grid.redraw());                         // the workbench grid reads the model
 *   const bytesOut = await model.toXlsx();
 */
export { createExcelTestHost, loadExcelTestHost, DEFAULT_PAYLOAD_LIMIT, type ExcelTestHost, type ExcelTestHostOptions } from './host';
export { WorkbookModel, type CellView, type ChangeKind, type ModelChange, type ModelOptions, type SelectionView, type TableView } from './model';
export { createOfficeShim, DARK_THEME, IOS_MAX_SLICE_SIZE, LIGHT_THEME, MAX_SLICE_SIZE, type OfficeShim, type OfficeShimOptions, type OfficeFile, type Slice, type AsyncResult } from './office';
export { OfficeError, ErrorCodes } from './errors';
export type { CreatedWorkbook } from './createWorkbook';
export type { RequestRecord } from './hostCore';
export { SETTINGS_SHEET } from './xlsxIo';
export { formatAddress, parseAddress, columnLetters, columnNumber, type Rect } from './addresses';
export type { Scalar, CellError, ValueType } from './values';
