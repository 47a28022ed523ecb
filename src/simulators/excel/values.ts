/**
 * What a cell holds in the test host, and how Excel turns what it is given into that: a string written
 * into a cell is read the way Excel reads typed input (`4500` becomes a number, `=…` a formula, `TRUE` a
 * boolean, `2022-03-01` a date) unless the cell is formatted as text (`@`).
 */

/** An Excel error value such as `#REF!`. */
export interface CellError {
  error: string;
}

/** The value a cell shows; null is an empty cell. Dates are serial numbers, as in Excel. */
export type Scalar = number | string | boolean | null | CellError;

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export const ERROR_CODES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'] as const;

export function isError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

export function errorValue(code: string): CellError {
  return { error: code };
}

/** A cell holding an empty string (possible in a file) is a String cell, as in Excel; only no value is Empty. */
export function valueTypeOf(v: Scalar): ValueType {
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return 'String';
  return 'Error';
}

/** What Office.js hands out for a value: errors as their text, empty as ''. */
export function apiValue(v: Scalar): string | number | boolean {
  if (v === null) return '';
  if (isError(v)) return v.error;
  return v;
}

export function sameScalar(a: Scalar, b: Scalar): boolean {
  if (isError(a) || isError(b)) return isError(a) && isError(b) && a.error === b.error;
  return a === b;
}

export const TEXT_FORMAT = '@';
export const GENERAL = 'General';
export const DATE_FORMAT = 'yyyy-mm-dd';

export function isTextFormat(numberFormat: string | undefined): boolean {
  return numberFormat === TEXT_FORMAT;
}

/** What a piece of typed input becomes in a cell. */
export interface Entry {
  value: Scalar;
  /** Formula text without the leading `=`. */
  formula?: string;
  /** A number format Excel applies on its own (a date typed into a General cell gets a date format). */
  numberFormat?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Excel's reading of input: `=…` is a formula, an apostrophe keeps the rest as text, numbers, percentages,
 * TRUE/FALSE, error literals and ISO dates are converted; everything else stays text. In a cell formatted
 * `@` every string stays text exactly as given. Separators are read culture-invariantly (a `.` decimal
 * point, no thousands separators): `1 000` stays text.
 */
export function readInput(input: string, numberFormat: string | undefined): Entry {
  if (isTextFormat(numberFormat)) return { value: input === '' ? null : input };
  if (input === '') return { value: null };
  if (input.startsWith('=') && input.length > 1) return { value: null, formula: input.slice(1) };
  if (input.startsWith("'")) return { value: input.length > 1 ? input.slice(1) : null };
  const t = input.trim();
  if (NUMBER.test(t)) return { value: Number(t) };
  if (PERCENT.test(t)) {
    const n = Number(t.slice(0, -1)) / 100;
    return isGeneral(numberFormat) ? { value: n, numberFormat: Number.isInteger(n * 100) ? '0%' : '0.00%' } : { value: n };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const err = ERROR_CODES.find((e) => e === t.toUpperCase());
  if (err) return { value: errorValue(err) };
  const d = ISO_DATE.exec(t);
  if (d) {
    const serial = dateSerial(Number(d[1]), Number(d[2]), Number(d[3]));
    if (serial !== null) return isGeneral(numberFormat) ? { value: serial, numberFormat: DATE_FORMAT } : { value: serial };
  }
  return { value: input };
}

function isGeneral(numberFormat: string | undefined): boolean {
  return numberFormat === undefined || numberFormat === GENERAL;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Excel's 1900 date system; null for an impossible date. */
export function dateSerial(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || year < 1900) return null;
  return Math.round((t - EXCEL_EPOCH) / DAY);
}

/** A JavaScript date (as exceljs reads a date cell, in UTC) as an Excel serial number. */
export function serialFromDate(d: Date): number {
  const serial = (d.getTime() - EXCEL_EPOCH) / DAY;
  return Math.abs(serial - Math.round(serial)) < 1e-9 ? Math.round(serial) : serial;
}

export function dateFromSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH + serial * DAY);
}

// ---------------------------------------------------------------------------------------------------
// Colours

const NAMED: Record<string, string> = {
  black: '#000000', white: '#FFFFFF', red: '#FF0000', green: '#008000', lime: '#00FF00', blue: '#0000FF',
  yellow: '#FFFF00', orange: '#FFA500', purple: '#800080', gray: '#808080', grey: '#808080', silver: '#C0C0C0',
  maroon: '#800000', navy: '#000080', teal: '#008080', olive: '#808000', aqua: '#00FFFF', cyan: '#00FFFF',
  fuchsia: '#FF00FF', magenta: '#FF00FF', pink: '#FFC0CB', lightgreen: '#90EE90', lightblue: '#ADD8E6',
  lightyellow: '#FFFFE0', lightgray: '#D3D3D3', lightgrey: '#D3D3D3', darkgreen: '#006400', darkblue: '#00008B',
  darkred: '#8B0000', gold: '#FFD700', brown: '#A52A2A',
};

/** `#ffc7ce`, `FFC7CE`, `#FC0` and HTML colour names → `#FFC7CE`; null when it is not a colour. */
export function normalizeColor(input: string): string | null {
  const t = input.trim().toLowerCase();
  if (NAMED[t]) return NAMED[t];
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/.exec(t);
  if (!m) return null;
  const hex = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
  return `#${hex.toUpperCase()}`;
}

/** The default Office theme (2013–2022), for fills that name a theme colour instead of an RGB value. */
const THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72'];
const INDEXED: Record<number, string> = { 8: '000000', 9: 'FFFFFF', 10: 'FF0000', 11: '00FF00', 12: '0000FF', 13: 'FFFF00', 14: 'FF00FF', 15: '00FFFF', 64: '000000', 65: 'FFFFFF' };

/** An exceljs colour (`{argb}`, `{theme, tint}` or `{indexed}`) as `#RRGGBB`. */
export function colorFromXlsx(c: { argb?: string; theme?: number; tint?: number; indexed?: number } | undefined): string | null {
  if (!c) return null;
  if (c.argb && /^[0-9a-f]{8}$/i.test(c.argb)) return `#${c.argb.slice(2).toUpperCase()}`;
  if (c.argb && /^[0-9a-f]{6}$/i.test(c.argb)) return `#${c.argb.toUpperCase()}`;
  if (typeof c.theme === 'number' && THEME[c.theme]) return applyTint(THEME[c.theme], c.tint ?? 0);
  if (typeof c.indexed === 'number' && INDEXED[c.indexed]) return `#${INDEXED[c.indexed]}`;
  return null;
}

function applyTint(hex: string, tint: number): string {
  const ch = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = ch.map((v) => Math.round(tint < 0 ? v * (1 + tint) : v + (255 - v) * tint));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

export function argbOf(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}
