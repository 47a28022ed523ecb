/**
 * A file's pre-authenticated download URL (`/_library/download/{id}?e=…&tempauth=…`, what
 * `@microsoft.graph.downloadUrl` and the 302 of `…/content` point to): no bearer token, an hour's validity,
 * `Range` honoured (206), and served as an attachment so a browser saves it instead of showing it. The bytes
 * are streamed from the blob, only the range asked for: `Range: bytes=0-0` on a large file costs a byte.
 */
import { GraphFail, notFound } from './errors';
import type { GraphResponse } from './graphHttp';
import { contentTag } from './ids';
import { mimeTypeOf } from './names';
import { downloadSignatureHolds } from './signedUrls';
import type { Store } from './store';

function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}`;
}

function byteRange(header: string | undefined, size: number): [number, number] | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start = m[1] === '' ? size - Number(m[2]) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start < 0) start = 0;
  if (start > end || start >= size) return 'invalid';
  return [start, end];
}

export async function download(store: Store, itemId: string, q: URLSearchParams, rangeHeader: string | undefined, now: Date): Promise<GraphResponse> {
  if (!downloadSignatureHolds(store.state.secret, itemId, q, now)) throw new GraphFail(401, 'unauthenticated', 'The download URL is not valid or has expired.');
  const item = store.state.items[itemId];
  if (!item || item.folder || !item.blob) throw notFound();
  const size = item.size;
  const file = (start: number, length: number) => ({ path: store.blobPath(item.blob!), start, length });
  const headers: Record<string, string> = {
    'Content-Type': mimeTypeOf(item.name),
    'Content-Disposition': disposition(item.name),
    ETag: contentTag(item.uid, item.cversion),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = byteRange(rangeHeader, size);
  if (range === 'invalid') return { status: 416, headers: { 'Content-Range': `bytes */${size}` }, bytes: Buffer.alloc(0) };
  if (range) return { status: 206, headers: { ...headers, 'Content-Range': `bytes ${range[0]}-${range[1]}/${size}` }, file: file(range[0], range[1] - range[0] + 1) };
  return { status: 200, headers, file: file(0, size) };
}
