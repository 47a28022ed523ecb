/**
 * Timing helpers: warm up, then many timed runs; figures, never assertions. The heap is collected once
 * before each series (not before each run: a full GC per run shrinks the young generation and makes the
 * runs slower and noisier than the function is in use).
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** A full GC, so that a series does not pay for the garbage of the one before it. */
export const collect: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // Without it the medians are only a little noisier.
  }
  return () => {};
})();

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarize(times: readonly number[]): Sample {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs: times.length };
}

/** Anything a timed function returns is kept here, so no run can be optimised away. */
export let sink: unknown = null;

export function measureSync(fn: () => unknown, warmup: number, runs: number): Sample {
  collect();
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/** Several functions (one per plan size), warmed up, then timed once each per round, for `rounds` rounds. */
export function measureInterleaved(fns: readonly (() => unknown)[], warmup: number, rounds: number): Sample[] {
  collect();
  for (const fn of fns) for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      sink = fn();
      times[k].push(performance.now() - t0);
    });
  }
  return times.map(summarize);
}

export async function measureAsync(fn: () => Promise<unknown>, warmup: number, runs: number): Promise<Sample> {
  collect();
  for (let i = 0; i < warmup; i++) sink = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/** Rounds for the report and the JSON line: 3 significant decimals below 10 ms, 1 above. */
export function ms(x: number): number {
  return x < 10 ? Math.round(x * 1000) / 1000 : Math.round(x * 10) / 10;
}

export function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}
