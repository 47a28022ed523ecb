/**
 * The library the Sammanställning and Granskning views read: the local library the workbench announces on
 * its page (`library: {url, siteId, driveId, listId, token}`), or none. Read the way officeBoot reads the
 * workbench globals: same origin only, null inside Office.
 */
import { staticTokenProvider } from '../../publish/auth/tokenProvider';
import { createGraphClient } from '../../publish/graph/client';
import { GraphPlanLibrary } from '../../publish/graph/graphLibrary';
import type { PlanLibrary } from '../../publish/planLibrary';

export interface LibraryConnection {
  url: string;
  siteId: string;
  driveId: string;
  listId: string;
  token: string;
}

export function workbenchLibrary(): LibraryConnection | null {
  try {
    if (window.parent === window) return null;
    const wb = (window.parent as unknown as { __tjansteplanWorkbench?: { library?: LibraryConnection | null } }).__tjansteplanWorkbench;
    const lib = wb?.library;
    return lib && lib.url && lib.siteId && lib.driveId && lib.listId ? lib : null;
  } catch {
    return null;
  }
}

export function openLibrary(c: LibraryConnection): PlanLibrary {
  const client = createGraphClient({ url: c.url, tokens: staticTokenProvider(c.token) });
  return new GraphPlanLibrary(client, { site: c.siteId, driveId: c.driveId, listId: c.listId });
}
