/**
 * Where the reviewers' pages live on Graph's origin, as a SharePoint library view lives on the tenant:
 *   `/` and `/_library/`          the library, newest period first (`?sida=N` for the next periods);
 *   `/_library/f/{folderId}`      one folder (a period) on its own page (`?sida=N` for its next rows);
 *   `/_library/v/{itemId}`        one file: a plan version's own page (tables, findings, the diff to the
 *                                 previous approved version), or another file's name, columns and download.
 * A drive item's `webUrl` points here (serialize.ts), as in a tenant it points at the item in SharePoint.
 */
export const PAGE_PATH = '/_library/';
const VERSION_PREFIX = '/_library/v/';
const FOLDER_PREFIX = '/_library/f/';

export type PageRoute = { kind: 'list'; page: number } | { kind: 'folder'; id: string; page: number } | { kind: 'file'; id: string };

// Item ids are `01` + base32 here and SharePoint's are as plain: anything else names no item.
const ID = /^[A-Za-z0-9!_-]{1,64}$/;

export const versionPath = (itemId: string): string => `${VERSION_PREFIX}${encodeURIComponent(itemId)}`;
export const folderPath = (itemId: string, page = 1): string => `${FOLDER_PREFIX}${encodeURIComponent(itemId)}${page > 1 ? `?sida=${page}` : ''}`;
export const listPath = (page: number): string => (page <= 1 ? PAGE_PATH : `${PAGE_PATH}?sida=${page}`);

/** The page a path names, or null when it is none of the reviewers' pages. `/` only when `rootPage`. */
export function pageRoute(pathname: string, query: URLSearchParams, rootPage: boolean): PageRoute | null {
  const n = Number(query.get('sida') ?? '1');
  const page = Number.isSafeInteger(n) && n >= 1 ? n : 1;
  if (pathname === PAGE_PATH || pathname === '/_library' || (rootPage && pathname === '/')) return { kind: 'list', page };
  for (const [prefix, kind] of [[VERSION_PREFIX, 'file'], [FOLDER_PREFIX, 'folder']] as const) {
    if (!pathname.startsWith(prefix)) continue;
    let id: string;
    try {
      id = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      id = '';
    }
    if (!ID.test(id)) id = '';
    return kind === 'folder' ? { kind, id, page } : { kind, id };
  }
  return null;
}
