/**
 * Putting one file into the drive exactly once (conflictBehavior `fail`): below 4 MB in one PUT, above through
 * an upload session in 320 KiB-multiple chunks with the SDK's LargeFileUploadTask. An interrupted session is
 * resumed where the server says it stands (nextExpectedRanges), also from another process given its URL.
 * What a chunk's answer means, after Graph's guidance for upload sessions: 404 is a session that no longer
 * exists (expired, cancelled) and the upload starts over in a new one, once; 416 is a range the session did
 * not expect, so it is asked for nextExpectedRanges and the upload goes on; 409 is the name taken at commit;
 * 429 and 5xx are retried; 401 is the middleware's (a fresh token); any other 4xx is the library's refusal.
 * The chunks, the session's status and its cancelling go to the `uploadUrl` on the file host through the
 * token-less file client (client.ts): "include the Authorization header … may result in an HTTP 401"
 * (https://learn.microsoft.com/graph/api/driveitem-createuploadsession). Only createUploadSession is Graph.
 */
import { FileUpload, GraphError, LargeFileUploadTask, type Client, type LargeFileUploadSession, type Range, type SliceType, type UploadResult } from '@microsoft/microsoft-graph-client';
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import { LibraryRefused } from '../errors';
import { retryDelay, type RetryPolicy } from '../retry';
import { fileClientOf } from './client';
import { explain, statusOf } from './errors';
import { itemByPath } from './paths';

/** Graph's limit for a simple upload. */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
/** Upload-session chunks must be multiples of this. */
export const CHUNK_UNIT = 320 * 1024;
/** 16 × 320 KiB = 5 MiB: inside Graph's recommended 5–10 MiB. */
export const DEFAULT_CHUNK = 16 * CHUNK_UNIT;

export interface UploadTarget {
  driveId: string;
  folder: string;
  name: string;
  contentType: string;
}

export interface UploadOptions {
  policy: RetryPolicy;
  chunkSize?: number;
  onProgress?: (sentBytes: number, totalBytes: number) => void;
  /** A session an earlier attempt opened: resumed before anything else is tried. */
  resumeUrl?: string;
  /** Told the URL of each new session before any byte goes to it, so a crash can resume it. */
  onUploadSession?: (url: string | null) => Promise<void> | void;
}

/** `exists`: the name was taken (409); the caller decides whether it is the same content. */
export type Uploaded = { kind: 'created'; item: DriveItem } | { kind: 'exists' };

export async function uploadFile(client: Client, target: UploadTarget, bytes: Uint8Array, o: UploadOptions): Promise<Uploaded> {
  if (o.resumeUrl === undefined && bytes.byteLength < SIMPLE_UPLOAD_LIMIT) return putSmall(client, target, bytes, o);
  return uploadInSession(client, target, bytes, o);
}

/** A Blob body: the SDK passes it to fetch untouched in Node and browsers (a Uint8Array it would widen to its whole buffer). */
function blobOf(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes as BlobPart], { type });
}

async function putSmall(client: Client, t: UploadTarget, bytes: Uint8Array, o: UploadOptions): Promise<Uploaded> {
  try {
    const item = (await client
      .api(`${itemByPath(t.driveId, t.folder, t.name)}:/content`)
      .query({ '@microsoft.graph.conflictBehavior': 'fail' })
      .header('Content-Type', t.contentType)
      .put(blobOf(bytes, t.contentType))) as DriveItem;
    o.onProgress?.(bytes.byteLength, bytes.byteLength);
    return { kind: 'created', item };
  } catch (e) {
    if (statusOf(e) === 409) return { kind: 'exists' };
    throw explain(e, `uppladdningen av ${t.name}`);
  }
}

/** Remembers the status of the last chunk, which the SDK's upload loop does not pass on when it throws. */
class ChunkedUpload extends LargeFileUploadTask<SliceType> {
  lastStatus: number | null = null;

  override async uploadSliceGetRawResponse(slice: unknown, range: Range, totalSize: number): Promise<Response> {
    const response = (await super.uploadSliceGetRawResponse(slice, range, totalSize)) as Response;
    this.lastStatus = response.status;
    return response;
  }
}

function chunkSizeOf(requested: number | undefined): number {
  const n = Math.max(1, Math.floor((requested ?? DEFAULT_CHUNK) / CHUNK_UNIT));
  // Graph refuses chunks of 60 MiB and more.
  return Math.min(n, 187) * CHUNK_UNIT;
}

async function uploadInSession(client: Client, t: UploadTarget, bytes: Uint8Array, o: UploadOptions): Promise<Uploaded> {
  const file = new FileUpload(blobOf(bytes, t.contentType), t.name, bytes.byteLength);
  const rangeSize = chunkSizeOf(o.chunkSize);
  let sent = 0;
  let sentAtSetback = 0;
  const progress = (range?: Range) => {
    if (!range) return;
    sent = range.maxValue + 1;
    o.onProgress?.(sent, bytes.byteLength);
  };
  let session: LargeFileUploadSession | null = o.resumeUrl ? { url: o.resumeUrl, expiry: new Date(0), isCancelled: false } : null;
  let resuming = session !== null;
  // A session that is gone is replaced once; one that goes away again is not chased with more.
  let replaced = false;
  const doing = `uppladdningen av ${t.name}`;
  for (let setback = 0; ; ) {
    if (session === null) {
      const opened = await openSession(client, t);
      if (opened === 'exists') return { kind: 'exists' };
      session = opened;
      resuming = false;
      await o.onUploadSession?.(session.url);
    }
    const task = new ChunkedUpload(fileClientOf(client), file, session, { rangeSize, uploadEventHandlers: { progress } });
    try {
      // resume() first asks the session for nextExpectedRanges, then goes on from there.
      const result = (resuming ? await task.resume() : await task.upload()) as UploadResult;
      await o.onUploadSession?.(null);
      return { kind: 'created', item: result.responseBody as DriveItem };
    } catch (thrown) {
      // A refused chunk reaches here as the parsed error body, without its status: the status goes back on.
      const status = task.lastStatus !== null && task.lastStatus >= 400 ? task.lastStatus : statusOf(thrown);
      const e = withStatus(thrown, status);
      if (status === 409) {
        // The name was taken while the bytes travelled (Graph checks again when it commits the last chunk):
        // the caller compares what is there. With nothing there, the 409 is a refusal like any other.
        if (await exists(client, t)) return { kind: 'exists' };
        throw explain(e, doing);
      }
      if (status === 404 || isFinishedSession(thrown)) {
        // The session is gone: expired, cancelled, or completed by the chunk whose answer was lost. If the
        // file is there the caller compares it; otherwise a new session starts from the first byte.
        if (await exists(client, t)) return { kind: 'exists' };
        await o.onUploadSession?.(null);
        if (replaced) throw new LibraryRefused(`${doing}: uppladdningssessionen försvann igen${status === null ? '' : ` (${status})`}: ${messageOf(thrown)}`, status ?? 404);
        replaced = true;
        session = null;
        continue;
      }
      if (status !== null && status < 500 && status !== 416 && status !== 429) throw explain(e, doing);
      // Setbacks count only while nothing moves: a long upload over a flaky line still finishes.
      if (sent > sentAtSetback) setback = 0;
      sentAtSetback = sent;
      const wait = retryDelay(setback++, null, o.policy);
      if (wait === null) throw explain(e, doing);
      await o.policy.clock.sleep(wait);
      resuming = true;
    }
  }
}

/** What the library said: Graph's error message, or the error's own. */
function messageOf(e: unknown): string {
  const graph = (e as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof graph === 'string') return graph;
  return e instanceof Error ? e.message : JSON.stringify(e);
}

/** The failure as a GraphError with the status the chunk was answered with, so explain() can classify it. */
function withStatus(e: unknown, status: number | null): unknown {
  if (status === null || statusOf(e) === status) return e;
  const error = new GraphError(status, messageOf(e));
  const code = (e as { error?: { code?: unknown } } | null)?.error?.code;
  if (typeof code === 'string') error.code = code;
  error.body = e;
  return error;
}

async function openSession(client: Client, t: UploadTarget): Promise<LargeFileUploadSession | 'exists'> {
  try {
    const created = (await client
      .api(`${itemByPath(t.driveId, t.folder, t.name)}:/createUploadSession`)
      .post({ item: { '@microsoft.graph.conflictBehavior': 'fail' } })) as { uploadUrl: string; expirationDateTime?: string };
    return { url: created.uploadUrl, expiry: new Date(created.expirationDateTime ?? 0), isCancelled: false };
  } catch (e) {
    if (statusOf(e) === 409) return 'exists';
    throw explain(e, `uppladdningssessionen för ${t.name}`);
  }
}

/** The SDK's words for a session with no range left to send: every byte arrived. */
function isFinishedSession(e: unknown): boolean {
  return e instanceof Error && e.name === 'Invalid Session';
}

async function exists(client: Client, t: UploadTarget): Promise<boolean> {
  try {
    await client.api(itemByPath(t.driveId, t.folder, t.name)).select('id').get();
    return true;
  } catch (e) {
    if (statusOf(e) === 404) return false;
    throw explain(e, `kontrollen av ${t.name}`);
  }
}
