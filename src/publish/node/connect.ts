/// <reference types="node" />
// Node only (the web typecheck also sees src/publish, so this file brings its own Node types).
/**
 * A PlanLibrary for Node (the CLI, tests, the benchmark): the Graph adapter over a fetch that trusts the
 * local library's CA, with a fixed bearer token.
 */
import { staticTokenProvider } from '../auth/tokenProvider';
import { createGraphClient } from '../graph/client';
import { GraphPlanLibrary, type GraphLibraryOptions } from '../graph/graphLibrary';
import type { RequestObserver } from '../graph/middleware';
import { parseLibraryUrl } from '../libraryUrl';
import { DEFAULT_CA_PATH, readCa, trustedFetch } from './trustedFetch';

export interface NodeLibraryOptions extends GraphLibraryOptions {
  /** See parseLibraryUrl. */
  url: string;
  token: string;
  /** The CA to trust besides the system's; the office-addin-dev-certs CA when absent and it exists. */
  caPath?: string;
  observe?: RequestObserver;
}

export async function nodePlanLibrary(o: NodeLibraryOptions): Promise<GraphPlanLibrary> {
  const { graphUrl, location } = parseLibraryUrl(o.url);
  const local = new URL(graphUrl).hostname !== 'graph.microsoft.com';
  let ca: Buffer | null = null;
  if (o.caPath) ca = await readCa(o.caPath);
  else if (local) ca = await readCa(DEFAULT_CA_PATH).catch(() => null);
  const client = createGraphClient({
    url: graphUrl,
    tokens: staticTokenProvider(o.token),
    retry: o.retry,
    observe: o.observe,
    ...(ca ? { fetch: trustedFetch(ca) } : {}),
  });
  return new GraphPlanLibrary(client, location, { retry: o.retry, chunkSize: o.chunkSize });
}
