/**
 * Prioriteringsforum's basis from the library: each area's newest approved version (one list query, then
 * only those snapshots, in batches), as plans with their priorities, against the frame the forum has open.
 * Browser-safe; the pane's Prioritering uses it, as `prioritize --library` does through the CLI's readers.
 */
import { areaKey, type CityFrame } from '../domain/frame';
import { prioritizationBasis, type PrioritizationBasis } from '../domain/prioritizationInput';
import { planOfSnapshot } from '../domain/snapshotPlan';
import { newestApprovedFirst } from '../domain/versions';
import type { PlanLibrary, PublishedVersion } from '../publish/planLibrary';

/** The newest Fastställd version of each area, by its list columns (higher label, then later decision date). */
export function newestApprovedPerArea(listed: readonly PublishedVersion[]): PublishedVersion[] {
  const best = new Map<string, PublishedVersion>();
  for (const v of listed) {
    if (v.fields.Beslut !== 'Fastställd') continue;
    const key = areaKey(v.fields.Tjansteomrade);
    const have = best.get(key);
    const order = (a: PublishedVersion) => ({ version: a.fields.Version, decisionDate: a.fields.Beslutsdatum });
    if (!have || newestApprovedFirst(order(v), order(have)) < 0) best.set(key, v);
  }
  return [...best.values()].sort((a, b) => a.fields.Tjansteomrade.localeCompare(b.fields.Tjansteomrade, 'sv'));
}

export interface LibraryBasis {
  basis: PrioritizationBasis;
  versions: PublishedVersion[];
}

export async function prioritizationFromLibrary(library: PlanLibrary, period: string, frame: CityFrame): Promise<LibraryBasis> {
  const versions = newestApprovedPerArea(await library.listVersions(period));
  const snapshots = versions.length === 0 ? [] : await library.readSnapshots(versions);
  const sources = snapshots.map((s, i) => ({ plan: planOfSnapshot(s), file: `${versions[i].fields.Tjansteomrade} ${period} v${versions[i].fields.Version}` }));
  return { basis: prioritizationBasis(sources, frame), versions };
}
