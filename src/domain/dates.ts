/**
 * Dates as controllers write them in a version history: ISO `2021-05-03`, `YYMMDD` (`210503`), `YYYYMMDD`,
 * Excel serial numbers and real dates. The domain keeps ISO text (`YYYY-MM-DD`), which sorts by itself.
 */
import type { CellValue } from './cell';
import { isError, shownValue } from './cell';

export type IsoDate = string;

function iso(y: number, m: number, d: number): IsoDate | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Excel's 1900 date system (serial 1 = 1900-01-01, with Lotus's phantom 1900-02-29 accounted for). */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY).toISOString().slice(0, 10);
}

export function toExcelSerial(date: IsoDate): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - EXCEL_EPOCH) / DAY);
}

function fromDigits(digits: string): IsoDate | null {
  if (digits.length === 6) return iso(2000 + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)));
  if (digits.length === 8) return iso(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
  return null;
}

/** Reads a date cell; null when it is not a date a person would recognise without guessing. */
export function readDate(value: CellValue): IsoDate | null {
  const v = shownValue(value);
  if (v === null || v === undefined || isError(v) || typeof v === 'boolean') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    const digits = String(v);
    // Six or eight digits are YYMMDD / YYYYMMDD as typed; an impossible one is not guessed into a serial.
    if (Number.isInteger(v) && (digits.length === 6 || digits.length === 8)) return fromDigits(digits);
    return fromExcelSerial(v);
  }
  if (typeof v !== 'string') return null;
  const text = v.trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{6}$|^\d{8}$/.test(text)) return fromDigits(text);
  return null;
}
