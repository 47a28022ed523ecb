/**
 * The local library as a request handler: `createLibrary(options)` opens (or creates) the store and
 * returns `handle(req, res)`, which answers the paths the library owns and returns false for others, so
 * it can share an origin with the workbench. The paths: `/v1.0/…` (Graph, bearer token), `/_library/upload/…`
 * and `/_library/download/…` (signed URLs), `/_library/faults` and `/_library/stats` (test-only admin),
 * and the reviewers' page at `/_library/` (and `/` unless `rootPage: false`).
 *
 * A request's way: Host must be loopback → bearer token (Graph) → injected faults (delay, drop, status,
 * lose, token expiry) → body → handler → answer with Graph's headers (request-id, client-request-id).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_PATHS, admin } from './adminRoutes';
import { BearerAuth, DEFAULT_TOKEN, expiredTokenFail } from './auth';
import { runBatch } from './batch';
import type { Ctx } from './context';
import { download } from './downloadRoute';
import { badRequest, codeForStatus, GraphFail, messageForStatus } from './errors';
import { failureResponse, type RequestIds } from './failure';
import { FaultPlan, type FaultRule, type FaultRuleJson, type RequestClass } from './faults';
import { readBody, writeResponse, type GraphRequest, type GraphResponse } from './graphHttp';
import { dispatchGraph, routeLabel } from './graphRouter';
import { corsHeaders, isLoopbackHost, originOf, preflightHeaders } from './httpGuards';
import { RequestCounts } from './requestCounts';
import { REVIEWERS_CSP, renderReviewersPage } from './reviewersPage';
import { parseRoute } from './routes';
import { PAGE_PATH } from './serialize';
import { DOWNLOAD_PREFIX, UPLOAD_PREFIX, uploadSignatureHolds } from './signedUrls';
import { setList } from './siteLists';
import { siteIdOf } from './state';
import { Store } from './store';
import { cancelSession, MAX_FRAGMENT, putFragment, sessionStatus } from './uploadRoutes';

export interface LibraryOptions {
  /** Where the library keeps its files (default `.tjansteplan/library` in the working folder). */
  dataDir?: string;
  /** The bearer token requests must carry (default DEFAULT_TOKEN). */
  token?: string;
  /** Faults to inject from the start (see faults.ts); more can be set at run time. */
  faults?: string | readonly FaultRuleJson[];
  /**
   * Start a new data folder as a site without the document library, for `tjansteplan provision` to create
   * (see listsRoutes.ts). A folder that already holds a library keeps it.
   */
  emptySite?: boolean;
  /** Serve the reviewers' page at `/` too (default true; false when mounted beside the workbench). */
  rootPage?: boolean;
  now?: () => Date;
  /** One line per answered request (method, path, status, fault), e.g. to stderr. */
  log?: (line: string) => void;
}

export interface LibraryIds {
  siteId: string;
  driveId: string;
  listId: string;
}

export interface Library {
  readonly ids: LibraryIds;
  readonly dataDir: string;
  readonly token: string;
  readonly faults: FaultPlan;
  readonly counts: RequestCounts;
  /** The persisted state (tests read it; changes go through Graph or `store.transact`). */
  readonly store: Store;
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = path.join('.tjansteplan', 'library');

type Kind = 'graph' | 'upload' | 'download' | 'admin' | 'page';

const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function classify(p: string, rootPage: boolean): Kind | null {
  if (p === '/v1.0' || p.startsWith('/v1.0/')) return 'graph';
  if (p.startsWith(UPLOAD_PREFIX)) return 'upload';
  if (p.startsWith(DOWNLOAD_PREFIX)) return 'download';
  if (ADMIN_PATHS.has(p)) return 'admin';
  if (p === PAGE_PATH || p === '/_library' || (rootPage && p === '/')) return 'page';
  return null;
}

function decoded(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Destroys the connection once about half of the body has arrived (or at once when there is none). */
function dropMidBody(req: IncomingMessage): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  let seen = 0;
  const cut = () => void req.socket.destroy();
  if (!(declared > 0)) return cut();
  req.on('data', (c: Buffer) => {
    seen += c.length;
    if (seen >= declared / 2) cut();
  });
  req.on('end', cut);
}

/** The route's name in the request counts: every request is counted, a refused or faulted one too. */
function labelOf(kind: 'graph' | 'upload' | 'download', pathname: string): string {
  if (kind !== 'graph') return kind;
  try {
    return routeLabel(parseRoute(pathname.slice('/v1.0'.length)));
  } catch {
    return 'unknown';
  }
}

function statusFault(rule: FaultRule): GraphFail {
  const a = rule.action as { kind: 'status'; status: number; retryAfter?: number };
  return new GraphFail(a.status, codeForStatus(a.status), messageForStatus(a.status), a.retryAfter === undefined ? {} : { 'Retry-After': String(a.retryAfter) });
}

export async function createLibrary(o: LibraryOptions = {}): Promise<Library> {
  const now = o.now ?? (() => new Date());
  const dataDir = path.resolve(o.dataDir ?? DEFAULT_DATA_DIR);
  const token = o.token ?? DEFAULT_TOKEN;
  const auth = new BearerAuth(token);
  const faults = new FaultPlan(o.faults);
  const counts = new RequestCounts();
  const fresh = !existsSync(path.join(dataDir, 'library.json'));
  const store = await Store.open(dataDir, now);
  if (o.emptySite && fresh) await store.transact((d) => setList(d, null));
  const rootPage = o.rootPage ?? true;
  const s = store.state;
  const ids: LibraryIds = { siteId: siteIdOf(s), driveId: s.driveId, listId: s.listGuid };

  function servePage(req: IncomingMessage, res: ServerResponse, common: Record<string, string>): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new GraphFail(405, 'methodNotAllowed', 'The page is read-only.');
    const html = Buffer.from(renderReviewersPage(store.state, now()), 'utf8');
    res.writeHead(200, {
      ...common,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': html.length,
      'Content-Security-Policy': REVIEWERS_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  async function graph(ctx: Ctx, ids: RequestIds): Promise<GraphResponse> {
    const route = parseRoute(ctx.req.path);
    if (route.kind !== 'batch') return dispatchGraph(ctx, route);
    if (ctx.req.method !== 'POST') throw new GraphFail(405, 'methodNotAllowed', 'A batch is sent with POST.');
    const fail = (e: unknown) => failureResponse(e, ids, ctx.now);
    return runBatch(ctx.req, async (step) => {
      const { fault } = faults.take({ method: step.method, path: '/v1.0' + decoded(step.path), cls: 'step' });
      if (fault) return fail(statusFault(fault));
      const stepRoute = parseRoute(step.path);
      counts.count(`step ${step.method} ${routeLabel(stepRoute)}`, true);
      if (stepRoute.kind === 'batch') throw badRequest('A batch cannot contain a batch.', 'BadRequest');
      return dispatchGraph({ ...ctx, req: step }, stepRoute);
    }, fail);
  }

  async function serveApi(kind: 'graph' | 'upload' | 'download', url: URL, req: IncomingMessage, res: ServerResponse, ids: RequestIds, common: Record<string, string>, at: Date): Promise<void> {
    const method = req.method ?? 'GET';
    const cls: RequestClass = kind === 'graph' && /^\/v1\.0\/(\$|%24)batch$/.test(url.pathname) ? 'batch' : kind;
    const probe = { method, path: decoded(url.pathname), cls };
    counts.count(`${method} ${labelOf(kind, url.pathname)}`);
    if (kind === 'graph') {
      const used = auth.check(req.headers.authorization);
      if (faults.takeTokenExpiry(probe)) {
        auth.expire(used);
        throw expiredTokenFail();
      }
    }
    const { delayMs, fault } = faults.take(probe);
    const note = fault ? ` [fault ${fault.spec}]` : delayMs ? ` [delay ${delayMs} ms]` : '';
    if (fault?.action.kind === 'drop') {
      o.log?.(`${method} ${probe.path} → dropped${note}`);
      return dropMidBody(req);
    }
    const limit = kind === 'upload' ? MAX_FRAGMENT + MB : kind === 'graph' && method === 'PUT' ? 250 * MB : 4 * MB;
    const body = await readBody(req, limit);
    if (delayMs) await sleep(delayMs);
    if (fault?.action.kind === 'status') throw statusFault(fault);
    const greq: GraphRequest = { method, path: kind === 'graph' ? url.pathname.slice('/v1.0'.length) : url.pathname, query: url.searchParams, headers: lowerHeaders(req), body, origin: originOf(req) };
    const ctx: Ctx = { store, req: greq, now: at };
    let answer: GraphResponse;
    if (kind === 'graph') answer = await graph(ctx, ids);
    else if (kind === 'upload') answer = await upload(ctx, url);
    else {
      answer = await download(store, url.pathname.slice(DOWNLOAD_PREFIX.length), url.searchParams, req.headers.range, at);
    }
    o.log?.(`${method} ${probe.path} → ${fault?.action.kind === 'lose' ? `${answer.status}, lost` : answer.status}${note}`);
    if (fault?.action.kind === 'lose') return void req.socket.destroy();
    writeResponse(res, answer, common);
  }

  async function upload(ctx: Ctx, url: URL): Promise<GraphResponse> {
    const id = url.pathname.slice(UPLOAD_PREFIX.length);
    if (!uploadSignatureHolds(store.state.secret, id, url.searchParams.get('tempauth'))) throw new GraphFail(401, 'unauthenticated', 'The upload URL is not valid.');
    if (ctx.req.method === 'PUT') return putFragment(ctx, id);
    if (ctx.req.method === 'GET') return sessionStatus(ctx, id);
    if (ctx.req.method === 'DELETE') return cancelSession(ctx, id);
    throw new GraphFail(405, 'methodNotAllowed', 'An upload URL takes PUT, GET and DELETE.');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const kind = classify(url.pathname, rootPage);
    if (!kind) return false;
    const at = now();
    const requestId = randomUUID();
    const clientRequestId = String(req.headers['client-request-id'] ?? requestId);
    const ids: RequestIds = { requestId, clientRequestId };
    const common = { 'request-id': requestId, 'client-request-id': clientRequestId, ...corsHeaders(req) };
    try {
      if (!isLoopbackHost(req.headers.host)) throw badRequest('The Host header must name loopback (localhost, 127.0.0.1 or [::1]).');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...common, ...preflightHeaders(req) });
        res.end();
      } else if (kind === 'page') servePage(req, res, common);
      else if (kind === 'admin') {
        auth.check(req.headers.authorization, false);
        writeResponse(res, admin(req.method ?? 'GET', url.pathname, await readBody(req, MB), faults, counts), common);
      } else await serveApi(kind, url, req, res, ids, common, at);
    } catch (e) {
      if (!(e instanceof GraphFail)) o.log?.(`${req.method} ${url.pathname} → 500: ${(e as Error)?.stack ?? String(e)}`);
      else o.log?.(`${req.method} ${decoded(url.pathname)} → ${e.status} ${e.code}`);
      if (!res.headersSent && !res.destroyed && !req.socket.destroyed) writeResponse(res, failureResponse(e, ids, at), common);
    }
    return true;
  }

  return { ids, dataDir, token, faults, counts, store, handle, close: () => store.close() };
}
