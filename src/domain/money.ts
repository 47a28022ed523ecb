/**
 * Money is integer tkr (thousand SEK) everywhere inside the domain. Parsing works on the decimal text
 * itself (never through a float multiplication), so `1 105,6 mkr` is exactly 1 105 600 tkr.
 */
import type { CellValue } from './cell';

export type Tkr = number;

export type AmountReading =
  | { kind: 'amount'; tkr: Tkr; fromText: boolean }
  | { kind: 'empty' }
  /** A real number of tkr with a fraction: the plan is kept in whole tkr. */
  | { kind: 'fraction'; shown: string }
  | { kind: 'error'; error: string }
  /** A formula whose value the file does not carry (saved by a tool that does not calculate). */
  | { kind: 'uncalculated'; formula: string }
  | { kind: 'not-a-number'; shown: string; hint?: 'ambiguous-dot' | 'grouping' };

// Regular, no-break, narrow no-break, thin and figure spaces all separate thousands in Swedish text.
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const MINUSES = /^[\u2212\u2013-]/;

/** Reads one amount cell. Never guesses: text that is not exactly a Swedish amount is reported. */
export function readAmount(value: CellValue): AmountReading {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return readNumber(value, false);
  if (typeof value === 'string') return readText(value);
  if (typeof value === 'boolean') return { kind: 'not-a-number', shown: value ? 'SANT' : 'FALSKT' };
  if (value instanceof Date) return { kind: 'not-a-number', shown: value.toISOString().slice(0, 10) };
  if ('error' in value) return { kind: 'error', error: value.error };
  if ('formula' in value) {
    if (value.result === undefined) return { kind: 'uncalculated', formula: value.formula };
    const inner = readAmount(value.result);
    return inner.kind === 'amount' ? { ...inner, fromText: false } : inner;
  }
  return { kind: 'not-a-number', shown: String(value) };
}

function readNumber(n: number, fromText: boolean): AmountReading {
  if (!Number.isFinite(n)) return { kind: 'not-a-number', shown: String(n) };
  // Excel keeps 15 significant digits; a computed 4499.999999999999 is 4 500 to Excel and to us.
  const excel = Number(n.toPrecision(15));
  if (!Number.isInteger(excel)) return { kind: 'fraction', shown: formatDecimal(String(excel)) };
  if (!Number.isSafeInteger(excel)) return { kind: 'not-a-number', shown: String(n) };
  return { kind: 'amount', tkr: excel === 0 ? 0 : excel, fromText };
}

const AMOUNT_TEXT = /^([+-]?)(\d{1,3}(?: \d{3})+|\d+)(?:([,.])(\d+))?(?:[ ]?(tkr|mkr))?$/i;

function readText(raw: string): AmountReading {
  const shown = raw.trim();
  if (shown === '') return { kind: 'empty' };
  const text = shown.replace(SPACES, ' ').replace(MINUSES, '-');
  const m = AMOUNT_TEXT.exec(text);
  if (!m) return { kind: 'not-a-number', shown, hint: /^[+-]?\d[\d ]*$/.test(text) ? 'grouping' : undefined };
  const [, sign, intPart, sep, fracPart = '', unit = 'tkr'] = m;
  const digits = intPart.replace(/ /g, '');
  // `1.000` is a thousand to many Swedes and one to Excel: refuse to choose.
  if (sep === '.' && fracPart.length === 3 && intPart.indexOf(' ') < 0) {
    return { kind: 'not-a-number', shown, hint: 'ambiguous-dot' };
  }
  const scale = unit.toLowerCase() === 'mkr' ? 3 : 0;
  const whole = digits + fracPart.slice(0, scale).padEnd(scale, '0');
  const rest = fracPart.slice(scale);
  if (/[1-9]/.test(rest)) return { kind: 'fraction', shown };
  const tkr = Number(whole) * (sign === '-' ? -1 : 1);
  if (!Number.isSafeInteger(tkr)) return { kind: 'not-a-number', shown };
  return { kind: 'amount', tkr: tkr === 0 ? 0 : tkr, fromText: true };
}

/** Parses text such as `4 500 tkr`, `−3 040` or `1 105,6 mkr`; throws on anything else. */
export function parseTkr(text: string): Tkr {
  const r = readText(text);
  if (r.kind === 'amount') return r.tkr;
  if (r.kind === 'empty') return 0;
  throw new RangeError(`Inte ett belopp i hela tkr: "${text}"`);
}

/** Sums exactly; refuses to continue past the range where integers stay exact. */
export function sumTkr(values: Iterable<Tkr>): Tkr {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError('Summan är för stor för att räknas exakt');
  return total;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function formatDecimal(plain: string): string {
  const [i, f] = plain.replace('-', '').split('.');
  return (plain.startsWith('-') ? '\u2212' : '') + groupThousands(i) + (f ? ',' + f : '');
}

/** `4 500` (Swedish grouping with a space, Unicode minus for negatives). */
export function formatNumber(tkr: Tkr): string {
  return (tkr < 0 ? '\u2212' : '') + groupThousands(String(Math.abs(tkr)));
}

/** `4 500 tkr`. */
export function formatTkr(tkr: Tkr): string {
  return `${formatNumber(tkr)} tkr`;
}

/** `+1 460 tkr` / `−1 460 tkr`: a change, always signed. */
export function formatDelta(tkr: Tkr): string {
  return (tkr > 0 ? '+' : '') + formatTkr(tkr);
}

/**
 * `1 105,6 mkr`: one decimal, rounded half away from zero in integer arithmetic. Exact (parses back to the
 * same tkr) for every multiple of 100 tkr.
 */
export function formatMkr(tkr: Tkr): string {
  const abs = Math.abs(tkr);
  const tenths = Math.floor(abs / 100) + (abs % 100 >= 50 ? 1 : 0);
  const whole = Math.floor(tenths / 10);
  const text = `${groupThousands(String(whole))},${tenths % 10} mkr`;
  return (tkr < 0 && tenths > 0 ? '\u2212' : '') + text;
}
