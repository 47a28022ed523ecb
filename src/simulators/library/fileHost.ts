/**
 * The file origin (`https://127.0.0.1:Q`): what `{tenant}.sharepoint.com` is to Graph. It serves only the
 * signed URLs Graph hands out: `@microsoft.graph.downloadUrl` and the 302 of `…/content`
 * (`/_library/download/{item}?e=…&tempauth=…`), and upload sessions' `uploadUrl`
 * (`/_library/upload/{session}?tempauth=…`). They are pre-authenticated, so:
 *
 * - a request that carries an `Authorization` header gets 401. Microsoft's createUploadSession page says a
 *   PUT to the uploadUrl with the header "may result in an HTTP 401 Unauthorized response"
 *   (https://learn.microsoft.com/graph/api/driveitem-createuploadsession); the double takes the stricter
 *   reading (always), for downloads too, so a client that sends its token where it must not fails here.
 * - the signature (and the header check) is looked at before a byte of the body is read: a request
 *   without a valid one costs no memory.
 * - browsers reach it through CORS with the file host's own list of allowed headers (httpGuards.ts); a
 *   page that followed Graph's 302 arrives with origin `null` and is refused, as the real host refuses it
 *   (https://learn.microsoft.com/graph/api/driveitem-get-content: download in JavaScript through
 *   `@microsoft.graph.downloadUrl`, not the redirect).
 *
 * Faults of class `upload` and `download` apply here, as before the split.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from './context';
import { download } from './downloadRoute';
import { GraphFail, notFound } from './errors';
import { failureResponse, type RequestIds } from './failure';
import type { FaultPlan } from './faults';
import { readBody, writeResponse, type GraphRequest, type GraphResponse } from './graphHttp';
import { fileCorsHeaders, filePreflightHeaders, isLoopbackHost } from './httpGuards';
import { decoded, dropMidBody, lowerHeaders, sleep, statusFault } from './requestHelpers';
import type { RequestCounts } from './requestCounts';
import { DOWNLOAD_PREFIX, downloadSignatureHolds, UPLOAD_PREFIX, uploadSignatureHolds } from './signedUrls';
import type { Store } from './store';
import { cancelSession, MAX_FRAGMENT, putFragment, sessionStatus } from './uploadRoutes';

export interface FileHostDeps {
  store: Store;
  faults: FaultPlan;
  counts: RequestCounts;
  now: () => Date;
  fileOrigin: string;
  log?: (line: string) => void;
}

type Kind = 'upload' | 'download';

const MB = 1024 * 1024;

const unauthenticated = (message: string) => new GraphFail(401, 'unauthenticated', message);

function kindOf(pathname: string): Kind | null {
  if (pathname.startsWith(UPLOAD_PREFIX)) return 'upload';
  if (pathname.startsWith(DOWNLOAD_PREFIX)) return 'download';
  return null;
}

/** The checks that need no body: no bearer token, and a signature that holds (and has not expired). */
function admit(d: FileHostDeps, kind: Kind, url: URL, req: IncomingMessage, at: Date): void {
  if (req.headers.authorization !== undefined) {
    throw unauthenticated('A pre-authenticated upload or download URL takes no Authorization header.');
  }
  const secret = d.store.state.secret;
  if (kind === 'upload') {
    if (!uploadSignatureHolds(secret, url.pathname.slice(UPLOAD_PREFIX.length), url.searchParams.get('tempauth'))) throw unauthenticated('The upload URL is not valid.');
  } else if (!downloadSignatureHolds(secret, url.pathname.slice(DOWNLOAD_PREFIX.length), url.searchParams, at)) {
    throw unauthenticated('The download URL is not valid or has expired.');
  }
}

async function answer(d: FileHostDeps, kind: Kind, url: URL, req: IncomingMessage, body: Buffer, at: Date): Promise<GraphResponse> {
  if (kind === 'download') {
    if (req.method !== 'GET') throw new GraphFail(405, 'methodNotAllowed', 'A download URL takes GET.');
    return download(d.store, url.pathname.slice(DOWNLOAD_PREFIX.length), url.searchParams, req.headers.range, at);
  }
  const greq: GraphRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: lowerHeaders(req), body, origin: d.fileOrigin, fileOrigin: d.fileOrigin };
  const ctx: Ctx = { store: d.store, req: greq, now: at };
  const id = url.pathname.slice(UPLOAD_PREFIX.length);
  if (req.method === 'PUT') return putFragment(ctx, id);
  if (req.method === 'GET') return sessionStatus(ctx, id);
  if (req.method === 'DELETE') return cancelSession(ctx, id);
  throw new GraphFail(405, 'methodNotAllowed', 'An upload URL takes PUT, GET and DELETE.');
}

export function createFileHost(d: FileHostDeps): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  async function serve(kind: Kind, url: URL, req: IncomingMessage, res: ServerResponse, common: Record<string, string>, at: Date): Promise<void> {
    const method = req.method ?? 'GET';
    const probe = { method, path: decoded(url.pathname), cls: kind };
    d.counts.count(`${method} ${kind}`);
    admit(d, kind, url, req, at);
    const { delayMs, fault } = d.faults.take(probe);
    const note = fault ? ` [fault ${fault.spec}]` : delayMs ? ` [delay ${delayMs} ms]` : '';
    if (fault?.action.kind === 'drop') {
      d.log?.(`${method} ${probe.path} → dropped${note}`);
      return dropMidBody(req);
    }
    const body = await readBody(req, kind === 'upload' ? MAX_FRAGMENT + MB : MB);
    if (delayMs) await sleep(delayMs);
    if (fault?.action.kind === 'status') throw statusFault(fault);
    const r = await answer(d, kind, url, req, body, at);
    d.log?.(`${method} ${probe.path} → ${fault?.action.kind === 'lose' ? `${r.status}, lost` : r.status}${note}`);
    if (fault?.action.kind === 'lose') return void req.socket.destroy();
    writeResponse(res, r, common);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const at = d.now();
    const requestId = randomUUID();
    const ids: RequestIds = { requestId, clientRequestId: String(req.headers['client-request-id'] ?? requestId) };
    const common = { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId, ...fileCorsHeaders(req) };
    const kind = kindOf(url.pathname);
    try {
      if (!isLoopbackHost(req.headers.host)) throw new GraphFail(400, 'invalidRequest', 'The Host header must name loopback (localhost, 127.0.0.1 or [::1]).');
      if (!kind) throw notFound();
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...common, ...filePreflightHeaders(req) });
        res.end();
      } else await serve(kind, url, req, res, common, at);
    } catch (e) {
      if (e instanceof GraphFail) d.log?.(`${req.method} ${decoded(url.pathname)} → ${e.status} ${e.code}`);
      else d.log?.(`${req.method} ${url.pathname} → 500: ${(e as Error)?.stack ?? String(e)}`);
      if (!res.headersSent && !res.destroyed && !req.socket.destroyed) writeResponse(res, failureResponse(e, ids, at), common);
    }
    return true;
  };
}
