/**
 * `node dist/scripts/bench-library.js` (after `npm run build`): the local library under load (issue 15.6),
 * figures printed, never asserted. A data folder is seeded with 2 500 folders (5 periods × 500 areas, two
 * versions each: 5 000 files with their columns), then the built command serves it in its own process and
 *   1. quiet: one request at a time — uploads (simple PUT of a new 20 KiB file: the per-write figure),
 *      downloads through the signed file origin, authenticated Graph GETs, views of the reviewers' page;
 *   2. for LOAD_SECONDS, upload and download workers at once, and one Graph GET at a time beside them;
 *   3. the same with page-view workers too: the Graph GET's latency there is what a publisher sees while
 *      reviewers read (it must not wait for the page);
 * with p50/p95/max per kind, requests/s, and the library process's resident memory (Linux /proc).
 * `TJP_BENCH_LIBRARY_BIN=/other/checkout/bin/tjansteplan.js` runs another build's library on the same seed
 * (the figures before a change). Ends with one JSON line holding every figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, promises as fs, readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { newItem } from '../src/simulators/library/placement';
import { quickXorHash } from '../src/simulators/library/quickXorHash';
import { Store } from '../src/simulators/library/store';
import { BIN, TOKEN, type LibraryInfo } from './bench/library';

const PERIODS = ['2018–2020', '2020–2022', '2022–2024', '2024–2026', '2026–2028'];
const AREAS = 500;
const VERSIONS = ['1.0', '1.1'];
const FILE_BYTES = 20 * 1024;
const QUIET_RUNS = 25;
const QUIET_PAGES = 2;
const LOAD_SECONDS = 15;
const WORKERS = { upload: 4, download: 4, page: 2 };
const PROBE_GAP_MS = 50;

type Kind = 'upload' | 'download' | 'graph' | 'page';

interface Seeded {
  dir: string;
  folders: string[];
  files: string[];
  items: number;
  stateBytes: number;
}

/** The seed goes straight into a data folder (through the store, as the library keeps it), not over HTTP. */
async function seed(): Promise<Seeded> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tjp-bench-library-'));
  const now = new Date('2026-03-01T10:00:00Z');
  const content = randomBytes(FILE_BYTES);
  const hash = quickXorHash(content);
  let store = await Store.open(dir, () => now);
  const blobs: string[] = [];
  const { folders, files } = await store.transact((d) => {
    const folders: string[] = [];
    const files: string[] = [];
    for (const period of PERIODS) {
      const p = newItem(d, d.rootId, period, true, now);
      for (let a = 1; a <= AREAS; a++) {
        const area = `Område ${String(a).padStart(3, '0')}`;
        const f = newItem(d, p.id, area, true, now);
        folders.push(f.id);
        for (const version of VERSIONS) {
          const blob = `${randomBytes(12).toString('hex')}.bin`;
          blobs.push(blob);
          const item = newItem(d, f.id, `${area} ${period} v${version}.xlsx`, false, now);
          Object.assign(item, { blob, size: content.length, quickXorHash: hash, fields: { Tjansteomrade: area, Planperiod: period, Version: version, Forum: 'PF', Beslut: 'Fastställd', Beslutsdatum: '2026-02-01' } });
          files.push(item.id);
        }
      }
    }
    return { folders, files };
  });
  // Contents need not be durable for a benchmark's seed: written plainly, before the store opens again.
  for (const blob of blobs) await fs.writeFile(store.blobPath(blob), content, { mode: 0o600 });
  await store.close();
  store = await Store.open(dir, () => now); // folds the seed into library.json
  const items = Object.keys(store.state.items).length;
  await store.close();
  return { dir, folders, files, items, stateBytes: (await fs.stat(path.join(dir, 'library.json'))).size };
}

interface Child {
  info: LibraryInfo;
  child: ChildProcess;
  startMs: number;
}

async function start(dir: string): Promise<Child> {
  const bin = process.env.TJP_BENCH_LIBRARY_BIN ?? BIN;
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'library', '--port', '0', '--data', dir, '--token', TOKEN], { stdio: ['ignore', 'pipe', 'ignore'] });
  const info = await new Promise<Child['info']>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as Child['info']);
    });
    child.once('exit', (code) => reject(new Error(`the library exited (${code})`)));
  });
  return { info, child, startMs: performance.now() - t0 };
}

interface Answer {
  status: number;
  body: Buffer;
  ms: number;
}

function requester(ca: string) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 32, ca: [...tls.rootCertificates, ca] });
  return (method: string, url: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = https.request(url, { method, agent, headers: body ? { ...headers, 'Content-Length': String(body.length) } : headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - t0 }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

/** Resident memory of a process in MiB (now and its peak), from /proc; null elsewhere. */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Figures {
  n: number;
  p50: number;
  p95: number;
  max: number;
  perSecond?: number;
}

function figures(times: readonly number[], seconds?: number): Figures {
  const s = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), max: r(s[s.length - 1] ?? NaN), ...(seconds ? { perSecond: r(s.length / seconds) } : {}) };
}

const line = (label: string, f: Figures) =>
  `   ${label.padEnd(34)} n=${String(f.n).padStart(5)}  p50 ${String(f.p50).padStart(8)} ms  p95 ${String(f.p95).padStart(8)} ms  max ${String(f.max).padStart(8)} ms${f.perSecond !== undefined ? `  ${f.perSecond} req/s` : ''}`;

async function main() {
  const t0 = performance.now();
  const seeded = await seed();
  const seedSeconds = (performance.now() - t0) / 1000;
  const lib = await start(seeded.dir);
  try {
    await run(lib, seeded, seedSeconds);
  } finally {
    lib.child.kill('SIGTERM');
    await new Promise((r) => lib.child.once('exit', r));
    await fs.rm(seeded.dir, { recursive: true, force: true });
  }
}

async function run(lib: Child, seeded: Seeded, seedSeconds: number) {
  const { info } = lib;
  const pid = lib.child.pid!;
  const request = requester(await fs.readFile(info.ca, 'utf8'));
  const auth = { Authorization: `Bearer ${TOKEN}` };
  const drive = `${info.url}/drives/${encodeURIComponent(info.driveId)}`;
  const page = `${new URL(info.url).origin}/`;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];
  let uploads = 0;
  const check = (a: Answer, what: string, ok: number[]) => {
    if (!ok.includes(a.status)) throw new Error(`${what}: ${a.status} ${a.body.toString('utf8').slice(0, 200)}`);
    return a;
  };
  const upload = async () => {
    const name = `Last ${process.pid}-${uploads++}.xlsx`;
    return check(await request('PUT', `${drive}/items/${pick(seeded.folders)}:/${encodeURIComponent(name)}:/content`, auth, randomBytes(FILE_BYTES)), 'upload', [201]).ms;
  };
  const probe = async () => check(await request('GET', `${drive}/items/${pick(seeded.files)}`, auth), 'graph', [200]).ms;
  const view = async () => check(await request('GET', page), 'page', [200]).ms;
  // Signed download URLs (an hour's validity), as the reviewers' page and the publisher get them.
  const urls: string[] = [];
  for (let i = 0; i < 50; i++) {
    const a = check(await request('GET', `${drive}/items/${pick(seeded.files)}`, auth), 'downloadUrl', [200]);
    urls.push((JSON.parse(a.body.toString('utf8')) as Record<string, string>)['@microsoft.graph.downloadUrl']);
  }
  const download = async () => {
    const a = check(await request('GET', pick(urls)), 'download', [200]);
    if (a.body.length !== FILE_BYTES) throw new Error(`download: ${a.body.length} bytes`);
    return a.ms;
  };

  console.log('Tjänsteplan local library under load (figures only)');
  console.log(`  node ${process.version} · ${os.cpus()[0]?.model.trim() ?? 'unknown'} ×${os.cpus().length} · ${process.env.TJP_BENCH_LIBRARY_BIN ?? 'this build'}`);
  console.log(`  seed: ${seeded.folders.length} folders, ${seeded.files.length} files (${seeded.items} items), library.json ${(seeded.stateBytes / 1e6).toFixed(1)} MB, made in ${seedSeconds.toFixed(1)} s`);
  const started = memoryOf(pid);
  console.log(`  library started in ${Math.round(lib.startMs)} ms; resident ${started ? `${started.rss.toFixed(0)} MiB` : 'n/a'}`);
  console.log('');

  const quiet: Record<Kind, number[]> = { upload: [], download: [], graph: [], page: [] };
  for (let i = 0; i < QUIET_RUNS; i++) {
    quiet.upload.push(await upload());
    quiet.download.push(await download());
    quiet.graph.push(await probe());
  }
  for (let i = 0; i < QUIET_PAGES; i++) quiet.page.push(await view());
  const quietFigures = Object.fromEntries(Object.entries(quiet).map(([k, v]) => [k, figures(v)])) as Record<Kind, Figures>;
  console.log('1. quiet, one request at a time');
  console.log(line('upload (PUT 20 KiB, new file)', quietFigures.upload));
  console.log(line('download (signed file origin)', quietFigures.download));
  console.log(line('Graph GET item (authenticated)', quietFigures.graph));
  console.log(line("reviewers' page GET /", quietFigures.page));
  console.log('');

  let peakSampled = 0;
  const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, memoryOf(pid)?.rss ?? 0)), 200).unref();
  /** Workers of each kind, each one request at a time, for LOAD_SECONDS (a request under way ends first). */
  const underLoad = async (workers: Partial<Record<Kind, number>>) => {
    const times: Record<Kind, number[]> = { upload: [], download: [], graph: [], page: [] };
    const end = performance.now() + LOAD_SECONDS * 1000;
    const loop = async (kind: Kind, fn: () => Promise<number>, gapMs = 0) => {
      while (performance.now() < end) {
        times[kind].push(await fn());
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    };
    const fns: Record<Kind, () => Promise<number>> = { upload, download, page: view, graph: probe };
    const t = performance.now();
    await Promise.all([
      ...Object.entries(workers).flatMap(([kind, n]) => Array.from({ length: n }, () => loop(kind as Kind, fns[kind as Kind]))),
      loop('graph', probe, PROBE_GAP_MS),
    ]);
    const seconds = (performance.now() - t) / 1000;
    return { seconds, f: Object.fromEntries(Object.entries(times).flatMap(([k, v]) => (v.length > 0 ? [[k, figures(v, seconds)]] : []))) as Record<Kind, Figures> };
  };

  const { upload: u, download: d, page: p } = WORKERS;
  const writes = await underLoad({ upload: u, download: d });
  console.log(`2. ${writes.seconds.toFixed(1)} s of ${u} uploaders and ${d} downloaders at once, and 1 Graph GET at a time every ${PROBE_GAP_MS} ms`);
  console.log(line('upload (PUT 20 KiB, new file)', writes.f.upload));
  console.log(line('download (signed file origin)', writes.f.download));
  console.log(line('Graph GET item beside them', writes.f.graph));
  console.log('');
  const all = await underLoad(WORKERS);
  clearInterval(sampler);
  console.log(`3. ${all.seconds.toFixed(1)} s of the same with ${p} page viewers (GET / one after another each)`);
  console.log(line('upload (PUT 20 KiB, new file)', all.f.upload));
  console.log(line('download (signed file origin)', all.f.download));
  console.log(line("reviewers' page GET /", all.f.page));
  console.log(line('Graph GET item beside them', all.f.graph));
  const memory = memoryOf(pid);
  const journal = await fs.stat(path.join(seeded.dir, 'journal.jsonl')).then((s) => s.size, () => null);
  console.log(`   library resident memory: peak ${memory ? `${memory.peak.toFixed(0)} MiB (VmHWM), ${peakSampled.toFixed(0)} MiB sampled under load, ${memory.rss.toFixed(0)} MiB at the end` : 'n/a'}`);
  console.log(`   on disk after ${uploads} uploads: journal ${journal === null ? 'none' : `${(journal / 1e3).toFixed(0)} kB`}, library.json ${((await fs.stat(path.join(seeded.dir, 'library.json'))).size / 1e6).toFixed(1)} MB`);
  console.log('');
  console.log(
    JSON.stringify({
      items: seeded.items,
      startMs: Math.round(lib.startMs),
      quiet: quietFigures,
      writes: writes.f,
      all: all.f,
      peakRssMiB: memory ? Math.round(memory.peak) : null,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
