/**
 * The official Graph client, pointed at Microsoft Graph or at the local library. The SDK joins its base URL
 * and version itself, so `https://localhost:8443/v1.0` is split into the two; a custom host gets the bearer
 * token only when it is listed in customHosts and spoken to over https.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../auth/tokenProvider';
import { retryPolicy, type RetryPolicy } from '../retry';
import { middlewareChain, type FetchLike, type RequestObserver } from './middleware';

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

export function createGraphClient(c: GraphConnection): Client {
  const { baseUrl, version, host } = splitGraphUrl(c.url);
  const fetchImpl: FetchLike = c.fetch ?? ((input, init) => fetch(input, init));
  const graphHost = host === 'graph.microsoft.com';
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: version,
    middleware: middlewareChain(c.tokens, retryPolicy(c.retry), fetchImpl, c.observe),
    ...(graphHost ? {} : { customHosts: new Set([host]) }),
  });
}
