/**
 * `node dist/scripts/bench-publish.js` (after `npm run build`): publishing figures against the local library,
 * printed, never asserted (docs/targets.md §1: one PUT below 4 MB, a resumable session in 320 KiB-multiple chunks above).
 *   1. HTTP requests for one publish of a small plan (target ≤ 3 plus retries), counted at the client;
 *   2. throughput of a 10 MB upload through the upload session, in MB/s (median of a few runs);
 *   3. the consolidation reads: requests for listVersions and for readSnapshots of 45 versions.
 * Ends with one JSON line holding every figure.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { staticTokenProvider } from '../src/publish/auth/tokenProvider';
import { createGraphClient } from '../src/publish/graph/client';
import { GraphPlanLibrary } from '../src/publish/graph/graphLibrary';
import { sha256Hex } from '../src/publish/hash';
import { parseLibraryUrl } from '../src/publish/libraryUrl';
import { readCa, trustedFetch } from '../src/publish/node/trustedFetch';
import { publishedFileName, type PublishRequest } from '../src/publish/planLibrary';
import { preparePublication } from '../src/publish/prepare';
import { checkWorkbook } from '../src/workbook/checkPlan';
import { XlsxWorkbook } from '../src/workbook/file/xlsxWorkbook';
import { startLibrary, TOKEN } from './bench/library';

const ROOT = path.resolve(__dirname, '..', '..');
// Ekonomi's plan whose newest history row approves it (1.0, PF): a version the workbook shows as approved.
const SMALL = path.join(ROOT, 'test', 'fixtures', 'broken', '00-grund-utan-fel.xlsx');
const LARGE_BYTES = 10 * 1024 * 1024;
const LARGE_RUNS = 3;



/** The small plan's request under another version label or area (each publish needs a new name). */
function relabel(base: PublishRequest, version: string, file = base.file, fileSha256 = base.fileSha256, area = base.fields.Tjansteomrade): PublishRequest {
  const fields = { ...base.fields, Version: version, Tjansteomrade: area };
  return { ...base, fields, file, fileSha256, fileName: publishedFileName(fields.Tjansteomrade, fields.Planperiod, version), snapshot: { ...base.snapshot, version, fileSha256 } };
}

async function main() {
  const { info, stop } = await startLibrary(mkdtempSync(path.join(os.tmpdir(), 'tjp-bench-')));
  try {
    let count = 0;
    let downloads = 0;
    const { graphUrl, location } = parseLibraryUrl(`${info.url}/sites/${info.siteId}/drives/${info.driveId}/lists/${info.listId}`);
    const client = createGraphClient({ url: graphUrl, tokens: staticTokenProvider(TOKEN), fetch: trustedFetch(await readCa(info.ca)), observe: (_m, url) => (new URL(url).pathname.startsWith('/v1.0/') ? count++ : downloads++) });
    const library = new GraphPlanLibrary(client, location);

    const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.open(SMALL));
    const prepared = await preparePublication(plan!, findings, approval, new Uint8Array(await fs.readFile(SMALL)));
    if (!prepared.ok) throw new Error(prepared.message);
    const base = prepared.request;

    console.log('Tjänsteplan publishing benchmark against the local library (figures only)');
    console.log(`  node ${process.version} · ${os.cpus()[0]?.model.trim() ?? 'unknown'} · ${info.url}`);
    console.log('');

    count = downloads = 0;
    await library.publish(relabel(base, '1.0'));
    const smallRequests = count + downloads;
    count = downloads = 0;
    await library.publish(relabel(base, '1.0'));
    const againRequests = count + downloads;
    console.log(`1. small plan (${(base.file.byteLength / 1024).toFixed(1)} KiB): ${smallRequests} HTTP requests per publish (target ≤ 3 + retries)`);
    console.log(`   the same version again (no-op): ${againRequests} requests`);

    const rates: number[] = [];
    let largeRequests = 0;
    for (let run = 0; run < LARGE_RUNS; run++) {
      const bytes = new Uint8Array(randomBytes(LARGE_BYTES));
      const request = relabel(base, `${10 + run}.0`, bytes, await sha256Hex(bytes));
      count = downloads = 0;
      const t0 = performance.now();
      await library.publish(request);
      const seconds = (performance.now() - t0) / 1000;
      largeRequests = count + downloads;
      rates.push(LARGE_BYTES / 1e6 / seconds);
    }
    rates.sort((a, b) => a - b);
    const mbps = rates[Math.floor(rates.length / 2)];
    console.log(`2. 10 MB file through the upload session: ${mbps.toFixed(1)} MB/s median of ${LARGE_RUNS} (${rates.map((r) => r.toFixed(1)).join(', ')}), ${largeRequests} requests`);

    for (let i = 0; i < 45; i++) await library.publish(relabel(base, '1.0', base.file, base.fileSha256, `Område ${i}`));
    count = downloads = 0;
    const versions = await library.listVersions(base.fields.Planperiod);
    const listRequests = count;
    const sample = versions.filter((v) => v.fields.Tjansteomrade.startsWith('Område')).slice(0, 45);
    count = 0;
    downloads = 0;
    await library.readSnapshots(sample);
    const batchRequests = count;
    const snapshotDownloads = downloads;
    console.log(`3. listVersions: ${listRequests} Graph request (${versions.length} versions); readSnapshots of ${sample.length}: ${batchRequests} Graph $batch requests (target ⌈45/20⌉ = 3)`);
    console.log(`   plus ${snapshotDownloads} pre-authenticated downloads: Graph answers a batched /content with 302, as the library does`);

    console.log('');
    console.log(JSON.stringify({ smallRequests, againRequests, largeMBps: Number(mbps.toFixed(2)), largeRequests, listRequests, batchRequests, snapshotDownloads }));
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
