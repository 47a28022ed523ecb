/**
 * Loopback only, also at the HTTP level: a request whose Host is not localhost, 127.0.0.1 or [::1] is
 * refused (a web page elsewhere cannot reach the library by DNS rebinding), and cross-origin browser
 * access is granted to https pages on loopback only (the workbench on another port).
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

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return {};
  }
  if (u.protocol !== 'https:' || !isLoopbackHost(u.host)) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': 'ETag, Location, Retry-After, request-id, client-request-id' };
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
