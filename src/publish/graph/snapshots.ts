/**
 * The JSON snapshot beside each published workbook: written once like the file, read back for consolidation
 * in JSON batches of at most 20 steps (Graph answers 400 above that), so n snapshots cost ⌈n/20⌉ Graph
 * requests. Graph answers a batched `/content` step with 302 and a pre-authenticated download URL (the local
 * library does the same), so the bytes themselves come from those URLs, a few at a time, outside Graph.
 * Batch steps carry version-relative URLs (`/drives/…`): the SDK's BatchRequestContent would keep `/v1.0` in
 * absolute ones and Graph answers such a step with 400, so the batch body is built here.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { PlanSnapshot } from '../../domain/snapshot';
import { parsePlanSnapshot } from '../../domain/snapshotSchema';
import { fileNameOf, snapshotFileName, type PublishedVersion } from '../planLibrary';
import { isRetryableStatus, parseRetryAfter, retryDelay, type RetryPolicy } from '../retry';
import { LibraryUnavailable } from '../errors';
import { explain } from './errors';
import { downloadBytes, readText } from './existing';
import { itemByPath } from './paths';
import { uploadFile, type UploadOptions } from './upload';

export const BATCH_LIMIT = 20;

export type SnapshotWrite = 'created' | 'same' | 'other';

/** Writes the snapshot unless one is there; one that is there is ours when it names the same file hash. */
export async function writeSnapshot(client: Client, driveId: string, folder: string, fileName: string, snapshot: PlanSnapshot, o: UploadOptions): Promise<SnapshotWrite> {
  const name = snapshotFileName(fileName);
  const bytes = new TextEncoder().encode(JSON.stringify(snapshot, null, 1));
  const up = await uploadFile(client, { driveId, folder, name, contentType: 'application/json' }, bytes, { policy: o.policy });
  if (up.kind === 'created') return 'created';
  const there = parseSnapshot(await readText(client, driveId, folder, name));
  return there?.fileSha256 === snapshot.fileSha256 ? 'same' : 'other';
}

export function parseSnapshot(text: string): PlanSnapshot | null {
  try {
    const s = JSON.parse(text) as PlanSnapshot;
    return typeof s === 'object' && s !== null && typeof s.fileSha256 === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** The snapshot of a listed version, found by the layout: `<period>/<area> <period> v<version>.json`. */
export function snapshotPath(driveId: string, v: PublishedVersion): string {
  const xlsx = fileNameOf(v.fields);
  return `${itemByPath(driveId, v.fields.Planperiod, snapshotFileName(xlsx))}:/content`;
}

interface BatchStepResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export async function readSnapshotsInBatches(client: Client, driveId: string, versions: readonly PublishedVersion[], policy: RetryPolicy): Promise<PlanSnapshot[]> {
  const out: (PlanSnapshot | undefined)[] = new Array(versions.length);
  for (let start = 0; start < versions.length; start += BATCH_LIMIT) {
    const ids = versions.slice(start, start + BATCH_LIMIT).map((_, i) => start + i);
    await readBatch(client, driveId, versions, ids, out, policy);
  }
  return out as PlanSnapshot[];
}

/** One batch; steps throttled inside it (a step's own 429/503) go again in a smaller batch after the wait. */
async function readBatch(client: Client, driveId: string, versions: readonly PublishedVersion[], ids: number[], out: (PlanSnapshot | undefined)[], policy: RetryPolicy) {
  let pending = ids;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const requests = pending.map((i) => ({ id: String(i), method: 'GET', url: snapshotPath(driveId, versions[i]) }));
    let answer: { responses?: BatchStepResponse[] };
    try {
      answer = (await client.api('/$batch').post({ requests })) as { responses?: BatchStepResponse[] };
    } catch (e) {
      throw explain(e, 'läsningen av ögonblicksbilder');
    }
    const again: number[] = [];
    const downloads: { i: number; location: string }[] = [];
    let wait = 0;
    for (const r of answer.responses ?? []) {
      const i = Number(r.id);
      const location = r.headers?.Location ?? r.headers?.location;
      if (r.status >= 200 && r.status < 300) out[i] = snapshotFromBody(r.body, versions[i]);
      else if (r.status === 302 && location) downloads.push({ i, location });
      else if (isRetryableStatus(r.status)) {
        again.push(i);
        wait = Math.max(wait, parseRetryAfter(r.headers?.['Retry-After'], policy.clock.now()) ?? 0);
      } else throw new Error(`ögonblicksbilden för ${label(versions[i])} kunde inte läsas (${r.status})`);
    }
    await inParallel(downloads, DOWNLOADS_AT_ONCE, async ({ i, location }) => {
      out[i] = await followDownload(client, location, versions[i]);
    });
    for (const i of pending) if (out[i] === undefined && !again.includes(i)) throw new Error(`svar saknas för ${label(versions[i])}`);
    if (again.length === 0) return;
    const delay = retryDelay(attempt, wait || null, policy);
    if (delay === null) throw new LibraryUnavailable(`läsningen av ögonblicksbilder: biblioteket svarar inte`);
    await policy.clock.sleep(delay);
    pending = again;
  }
}

function label(v: PublishedVersion): string {
  return `${v.fields.Tjansteomrade} ${v.fields.Planperiod} v${v.fields.Version}`;
}

/** A step's body: parsed JSON, JSON text, or (for content Graph does not see as JSON) base64; checked against the schema. */
function snapshotFromBody(body: unknown, v: PublishedVersion): PlanSnapshot {
  const parsed = parsePlanSnapshot(typeof body === 'string' ? jsonOf(body) : body);
  if (parsed.ok) return parsed.snapshot;
  throw new Error(`ögonblicksbilden för ${label(v)} är inte läsbar: ${parsed.reason}`);
}

function jsonOf(text: string): unknown {
  for (const decode of [(t: string) => t, (t: string) => new TextDecoder().decode(Uint8Array.from(atob(t), (c) => c.charCodeAt(0)))]) {
    try {
      return JSON.parse(decode(text));
    } catch {
      // Not this encoding: try the next.
    }
  }
  return undefined;
}

/** Download URLs are not Graph (no throttling budget, no batching): a few at a time keeps the wait short. */
const DOWNLOADS_AT_ONCE = 8;

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Graph answers a batched `/content` with 302 to a pre-authenticated download URL; that one is fetched alone, without a token. */
async function followDownload(client: Client, location: string, v: PublishedVersion): Promise<PlanSnapshot> {
  try {
    return snapshotFromBody(new TextDecoder().decode(await downloadBytes(client, location)), v);
  } catch (e) {
    throw explain(e, `hämtningen av ögonblicksbilden för ${label(v)}`);
  }
}
