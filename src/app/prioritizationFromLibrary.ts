/**
 * Prioriteringsforum's basis from the library: each area's newest approved version (newestApproved: one list
 * query, then only those snapshots, in batches), as plans with their priorities, against the frame the forum
 * has open. Browser-safe; the pane's Prioritering uses it, `prioritize --library` reads through the same
 * newestApproved.
 */
import type { CityFrame } from '../domain/frame';
import { prioritizationBasis, type PlanSource, type PrioritizationBasis } from '../domain/prioritizationInput';
import { planOfSnapshot } from '../domain/snapshotPlan';
import { fileNameOf, type PlanLibrary, type PublishedVersion } from '../publish/planLibrary';
import type { ReadCallbacks } from './approvedVersions';
import { newestApproved, type ApprovedRead } from './consolidateFromLibrary';

export interface LibraryBasis {
  basis: PrioritizationBasis;
  versions: PublishedVersion[];
}

/** The versions read as the plans the prioritisation basis is made of, named by their file in the library. */
export function planSources(read: readonly ApprovedRead[]): PlanSource[] {
  return read.map(({ version, snapshot }) => ({ plan: planOfSnapshot(snapshot), file: fileNameOf(version.fields) }));
}

export async function prioritizationFromLibrary(library: PlanLibrary, period: string, frame: CityFrame, callbacks: ReadCallbacks = {}): Promise<LibraryBasis> {
  const read = await newestApproved(library, period, callbacks);
  return { basis: prioritizationBasis(planSources(read), frame), versions: read.map((r) => r.version) };
}
