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
