/**
 * A cell named with its sheet, as the user would type it in Excel's Name Box or a formula: `Tjänsteplan!D12`,
 * `'Mitt blad'!D12`. The one formatter for addresses shown to the user, so a message, a list of changed cells
 * and a go-to button all name a cell the same way.
 */
import type { Location } from './location';

/**
 * A sheet name as it stands before "!". Excel leaves a name bare when it is word characters (letters of any
 * script, as in Tjänsteplan or École1; digits; _) and dots, not starting with a digit or a dot, and cannot be
 * read as a cell reference (A1, R1C1) or a boolean; every other name is quoted, an apostrophe in it doubled.
 * Microsoft publishes no rule; this is the observed one (XlsxWriter issue 1078, "Some notes on worksheet name
 * quoting"), made stricter where unsure: any 1–3 letters and digits count as A1 even past XFD, and quotes are
 * always accepted. (src/workbook/file/chart/cells.ts quotes every non-ASCII name too, for chart formulas.)
 */
export function quoteSheet(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name);
  const looksLikeReference = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name) || /^(true|false)$/i.test(name);
  return plain && !looksLikeReference ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Tjänsteplan!D12`, `'Mitt blad'!D12`. */
export function sheetAddress(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** A location's cell with its sheet, or the sheet's name alone when the location has no cell. */
export function locationAddress(l: Pick<Location, 'sheet' | 'address'>): string {
  return l.address ? sheetAddress(l.sheet, l.address) : l.sheet;
}
