/**
 * Part 2: `tjansteplan validate --json FILE` against a bare exceljs load of the same file, each a fresh
 * `node` process, alternating; then the same work in process, split into its steps.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkTables } from '../../src/workbook/checkPlan';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import type { RawTable } from '../../src/workbook/host';
import { benchPlanWrites } from './generate';
import { measureAsync, measureSync, summarize, type Sample } from './stats';

export interface CliFigures {
  rows: number;
  fileBytes: number;
  findings: number;
  exitCode: number | null;
  validate: Sample;
  bareLoad: Sample;
  /** `tjansteplan --version`: what starting the command costs before any file is read. */
  startup: Sample;
  inProcess: { load: Sample; readTables: Sample; checkTables: Sample };
}

const BARE_LOAD =
  "const ExcelJS = require('exceljs');" +
  'new ExcelJS.Workbook().xlsx.readFile(process.argv[1]).then(() => {}, (e) => { console.error(e); process.exit(1); });';

function timeSpawn(root: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const t = performance.now() - t0;
  if (r.error) throw r.error;
  // validate exits 1 when the plan has errors (the generated one has a few); 2 or a signal is a failure.
  if (r.signal || (r.status !== 0 && r.status !== 1)) {
    throw new Error(`bench: node ${args.join(' ')} failed (${r.signal ?? r.status}): ${r.stderr}`);
  }
  return t;
}

export async function benchCli(root: string, rows: number, runs: number): Promise<CliFigures> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tjansteplan-bench-'));
  try {
    const file = path.join(dir, `plan-${rows}.xlsx`);
    const wb = new XlsxWorkbook();
    await wb.createTables(benchPlanWrites(rows));
    await wb.save(file);
    const fileBytes = (await fs.stat(file)).size;

    const bin = path.join(root, 'bin', 'tjansteplan.js');
    const validateArgs = [bin, 'validate', '--json', file];
    const bareArgs = ['-e', BARE_LOAD, file];

    // One checked run: the command reads the file and answers in JSON (this also warms the disk cache).
    const check = spawnSync(process.execPath, validateArgs, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (check.status !== 0 && check.status !== 1) throw new Error(`bench: validate failed (${check.status}): ${check.stderr}`);
    const json = JSON.parse(check.stdout) as { files: { findings: unknown[]; error?: string }[] };
    if (json.files[0]?.error) throw new Error(`bench: validate could not read the plan: ${json.files[0].error}`);
    timeSpawn(root, bareArgs);

    const validate: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always runs on a machine the other just warmed or loaded.
      if (i % 2 === 0) {
        validate.push(timeSpawn(root, validateArgs));
        bare.push(timeSpawn(root, bareArgs));
      } else {
        bare.push(timeSpawn(root, bareArgs));
        validate.push(timeSpawn(root, validateArgs));
      }
    }
    const startup: number[] = [];
    for (let i = 0; i < 5; i++) startup.push(timeSpawn(root, [bin, '--version']));

    // In process: where the command's time goes.
    const bytes = await fs.readFile(file);
    const load = await measureAsync(() => XlsxWorkbook.open(file), 1, 3);
    const opened = await XlsxWorkbook.fromBytes(bytes);
    let tables: RawTable[] = [];
    const read = await measureAsync(async () => (tables = await opened.readTables()), 2, 7);
    const checked = measureSync(() => checkTables(tables), 3, 9);

    return {
      rows,
      fileBytes,
      findings: json.files[0]?.findings.length ?? 0,
      exitCode: check.status,
      validate: summarize(validate),
      bareLoad: summarize(bare),
      startup: summarize(startup),
      inProcess: { load, readTables: read, checkTables: checked },
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
