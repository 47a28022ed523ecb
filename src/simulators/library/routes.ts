/**
 * Graph URLs of the subset, parsed from the still-encoded path below `/v1.0`. Drive items are addressed
 * by id or by path (`/root:/a/b.xlsx:/content`, `/items/{id}:/name:/content`); path segments are decoded one
 * by one, so an encoded `/` or `:` stays part of a name (and is then refused as SharePoint refuses it).
 */
import { badRequest, unknownSegment } from './errors';

export interface ItemAddress {
  /** `root` or a drive item id. */
  base: string;
  /** Segments below the base (decoded). */
  path: string[];
  /** What follows: '', 'content', 'children', 'createUploadSession', 'listItem', 'listItem/fields'. */
  sub: string;
}

export type DriveRef = { site: string } | { id: string };

export type Route =
  | { kind: 'batch' }
  | { kind: 'site'; site: string }
  | { kind: 'siteDrives'; site: string }
  | { kind: 'siteLists'; site: string }
  | { kind: 'list'; site: string; list: string }
  | { kind: 'listItems'; site: string; list: string }
  | { kind: 'listColumns'; site: string; list: string; column?: string }
  | { kind: 'listItem'; site: string; list: string; item: string; sub: '' | 'fields' | 'driveItem' }
  | { kind: 'drive'; drive: DriveRef }
  | { kind: 'driveList'; drive: DriveRef }
  | { kind: 'item'; drive: DriveRef; address: ItemAddress };

const ITEM_SUBS = new Set(['', 'content', 'children', 'createUploadSession', 'listItem', 'listItem/fields']);

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw badRequest(`The URL segment '${s}' is not valid percent-encoding.`, 'BadRequest');
  }
}

export function parseRoute(path: string): Route {
  if (path === '/$batch' || path === '/%24batch') return { kind: 'batch' };
  const segs = path.split('/').slice(1);
  if (segs[0] === 'drives' && segs[1]) return driveRoute({ id: decode(segs[1]) }, '/' + segs.slice(2).join('/'));
  if (segs[0] !== 'sites' || !segs[1]) throw unknownSegment(decode(segs[0] ?? ''));
  // /sites/{hostname}:/{server-relative path}[:]: a site by its path.
  const byPath = /^\/sites\/([^/:]+):(\/[^:]*):?$/.exec(path);
  if (byPath) return { kind: 'site', site: `${decode(byPath[1])}:${decode(byPath[2])}` };
  const site = decode(segs[1]);
  const rest = segs.slice(2);
  if (rest.length === 0) return { kind: 'site', site };
  if (rest[0] === 'drive') return driveRoute({ site }, '/' + rest.slice(1).join('/'));
  if (rest[0] === 'drives' && rest.length === 1) return { kind: 'siteDrives', site };
  if (rest[0] === 'drives') return driveRoute({ id: decode(rest[1]) }, '/' + rest.slice(2).join('/'));
  if (rest[0] === 'lists' && rest.length === 1) return { kind: 'siteLists', site };
  if (rest[0] === 'lists') {
    const list = decode(rest[1]);
    if (rest.length === 2) return { kind: 'list', site, list };
    if (rest[2] === 'columns' && rest.length <= 4) return { kind: 'listColumns', site, list, ...(rest[3] ? { column: decode(rest[3]) } : {}) };
    if (rest[2] !== 'items') throw unknownSegment(decode(rest[2]));
    if (rest.length === 3) return { kind: 'listItems', site, list };
    const sub = rest.slice(4).join('/');
    if (sub !== '' && sub !== 'fields' && sub !== 'driveItem') throw unknownSegment(decode(rest[4]));
    return { kind: 'listItem', site, list, item: decode(rest[3]), sub };
  }
  throw unknownSegment(decode(rest[0]));
}

function driveRoute(drive: DriveRef, rest: string): Route {
  if (rest === '/' || rest === '') return { kind: 'drive', drive };
  if (rest === '/list') return { kind: 'driveList', drive };
  const address = parseItemAddress(rest);
  if (!address) throw unknownSegment(decode(rest.split('/')[1] ?? ''));
  return { kind: 'item', drive, address };
}

/** `/root`, `/root:/a/b:`, `/items/{id}/children`, `/items/{id}:/name:/content`, … */
export function parseItemAddress(rest: string): ItemAddress | null {
  const m = /^\/(root|items\/([^/:]+))/.exec(rest);
  if (!m) return null;
  const base = m[1] === 'root' ? 'root' : decode(m[2]);
  let tail = rest.slice(m[0].length);
  let path: string[] = [];
  if (tail.startsWith(':')) {
    tail = tail.slice(1);
    const close = tail.indexOf(':');
    const raw = close === -1 ? tail : tail.slice(0, close);
    tail = close === -1 ? '' : tail.slice(close + 1);
    path = raw.split('/').filter((s) => s !== '').map(decode);
  }
  const sub = tail.replace(/^\//, '').replace(/\/$/, '');
  if (!ITEM_SUBS.has(sub)) throw unknownSegment(decode(sub.split('/')[0]));
  return { base, path, sub };
}
