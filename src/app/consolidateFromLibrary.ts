/**
 * What consolidation and prioritisation start from when the plans come from the library: each area's newest
 * approved version of the period and its snapshot, in one list query and ⌈areas/20⌉ batches
 * (approvedVersions). An area whose list item or snapshot cannot be used is left out and said through `skip`;
 * the others go on. The pane's Sammanställning and `consolidate --library` / `prioritize --library` read the
 * library this one way.
 */
import type { ConsolidationInput } from '../domain/consolidation';
import { figuresOfSnapshot } from '../domain/consolidation';
import type { PlanSnapshot } from '../domain/snapshot';
import { fileNameOf, type PlanLibrary, type PublishedVersion } from '../publish/planLibrary';
import { decisionDateOf, listApproved, readSnapshots, type ReadCallbacks } from './approvedVersions';

export interface ApprovedRead {
  version: PublishedVersion;
  snapshot: PlanSnapshot;
}

/** Each area's newest approved version whose snapshot could be read, with that snapshot, areas in Swedish order. */
export async function newestApproved(library: PlanLibrary, period: string, callbacks: ReadCallbacks = {}): Promise<ApprovedRead[]> {
  const newest = (await listApproved(library, period, callbacks.skip)).map((a) => a.versions[0]);
  const snapshots = await readSnapshots(library, newest, callbacks);
  return snapshots.flatMap((snapshot, i) => (snapshot ? [{ version: newest[i], snapshot }] : []));
}

/** The versions read as consolidation's inputs: named by their file in the library, dated by the list's decision date. */
export function consolidationInputs(read: readonly ApprovedRead[]): ConsolidationInput[] {
  return read.map(({ version, snapshot }) => ({
    figures: figuresOfSnapshot(snapshot),
    file: fileNameOf(version.fields),
    version: version.fields.Version,
    decisionDate: decisionDateOf(version, snapshot),
  }));
}
