/**
 * The one way the pane reaches the library: Publicering, Granskning, Sammanställning and Prioritering all
 * connect here, to what libraryConfig.ts resolves (the workbench's local library, or the deployment's
 * SharePoint site), or get null when there is none.
 */
import { createGraphClient } from '../../publish/graph/client';
import { GraphPlanLibrary } from '../../publish/graph/graphLibrary';
import type { PlanLibrary } from '../../publish/planLibrary';
import { loadLibraryConfig, type LibraryConfig } from './libraryConfig';

export interface Connected {
  library: PlanLibrary;
  source: 'workbench' | 'deployment';
}

/** The library a resolved configuration names (Graph through its token provider). */
export async function libraryOf(config: LibraryConfig): Promise<PlanLibrary> {
  const client = createGraphClient({ url: config.url, tokens: await config.tokens() });
  return new GraphPlanLibrary(client, config.location);
}

export async function connectLibrary(): Promise<Connected | null> {
  const config = await loadLibraryConfig();
  if (!config) return null;
  return { library: await libraryOf(config), source: config.source };
}
