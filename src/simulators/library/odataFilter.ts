/**
 * `$filter` on list items, the part SharePoint answers through Graph: comparisons of `fields/NAME` with a
 * literal (`eq`, `ne`), joined by `and` / `or`, in parentheses if wanted. `'…'` strings double their quotes.
 */
import { BUILT_IN, columnNamed } from './columns';
import { badRequest } from './errors';

export type Literal = string | number | boolean | null;
export type Comparison = { op: 'eq' | 'ne'; field: string; value: Literal };
export type Filter = Comparison | { op: 'and' | 'or'; left: Filter; right: Filter };

type Token = { kind: 'str'; text: string } | { kind: 'word'; text: string } | { kind: 'num'; text: string } | { kind: 'paren'; text: string };

const invalid = (why: string) => badRequest(`Invalid filter clause: ${why}`);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')') {
      out.push({ kind: 'paren', text: c });
      i++;
    }
    else if (c === "'") {
      let s = '';
      for (i++; ; i++) {
        if (i >= text.length) throw invalid('a string literal is not closed');
        if (text[i] === "'") {
          if (text[i + 1] !== "'") break;
          s += "'";
          i++;
        } else s += text[i];
      }
      i++;
      out.push({ kind: 'str', text: s });
    } else {
      const m = /^(-?\d+(?:\.\d+)?|[A-Za-z_][\w/.]*)/.exec(text.slice(i));
      if (!m) throw invalid(`unexpected '${c}'`);
      out.push({ kind: /^-?\d/.test(m[1]) ? 'num' : 'word', text: m[1] });
      i += m[1].length;
    }
  }
  return out;
}

export function parseFilter(text: string): Filter {
  const tokens = tokenize(text);
  let at = 0;
  const peekWord = (w: string) => tokens[at]?.kind === 'word' && tokens[at].text.toLowerCase() === w;
  const binary = (op: 'and' | 'or', next: () => Filter) => (): Filter => {
    let left = next();
    while (peekWord(op)) {
      at++;
      left = { op, left, right: next() };
    }
    return left;
  };
  const primary = (): Filter => {
    const t = tokens[at];
    if (t?.kind === 'paren' && t.text === '(') {
      at++;
      const inner = or();
      if (tokens[at]?.text !== ')') throw invalid("a '(' is not closed");
      at++;
      return inner;
    }
    if (t?.kind !== 'word' || !/^fields\//i.test(t.text)) throw invalid(`expected fields/NAME, found '${t?.text ?? 'the end'}'`);
    const field = t.text.slice('fields/'.length);
    if (!columnNamed(field) && !BUILT_IN.includes(field)) throw badRequest(`Field '${field}' is not recognized`);
    const op = tokens[at + 1]?.text.toLowerCase();
    if (op !== 'eq' && op !== 'ne') throw invalid(`the operator '${tokens[at + 1]?.text ?? ''}' is not supported (eq, ne)`);
    const lit = tokens[at + 2];
    if (!lit) throw invalid('a comparison has no value');
    at += 3;
    return { op, field, value: literal(lit) };
  };
  const and = binary('and', primary);
  const or = binary('or', and);
  const result = or();
  if (at < tokens.length) throw invalid(`unexpected '${tokens[at].text}'`);
  return result;
}

function literal(t: Token): Literal {
  if (t.kind === 'str') return t.text;
  if (t.kind === 'num') return Number(t.text);
  if (t.kind === 'word' && /^(true|false|null)$/i.test(t.text)) return t.text.toLowerCase() === 'null' ? null : t.text.toLowerCase() === 'true';
  throw invalid(`'${t.text}' is not a value`);
}

const isComparison = (f: Filter): f is Comparison => f.op === 'eq' || f.op === 'ne';

export function fieldsIn(f: Filter): string[] {
  return isComparison(f) ? [f.field] : [...fieldsIn(f.left), ...fieldsIn(f.right)];
}

export function matches(f: Filter, valueOf: (field: string) => string | undefined): boolean {
  if (!isComparison(f)) return f.op === 'and' ? matches(f.left, valueOf) && matches(f.right, valueOf) : matches(f.left, valueOf) || matches(f.right, valueOf);
  const actual = valueOf(f.field);
  let equal: boolean;
  if (f.value === null) equal = actual === undefined;
  else if (typeof f.value === 'number') equal = actual !== undefined && Number(actual) === f.value;
  else equal = actual === String(f.value);
  return f.op === 'eq' ? equal : !equal;
}
