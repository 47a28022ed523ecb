/** Part 1: the validation core (validatePlan) and the contract read + validate (checkTables), in memory. */
import type { Plan } from '../../src/domain/plan';
import { validatePlan } from '../../src/domain/validate';
import { checkTables } from '../../src/workbook/checkPlan';
import { readPlan } from '../../src/workbook/contract/readPlan';
import type { RawTable } from '../../src/workbook/host';
import { benchRawTables } from './generate';
import { measureSync, type Sample } from './stats';

export interface CoreSize {
  rows: number;
  /** Findings of one run, so the report shows the plans are realistic, not empty. */
  findings: number;
  validatePlan: Sample;
  checkTables: Sample;
}

/** Warm-up and timed runs per size: many at 1k where a run is short, fewer at 10k. */
const RUNS: Record<number, { warmup: number; runs: number }> = {
  1000: { warmup: 50, runs: 101 },
  10000: { warmup: 10, runs: 31 },
};

export function planOf(tables: readonly RawTable[]): Plan {
  const { plan } = readPlan(tables);
  if (!plan) throw new Error('bench: the generated tables do not make a plan');
  return plan;
}

export function benchCore(sizes: readonly number[]): CoreSize[] {
  // Both functions warm up on a small plan first, so the first size measured is not the one that pays for
  // compiling them.
  const small = benchRawTables(200, 7);
  const smallPlan = planOf(small);
  measureSync(() => validatePlan(smallPlan), 50, 1);
  measureSync(() => checkTables(small), 50, 1);

  return sizes.map((rows) => {
    const tables = benchRawTables(rows);
    const plan = planOf(tables);
    const { warmup, runs } = RUNS[rows] ?? { warmup: 5, runs: 15 };
    const v = measureSync(() => validatePlan(plan), warmup, runs);
    const c = measureSync(() => checkTables(tables), warmup, runs);
    return { rows, findings: checkTables(tables).findings.length, validatePlan: v, checkTables: c };
  });
}
