/**
 * The text a cell shows (Range.text, and what the workbench grid draws) for the number formats plans use:
 * General, `0`, `0.00`, `#,##0` (shown with the locale's group separator, `1 000` in Swedish), percentages,
 * quoted suffixes (`#,##0 "tkr"`), dates (`yyyy-mm-dd`, `d/m/yyyy`, …) and text (`@`). Other codes fall back
 * to General. Sections (`pos;neg;zero;text`) are honoured.
 */
import { dateFromSerial, isError, type Scalar } from './values';

export interface NumberLocale {
  decimal: string;
  group: string;
}

const LOCALES: Record<string, NumberLocale> = {
  sv: { decimal: ',', group: '\u00a0' },
  en: { decimal: '.', group: ',' },
  de: { decimal: ',', group: '.' },
  fi: { decimal: ',', group: '\u00a0' },
  nb: { decimal: ',', group: '\u00a0' },
  da: { decimal: ',', group: '.' },
  fr: { decimal: ',', group: '\u202f' },
};

export function numberLocale(language: string): NumberLocale {
  return LOCALES[language.slice(0, 2).toLowerCase()] ?? LOCALES.en;
}

export function formatValue(value: Scalar, numberFormat: string | undefined, locale: NumberLocale): string {
  if (value === null) return '';
  if (isError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const sections = splitSections(numberFormat ?? 'General');
  if (typeof value === 'string') {
    const textSection = sections[3] ?? (sections.length === 1 && sections[0].includes('@') ? sections[0] : undefined);
    return textSection ? literal(textSection).replace('@', value) : value;
  }
  let section = sections[0];
  let n = value;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    n = -value;
  } else if (value === 0 && sections[2] !== undefined) section = sections[2];
  return formatNumber(n, section, locale);
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < code.length) {
      cur += ch + code[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Removes colour and condition brackets, unquotes literals. */
function literal(section: string): string {
  return section
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, ' ');
}

function formatNumber(n: number, section: string, locale: NumberLocale): string {
  const bare = section.replace(/\[[^\]]*\]/g, '').trim();
  if (bare === '' || /^general$/i.test(bare)) return general(n, locale);
  if (bare === '@') return general(n, locale);
  const unquoted = bare.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  if (/[ymdhs]/i.test(unquoted) && !/[#0?]/.test(unquoted)) return formatDate(n, bare);
  const m = /[#0?](?:[#0?,.]|[\s\u00a0](?=[#0?]))*%?/.exec(bare);
  if (!m) return literal(bare);
  const pattern = m[0];
  const before = literal(bare.slice(0, m.index));
  const after = literal(bare.slice(m.index + m[0].length));
  const percent = pattern.endsWith('%') || after.includes('%');
  const digits = pattern.replace('%', '');
  const dot = digits.indexOf('.');
  const intPart = dot >= 0 ? digits.slice(0, dot) : digits;
  const decimals = dot >= 0 ? (digits.slice(dot + 1).match(/[0#?]/g) ?? []).length : 0;
  const grouped = /[#0?][,\s\u00a0][#0?]/.test(intPart);
  const minInt = (intPart.match(/0/g) ?? []).length;
  const value = percent ? n * 100 : n;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, frac = ''] = fixed.split('.');
  let int = whole;
  if (int === '0' && minInt === 0) int = '';
  int = int.padStart(minInt, '0');
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, locale.group);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  const body = frac ? `${int}${locale.decimal}${frac}` : int || (decimals === 0 ? '0' : '');
  return `${sign}${before}${body}${pattern.endsWith('%') ? '%' : ''}${after}`;
}

function general(n: number, locale: NumberLocale): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  let text: string;
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) text = n.toExponential(5).replace(/\.?0+e/, 'E').replace('e', 'E');
  else text = String(Number(n.toPrecision(10)));
  return text.replace('.', locale.decimal);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

function formatDate(serial: number, code: string): string {
  const d = dateFromSerial(serial);
  const parts = {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    min: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
  const tokens = code.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|./gi) ?? [];
  let out = '';
  tokens.forEach((tok, i) => {
    const t = tok.toLowerCase();
    const prev = tokens.slice(0, i).reverse().find((x) => /^[hdys]/i.test(x));
    const minute = (t === 'mm' || t === 'm') && prev !== undefined && /^h/i.test(prev);
    if (t.startsWith('"')) out += tok.slice(1, -1);
    else if (t.startsWith('\\')) out += tok.slice(1);
    else if (t === 'yyyy') out += String(parts.y);
    else if (t === 'yy') out += String(parts.y).slice(-2);
    else if (t === 'mmmm' || t === 'mmm') out += MONTHS[parts.m - 1];
    else if (minute) out += String(parts.min).padStart(t.length, '0');
    else if (t === 'mm') out += String(parts.m).padStart(2, '0');
    else if (t === 'm') out += String(parts.m);
    else if (t === 'dd') out += String(parts.d).padStart(2, '0');
    else if (t === 'd') out += String(parts.d);
    else if (t === 'hh') out += String(parts.h).padStart(2, '0');
    else if (t === 'h') out += String(parts.h);
    else if (t === 'ss') out += String(parts.s).padStart(2, '0');
    else if (t === 's') out += String(parts.s);
    else if (t === '[' || t === ']') out += '';
    else out += tok;
  });
  return out;
}
