/**
 * Loopback only, also at the HTTP level: a request whose Host is not localhost, 127.0.0.1 or [::1] is
 * refused (a web page elsewhere cannot reach the library by DNS rebinding), and cross-origin browser
 * access is granted to https pages on loopback only (the workbench is a third origin, as the add-in's host
 * is in a tenant). A page reached through a cross-origin redirect has the origin `null` and is refused, as
 * SharePoint's file host refuses the 302 of `/content` followed from a page (microsoftgraph/msgraph-sdk-javascript#388).
 */
import type { IncomingMessage } from 'node:http';

function hostname(host: string): string {
  try {
    return new URL(`https://${host}`).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = hostname(host);
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

/** `https://localhost:PORT`, the origin named in absolute URLs the library hands out. */
export function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  let port = '';
  try {
    port = new URL(`https://${host}`).port;
  } catch {
    // no port
  }
  return `https://localhost${port ? `:${port}` : ''}`;
}

function allowedOrigin(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  if (!origin) return null;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return null;
  }
  return u.protocol === 'https:' && isLoopbackHost(u.host) ? origin : null;
}

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = allowedOrigin(req);
  if (!origin) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': 'ETag, Location, Retry-After, request-id, client-request-id' };
}

/**
 * The file host's request headers, as SharePoint's and OneDrive's file hosts list them in their preflight
 * answers (quoted in microsoftgraph/msgraph-sdk-javascript#109): a fixed list, not an echo, so a header the
 * real host refuses (the SDK's SdkVersion, say) fails here too. Authorization is among them: the request
 * goes through and gets its 401 (see fileRoutes.ts).
 */
export const FILE_ALLOWED_HEADERS = 'Accept, Application, Authorization, Content-Range, Content-Type, If-Match, If-None-Match, Overwrite, Prefer, Range, X-HTTP-Method-Override, X-RequestStats, X-TransactionId, X-Upload-Content-Length, MS-CV, RequestFacts';

export function fileCorsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = allowedOrigin(req);
  if (!origin) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': 'Content-Range, Content-Disposition, ETag, Retry-After, request-id, client-request-id' };
}

export function filePreflightHeaders(req: IncomingMessage): Record<string, string> {
  const cors = fileCorsHeaders(req);
  if (!cors['Access-Control-Allow-Origin']) return {};
  return { ...cors, 'Access-Control-Allow-Methods': 'GET, PUT, DELETE', 'Access-Control-Allow-Headers': FILE_ALLOWED_HEADERS, 'Access-Control-Max-Age': '600' };
}

export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const cors = corsHeaders(req);
  if (!cors['Access-Control-Allow-Origin']) return {};
  const asked = String(req.headers['access-control-request-headers'] ?? '');
  return {
    ...cors,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
    'Access-Control-Allow-Headers': /^[\w\s,-]*$/.test(asked) && asked ? asked : 'Authorization, Content-Type, Content-Range, If-Match, Prefer, client-request-id',
    'Access-Control-Max-Age': '600',
  };
}
