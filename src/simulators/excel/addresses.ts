/**
 * A1 addresses as Excel writes and reads them: column letters, `$` anchors, sheet names quoted only when
 * Excel quotes them (`'Tjänsteplan 2'!C5:K20` but `Tjänsteplan!A1:B6`). Coordinates are 1-based.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A block of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rect(top: number, left: number, rows = 1, columns = 1): Rect {
  return { top, left, bottom: top + rows - 1, right: left + columns - 1 };
}

export function rowsOf(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function columnsOf(r: Rect): number {
  return r.right - r.left + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, row: number, column: number): boolean {
  return row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;
}

export function inSheet(r: Rect): boolean {
  return r.top >= 1 && r.left >= 1 && r.bottom <= MAX_ROWS && r.right <= MAX_COLUMNS && r.top <= r.bottom && r.left <= r.right;
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, AA → 27; NaN when the text is not column letters. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** `A1`, or `A1:B2` for more than one cell. */
export function formatRect(r: Rect): string {
  const first = cellName(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${cellName(r.bottom, r.right)}`;
}

/** Excel quotes a sheet name that is not a plain name: spaces, punctuation, a leading digit, or one that reads as a reference. */
export function needsQuotes(sheet: string): boolean {
  if (sheet === '') return true;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(sheet)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(sheet) && columnNumber(sheet.replace(/\d+$/, '')) <= MAX_COLUMNS) return true;
  if (/^(R|C|RC|R\d+C?\d*|C\d+)$/i.test(sheet)) return true;
  if (/^(TRUE|FALSE)$/i.test(sheet)) return true;
  return false;
}

export function quoteSheet(sheet: string): string {
  return needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

export function formatAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${formatRect(r)}`;
}

/** Splits `'My sheet'!A1:B2` into the sheet (unquoted) and the reference; no sheet gives `sheet: undefined`. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i++];
    }
    if (text[i] !== "'" || text[i + 1] !== '!') return { ref: text };
    return { sheet: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  return bang >= 0 ? { sheet: text.slice(0, bang), ref: text.slice(bang + 1) } : { ref: text };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

/** `A1`, `$A$1:B2`, `A:C` (whole columns), `3:5` (whole rows); null when it is not a reference. */
export function parseRef(ref: string): Rect | null {
  const parts = ref.trim().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [a, b = a] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    return normalize({ top: Number(ca[2]), left: columnNumber(ca[1]), bottom: Number(cb[2]), right: columnNumber(cb[1]) });
  }
  if (parts.length === 2) {
    const ka = COLS.exec(a);
    const kb = COLS.exec(b);
    if (ka && kb) return normalize({ top: 1, left: columnNumber(ka[1]), bottom: MAX_ROWS, right: columnNumber(kb[1]) });
    const ra = ROWS.exec(a);
    const rb = ROWS.exec(b);
    if (ra && rb) return normalize({ top: Number(ra[1]), left: 1, bottom: Number(rb[1]), right: MAX_COLUMNS });
  }
  return null;
}

function normalize(r: Rect): Rect | null {
  const out = {
    top: Math.min(r.top, r.bottom),
    bottom: Math.max(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    right: Math.max(r.left, r.right),
  };
  return inSheet(out) ? out : null;
}

/** A full address, with or without a sheet. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  const { sheet, ref } = splitSheet(address);
  const r = parseRef(ref);
  return r ? { sheet, rect: r } : null;
}
