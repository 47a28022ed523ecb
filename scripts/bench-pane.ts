/**
 * `npm run build && node dist/scripts/bench-pane.js`: the task pane's targets of docs/targets.md §1, measured and
 * printed (never asserted).
 *   a. reading and validating a plan through the real Office.js adapter (OfficeHost) over the Excel test
 *      host: round trips (`context.sync` calls that carry work; target ≤ 2 whatever the row count) and wall
 *      time, for plans of 100, 1 000 and 5 000 Initiativ rows built with the project's template code;
 *   b. the production bundle (dist/web, `npm run build:web`): the JavaScript taskpane.html loads at once,
 *      gzipped (target ≤ 200 KB), and the chunks it loads later on demand;
 *   c. the approved version kept in the workbook (its hidden Fastställd table): its size, the round trips
 *      to write it, and read + validate + compare on a workbook that keeps it (still ≤ 2 syncs);
 *   d. registering a decision (a Versionshantering row), co-authoring-safe: round trips per ExcelApi level,
 *      and whether TableRowCollection.add was needed (target 1 sync, no rows.add).
 * Ends with one JSON line holding every figure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createExcelTestHost, WorkbookModel } from '../src/simulators/excel';
import { approvalOf } from '../src/domain/approval';
import { parseVersionLabel } from '../src/domain/versions';
import { checkWorkbook } from '../src/workbook/checkPlan';
import { approvalTable } from '../src/workbook/contract/approvalTable';
import { TABLES } from '../src/workbook/contract/tables';
import { TableRowCollection } from '../src/simulators/excel/proxies/tableRows';
import { XlsxWorkbook } from '../src/workbook/file/xlsxWorkbook';
import { OfficeHost } from '../src/workbook/office/officeHost';
import { benchPlanWrites } from './bench/generate';
import { median } from './bench/stats';
import { fmtMs, textTable } from './bench/table';

const ROOT = path.resolve(__dirname, '..', '..');
const WEB = path.join(ROOT, 'dist', 'web');
const SIZES = [100, 1000, 5000] as const;
const RUNS = 5;
const TARGET = { syncs: 2, initialGzipKb: 200 };
const KB = 1024;

const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

interface ReadFigures {
  rows: number;
  /** Round trips of one read + validate (the same on every run). */
  syncs: number;
  /** Largest request and response of those round trips, in bytes. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  findings: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

/** A plan of `rows` Initiativ rows as .xlsx bytes: planTables (via the bench generator) → XlsxWorkbook. */
async function planBytes(rows: number): Promise<Uint8Array> {
  const file = new XlsxWorkbook();
  await file.createTables(benchPlanWrites(rows));
  return new Uint8Array(await file.toBuffer());
}

async function benchRead(rows: number): Promise<ReadFigures> {
  const model = await WorkbookModel.fromXlsx(await planBytes(rows));
  const host = createExcelTestHost(model);
  const office = new OfficeHost(host.run);
  // One warm-up (the model calculates its formulas once; the JIT warms up), then timed runs.
  await checkWorkbook(office);
  const times: number[] = [];
  const syncs = new Set<number>();
  let maxRequestBytes = 0;
  let maxResponseBytes = 0;
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    host.resetCounters();
    const t0 = performance.now();
    const check = await checkWorkbook(office);
    times.push(performance.now() - t0);
    syncs.add(host.syncCount);
    findings = check.findings.length;
    for (const r of host.requests) {
      maxRequestBytes = Math.max(maxRequestBytes, r.requestBytes);
      maxResponseBytes = Math.max(maxResponseBytes, r.responseBytes);
    }
  }
  if (syncs.size !== 1) throw new Error(`the sync count varied between runs: ${[...syncs].join(', ')}`);
  return {
    rows,
    syncs: [...syncs][0],
    maxRequestBytes,
    maxResponseBytes,
    findings,
    medianMs: round(median(times)),
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
    runs: RUNS,
  };
}

interface ApprovalFigures {
  rows: number;
  /** The record's size in the workbook (the Fastställd table's text), and the rows it takes. */
  recordKb: number;
  recordRows: number;
  /** Round trips and wall time to write the record (Fastställd registered or a version published). */
  writeSyncs: number;
  writeMs: number;
  /** Read + validate + compare with the record, on the workbook that keeps it. */
  checkSyncs: number;
  checkMedianMs: number;
}

/** Recording the approved version in the workbook, and checking a workbook that keeps one. */
async function benchApproval(rows: number): Promise<ApprovalFigures> {
  const host = createExcelTestHost(await WorkbookModel.fromXlsx(await planBytes(rows)));
  const office = new OfficeHost(host.run);
  const { plan } = await checkWorkbook(office);
  const entry = { row: 1, date: '2022-03-10', dateShown: '', label: parseVersionLabel('1.0'), labelShown: '1.0', description: '', changedBy: '', forum: 'BF' as const, decision: 'Fastställd' as const };
  const table = approvalTable(await approvalOf(plan!, entry));
  host.resetCounters();
  const t0 = performance.now();
  await office.writeHiddenTable(table);
  const writeMs = performance.now() - t0;
  const writeSyncs = host.syncCount;
  await checkWorkbook(office);
  const times: number[] = [];
  let checkSyncs = 0;
  for (let i = 0; i < RUNS; i++) {
    host.resetCounters();
    const t1 = performance.now();
    const check = await checkWorkbook(office);
    times.push(performance.now() - t1);
    checkSyncs = host.syncCount;
    if (!check.approval) throw new Error('the record written was not read back');
  }
  const chars = table.rows.reduce((n, r) => n + r.reduce<number>((m, v) => m + String(v ?? '').length, 0), 0);
  return {
    rows,
    recordKb: Math.round((chars / KB) * 10) / 10,
    recordRows: table.rows.length,
    writeSyncs,
    writeMs: round(writeMs),
    checkSyncs,
    checkMedianMs: round(median(times)),
  };
}

interface DecisionFigures {
  excelApi: string;
  syncs: number;
  rowsAdd: boolean;
}

/** One decision row appended through OfficeHost where Office reports the given ExcelApi level. */
async function benchDecision(excelApi: string): Promise<DecisionFigures> {
  const host = createExcelTestHost(await WorkbookModel.fromXlsx(await planBytes(100)), { excelApi });
  const restore = host.installGlobals();
  const add = TableRowCollection.prototype.add;
  let rowsAdd = false;
  TableRowCollection.prototype.add = function (...args: Parameters<typeof add>) {
    rowsAdd = true;
    return add.apply(this, args);
  };
  try {
    const row = [new Date('2022-03-10T00:00:00Z'), '1.0', 'Beslutad i BF', 'Jenny', 'BF', 'Fastställd'];
    await new OfficeHost(host.run).appendTableRows(TABLES.versions.name, [row]);
    return { excelApi, syncs: host.syncCount, rowsAdd };
  } finally {
    TableRowCollection.prototype.add = add;
    restore();
  }
}

interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function sizeOf(file: string): FileSize {
  const bytes = readFileSync(path.join(WEB, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/**
 * The pane's scripts: those taskpane.html names (loaded at once), and the chunks its webpack runtime can
 * load later — the runtime maps chunk ids to content hashes (`707:"f9b412ad"`), and a chunk's file is
 * `<id>.<hash>.js`. The workbench's own bundle and chunks are not the pane's and are left out.
 */
function benchBundle(): { initial: FileSize[]; lazy: FileSize[] } {
  const htmlPath = path.join(WEB, 'taskpane.html');
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: run \`npm run build:web\` first`);
  const html = readFileSync(htmlPath, 'utf8');
  const initialFiles = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))[^>]*>/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//.test(src))
    .map((src) => src.replace(/^\.?\//, ''));
  if (initialFiles.length === 0) throw new Error('taskpane.html names no local script');
  const onDisk = new Set(readdirSync(WEB).filter((f) => f.endsWith('.js')));
  const lazyFiles = new Set<string>();
  for (const file of initialFiles) {
    const source = readFileSync(path.join(WEB, file), 'utf8');
    for (const m of source.matchAll(/\b(\d+):"([0-9a-f]{8,})"/g)) {
      const chunk = `${m[1]}.${m[2]}.js`;
      if (onDisk.has(chunk) && !initialFiles.includes(chunk)) lazyFiles.add(chunk);
    }
  }
  return { initial: initialFiles.map(sizeOf), lazy: [...lazyFiles].sort().map(sizeOf) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const kb = (bytes: number) => (bytes / KB).toFixed(1);

async function main() {
  console.log('Tjänsteplan task pane benchmarks (figures only; nothing here passes or fails a build)');
  console.log('');

  // a. Read + validate through OfficeHost over the Excel test host.
  const reads: ReadFigures[] = [];
  for (const rows of SIZES) reads.push(await benchRead(rows));
  console.log(`a. Read + validate a plan through OfficeHost over the Excel test host (median of ${RUNS} runs after a warm-up)`);
  console.log(
    textTable(
      ['rows', 'syncs', 'target', 'ms (median)', 'min', 'max', 'largest request', 'largest response', 'findings'],
      reads.map((r) => [
        String(r.rows),
        String(r.syncs),
        `≤ ${TARGET.syncs} ${verdict(r.syncs <= TARGET.syncs)}`,
        fmtMs(r.medianMs),
        fmtMs(r.minMs),
        fmtMs(r.maxMs),
        `${kb(r.maxRequestBytes)} KB`,
        `${kb(r.maxResponseBytes)} KB`,
        String(r.findings),
      ]),
      ['right', 'right', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  const constant = new Set(reads.map((r) => r.syncs)).size === 1;
  console.log(`   syncs independent of row count: ${constant ? 'yes' : 'NO'}`);
  console.log('');

  // b. The production bundle.
  const bundle = benchBundle();
  const initialGzip = bundle.initial.reduce((n, f) => n + f.gzipBytes, 0);
  const initialRaw = bundle.initial.reduce((n, f) => n + f.bytes, 0);
  const lazyGzip = bundle.lazy.reduce((n, f) => n + f.gzipBytes, 0);
  console.log('b. Task pane production bundle (dist/web; gzip -9)');
  console.log(
    textTable(
      ['loaded', 'file', 'minified', 'gzip'],
      [
        ...bundle.initial.map((f) => ['at once', f.file, `${kb(f.bytes)} KB`, `${kb(f.gzipBytes)} KB`]),
        ...bundle.lazy.map((f) => ['on demand', f.file, `${kb(f.bytes)} KB`, `${kb(f.gzipBytes)} KB`]),
      ],
      ['left', 'left', 'right', 'right'],
    ),
  );
  const bundleOk = initialGzip <= TARGET.initialGzipKb * KB;
  console.log(`   initial JavaScript: ${kb(initialGzip)} KB gzip (target ≤ ${TARGET.initialGzipKb} KB: ${verdict(bundleOk)}); on demand: ${kb(lazyGzip)} KB gzip in ${bundle.lazy.length} chunks`);
  console.log('');

  // c. The approved version kept in the workbook.
  const approvals: ApprovalFigures[] = [];
  for (const rows of SIZES) approvals.push(await benchApproval(rows));
  console.log(`c. The approved version kept in the workbook: writing the record, then read + validate + compare (median of ${RUNS})`);
  console.log(
    textTable(
      ['rows', 'record', 'table rows', 'write syncs', 'write ms', 'check syncs', 'target', 'check ms'],
      approvals.map((a) => [
        String(a.rows),
        `${a.recordKb.toFixed(1)} KB`,
        String(a.recordRows),
        String(a.writeSyncs),
        fmtMs(a.writeMs),
        String(a.checkSyncs),
        `≤ ${TARGET.syncs} ${verdict(a.checkSyncs <= TARGET.syncs)}`,
        fmtMs(a.checkMedianMs),
      ]),
      ['right', 'right', 'right', 'right', 'right', 'right', 'left', 'right'],
    ),
  );
  console.log('');

  // d. Registering a decision.
  const decisions: DecisionFigures[] = [];
  for (const api of ['1.7', '1.13']) decisions.push(await benchDecision(api));
  console.log('d. Registering a decision (a Versionshantering row, co-authoring-safe: no TableRowCollection.add)');
  console.log(
    textTable(
      ['ExcelApi', 'how', 'syncs', 'target', 'rows.add'],
      decisions.map((d) => [d.excelApi, d.excelApi === '1.7' ? 'values below the table' : 'Table.resize + values', String(d.syncs), `1 ${verdict(d.syncs === 1 && !d.rowsAdd)}`, d.rowsAdd ? 'used' : 'not used']),
      ['left', 'left', 'right', 'left', 'left'],
    ),
  );
  console.log('');

  console.log(
    JSON.stringify({
      benchPane: {
        read: reads.map((r) => ({ ...r, met: r.syncs <= TARGET.syncs })),
        syncsConstant: constant,
        approval: approvals.map((a) => ({ ...a, met: a.checkSyncs <= TARGET.syncs })),
        decision: decisions.map((d) => ({ ...d, met: d.syncs === 1 && !d.rowsAdd })),
        bundle: {
          initialGzipBytes: initialGzip,
          initialBytes: initialRaw,
          initial: bundle.initial,
          lazyGzipBytes: lazyGzip,
          lazy: bundle.lazy,
          met: bundleOk,
        },
        targets: TARGET,
      },
    }),
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
