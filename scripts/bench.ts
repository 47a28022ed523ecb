/**
 * `npm run bench`: the targets of docs/targets.md §1 that run in Node, measured and printed (never asserted).
 *   1. the validation core (validatePlan) and the contract read + validate (checkTables) at 1k and 10k rows;
 *   2. `tjansteplan validate --json` on a 5 000-row plan against a bare exceljs load of the same file.
 * Ends with one JSON line holding every figure, for the README and CI logs.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchCli } from './bench/cli';
import { benchCore } from './bench/core';
import { ms, ratio, type Sample } from './bench/stats';
import { fmtMs, fmtRatio, textTable } from './bench/table';

const ROOT = path.resolve(__dirname, '..', '..');
const CORE_SIZES = [1000, 10000] as const;
const CLI_ROWS = 5000;
const CLI_RUNS = 7;

const TARGET = { core10kMs: 20, coreRatio: 12, cliRatio: 1.2 };

const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const sampleJson = (s: Sample) => ({ median: ms(s.median), min: ms(s.min), max: ms(s.max), runs: s.runs });

type CoreSize = ReturnType<typeof benchCore>[number];

function coreFigures(sizes: CoreSize[], pick: (c: CoreSize) => Sample) {
  const [k1, k10] = sizes.map(pick);
  const r = k10.median / k1.median;
  return {
    ms1k: ms(k1.median),
    ms10k: ms(k10.median),
    ratio: ratio(k10.median, k1.median),
    met: { under20ms: k10.median < TARGET.core10kMs, ratio: r <= TARGET.coreRatio },
    runs1k: sampleJson(k1),
    runs10k: sampleJson(k10),
  };
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

async function main() {
  const started = performance.now();
  const cpus = os.cpus();
  const machine = {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAtStart: load(),
  };
  console.log('Tjänsteplan benchmarks (figures only; nothing here passes or fails a build)');
  console.log(`  node ${machine.node} · ${machine.cpu} · ${machine.cores} cores · ${machine.platform} · ${machine.memoryGb} GB`);
  console.log(`  load average at start: ${machine.loadAtStart} (other work on the machine makes medians noisier)`);
  console.log('');

  // 1. Validation core.
  const sizes = benchCore(CORE_SIZES);
  const [k1, k10] = sizes;
  const core = {
    validatePlan: coreFigures(sizes, (c) => c.validatePlan),
    checkTables: coreFigures(sizes, (c) => c.checkTables),
  };
  console.log(`1. Validation core, in memory (median of ${k1.validatePlan.runs} rounds, 1k and 10k alternating, after warm-up)`);
  console.log(`   plans of ${k1.rows} and ${k10.rows} Initiativ rows: a Summa row every 20, Ram, 10 versions, ~2 % of amounts as text`);
  console.log(`   findings per run: ${k1.findings} at 1k, ${k10.findings} at 10k`);
  console.log(
    textTable(
      ['measure', '1k ms', '(min)', '10k ms', '(min)', '10k/1k', `target <${TARGET.core10kMs} ms / ≤${TARGET.coreRatio}x`],
      (
        [
          ['validatePlan(plan)', core.validatePlan, (c: CoreSize) => c.validatePlan],
          ['checkTables(raw tables)', core.checkTables, (c: CoreSize) => c.checkTables],
        ] as const
      ).map(([name, f, pick]) => [
        name,
        fmtMs(pick(k1).median),
        fmtMs(pick(k1).min),
        fmtMs(pick(k10).median),
        fmtMs(pick(k10).min),
        fmtRatio(f.ratio),
        `${verdict(f.met.under20ms)} / ${verdict(f.met.ratio)}`,
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  console.log('');

  // 2. CLI against a bare exceljs load.
  const cli = await benchCli(ROOT, CLI_ROWS, CLI_RUNS);
  const cliRatio = cli.validate.median / cli.bareLoad.median;
  console.log(
    `2. CLI validate vs bare exceljs load (${cli.rows}-row plan, ${(cli.fileBytes / 1024).toFixed(0)} KiB; a fresh node process each, ${cli.validate.runs} alternating runs each)`,
  );
  console.log(`   validate: exit ${cli.exitCode}, ${cli.findings} findings in its JSON (output discarded in the timed runs)`);
  const spawned: [string, Sample][] = [
    ['node bin/tjansteplan.js validate --json FILE', cli.validate],
    ['node -e: new ExcelJS.Workbook().xlsx.readFile(FILE)', cli.bareLoad],
    ['node bin/tjansteplan.js --version (start-up only)', cli.startup],
  ];
  console.log(
    textTable(
      ['process', 'median ms', 'min ms', 'max ms'],
      spawned.map(([name, s]) => [name, fmtMs(s.median), fmtMs(s.min), fmtMs(s.max)]),
      ['left', 'right', 'right', 'right'],
    ),
  );
  console.log(`   validate / bare load: ${fmtRatio(cliRatio)} (target ≤ ${TARGET.cliRatio}x: ${verdict(cliRatio <= TARGET.cliRatio)})`);
  console.log('');
  const split = cli.inProcess;
  const steps: [string, Sample][] = [
    ['XlsxWorkbook.open (read file + exceljs load)', split.load],
    ['readTables (exceljs cells → RawTable[])', split.readTables],
    ['checkTables (readPlan + validatePlan + sort)', split.checkTables],
  ];
  const splitTotal = steps.reduce((t, [, s]) => t + s.median, 0);
  console.log('   in process, where the time goes (medians):');
  console.log(
    textTable(
      ['step', 'ms', 'share'],
      steps.map(([name, s]) => [name, fmtMs(s.median), `${((s.median / splitTotal) * 100).toFixed(1)} %`]),
      ['left', 'right', 'right'],
    ),
  );
  const elapsed = (performance.now() - started) / 1000;
  console.log('');
  console.log(`Done in ${elapsed.toFixed(1)} s (load average now ${load()}).`);

  const figures = {
    bench: 'tjansteplan',
    date: new Date().toISOString(),
    machine,
    targets: TARGET,
    core: { ...core, findings: { rows1k: k1.findings, rows10k: k10.findings } },
    cli: {
      rows: cli.rows,
      fileBytes: cli.fileBytes,
      findings: cli.findings,
      validateMs: ms(cli.validate.median),
      bareLoadMs: ms(cli.bareLoad.median),
      ratio: ratio(cli.validate.median, cli.bareLoad.median),
      met: cliRatio <= TARGET.cliRatio,
      startupMs: ms(cli.startup.median),
      validate: sampleJson(cli.validate),
      bareLoad: sampleJson(cli.bareLoad),
      inProcess: {
        loadMs: ms(split.load.median),
        readTablesMs: ms(split.readTables.median),
        checkTablesMs: ms(split.checkTables.median),
      },
    },
    seconds: Math.round(elapsed * 10) / 10,
  };
  console.log(JSON.stringify(figures));
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
