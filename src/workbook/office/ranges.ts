/** Address arithmetic and request sizing for the Office.js adapter. */
import type { CellValue } from '../../domain/cell';

/** `'Tjänsteplan 2'!C5:K20` → sheet, top row and first column (1-based). */
export function parseAddress(address: string): { sheet: string; row: number; column: number } {
  const bang = address.lastIndexOf('!');
  const rawSheet = bang >= 0 ? address.slice(0, bang) : '';
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const m = /^\$?([A-Z]+)\$?(\d+)/i.exec(address.slice(bang + 1));
  if (!m) throw new Error(`Okänd adress: ${address}`);
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[2]), column };
}

/**
 * Whether a number format shows a date (or a time), by exceljs's rule — the rule the CLI reads a file by
 * (exceljs 4.4, `utils.isDateFmt`, applied in `CellXform.reconcile`): after removing what stands in `[…]`
 * (colours, conditions, locales) and in `"…"` (literal text), any of the letters y m d h M s b. The rule
 * is mirrored as it is, also where it is rough (an unquoted letter such as the `m` of `0\ \m` counts too),
 * because what matters is that the add-in reads a cell exactly as the CLI does. Office.js gives
 * `numberFormat` in the same invariant codes a file stores (`General`, `yyyy-mm-dd`), whatever the language.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '') return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * A cell's value as the CLI reads it from the file: a number in a date format is a Date, as exceljs makes
 * it; everything else as it is. Office.js gives a date as its serial number; exceljs turns that serial into
 * a UTC Date by `utils.excelToDate` (1900 date system): days since 1899-12-30, the epoch src/domain/dates.ts
 * uses, which accounts for Excel's phantom 1900-02-29 — for a whole serial from 61 (1900-03-01) on it is
 * UTC midnight of the day `fromExcelSerial` names. Unlike `fromExcelSerial` it refuses no serial and keeps
 * a time of day, as exceljs does: a date-formatted 0 or a date-time reads the same in the pane and the CLI.
 * Not mirrored: exceljs shifts dates by 1 462 days in a workbook set to the 1904 date system; the Excel
 * API the manifest asks for (ExcelApi 1.7) does not say which system a workbook uses, so here every
 * workbook is read in the 1900 system.
 */
export function dateFormatted<T>(value: T, format: unknown): T | Date {
  if (typeof value !== 'number' || !Number.isFinite(value) || !isDateFormat(format)) return value;
  return new Date(Math.round((value - 25_569) * 86_400_000));
}

/** A value as Office.js takes it; formulas are never built from cell text (the caller sets `@` format for text). */
export function textSafe(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('error' in v) return '';
  return v.result === undefined || v.result === null ? '' : textSafe(v.result);
}

/** Excel on the web refuses requests over 5 MB; slices stay well under it, and a small table is one slice. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

const utf8 = new TextEncoder();

/** Bytes a row adds to a request: values and number formats both travel, plus JSON punctuation. */
export function rowBytes(row: readonly unknown[]): number {
  return 2 * utf8.encode(JSON.stringify(row)).length + 8;
}

export function splitByPayload<T>(rows: readonly T[][], maxBytes = MAX_REQUEST_BYTES): { offset: number; rows: T[][] }[] {
  const slices: { offset: number; rows: T[][] }[] = [];
  let start = 0;
  let size = 0;
  rows.forEach((r, i) => {
    const bytes = rowBytes(r);
    if (i > start && size + bytes > maxBytes) {
      slices.push({ offset: start, rows: rows.slice(start, i) as T[][] });
      start = i;
      size = 0;
    }
    size += bytes;
  });
  if (rows.length > start || slices.length === 0) slices.push({ offset: start, rows: rows.slice(start) as T[][] });
  return slices;
}
