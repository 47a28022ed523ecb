/** The formula text as tokens, with their positions (so that rewrite.ts can change one and keep the rest). */
import { ERROR_CODES } from '../values';

export type TokType = 'num' | 'str' | 'name' | 'sheet' | 'fn' | 'struct' | 'err' | 'op' | 'lp' | 'rp' | 'comma' | 'colon';
export interface Tok {
  t: TokType;
  v: string;
  start: number;
  end: number;
  /** For `struct`: the table name and the bracket text. */
  table?: string;
}

const NAME_START = /[\p{L}_\\$]/u;
const NAME_CHAR = /[\p{L}\p{N}_.\\$]/u;

/** The tokens of formula text (without `=`); null when it holds something the host does not read. */
export function tokenize(text: string): Tok[] | null {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const start = i;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) return null;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      toks.push({ t: 'str', v: s, start, end: i });
      continue;
    }
    if (ch === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) return null;
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      if (text[i] !== '!') return null;
      i++;
      toks.push({ t: 'sheet', v: s, start, end: i });
      continue;
    }
    if (/\d/.test(ch) || (ch === '.' && /\d/.test(text[i + 1] ?? ''))) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))!;
      i += m[0].length;
      toks.push({ t: 'num', v: m[0], start, end: i });
      continue;
    }
    if (ch === '#') {
      const code = ERROR_CODES.find((e) => text.slice(i, i + e.length).toUpperCase() === e);
      if (!code) return null;
      i += code.length;
      toks.push({ t: 'err', v: code, start, end: i });
      continue;
    }
    if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      const name = text.slice(i, j);
      if (text[j] === '!') {
        toks.push({ t: 'sheet', v: name, start, end: j + 1 });
        i = j + 1;
        continue;
      }
      if (text[j] === '(') {
        toks.push({ t: 'fn', v: name.toUpperCase(), start, end: j });
        i = j;
        continue;
      }
      if (text[j] === '[') {
        const close = matchBracket(text, j);
        if (close < 0) return null;
        toks.push({ t: 'struct', v: text.slice(j + 1, close), table: name, start, end: close + 1 });
        i = close + 1;
        continue;
      }
      toks.push({ t: 'name', v: name, start, end: j });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      toks.push({ t: 'op', v: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%'.includes(ch)) toks.push({ t: 'op', v: ch, start, end: i + 1 });
    else if (ch === '(') toks.push({ t: 'lp', v: ch, start, end: i + 1 });
    else if (ch === ')') toks.push({ t: 'rp', v: ch, start, end: i + 1 });
    else if (ch === ',') toks.push({ t: 'comma', v: ch, start, end: i + 1 });
    else if (ch === ':') toks.push({ t: 'colon', v: ch, start, end: i + 1 });
    else return null;
    i++;
  }
  return toks;
}

function matchBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "'") {
      i++;
      continue;
    }
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return -1;
}
