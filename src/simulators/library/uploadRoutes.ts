/**
 * Upload sessions: `POST …:/createUploadSession` answers an absolute https `uploadUrl` on this host; the
 * fragments are `PUT` to it in order with `Content-Range: bytes a-b/total` (202 with `nextExpectedRanges`
 * until the last, then 201 with the drive item, 200 when it replaced one). A fragment that does not start
 * at the next expected byte gets 416; every fragment but the last must be a multiple of 320 KiB (Graph
 * warns that others fail on commit; here they fail at once, so the mistake shows). `GET` tells the status,
 * `DELETE` cancels (204). Sessions and their bytes are persisted, so an upload resumes after a restart.
 * Upload URLs live on the file origin and authenticate by their signature alone, as Graph's do (fileRoutes.ts).
 */
import { randomBytes } from 'node:crypto';
import { viewOf, type Ctx } from './context';
import { badRequest, GraphFail, invalidRange, nameAlreadyExists, notFound, staleETag } from './errors';
import { json, jsonBody, type GraphResponse } from './graphHttp';
import { ifMatchHolds } from './ids';
import { conflictBehavior, findItem, placeFile, probeTarget } from './placement';
import { quickXorHash } from './quickXorHash';
import type { ItemAddress } from './routes';
import { metadata } from './serialize';
import { uploadUrl } from './signedUrls';
import { timestamp, type State, type UploadSession } from './state';
import type { Store } from './store';
import { itemResponse } from './itemResponse';

export const FRAGMENT_UNIT = 320 * 1024;
export const MAX_FRAGMENT = 60 * 1024 * 1024;
const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

const expiry = (now: Date) => new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
const ranges = (s: UploadSession) => [`${s.received}-`];
const sessionGone = () => notFound('The upload session was not found or has expired.');

export async function createUploadSession(ctx: Ctx, address: ItemAddress): Promise<GraphResponse> {
  const body = jsonBody(ctx.req);
  const item = (body.item ?? {}) as Record<string, unknown>;
  if (typeof item !== 'object' || item === null) throw badRequest('The item of an upload session must be an object.');
  const conflict = conflictBehavior(item['@microsoft.graph.conflictBehavior'], 'replace');
  const fileSize = item.fileSize;
  if (fileSize !== undefined && (!Number.isInteger(fileSize) || (fileSize as number) < 0)) throw badRequest('fileSize must be a whole number of bytes.');
  const ifMatch = ctx.req.headers['if-match'];
  const state = ctx.store.state;
  const base = findItem(state, { ...address, path: [] });
  let placement: Pick<UploadSession, 'baseId' | 'path' | 'targetId'>;
  if (address.path.length === 0) {
    if (base.folder) throw badRequest('An upload session into a folder needs a file name: …/items/{folder-id}:/name.xlsx:/createUploadSession.');
    placement = { baseId: base.parentId!, path: [], targetId: base.id };
    if (ifMatch && !ifMatchHolds(ifMatch, base.uid, base.version, base.cversion)) throw staleETag();
  } else {
    const existing = probeTarget(state, base.id, address.path);
    // Fail fast on a name that is taken; the completion checks again.
    if (existing && (existing.folder || conflict === 'fail')) throw nameAlreadyExists(address.path[address.path.length - 1]);
    if (ifMatch && (existing ? !ifMatchHolds(ifMatch, existing.uid, existing.version, existing.cversion) : ifMatch.trim() !== '*')) throw staleETag();
    placement = { baseId: base.id, path: address.path };
  }
  const session: UploadSession = {
    id: randomBytes(16).toString('hex'),
    ...placement,
    conflict,
    size: fileSize === undefined ? null : (fileSize as number),
    received: 0,
    ifMatch,
    created: timestamp(ctx.now),
    expires: expiry(ctx.now),
  };
  await ctx.store.transact((d) => void (d.sessions[session.id] = session));
  return json(200, {
    '@odata.context': metadata(viewOf(ctx), 'microsoft.graph.uploadSession'),
    uploadUrl: uploadUrl(ctx.req.fileOrigin, ctx.store.state.secret, session.id),
    expirationDateTime: session.expires,
    nextExpectedRanges: ranges(session),
  });
}

function liveSession(state: State, id: string, now: Date): UploadSession {
  const s = state.sessions[id];
  if (!s || Date.parse(s.expires) <= now.getTime()) throw sessionGone();
  return s;
}

export function sessionStatus(ctx: Ctx, id: string): GraphResponse {
  const s = liveSession(ctx.store.state, id, ctx.now);
  return json(200, { expirationDateTime: s.expires, nextExpectedRanges: ranges(s) });
}

export async function cancelSession(ctx: Ctx, id: string): Promise<GraphResponse> {
  await ctx.store.transact((d) => {
    liveSession(d, id, ctx.now);
    delete d.sessions[id];
  });
  await ctx.store.removeSessionFile(id);
  return { status: 204 };
}

interface Range {
  start: number;
  end: number;
  total: number;
}

function contentRange(ctx: Ctx): Range {
  const header = ctx.req.headers['content-range'];
  const m = header ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim()) : null;
  if (!m) throw badRequest('The Content-Range header is missing or not of the form bytes {start}-{end}/{total}.');
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end >= total) throw invalidRange(`The Content-Range ${header} is not a range of the file.`);
  if (end - start + 1 !== ctx.req.body.length) throw badRequest(`The Content-Range ${header} does not match the ${ctx.req.body.length} bytes sent.`);
  if (end - start + 1 > MAX_FRAGMENT) throw new GraphFail(413, 'invalidRequest', `A fragment is at most ${MAX_FRAGMENT} bytes (60 MiB).`);
  return { start, end, total };
}

export async function putFragment(ctx: Ctx, id: string): Promise<GraphResponse> {
  const r = contentRange(ctx);
  const store = ctx.store;
  const outcome = await store.transact(async (d) => {
    const s = liveSession(d, id, ctx.now);
    if (s.size !== null && r.total !== s.size) throw badRequest(`The file is ${s.size} bytes, not ${r.total}.`);
    if (r.start !== s.received) {
      throw invalidRange(r.start < s.received ? `The fragment overlaps bytes already received; the next expected byte is ${s.received}.` : `Fragments must be uploaded in order; the next expected byte is ${s.received}, not ${r.start}.`);
    }
    const last = r.end === r.total - 1;
    if (!last && (r.end - r.start + 1) % FRAGMENT_UNIT !== 0) throw badRequest(`Each fragment but the last must be a multiple of 320 KiB (${FRAGMENT_UNIT} bytes); this one is ${r.end - r.start + 1}.`);
    await store.writeFragment(id, r.start, ctx.req.body);
    s.size = r.total;
    s.received = r.end + 1;
    s.expires = expiry(ctx.now);
    if (!last) return { done: false as const, session: { ...s } };
    return { done: true as const, ...(await complete(ctx, d, s)) };
  });
  if (!outcome.done) return json(202, { expirationDateTime: outcome.session.expires, nextExpectedRanges: ranges(outcome.session) });
  await store.removeSessionFile(id);
  if (outcome.replacedBlob) await store.removeBlob(outcome.replacedBlob);
  return itemResponse(ctx, store.state.items[outcome.itemId], outcome.created ? 201 : 200);
}

/** The last byte is in: the file takes its place (or the whole change is undone, the session intact). */
async function complete(ctx: Ctx, d: State, s: UploadSession): Promise<{ itemId: string; created: boolean; replacedBlob?: string }> {
  const store: Store = ctx.store;
  const blob = await store.blobFromSession(s.id, s.size!);
  try {
    const data = await store.readBlob(blob);
    const placed = placeFile(d, { baseId: s.baseId, path: s.path, targetId: s.targetId, conflict: s.conflict, ifMatch: s.ifMatch }, { blob, size: data.length, quickXorHash: quickXorHash(data) }, ctx.now);
    delete d.sessions[s.id];
    return { itemId: placed.item.id, created: placed.created, replacedBlob: placed.replacedBlob };
  } catch (e) {
    await store.removeBlob(blob);
    throw e;
  }
}
