/**
 * `node dist/scripts/bench-reviewers.js [FOLDERS]` (after `npm run build`): the reviewers' page of the local
 * library with many folders, printed, never asserted (issue 15 item 6: the page must come in bounded time
 * and must not hold up Graph requests).
 *   1. a data folder with FOLDERS (default 2 500) period folders, each holding one approved plan version
 *      (the .xlsx with its columns and its .json snapshot beside it), made directly in the store;
 *   2. the built library started on it (`tjansteplan library`, its own process, as a user starts it);
 *   3. `GET /` alone (median of a few runs, bytes), then an authenticated Graph request alone, then the same
 *      Graph request sent while `GET /` is being answered: how long the page holds it up;
 *   4. a version's own page (`/_library/v/<id>`), which reads its snapshot and the previous approved one.
 * Ends with one JSON line holding every figure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SNAPSHOT_SCHEMA, type PlanSnapshot } from '../src/domain/snapshot';
import { newItem } from '../src/simulators/library/placement';
import { quickXorHash } from '../src/simulators/library/quickXorHash';
import { Store } from '../src/simulators/library/store';
import { median } from './bench/stats';
import { startLibrary, TOKEN } from './bench/library';

const FOLDERS = Number(process.argv[2] ?? 2500);
const RUNS = 5;
const YEARS = [2025, 2026, 2027];

function snapshot(area: string, version: string): PlanSnapshot {
  const initiatives = Array.from({ length: 12 }, (_, i) => ({ row: i + 1, nr: String(i + 1), name: `Initiativ ${i + 1}`, development: YEARS.map((y) => 100 * (i + 1) + y - 2025), maintenance: YEARS.map(() => 10 * i), comment: '', isStatedSum: false }));
  const totals = Object.fromEntries(YEARS.map((y, k) => [String(y), { development: initiatives.reduce((s, r) => s + r.development[k], 0), maintenance: initiatives.reduce((s, r) => s + r.maintenance[k], 0), frame: 10_000 }]));
  return {
    schema: SNAPSHOT_SCHEMA,
    area,
    period: '2025–2027',
    years: YEARS,
    version,
    forum: 'PF',
    decision: 'Fastställd',
    decisionDate: '2025-03-01',
    totals,
    initiatives,
    frame: YEARS.map((year) => ({ year, development: 10_000, operations: 50_000 })),
    versions: [{ row: 1, date: '2025-03-01', dateShown: '2025-03-01', labelShown: version, description: 'Fastställd', changedBy: 'Bench', forum: 'PF', decision: 'Fastställd' }],
    findings: [],
    fingerprint: '0'.repeat(64),
    fileSha256: '1'.repeat(64),
  };
}

async function makeData(dir: string): Promise<void> {
  const store = await Store.open(dir);
  const json = Buffer.from(JSON.stringify(snapshot('Område', '1.0')));
  const xlsx = Buffer.from('not really a workbook');
  const blobs = { json: await store.writeBlob(json), xlsx: await store.writeBlob(xlsx) };
  await store.transact((d) => {
    const now = new Date();
    for (let i = 0; i < FOLDERS; i++) {
      const name = `${String(i).padStart(4, '0')} 2025–2027`;
      const area = `Område ${i}`;
      const folder = newItem(d, d.rootId, name, true, now);
      const file = newItem(d, folder.id, `${area} 2025–2027 v1.0.xlsx`, false, now);
      Object.assign(file, { blob: blobs.xlsx, size: xlsx.length, quickXorHash: quickXorHash(xlsx), fields: { Tjansteomrade: area, Planperiod: '2025–2027', Version: '1.0', Forum: 'PF', Beslut: 'Fastställd', Beslutsdatum: '2025-03-01T00:00:00Z' } });
      const snap = newItem(d, folder.id, `${area} 2025–2027 v1.0.json`, false, now);
      Object.assign(snap, { blob: blobs.json, size: json.length, quickXorHash: quickXorHash(json) });
    }
  });
  await store.close();
}

interface Answer {
  status: number;
  bytes: number;
  ms: number;
  body: string;
}

function get(ca: Buffer, url: string, token?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, agent: false, headers: token ? { Authorization: `Bearer ${token}` } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: body.length, ms: performance.now() - started, body: body.toString('utf8') });
      });
    });
    req.on('error', reject);
  });
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tjp-bench-reviewers-'));
  try {
    const t = performance.now();
    await makeData(dir);
    const made = performance.now() - t;
    const lib = await startLibrary(dir);
    try {
      const ca = readFileSync(lib.info.ca);
      const origin = new URL(lib.info.url).origin;
      const graphUrl = `${lib.info.url}/sites/${encodeURIComponent(lib.info.siteId)}`;
      console.log(`Tjänsteplan reviewers' page benchmark, ${FOLDERS} folders (figures only)`);
      console.log(`  node ${process.version} · ${os.cpus()[0]?.model.trim() ?? 'unknown'} · data made in ${ms(made)}`);
      console.log('');

      await get(ca, `${origin}/`);
      const page: Answer[] = [];
      for (let i = 0; i < RUNS; i++) page.push(await get(ca, `${origin}/`));
      const pageMs = median(page.map((a) => a.ms));
      console.log(`GET / alone:                  ${ms(pageMs)} (median of ${RUNS}; ${page[0].status}, ${(page[0].bytes / 1024).toFixed(0)} kB)`);

      const alone: number[] = [];
      for (let i = 0; i < RUNS; i++) alone.push((await get(ca, graphUrl, TOKEN)).ms);
      console.log(`Graph GET /sites/{id} alone:  ${ms(median(alone))}`);

      const held: number[] = [];
      const pageMeanwhile: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const p = get(ca, `${origin}/`);
        // Let the page's request reach the library first, as a reviewer's click before the pane's sync.
        await new Promise((r) => setTimeout(r, 5));
        const g = await get(ca, graphUrl, TOKEN);
        held.push(g.ms);
        pageMeanwhile.push((await p).ms);
      }
      console.log(`Graph GET during GET /:       ${ms(median(held))} (max ${ms(Math.max(...held))}; the page meanwhile ${ms(median(pageMeanwhile))})`);

      // A version's own page, when the library serves one (the first plan row's link).
      const link = /href="(\/_library\/v\/[^"]+)"/.exec(page[0].body)?.[1];
      let versionMs: number | null = null;
      if (link) {
        const v: number[] = [];
        for (let i = 0; i < RUNS; i++) v.push((await get(ca, `${origin}${link.replace(/&amp;/g, '&')}`)).ms);
        versionMs = median(v);
        console.log(`GET ${link.slice(0, 14)}…:        ${ms(versionMs)}`);
      } else console.log('version page:                 none (the page links no version page)');

      console.log('');
      console.log(JSON.stringify({ folders: FOLDERS, pageMs, pageBytes: page[0].bytes, graphAloneMs: median(alone), graphDuringPageMs: median(held), graphDuringPageMaxMs: Math.max(...held), versionPageMs: versionMs }));
    } finally {
      lib.stop();
      // Its lock file and state go with the folder: give the process a moment to let go of them.
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
