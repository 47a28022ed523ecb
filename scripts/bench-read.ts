/**
 * `node dist/scripts/bench-read.js` (after `npm run build`): what reading a plan costs the commands that only
 * read (issue 19), printed, never asserted. Whole processes, as a user runs them, measured by /usr/bin/time
 * (peak resident memory) and the wall clock around each spawn; the two sides of each ratio alternate run by
 * run (paired), and the figures are medians.
 *   1. `tjansteplan validate --json FILE` ÷ a bare exceljs load of the same file, at 5 000 and 50 000 rows;
 *   2. `tjansteplan consolidate --frame F FILE×100` ÷ bare exceljs loads of the same 100 files in one process.
 * Targets: ≤ 0.4× the time and ≤ 0.6× the memory. Ends with one JSON line holding every figure.
 * The machine's 1-minute load average is printed before and after each pair of series: on a shared machine
 * a figure means little without it (the ratios, from paired runs, hold up better than the times).
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { frameWorkbookTables, planTables } from '../src/workbook/contract/template';
import { XlsxWorkbook } from '../src/workbook/file/xlsxWorkbook';
import { BENCH_PERIOD, benchPlanInput, benchPlanWrites } from './bench/generate';
import { BIN } from './bench/library';
import { median } from './bench/stats';

const EXCELJS = require.resolve('exceljs');
const BARE_LOADS = `const E=require(${JSON.stringify(EXCELJS)});(async()=>{for(const f of process.argv.slice(1))await new E.Workbook().xlsx.readFile(f)})().catch((e)=>{console.error(e);process.exit(3)})`;

interface Run {
  ms: number;
  peakMb: number;
}

function measured(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB=%M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const peak = /PEAK_KB=(\d+)/.exec(r.stderr ?? '');
  // validate and consolidate exit 1 on plans with errors (the generated ones have a few); 2 or more is a failure.
  if (r.error || !peak || (r.status !== 0 && r.status !== 1)) throw new Error(`bench-read: ${args.slice(0, 3).join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, peakMb: Number(peak[1]) / 1024 };
}

interface Pair {
  label: string;
  command: Run[];
  bare: Run[];
  /** The 1-minute load average before and after the series. */
  load: [number, number];
}

/** Alternating runs of the command and the bare load, after one unmeasured run of each (disk cache, JIT cache). */
function paired(label: string, command: string[], bare: string[], runs: number): Pair {
  measured(command);
  measured(bare);
  const pair: Pair = { label, command: [], bare: [], load: [os.loadavg()[0], 0] };
  for (let i = 0; i < runs; i++) {
    pair.command.push(measured(command));
    pair.bare.push(measured(bare));
  }
  pair.load[1] = os.loadavg()[0];
  return pair;
}

function figures(p: Pair) {
  const m = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
  const time = { command: m(p.command, 'ms'), bare: m(p.bare, 'ms') };
  const memory = { command: m(p.command, 'peakMb'), bare: m(p.bare, 'peakMb') };
  // Each pair's own time ratio, lowest and highest: on a shared machine the spread says how far the median
  // can be trusted.
  const pairRatios = p.command.map((r, i) => r.ms / p.bare[i].ms);
  const spread: [number, number] = [Math.min(...pairRatios), Math.max(...pairRatios)];
  return { label: p.label, runs: p.command.length, time, memory, timeRatio: time.command / time.bare, spread, memoryRatio: memory.command / memory.bare, load: p.load };
}

async function plan(dir: string, rows: number): Promise<string> {
  const wb = new XlsxWorkbook();
  await wb.createTables(benchPlanWrites(rows));
  const file = path.join(dir, `plan-${rows}.xlsx`);
  await wb.save(file);
  return file;
}

/** 100 small plans (40 rows each) of distinct areas, and the frame that names them. */
async function areas(dir: string, count: number): Promise<{ files: string[]; frame: string }> {
  const files: string[] = [];
  const names: string[] = [];
  for (let n = 1; n <= count; n++) {
    const area = `Område ${String(n).padStart(3, '0')}`;
    names.push(area);
    const wb = new XlsxWorkbook();
    await wb.createTables(planTables({ ...benchPlanInput(40, n), area }));
    const file = path.join(dir, `${area}.xlsx`);
    await wb.save(file);
    files.push(file);
  }
  const years = BENCH_PERIOD.years;
  const frameWb = new XlsxWorkbook();
  await frameWb.createTables(
    frameWorkbookTables(
      names.map((area) => ({ area, years: years.map((year) => ({ year, development: 50_000, operations: 100_000 })) })),
      years.map((year) => ({ year, development: count * 50_000, operations: count * 100_000 })),
    ),
  );
  const frame = path.join(dir, 'budgetram.xlsx');
  await frameWb.save(frame);
  return { files, frame };
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tjansteplan-bench-read-'));
  try {
    const results = [];
    for (const [rows, runs] of [
      [5_000, 9],
      // Nine pairs here too: a 50 000-row run varies by a third from one run to the next on this machine.
      [50_000, 9],
    ] as const) {
      const file = await plan(dir, rows);
      const size = (await fs.stat(file)).size;
      results.push({ ...figures(paired(`validate, ${rows} rows (${f1(size / 1024)} KiB)`, [BIN, 'validate', '--json', file], ['-e', BARE_LOADS, file], runs)), rows, bytes: size });
    }
    const { files, frame } = await areas(dir, 100);
    results.push(figures(paired('consolidate, 100 files of 40 rows', [BIN, 'consolidate', '--frame', frame, ...files], ['-e', BARE_LOADS, ...files], 5)));

    console.log('Reading plans: the CLI ÷ a bare exceljs load of the same files (whole processes, paired, medians)');
    console.log(['what', 'runs', 'CLI', 'exceljs load', 'time ratio', 'pairs from–to', 'CLI peak', 'exceljs peak', 'memory ratio', 'load average'].join(' | '));
    for (const r of results) {
      console.log(
        [
          r.label,
          r.runs,
          `${Math.round(r.time.command)} ms`,
          `${Math.round(r.time.bare)} ms`,
          `${f2(r.timeRatio)}×`,
          `${f2(r.spread[0])}–${f2(r.spread[1])}×`,
          `${f1(r.memory.command)} MiB`,
          `${f1(r.memory.bare)} MiB`,
          `${f2(r.memoryRatio)}×`,
          `${f2(r.load[0])} → ${f2(r.load[1])}`,
        ].join(' | '),
      );
    }
    console.log('Targets: ≤ 0.40× time, ≤ 0.60× memory.');
    console.log(JSON.stringify({ benchRead: results }));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
