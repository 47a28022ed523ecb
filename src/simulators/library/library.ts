/**
 * The local library as two request handlers, one per origin, as in a tenant: `handle(req, res)` is Graph's
 * origin (`https://localhost:P`: `/v1.0/…` with the bearer token, `/_library/faults` and `/_library/stats`
 * (test-only admin), the reviewers' page at `/_library/` and `/`), and `handleFiles(req, res)` is the file
 * origin (`https://127.0.0.1:Q`, another host name, as `{tenant}.sharepoint.com` is another host than
 * `graph.microsoft.com`): the signed upload and download URLs, which refuse a bearer token (fileHost.ts).
 * Each returns false for paths it does not own. `startLibrary` (server.ts) gives each its own listener.
 *
 * A Graph request's way: Host must be loopback → bearer token → injected faults (delay, drop, status,
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
import { badRequest, GraphFail } from './errors';
import { failureResponse, type RequestIds } from './failure';
import { FaultPlan, type FaultRuleJson, type RequestClass } from './faults';
import { readBody, writeResponse, type GraphRequest, type GraphResponse } from './graphHttp';
import { dispatchGraph, routeLabel } from './graphRouter';
import { createFileHost } from './fileHost';
import { decoded, dropMidBody, lowerHeaders, sleep, statusFault } from './requestHelpers';
import { corsHeaders, isLoopbackHost, originOf, preflightHeaders } from './httpGuards';
import { RequestCounts } from './requestCounts';
import { PAGE_HEADERS, pageRoute, renderPage } from './reviewers';
import { parseRoute } from './routes';
import { setList } from './siteLists';
import { siteIdOf } from './state';
import { Store } from './store';

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
  /** Serve the reviewers' page at `/` too (default true). */
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
  /** `https://127.0.0.1:Q`: the origin of download and upload URLs. */
  readonly fileOrigin: string;
  /** Graph's origin: answers the paths it owns, false for others. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The file origin: answers the signed upload and download URLs, false for others. */
  handleFiles(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = path.join('.tjansteplan', 'library');

type Kind = 'graph' | 'admin' | 'page';

const MB = 1024 * 1024;

function classify(url: URL, rootPage: boolean): Kind | null {
  const p = url.pathname;
  if (p === '/v1.0' || p.startsWith('/v1.0/')) return 'graph';
  if (ADMIN_PATHS.has(p)) return 'admin';
  if (pageRoute(p, url.searchParams, rootPage)) return 'page';
  return null;
}




/** The route's name in the request counts: every request is counted, a refused or faulted one too. */
function labelOf(pathname: string): string {
  try {
    return routeLabel(parseRoute(pathname.slice('/v1.0'.length)));
  } catch {
    return 'unknown';
  }
}


export async function createLibrary(o: LibraryOptions & { fileOrigin: string }): Promise<Library> {
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

  async function servePage(url: URL, req: IncomingMessage, res: ServerResponse, common: Record<string, string>): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new GraphFail(405, 'methodNotAllowed', 'The page is read-only.');
    const { status, html } = await renderPage(store, pageRoute(url.pathname, url.searchParams, rootPage)!, { fileOrigin: o.fileOrigin, now: now() });
    const body = Buffer.from(html, 'utf8');
    res.writeHead(status, { ...common, ...PAGE_HEADERS, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
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

  async function serveGraph(url: URL, req: IncomingMessage, res: ServerResponse, ids: RequestIds, common: Record<string, string>, at: Date): Promise<void> {
    const method = req.method ?? 'GET';
    const cls: RequestClass = /^\/v1\.0\/(\$|%24)batch$/.test(url.pathname) ? 'batch' : 'graph';
    const probe = { method, path: decoded(url.pathname), cls };
    counts.count(`${method} ${labelOf(url.pathname)}`);
    const used = auth.check(req.headers.authorization);
    if (faults.takeTokenExpiry(probe)) {
      auth.expire(used);
      throw expiredTokenFail();
    }
    const { delayMs, fault } = faults.take(probe);
    const note = fault ? ` [fault ${fault.spec}]` : delayMs ? ` [delay ${delayMs} ms]` : '';
    if (fault?.action.kind === 'drop') {
      o.log?.(`${method} ${probe.path} → dropped${note}`);
      return dropMidBody(req);
    }
    const body = await readBody(req, method === 'PUT' ? 250 * MB : 4 * MB);
    if (delayMs) await sleep(delayMs);
    if (fault?.action.kind === 'status') throw statusFault(fault);
    const greq: GraphRequest = { method, path: url.pathname.slice('/v1.0'.length), query: url.searchParams, headers: lowerHeaders(req), body, origin: originOf(req), fileOrigin: o.fileOrigin };
    const answer = await graph({ store, req: greq, now: at }, ids);
    o.log?.(`${method} ${probe.path} → ${fault?.action.kind === 'lose' ? `${answer.status}, lost` : answer.status}${note}`);
    if (fault?.action.kind === 'lose') return void req.socket.destroy();
    writeResponse(res, answer, common);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const kind = classify(url, rootPage);
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
      } else if (kind === 'page') await servePage(url, req, res, common);
      else if (kind === 'admin') {
        auth.check(req.headers.authorization, false);
        writeResponse(res, admin(req.method ?? 'GET', url.pathname, await readBody(req, MB), faults, counts), common);
      } else await serveGraph(url, req, res, ids, common, at);
    } catch (e) {
      if (!(e instanceof GraphFail)) o.log?.(`${req.method} ${url.pathname} → 500: ${(e as Error)?.stack ?? String(e)}`);
      else o.log?.(`${req.method} ${decoded(url.pathname)} → ${e.status} ${e.code}`);
      if (!res.headersSent && !res.destroyed && !req.socket.destroyed) writeResponse(res, failureResponse(e, ids, at), common);
    }
    return true;
  }

  const handleFiles = createFileHost({ store, faults, counts, now, fileOrigin: o.fileOrigin, log: o.log });
  return { ids, dataDir, token, faults, counts, store, fileOrigin: o.fileOrigin, handle, handleFiles, close: () => store.close() };
}
