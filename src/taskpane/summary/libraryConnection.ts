/**
 * The library the Sammanställning and Granskning views read, resolved as Publicering resolves it
 * (publish/libraryConfig.ts: the workbench's local library, or the deployment's SharePoint site), or null.
 */
import { createGraphClient } from '../../publish/graph/client';
import { GraphPlanLibrary } from '../../publish/graph/graphLibrary';
import type { PlanLibrary } from '../../publish/planLibrary';
import { loadLibraryConfig } from '../publish/libraryConfig';

export interface Connected {
  library: PlanLibrary;
  source: 'workbench' | 'deployment';
}

export async function connectLibrary(): Promise<Connected | null> {
  const config = await loadLibraryConfig();
  if (!config) return null;
  const client = createGraphClient({ url: config.url, tokens: await config.tokens() });
  return { library: new GraphPlanLibrary(client, config.location), source: config.source };
}
