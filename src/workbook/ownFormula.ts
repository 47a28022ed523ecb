/**
 * The formulas the tool itself writes (a deviation per row, a city total), told apart from anything that
 * merely looks like one: a `{formula}` object that came from data (a crafted snapshot, a cell read from
 * another workbook) is written as its value, never as a formula. Only objects made here are remembered,
 * and no JSON parse or structured copy can make one.
 */
import type { CellValue } from '../domain/cell';

type Formula = { formula: string; result?: CellValue };

const made = new WeakSet<object>();

export function ownFormula(formula: string, result?: CellValue): Formula {
  const f: Formula = result === undefined ? { formula } : { formula, result };
  made.add(f);
  return f;
}

export function isOwnFormula(v: unknown): v is Formula {
  return typeof v === 'object' && v !== null && made.has(v);
}
