/** Part 1: the validation core (validatePlan) and the contract read + validate (checkTables), in memory. */
import type { Plan } from '../../src/domain/plan';
import { validatePlan } from '../../src/domain/validate';
import { checkTables } from '../../src/workbook/checkPlan';
import { readPlan } from '../../src/workbook/contract/readPlan';
import type { RawTable } from '../../src/workbook/host';
import { benchRawTables } from './generate';
import { measureInterleaved, measureSync, type Sample } from './stats';

export interface CoreSize {
  rows: number;
  /** Findings of one run, so the report shows the plans are realistic, not empty. */
  findings: number;
  validatePlan: Sample;
  checkTables: Sample;
}

/**
 * Warm-up runs per size, then rounds in which every size runs once: the sizes share whatever else the
 * machine is doing, so their ratio holds even when the absolute figures drift.
 */
const WARMUP = 20;
const ROUNDS = 41;

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
  measureSync(() => validatePlan(smallPlan), 100, 1);
  measureSync(() => checkTables(small), 100, 1);

  const inputs = sizes.map((rows) => {
    const tables = benchRawTables(rows);
    return { rows, tables, plan: planOf(tables) };
  });
  const v = measureInterleaved(
    inputs.map(({ plan }) => () => validatePlan(plan)),
    WARMUP,
    ROUNDS,
  );
  const c = measureInterleaved(
    inputs.map(({ tables }) => () => checkTables(tables)),
    WARMUP,
    ROUNDS,
  );
  return inputs.map(({ rows, tables }, i) => ({
    rows,
    findings: checkTables(tables).findings.length,
    validatePlan: v[i],
    checkTables: c[i],
  }));
}
