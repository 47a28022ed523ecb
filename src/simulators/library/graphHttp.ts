/**
 * Requests and responses as values, so the same handlers answer a real HTTP request and a step of a JSON
 * batch; and the writing of a response value onto the wire with Graph's headers.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, GraphFail } from './errors';

export interface GraphRequest {
  method: string;
  /** The path below the version (`/drives/…`), still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
  /** `https://localhost:PORT`: where absolute Graph URLs in answers point. */
  origin: string;
  /** `https://127.0.0.1:PORT`: where download and upload URLs in answers point. */
  fileOrigin: string;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  bytes?: Buffer;
  /** Bytes streamed from a file (`start`, `length` in bytes): a download never holds a whole file in memory. */
  file?: { path: string; start: number; length: number };
}

export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): GraphResponse => ({ status, json: body, headers });

/** The request's JSON body, or 400 as Graph gives for unreadable JSON. */
export function jsonBody(req: GraphRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  try {
    const parsed = JSON.parse(req.body.toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', 'BadRequest');
}

/** Reads a request body up to `limit` bytes (413 above it). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(new GraphFail(413, 'invalidRequest', `The request body is larger than ${limit} bytes.`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.destroy();
        reject(new GraphFail(413, 'invalidRequest', `The request body is larger than ${limit} bytes.`));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}

export function writeResponse(res: ServerResponse, r: GraphResponse, common: Record<string, string>): void {
  const headers: Record<string, string | number> = { ...common, ...r.headers };
  let body: Buffer | undefined;
  if (r.json !== undefined) {
    body = Buffer.from(JSON.stringify(r.json), 'utf8');
    headers['Content-Type'] ??= ODATA_JSON;
    headers['OData-Version'] ??= '4.0';
  } else if (r.bytes) body = r.bytes;
  if (r.file && r.file.length > 0) {
    headers['Content-Length'] = r.file.length;
    res.writeHead(r.status, headers);
    const stream = createReadStream(r.file.path, { start: r.file.start, end: r.file.start + r.file.length - 1 });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return;
  }
  headers['Content-Length'] = body?.length ?? 0;
  res.writeHead(r.status, headers);
  res.end(body);
}
