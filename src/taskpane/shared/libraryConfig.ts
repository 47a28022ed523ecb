/**
 * Where Publicering publishes. In the workbench: the local library the page names on its
 * `__tjansteplanWorkbench` global (same origin, development token). In Office: `config.json` beside
 * taskpane.html, written at deployment (Graph site, MSAL app registration). Neither: null, and the view says
 * publishing is not configured. MSAL is imported only when a deployment needs it, so it stays out of the
 * initial bundle.
 */
import { configText, readMsalSettings, SIGNIN_PAGE } from '../../publish/auth/msalSettings';
import type { TokenProvider } from '../../publish/auth/tokenProvider';
import { staticTokenProvider } from '../../publish/auth/tokenProvider';
import type { LibraryLocation } from '../../publish/graph/graphLibrary';

export interface LibraryConfig {
  /** Graph base, e.g. `https://graph.microsoft.com/v1.0` or the local library's `https://localhost:PORT/v1.0`. */
  url: string;
  location: LibraryLocation;
  /** Where it came from, for the view to say. */
  source: 'workbench' | 'deployment';
  tokens(): Promise<TokenProvider>;
}

interface WorkbenchLibrary {
  url: string;
  siteId: string;
  driveId: string;
  listId: string;
  token: string;
}

interface DeploymentFile {
  graph?: { url?: string; siteId?: string; driveId?: string; listId?: string; libraryName?: string };
  msal?: { clientId?: string; authority?: string };
}

function workbenchLibrary(): WorkbenchLibrary | null {
  try {
    if (window.parent === window) return null;
    const wb = (window.parent as unknown as { __tjansteplanWorkbench?: { library?: WorkbenchLibrary | null } }).__tjansteplanWorkbench;
    const lib = wb?.library;
    return lib && typeof lib.url === 'string' && typeof lib.token === 'string' ? lib : null;
  } catch {
    // Inside Office the parent is another origin.
    return null;
  }
}


/**
 * Reads `config.json` next to the page; null when it is absent or says nothing usable. `pageUrl` is the task
 * pane's address, which the sign-in dialog's page sits beside.
 */
export function deploymentConfig(body: DeploymentFile, pageUrl: string = window.location.href): LibraryConfig | null {
  const url = configText(body.graph?.url);
  const site = configText(body.graph?.siteId);
  const msal = readMsalSettings(body.msal);
  if (!url || !site || !msal) return null;
  // Resolved against the pane's address, so the pane's own query (Office's _host_Info) is not carried over.
  const dialogUrl = new URL(SIGNIN_PAGE, pageUrl).toString();
  const location: LibraryLocation = { site };
  const driveId = configText(body.graph?.driveId);
  const listId = configText(body.graph?.listId);
  const libraryName = configText(body.graph?.libraryName);
  if (driveId) location.driveId = driveId;
  if (listId) location.listId = listId;
  if (libraryName) location.libraryName = libraryName;
  let provider: Promise<TokenProvider> | null = null;
  return {
    url,
    location,
    source: 'deployment',
    tokens() {
      provider ??= import(/* webpackChunkName: "msal" */ '../../publish/auth/msalTokenProvider').then((m) =>
        m.msalTokenProvider({ ...msal, dialogUrl }),
      );
      return provider;
    },
  };
}

export async function loadLibraryConfig(): Promise<LibraryConfig | null> {
  const wb = workbenchLibrary();
  if (wb) {
    return {
      url: wb.url,
      location: { site: wb.siteId, driveId: wb.driveId, listId: wb.listId },
      source: 'workbench',
      tokens: async () => staticTokenProvider(wb.token),
    };
  }
  try {
    const res = await fetch(new URL('config.json', window.location.href).toString(), { cache: 'no-store' });
    if (!res.ok) return null;
    return deploymentConfig((await res.json()) as DeploymentFile);
  } catch {
    return null;
  }
}
