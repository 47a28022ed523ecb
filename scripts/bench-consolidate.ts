/**
 * `node dist/scripts/bench-consolidate.js` (after `npm run build`): consolidation of 100 generated areas,
 * printed, never asserted (docs/targets.md §1: from a library, ≤ 1 list query + ⌈100/20⌉ JSON-batch requests).
 *   1. from the local library: 100 small approved plans published first, then `tjansteplan consolidate
 *      --library` timed (the built command, spawned, median of a few runs) and its requests counted by the
 *      library itself (GET /_library/stats): list queries, batches, batch steps, and the pre-authenticated
 *      downloads the steps point to (outside Graph);
 *   2. from the same 100 files: `tjansteplan consolidate FILE…` timed, against the bare cost of loading the
 *      100 files with exceljs in a fresh process (the floor of any file-based consolidation; both cold), and
 *      where the library run's time goes (its list query and snapshot reads, timed in this process);
 *   3. the cost of starting the command at all (`tjansteplan --version`), which both runs include.
 * Ends with one JSON line holding every figure.
 */
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePeriod } from '../src/domain/period';
import { nodePlanLibrary } from '../src/publish/node/connect';
import { readCa, trustedFetch } from '../src/publish/node/trustedFetch';
import { preparePublication } from '../src/publish/prepare';
import { checkWorkbook } from '../src/workbook/checkPlan';
import { frameWorkbookTables, planTables } from '../src/workbook/contract/template';
import { XlsxWorkbook } from '../src/workbook/file/xlsxWorkbook';
import { BIN, startLibrary, TOKEN } from './bench/library';

const AREAS = 100;
const PERIOD = '2022–2024';
const RUNS = 3;
const BATCH = 20;


interface Stats {
  requests: number;
  steps: number;
  byRoute: Record<string, number>;
}


/** A small approved plan: five initiatives, amounts that differ per area. */
async function writeArea(dir: string, n: number): Promise<string> {
  const period = parsePeriod(PERIOD)!;
  const area = `Område ${String(n).padStart(3, '0')}`;
  const wb = new XlsxWorkbook();
  await wb.createTables(
    planTables({
      area,
      period,
      owner: 'Controller',
      initiatives: Array.from({ length: 5 }, (_, i) => ({
        nr: i + 1,
        name: `Initiativ ${i + 1} i ${area}`,
        development: period.years.map((_, y) => 100 * ((n + i + y) % 7) + 50),
        maintenance: period.years.map((_, y) => (y === 0 ? 0 : 10 * ((n + i) % 5))),
      })),
      frame: period.years.map((year) => ({ year, development: 4_000, operations: 10_000 })),
      versions: [
        { date: '2021-10-01', version: '0.1', description: 'Första utkast', changedBy: 'Controller' },
        { date: '2021-12-08', version: '1.0', description: 'Beslutad i PF', changedBy: 'Controller', forum: 'PF', decision: 'Fastställd' },
      ],
    }),
  );
  const file = path.join(dir, `${area}.xlsx`);
  await wb.save(file);
  return file;
}

async function writeFrame(dir: string, areas: number): Promise<string> {
  const years = parsePeriod(PERIOD)!.years;
  const wb = new XlsxWorkbook();
  await wb.createTables(
    frameWorkbookTables(
      Array.from({ length: areas }, (_, i) => ({ area: `Område ${String(i + 1).padStart(3, '0')}`, years: years.map((year) => ({ year, development: 4_000, operations: 10_000 })) })),
      years.map((year) => ({ year, development: 150_000, operations: areas * 10_000 })),
    ),
  );
  const file = path.join(dir, 'budgetram.xlsx');
  await wb.save(file);
  return file;
}

function run(args: string[]) {
  return spawned([process.execPath, BIN, ...args]);
}

function spawned([command, ...args]: string[]): Promise<{ code: number | null; ms: number; stdout: string; stderr: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ms: performance.now() - t0, stdout, stderr }));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'tjp-bench-consolidate-'));
  const { info, address, stop } = await startLibrary(path.join(work, 'library'));
  const fetchCa = trustedFetch(await readCa(info.ca));
  const stats = async (method: 'GET' | 'DELETE'): Promise<Stats> => {
    const r = await fetchCa(`${new URL(info.url).origin}/_library/stats`, { method, headers: { Authorization: `Bearer ${TOKEN}` } });
    return method === 'GET' ? ((await r.json()) as Stats) : { requests: 0, steps: 0, byRoute: {} };
  };
  try {
    console.log(`Tjänsteplan consolidation benchmark: ${AREAS} areas (figures only)`);
    console.log(`  node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown'} · ${info.url}`);
    console.log('');

    let t0 = performance.now();
    const files: string[] = [];
    for (let n = 1; n <= AREAS; n++) files.push(await writeArea(work, n));
    const frame = await writeFrame(work, AREAS);
    const generateMs = performance.now() - t0;

    t0 = performance.now();
    const library = await nodePlanLibrary({ url: address, token: TOKEN, caPath: info.ca });
    for (const file of files) {
      const bytes = await fs.readFile(file);
      const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.fromBytes(bytes, file));
      const prepared = await preparePublication(plan!, findings, approval, new Uint8Array(bytes));
      if (!prepared.ok) throw new Error(`${file}: ${prepared.message}`);
      const outcome = await library.publish(prepared.request);
      if (outcome.kind === 'conflict') throw new Error(`${file}: conflict`);
    }
    const publishMs = performance.now() - t0;
    console.log(`   (setup: ${AREAS} plans and a frame written in ${s(generateMs)}, published in ${s(publishMs)})`);

    // 1. From the library.
    const libraryArgs = ['consolidate', '--json', '--frame', frame, '--library', address, '--token', TOKEN, '--ca', info.ca];
    const libraryTimes: number[] = [];
    let counted: Stats | null = null;
    let libraryCity: unknown = null;
    for (let i = 0; i < RUNS; i++) {
      await stats('DELETE');
      const r = await run(libraryArgs);
      if (r.code !== 0 && r.code !== 1) throw new Error(`consolidate --library exited ${r.code}: ${r.stderr}`);
      libraryTimes.push(r.ms);
      counted = await stats('GET');
      libraryCity = (JSON.parse(r.stdout) as { city: unknown }).city;
    }
    const byRoute = counted!.byRoute;
    const listQueries = byRoute['GET listItems'] ?? 0;
    const batches = byRoute['POST batch'] ?? 0;
    const downloads = byRoute['GET download'] ?? 0;
    const otherGraph = Object.entries(byRoute)
      .filter(([k]) => !k.startsWith('step ') && !['GET listItems', 'POST batch', 'GET download'].includes(k))
      .reduce((sum, [, v]) => sum + v, 0);
    const graphRequests = listQueries + batches + otherGraph;
    const target = 1 + Math.ceil(AREAS / BATCH);
    console.log(`1. consolidate --library, ${AREAS} areas: ${s(median(libraryTimes))} median of ${RUNS} (${libraryTimes.map(s).join(', ')})`);
    console.log(
      `   Graph requests: ${graphRequests} = ${listQueries} list query + ${batches} batches${otherGraph ? ` + ${otherGraph} other` : ''} ` +
        `(target 1 + ⌈${AREAS}/${BATCH}⌉ = ${target}: ${graphRequests === target ? 'met' : 'MISSED'}); ${counted!.steps} batch steps; ` +
        `${downloads} pre-authenticated downloads outside Graph`,
    );

    // 2. From the files.
    const fileTimes: number[] = [];
    let filesCity: unknown = null;
    for (let i = 0; i < RUNS; i++) {
      const r = await run(['consolidate', '--json', '--frame', frame, ...files]);
      if (r.code !== 0 && r.code !== 1) throw new Error(`consolidate FILE… exited ${r.code}: ${r.stderr}`);
      fileTimes.push(r.ms);
      filesCity = (JSON.parse(r.stdout) as { city: unknown }).city;
    }
    // The floor: a fresh process that loads exceljs and the same files, nothing else (cold, like the command).
    const list = path.join(work, 'files.json');
    await fs.writeFile(list, JSON.stringify(files));
    const loader = `const E=require(${JSON.stringify(require.resolve('exceljs'))});(async()=>{for(const f of require(${JSON.stringify(list)}))await new E.Workbook().xlsx.readFile(f)})()`;
    const coldLoads: number[] = [];
    for (let i = 0; i < RUNS; i++) coldLoads.push((await spawned([process.execPath, '-e', loader])).ms);
    const warmLoads: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      for (const file of files) await new ExcelJS.Workbook().xlsx.readFile(file);
      warmLoads.push(performance.now() - t);
    }
    const ratio = median(fileTimes) / median(coldLoads);
    console.log(`2. consolidate of ${AREAS} files: ${s(median(fileTimes))} median of ${RUNS} (${fileTimes.map(s).join(', ')})`);
    console.log(`   bare exceljs loads of the same ${AREAS} files in a fresh process: ${s(median(coldLoads))} median (${coldLoads.map(s).join(', ')}); ratio ${ratio.toFixed(2)}`);
    console.log(`   (the same loads in this warmed-up process: ${s(median(warmLoads))} median)`);

    // Where the library run's time goes: its two reads, in this process.
    const reads: { list: number; snapshots: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const fresh = await nodePlanLibrary({ url: address, token: TOKEN, caPath: info.ca });
      let t = performance.now();
      const versions = await fresh.listVersions(PERIOD);
      const list = performance.now() - t;
      t = performance.now();
      await fresh.readSnapshots(versions);
      reads.push({ list, snapshots: performance.now() - t });
    }
    const listMs = median(reads.map((r) => r.list));
    const snapshotsMs = median(reads.map((r) => r.snapshots));
    console.log(`   of the library run: list query ${s(listMs)}, ${AREAS} snapshots (batches + downloads) ${s(snapshotsMs)}, medians in this process`);

    // 3. Starting the command.
    const startTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) startTimes.push((await run(['--version'])).ms);
    console.log(`3. starting the command (tjansteplan --version): ${s(median(startTimes))} median`);
    const same = JSON.stringify(libraryCity) === JSON.stringify(filesCity);
    console.log(`   library and files give the same city totals: ${same ? 'yes' : 'NO'}`);

    console.log('');
    console.log(
      JSON.stringify({
        areas: AREAS,
        libraryMs: Math.round(median(libraryTimes)),
        graphRequests,
        listQueries,
        batches,
        steps: counted!.steps,
        downloads,
        requestTarget: target,
        requestTargetMet: graphRequests === target,
        filesMs: Math.round(median(fileTimes)),
        bareLoadsMs: Math.round(median(coldLoads)),
        filesOverBareLoads: Number(ratio.toFixed(2)),
        warmBareLoadsMs: Math.round(median(warmLoads)),
        listMs: Math.round(listMs),
        snapshotsMs: Math.round(snapshotsMs),
        startMs: Math.round(median(startTimes)),
        sameCityTotals: same,
      }),
    );
  } finally {
    stop();
    await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
