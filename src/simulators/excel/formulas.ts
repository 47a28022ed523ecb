/**
 * The formulas the test host can calculate, so that a formula written through the API shows a result as
 * it would in Excel, and formulas recalculate when their inputs change:
 *   - references: `=C5`, `=$C$5`, `=Ram!B2`, `='Tjänsteplan 2'!C5`, ranges inside functions (`C5:C20`);
 *   - structured references: `Initiativ[Utveckling 2022]`, `T[#Data]`, `T[#All]`, `T[#Headers]`, `T[#Totals]`,
 *     `T[[#Totals],[Col]]`, `T[[Col1]:[Col2]]`;
 *   - `SUM`, `SUBTOTAL` (1/101 average, 2/102 count, 3/103 counta, 4/104 max, 5/105 min, 9/109 sum; nested
 *     SUBTOTALs in its ranges are skipped as Excel does), `AVERAGE`, `COUNT`, `COUNTA`, `MIN`, `MAX`,
 *     `ISTEXT`, `ISNUMBER`, `ISBLANK`, `N`;
 *   - numbers, "text", TRUE/FALSE, error literals, `+ - * / ^ & %` and comparisons.
 * Anything else (another function, a defined name, a formula that does not parse) is "not supported":
 * written through the API its result is `#NAME?`; read from a file it keeps the result the file cached.
 */
import { columnNumber, MAX_COLUMNS, MAX_ROWS, type Rect } from './addresses';
import { ERROR_CODES, errorValue, isError, type CellError, type Scalar } from './values';

/** What a formula may look at. */
export interface FormulaEnv {
  /** The sheet the formula stands on (for references without a sheet). */
  sheet: string;
  /** A cell's shown value; undefined when the sheet does not exist. */
  value(sheet: string, row: number, column: number): Scalar | undefined;
  /** Whether the cell holds a SUBTOTAL formula (SUBTOTAL skips those). */
  isSubtotal(sheet: string, row: number, column: number): boolean;
  /** The cells a structured reference names, or null when the table or column does not exist. */
  structured(table: string, spec: string): { sheet: string; rect: Rect } | null;
}

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; sheet?: string; rect: Rect }
  | { k: 'struct'; table: string; spec: string }
  | { k: 'fn'; name: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node }
  | { k: 'pct'; a: Node };

/** A parsed formula; null from compile() when the test host cannot calculate it. */
export interface Compiled {
  readonly node: Node;
}

// ---------------------------------------------------------------------------------------------------
// Tokens

type TokType = 'num' | 'str' | 'name' | 'sheet' | 'fn' | 'struct' | 'err' | 'op' | 'lp' | 'rp' | 'comma' | 'colon';
interface Tok {
  t: TokType;
  v: string;
  start: number;
  end: number;
  /** For `struct`: the table name and the bracket text. */
  table?: string;
}

const NAME_START = /[\p{L}_\\$]/u;
const NAME_CHAR = /[\p{L}\p{N}_.\\$]/u;

function tokenize(text: string): Tok[] | null {
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

// ---------------------------------------------------------------------------------------------------
// Parser

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const FUNCTIONS = new Set(['SUM', 'SUBTOTAL', 'AVERAGE', 'COUNT', 'COUNTA', 'MIN', 'MAX', 'ISTEXT', 'ISNUMBER', 'ISBLANK', 'N']);

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Node | null {
    const node = this.comparison();
    return node && this.i === this.toks.length ? node : null;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t?.t === 'op' && ops.includes(t.v);
  }

  private comparison(): Node | null {
    let a = this.concat();
    while (a && this.isOp('=', '<>', '<', '>', '<=', '>=')) {
      const op = this.toks[this.i++].v;
      const b = this.concat();
      if (!b) return null;
      a = { k: 'bin', op, a, b };
    }
    return a;
  }

  private concat(): Node | null {
    let a = this.additive();
    while (a && this.isOp('&')) {
      this.i++;
      const b = this.additive();
      if (!b) return null;
      a = { k: 'bin', op: '&', a, b };
    }
    return a;
  }

  private additive(): Node | null {
    let a = this.multiplicative();
    while (a && this.isOp('+', '-')) {
      const op = this.toks[this.i++].v;
      const b = this.multiplicative();
      if (!b) return null;
      a = { k: 'bin', op, a, b };
    }
    return a;
  }

  private multiplicative(): Node | null {
    let a = this.power();
    while (a && this.isOp('*', '/')) {
      const op = this.toks[this.i++].v;
      const b = this.power();
      if (!b) return null;
      a = { k: 'bin', op, a, b };
    }
    return a;
  }

  private power(): Node | null {
    let a = this.unary();
    while (a && this.isOp('^')) {
      this.i++;
      const b = this.unary();
      if (!b) return null;
      a = { k: 'bin', op: '^', a, b };
    }
    return a;
  }

  private unary(): Node | null {
    if (this.isOp('-')) {
      this.i++;
      const a = this.unary();
      return a && { k: 'neg', a };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    let a = this.primary();
    while (a && this.isOp('%')) {
      this.i++;
      a = { k: 'pct', a };
    }
    return a;
  }

  private primary(): Node | null {
    const t = this.peek();
    if (!t) return null;
    this.i++;
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: Number(t.v) };
      case 'str':
        return { k: 'lit', v: t.v };
      case 'err':
        return { k: 'lit', v: errorValue(t.v) };
      case 'struct':
        return { k: 'struct', table: t.table!, spec: t.v };
      case 'lp': {
        const inner = this.comparison();
        if (!inner || this.peek()?.t !== 'rp') return null;
        this.i++;
        return inner;
      }
      case 'fn': {
        if (this.peek()?.t !== 'lp') return null;
        this.i++;
        const args: Node[] = [];
        if (this.peek()?.t === 'rp') {
          this.i++;
        } else {
          for (;;) {
            const arg = this.comparison();
            if (!arg) return null;
            args.push(arg);
            const n = this.toks[this.i++];
            if (n?.t === 'rp') break;
            if (n?.t !== 'comma') return null;
          }
        }
        if (t.v === 'TRUE' && args.length === 0) return { k: 'lit', v: true };
        if (t.v === 'FALSE' && args.length === 0) return { k: 'lit', v: false };
        return FUNCTIONS.has(t.v) ? { k: 'fn', name: t.v, args } : null;
      }
      case 'sheet': {
        const ref = this.peek();
        if (ref?.t !== 'name') return null;
        this.i++;
        return this.reference(ref.v, t.v);
      }
      case 'name': {
        if (/^true$/i.test(t.v)) return { k: 'lit', v: true };
        if (/^false$/i.test(t.v)) return { k: 'lit', v: false };
        return this.reference(t.v, undefined);
      }
      default:
        return null;
    }
  }

  private reference(first: string, sheet: string | undefined): Node | null {
    const a = CELL.exec(first);
    if (!a) return null;
    let right = a;
    if (this.peek()?.t === 'colon' && this.toks[this.i + 1]?.t === 'name') {
      const b = CELL.exec(this.toks[this.i + 1].v);
      if (!b) return null;
      this.i += 2;
      right = b;
    }
    const r1 = Number(a[2]);
    const c1 = columnNumber(a[1]);
    const r2 = Number(right[2]);
    const c2 = columnNumber(right[1]);
    if (c1 > MAX_COLUMNS || c2 > MAX_COLUMNS || r1 < 1 || r2 < 1) return null;
    return { k: 'ref', sheet, rect: { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) } };
  }
}

/** Parses formula text (without `=`); null when the test host cannot calculate it. */
export function compile(formula: string): Compiled | null {
  const toks = tokenize(formula);
  if (!toks || toks.length === 0) return null;
  const node = new Parser(toks).parse();
  return node ? { node } : null;
}

/** Whether the formula is a SUBTOTAL (which SUBTOTAL and the table totals skip). */
export function isSubtotalFormula(formula: string | undefined): boolean {
  return formula !== undefined && /^\s*SUBTOTAL\s*\(/i.test(formula);
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

interface RangeArg {
  range: { sheet: string; rect: Rect };
}
type Val = Scalar | RangeArg;

const isRange = (v: Val): v is RangeArg => typeof v === 'object' && v !== null && 'range' in v;

const NAME = errorValue('#NAME?');
const VALUE = errorValue('#VALUE!');
const REF = errorValue('#REF!');
const DIV0 = errorValue('#DIV/0!');

export function evaluate(compiled: Compiled, env: FormulaEnv): Scalar {
  const v = evalNode(compiled.node, env);
  if (isRange(v)) {
    const { sheet, rect } = v.range;
    if (rect.top !== rect.bottom || rect.left !== rect.right) return VALUE;
    const cell = env.value(sheet, rect.top, rect.left);
    return cell === undefined ? REF : cell === null ? 0 : cell;
  }
  return v;
}

function evalNode(n: Node, env: FormulaEnv): Val {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'ref':
      return { range: { sheet: n.sheet ?? env.sheet, rect: n.rect } };
    case 'struct': {
      const r = env.structured(n.table, n.spec);
      return r ? { range: r } : REF;
    }
    case 'neg': {
      const a = toNumber(scalar(evalNode(n.a, env), env));
      return isError(a) ? a : -a;
    }
    case 'pct': {
      const a = toNumber(scalar(evalNode(n.a, env), env));
      return isError(a) ? a : a / 100;
    }
    case 'bin':
      return binary(n.op, scalar(evalNode(n.a, env), env), scalar(evalNode(n.b, env), env));
    case 'fn':
      return call(n.name, n.args, env);
  }
}

/** A reference used where one value is expected: a single cell gives its value, a larger range #VALUE!. */
function scalar(v: Val, env: FormulaEnv): Scalar {
  if (!isRange(v)) return v;
  const { sheet, rect } = v.range;
  if (rect.top !== rect.bottom || rect.left !== rect.right) return VALUE;
  const cell = env.value(sheet, rect.top, rect.left);
  return cell === undefined ? REF : cell;
}

function toNumber(v: Scalar): number | CellError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  return VALUE;
}

function toText(v: Scalar): string | CellError {
  if (isError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (op === '&') {
    const x = toText(a);
    const y = toText(b);
    return isError(x) ? x : isError(y) ? y : x + y;
  }
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    if (isError(a)) return a;
    if (isError(b)) return b;
    const c = compare(a, b);
    return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? DIV0 : x / y;
    case '^':
      return x ** y;
  }
  return NAME;
}

/** Excel's ordering: numbers < text < booleans; text without regard to case; empty as 0 or "". */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let x = a;
  let y = b;
  if (x === null) x = typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === null) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'string' && typeof y === 'string') {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

type Aggregate = 'sum' | 'average' | 'count' | 'counta' | 'min' | 'max';
const SUBTOTAL_CODES: Record<number, Aggregate> = { 1: 'average', 2: 'count', 3: 'counta', 4: 'max', 5: 'min', 9: 'sum' };

function call(name: string, args: Node[], env: FormulaEnv): Scalar {
  switch (name) {
    case 'SUM':
      return aggregate('sum', args.map((a) => evalNode(a, env)), env, false);
    case 'AVERAGE':
    case 'COUNT':
    case 'COUNTA':
    case 'MIN':
    case 'MAX':
      return aggregate(name.toLowerCase() as Aggregate, args.map((a) => evalNode(a, env)), env, false);
    case 'SUBTOTAL': {
      if (args.length < 2) return VALUE;
      const code = toNumber(scalar(evalNode(args[0], env), env));
      if (isError(code)) return code;
      const fn = SUBTOTAL_CODES[Math.trunc(code) % 100];
      if (!fn || (code > 11 && code < 101) || code > 111) return NAME;
      const refs = args.slice(1).map((a) => evalNode(a, env));
      if (refs.some((r) => !isRange(r))) return refs.find(isError) ?? VALUE;
      return aggregate(fn, refs, env, true);
    }
    case 'ISTEXT':
    case 'ISNUMBER':
    case 'ISBLANK':
    case 'N': {
      if (args.length !== 1) return VALUE;
      const v = evalNode(args[0], env);
      const s = isRange(v) ? scalarOrNull(v, env) : v;
      if (name === 'ISTEXT') return typeof s === 'string' && s !== '';
      if (name === 'ISNUMBER') return typeof s === 'number';
      if (name === 'ISBLANK') return s === null;
      return isError(s) ? s : typeof s === 'number' ? s : typeof s === 'boolean' ? (s ? 1 : 0) : 0;
    }
  }
  return NAME;
}

function scalarOrNull(v: RangeArg, env: FormulaEnv): Scalar {
  const { sheet, rect } = v.range;
  const cell = env.value(sheet, rect.top, rect.left);
  return cell === undefined ? REF : cell;
}

function aggregate(fn: Aggregate, args: Val[], env: FormulaEnv, skipSubtotals: boolean): Scalar {
  const nums: number[] = [];
  let nonEmpty = 0;
  for (const arg of args) {
    if (isRange(arg)) {
      const { sheet, rect } = arg.range;
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const v = env.value(sheet, r, c);
          if (v === undefined) return REF;
          if (skipSubtotals && env.isSubtotal(sheet, r, c)) continue;
          if (v === null) continue;
          if (isError(v)) {
            if (fn === 'count' || fn === 'counta') {
              if (fn === 'counta') nonEmpty++;
              continue;
            }
            return v;
          }
          nonEmpty++;
          if (typeof v === 'number') nums.push(v);
        }
      }
    } else {
      if (arg === null) continue;
      nonEmpty++;
      if (fn === 'counta') continue;
      const n = toNumber(arg);
      if (isError(n)) {
        if (fn === 'count') continue;
        return n;
      }
      nums.push(n);
    }
  }
  switch (fn) {
    case 'sum':
      return nums.reduce((s, x) => s + x, 0);
    case 'average':
      return nums.length === 0 ? DIV0 : nums.reduce((s, x) => s + x, 0) / nums.length;
    case 'count':
      return nums.length;
    case 'counta':
      return nonEmpty;
    case 'min':
      return nums.length === 0 ? 0 : Math.min(...nums);
    case 'max':
      return nums.length === 0 ? 0 : Math.max(...nums);
  }
}

// ---------------------------------------------------------------------------------------------------
// Rewriting formulas when a table or sheet is renamed, as Excel does

/** Replaces the table name in structured references; other text is left exactly as it was. */
export function renameTableIn(formula: string, from: string, to: string): string {
  const toks = tokenize(formula);
  if (!toks) return formula;
  return splice(formula, toks.filter((t) => t.t === 'struct' && t.table!.toLowerCase() === from.toLowerCase()), (t) => `${to}[${t.v}]`);
}

/** Replaces a sheet name in references, quoting the new name when Excel would. */
export function renameSheetIn(formula: string, from: string, to: string, quote: (name: string) => string): string {
  const toks = tokenize(formula);
  if (!toks) return formula;
  return splice(formula, toks.filter((t) => t.t === 'sheet' && t.v.toLowerCase() === from.toLowerCase()), () => `${quote(to)}!`);
}

function splice(text: string, toks: Tok[], replace: (t: Tok) => string): string {
  let out = text;
  for (const t of [...toks].sort((a, b) => b.start - a.start)) out = out.slice(0, t.start) + replace(t) + out.slice(t.end);
  return out;
}

/** Cells inserted on a sheet: from row `top` down, in columns `left`..`right`, everything moved `count` rows down. */
export interface RowShift {
  sheet: string;
  top: number;
  left: number;
  right: number;
  count: number;
}

const CORNER = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;

/**
 * Rewrites A1 references after cells were inserted, as Excel does: a reference to a cell that moved follows
 * it; a range whose columns lie within the inserted columns moves when it starts at or below the insertion
 * and grows when the insertion falls inside it; a range only partly in those columns, and everything on
 * other sheets, stays as it was. `$` anchors are kept. `formulaSheet` is the sheet the formula stands on
 * (for references without a sheet). Text the tokenizer cannot read is left as it was.
 */
export function shiftRowsIn(formula: string, formulaSheet: string, shift: RowShift): string {
  const toks = tokenize(formula);
  if (!toks) return formula;
  const target = shift.sheet.toLowerCase();
  const edits: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t !== 'name') continue;
    const a = CORNER.exec(t.v);
    if (!a) continue;
    const sheet = toks[i - 1]?.t === 'sheet' ? toks[i - 1].v : formulaSheet;
    const second = toks[i + 1]?.t === 'colon' && toks[i + 2]?.t === 'name' ? CORNER.exec(toks[i + 2].v) : null;
    const end = second ? i + 2 : i;
    if (sheet.toLowerCase() === target) {
      const corners = second ? [a, second] : [a];
      const rows = corners.map((c) => Number(c[4]));
      const columns = corners.map((c) => columnNumber(c[2]));
      const inColumns = Math.min(...columns) >= shift.left && Math.max(...columns) <= shift.right;
      const top = Math.min(...rows);
      const bottom = Math.max(...rows);
      let moved: number[] | null = null;
      if (inColumns && top >= shift.top) moved = rows.map((r) => r + shift.count);
      else if (inColumns && bottom >= shift.top) moved = rows.map((r) => (r === bottom ? r + shift.count : r));
      if (moved) {
        const text = corners.map((c, k) => `${c[1]}${c[2]}${c[3]}${moved![k]}`);
        // A reference pushed off the sheet's last row is lost, as in Excel.
        const ref = moved.some((r) => r > MAX_ROWS) ? '#REF!' : second ? `${text[0]}:${text[1]}` : text[0];
        edits.push({ start: t.start, end: toks[end].end, text: ref });
      }
    }
    i = end;
  }
  let out = formula;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
