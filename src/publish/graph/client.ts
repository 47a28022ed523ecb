/**
 * The official Graph client, pointed at Microsoft Graph or at the local library. The SDK joins its base URL
 * and version itself, so `https://localhost:8443/v1.0` is split into the two; a custom host gets the bearer
 * token only when it is listed in customHosts and spoken to over https.
 *
 * Beside it, a second client for the file bytes (`@microsoft.graph.downloadUrl`, the Location of a batched
 * `/content`, upload sessions' `uploadUrl`): these live on another host (`{tenant}.sharepoint.com`) and are
 * pre-authenticated, and a token sent there gets 401 (Microsoft's createUploadSession page) or fails CORS.
 * That client has no authentication handler at all, so no token can reach the file host whatever
 * customHosts holds; it keeps the retry and the same fetch (which trusts the local library's CA in Node).
 */
import { Client } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../auth/tokenProvider';
import { retryPolicy, type RetryPolicy } from '../retry';
import { fileMiddlewareChain, middlewareChain, type FetchLike, type RequestObserver } from './middleware';

export const GRAPH_URL = 'https://graph.microsoft.com/v1.0';

export interface GraphConnection {
  /** `https://graph.microsoft.com/v1.0` or the local library's `https://localhost:PORT/v1.0`. */
  url: string;
  tokens: TokenProvider;
  retry?: Partial<RetryPolicy>;
  /** Defaults to the platform's fetch. */
  fetch?: FetchLike;
  observe?: RequestObserver;
}

export interface SplitUrl {
  baseUrl: string;
  version: string;
  host: string;
}

export function splitGraphUrl(url: string): SplitUrl {
  const u = new URL(url);
  if (u.protocol !== 'https:') throw new Error(`Biblioteket måste nås över https (${url})`);
  const version = u.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  return { baseUrl: u.origin, version, host: u.hostname };
}

const fileClients = new WeakMap<Client, Client>();

export function createGraphClient(c: GraphConnection): Client {
  const { baseUrl, version, host } = splitGraphUrl(c.url);
  const fetchImpl: FetchLike = c.fetch ?? ((input, init) => fetch(input, init));
  const graphHost = host === 'graph.microsoft.com';
  const policy = retryPolicy(c.retry);
  const client = Client.initWithMiddleware({
    baseUrl,
    defaultVersion: version,
    middleware: middlewareChain(c.tokens, policy, fetchImpl, c.observe),
    ...(graphHost ? {} : { customHosts: new Set([host]) }),
  });
  // Only absolute https URLs go through it; the base URL is never used, the custom hosts are none.
  fileClients.set(client, Client.initWithMiddleware({ baseUrl, defaultVersion: version, middleware: fileMiddlewareChain(policy, fetchImpl, c.observe), customHosts: new Set() }));
  return client;
}

/** The token-less client for the file host that goes with a Graph client made by createGraphClient. */
export function fileClientOf(client: Client): Client {
  const files = fileClients.get(client);
  if (!files) throw new Error('Graph-klienten är inte skapad med createGraphClient: filvärdens klient saknas');
  return files;
}
