/** The value of a parsed formula: operators, references and the functions, as Excel calculates them. */
import type { Rect } from '../addresses';
import { errorValue, isError, type CellError, type Scalar } from '../values';
import type { Compiled, Node } from './parse';

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
