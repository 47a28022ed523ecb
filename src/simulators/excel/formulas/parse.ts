/** Formula text parsed into a tree, with Excel's operator precedence; only the functions the host calculates. */
import { columnNumber, MAX_COLUMNS, type Rect } from '../addresses';
import { errorValue, type Scalar } from '../values';
import { tokenize, type Tok } from './tokens';

export type Node =
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
