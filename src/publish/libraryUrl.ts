/**
 * What `--library URL` (and the task pane's library setting) may name, and where that is in Graph:
 * - a Graph base, `https://graph.microsoft.com/v1.0` or the local library's `https://localhost:PORT/v1.0`
 *   (the root site), optionally followed by `/sites/{site}` and `/drives/{drive}` `/lists/{list}`;
 * - a SharePoint site address, `https://contoso.sharepoint.com/sites/ekonomi`, reached through Graph.
 */
import { GRAPH_URL } from './graph/client';
import type { LibraryLocation } from './graph/graphLibrary';

export interface LibraryAddress {
  /** The Graph base: scheme, host, port and version. */
  graphUrl: string;
  location: LibraryLocation;
}

const VERSION = /^(v\d+(\.\d+)?|beta)$/;

export function parseLibraryUrl(text: string): LibraryAddress {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`"${text}" är ingen adress; ange t.ex. https://localhost:8443/v1.0`);
  }
  if (u.protocol !== 'https:') throw new Error(`biblioteket nås bara över https, inte ${u.protocol}`);
  const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (u.hostname.endsWith('.sharepoint.com') && !VERSION.test(parts[0] ?? '')) {
    const sitePath = parts.slice(0, 2).join('/');
    return { graphUrl: GRAPH_URL, location: { site: sitePath ? `${u.hostname}:/${sitePath}:` : u.hostname, ...(parts[2] ? { libraryName: parts[2] } : {}) } };
  }
  if (!VERSION.test(parts[0] ?? '')) throw new Error(`adressen ${text} saknar Graph-version (t.ex. /v1.0)`);
  const location: LibraryLocation = { site: 'root' };
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const [kind, id] = [parts[i], parts[i + 1]];
    if (kind === 'sites') location.site = id;
    else if (kind === 'drives') location.driveId = id;
    else if (kind === 'lists') location.listId = id;
    else throw new Error(`okänd del av adressen: /${kind}`);
  }
  return { graphUrl: `${u.origin}/${parts[0]}`, location };
}
