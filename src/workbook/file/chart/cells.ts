/**
 * A1 ranges, sheet-qualified formulas as Excel writes them, and the cached cell values read straight from a
 * worksheet part's XML (numbers as stored, shared and inline strings, cached results of formulas).
 */
import { unescapeXml } from './opc';

export interface CellRange {
  /** 1-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** "A2:A4", "$B$2:$B$4" or one cell "B2" → a range; throws on anything else or outside the sheet's grid. */
export function parseRange(text: string): CellRange {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\s*$/.exec(text);
  if (!m) throw new Error(`Området "${text}" är inte ett cellområde som A2:A4`);
  const a = { col: columnNumber(m[1]), row: Number(m[2]) };
  const b = m[3] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
  const range = {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
  if (range.top < 1 || range.bottom > MAX_ROW || range.left < 1 || range.right > MAX_COL) {
    throw new Error(`Området "${text}" ligger utanför kalkylbladet`);
  }
  return range;
}

/** The cells of a one-row or one-column range, in order (top to bottom, left to right); throws for a block. */
export function cellsOf(range: CellRange, label: string): string[] {
  if (range.top !== range.bottom && range.left !== range.right) {
    throw new Error(`${label} måste vara en enda rad eller kolumn, inte ${absoluteRange(range)}`);
  }
  const cells: string[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) cells.push(`${columnLetters(c)}${r}`);
  }
  return cells;
}

export function absoluteRange(range: CellRange): string {
  const a = `$${columnLetters(range.left)}$${range.top}`;
  const b = `$${columnLetters(range.right)}$${range.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/**
 * A sheet name as it stands before "!" in a formula. Excel leaves a name bare only when it is a plain identifier
 * (ASCII letters, digits, _ and ., not starting with a digit) that cannot be read as a cell reference; every
 * other name, with spaces or letters like å, ä, ö, is quoted, with an apostrophe in it doubled.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name);
  const looksLikeReference =
    /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr](\d*)([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name) || /^(true|false)$/i.test(name);
  return plain && !looksLikeReference ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'Sammanställning'!$B$2:$B$4`. */
export function rangeFormula(sheet: string, range: CellRange): string {
  return `${quoteSheetName(sheet)}!${absoluteRange(range)}`;
}

/** A cell's value as a chart caches it: a number, a text, or nothing (empty cell, error, formula without a result). */
export type CachedValue = number | string | undefined;

/** The strings of a sharedStrings part, rich text runs joined and phonetic runs left out. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(textOf(m[1] ?? ''));
  return out;
}

/** The text of <t> elements (not those inside <rPh>), unescaped, _xHHHH_ escapes decoded. */
function textOf(xml: string): string {
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += unescapeXml(m[1] ?? '');
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The cached values of the wanted cells (A1 names, upper case) of a worksheet part. Cells Excel wrote without an
 * r attribute take the next column, rows without r the next row, as the format allows.
 */
export function readCells(sheetXml: string, sharedStrings: string[], wanted: Set<string>): Map<string, CachedValue> {
  const values = new Map<string, CachedValue>();
  const dataStart = sheetXml.search(/<(?:\w+:)?sheetData\b/);
  if (dataStart < 0) return values;
  const dataEnd = sheetXml.search(/<\/(?:\w+:)?sheetData>/);
  const data = sheetXml.slice(dataStart, dataEnd < 0 ? undefined : dataEnd);
  let rowNumber = 0;
  for (const row of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = /\br\s*=\s*["'](\d+)["']/.exec(row[1]);
    rowNumber = r ? Number(r[1]) : rowNumber + 1;
    let col = 0;
    for (const cell of (row[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = /\br\s*=\s*["']([A-Za-z]+)(\d+)["']/.exec(cell[1]);
      col = ref ? columnNumber(ref[1]) : col + 1;
      const name = `${columnLetters(col)}${ref ? Number(ref[2]) : rowNumber}`;
      if (wanted.has(name)) values.set(name, cellValue(cell[1], cell[2] ?? '', sharedStrings));
    }
  }
  return values;
}

function cellValue(attrs: string, body: string, sharedStrings: string[]): CachedValue {
  const type = /\bt\s*=\s*["'](\w+)["']/.exec(attrs)?.[1] ?? 'n';
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
  const raw = v?.[1] !== undefined ? unescapeXml(v[1]) : undefined;
  switch (type) {
    case 'n': {
      if (raw === undefined || raw.trim() === '') return undefined;
      const n = Number(raw);
      return Number.isFinite(n) ? n : undefined;
    }
    case 's': {
      if (raw === undefined) return undefined;
      return sharedStrings[Number(raw)];
    }
    case 'inlineStr': {
      const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body);
      return is ? textOf(is[1]) : undefined;
    }
    case 'str':
    case 'd':
      return raw;
    case 'b':
      return raw === undefined ? undefined : raw.trim() === '1' ? 'SANT' : 'FALSKT';
    default:
      // "e": an error value (#DIV/0! …) has no value to plot.
      return undefined;
  }
}
