/// <reference types="node" />
// Node only (the web typecheck also sees src/publish, so this file brings its own Node types).
/**
 * A fetch for Node that also trusts one more CA: the local library's certificate (the office-addin-dev-certs
 * CA). Node 20's global fetch reads extra CAs only at start-up (NODE_EXTRA_CA_CERTS) and offers no public way
 * to pass one per request (its undici Agent is not exported), so this speaks https itself and answers with a
 * standard Response that the Graph client reads as usual. A dropped connection rejects with a TypeError, as
 * fetch does.
 */
import { promises as fs } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { FetchLike } from '../graph/middleware';

/** Where office-addin-dev-certs keeps its CA, which the local library's certificate is signed with. */
export const DEFAULT_CA_PATH = path.join(os.homedir(), '.office-addin-dev-certs', 'ca.crt');

export async function readCa(file = DEFAULT_CA_PATH): Promise<Buffer> {
  return fs.readFile(file);
}

/** Every body the Graph client hands over (Blob for uploads, string for JSON), as bytes. */
async function bodyBytes(body: RequestInit['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('Okänd sorts innehåll i begäran');
}

function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init).forEach((v, k) => (out[k] = v));
  return out;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function trustedFetch(ca: Buffer | string): FetchLike {
  // The system's roots stay trusted too, so the same fetch also reaches graph.microsoft.com.
  const agent = new https.Agent({ keepAlive: true, ca: [...tls.rootCertificates, ca.toString()] });
  const once = send(agent);
  return async (input, init = {}) => {
    let url = new URL(typeof input === 'string' ? input : input.url);
    // Like fetch: a GET for `/content` follows Graph's 302 to the download URL; the token stays behind when
    // the redirect leaves the origin (pre-authenticated download URLs need none).
    for (let hop = 0; ; hop++) {
      const response: Response = await once(url, init);
      const location = response.headers.get('location');
      const method = (init.method ?? 'GET').toUpperCase();
      if (!REDIRECTS.has(response.status) || !location || hop >= 5 || (method !== 'GET' && method !== 'HEAD')) return response;
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        const headers: Headers = new Headers(init.headers as HeadersInit | undefined);
        headers.delete('authorization');
        init = { ...init, headers };
      }
      url = next;
    }
  };
}

function send(agent: https.Agent) {
  return async (url: URL, init: RequestInit): Promise<Response> => {
    const body = await bodyBytes(init.body);
    const headers = headerRecord(init.headers);
    if (body) headers['content-length'] = String(body.byteLength);
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(url, { method: init.method ?? 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new TypeError('fetch failed', { cause: e })));
        res.on('end', () => {
          if (!res.complete) return reject(new TypeError('fetch failed', { cause: new Error('svaret avbröts') }));
          const status = res.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (Array.isArray(v)) v.forEach((x) => responseHeaders.append(k, x));
            else if (v !== undefined) responseHeaders.set(k, v);
          }
          // A Response refuses a body for the null-body statuses.
          const nullBody = status === 204 || status === 205 || status === 304;
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: responseHeaders }));
        });
      });
      req.on('error', (e) => reject(new TypeError('fetch failed', { cause: e })));
      init.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
      req.end(body);
    });
  };
}
