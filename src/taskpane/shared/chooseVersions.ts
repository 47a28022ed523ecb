/** The newest approved version per area, chosen on the list's columns alone (no snapshot read that is unused). */
import { areaKey } from '../../domain/frame';
import { compareVersions, parseVersionLabel } from '../../domain/versions';
import type { PublishedVersion } from '../../publish/planLibrary';

export const isApproved = (v: PublishedVersion) => v.fields.Beslut === '' || v.fields.Beslut === 'Fastställd';

/** Higher version label first, then the later decision date. */
export function newestFirst(a: PublishedVersion, b: PublishedVersion): number {
  const va = parseVersionLabel(a.fields.Version);
  const vb = parseVersionLabel(b.fields.Version);
  if (va && !vb) return -1;
  if (!va && vb) return 1;
  const c = va && vb ? compareVersions(vb, va) : 0;
  if (c !== 0) return c;
  return b.fields.Beslutsdatum.localeCompare(a.fields.Beslutsdatum);
}

export function newestPerArea(versions: readonly PublishedVersion[]): PublishedVersion[] {
  const best = new Map<string, PublishedVersion>();
  for (const v of versions.filter(isApproved)) {
    const key = areaKey(v.fields.Tjansteomrade);
    const have = best.get(key);
    if (!have || newestFirst(v, have) < 0) best.set(key, v);
  }
  return [...best.values()].sort((a, b) => a.fields.Tjansteomrade.localeCompare(b.fields.Tjansteomrade, 'sv'));
}
