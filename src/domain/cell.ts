/**
 * What a cell holds, as every host reports it: the .xlsx reader, Office.js and the test host all
 * translate their cells into this shape, so the rules never know where a plan came from.
 */
export type CellValue =
  | number
  | string
  | boolean
  | Date
  | null
  | { error: string }
  | { formula: string; result?: CellValue };

export function isFormula(v: CellValue): v is { formula: string; result?: CellValue } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v;
}

export function isError(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** The value a formula shows, or the value itself. */
export function shownValue(v: CellValue): CellValue {
  return isFormula(v) ? (v.result ?? null) : v;
}

/** Text as a person reads it in the cell; numbers in plain notation. */
export function cellText(v: CellValue): string {
  const s = shownValue(v);
  if (s === null || s === undefined) return '';
  if (typeof s === 'string') return s.trim();
  if (s instanceof Date) return s.toISOString().slice(0, 10);
  if (isError(s)) return s.error;
  return String(s);
}
