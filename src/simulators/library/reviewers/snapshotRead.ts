/**
 * A version's snapshot read from its blob for the version page: asynchronously (the file is read off the
 * event loop), bounded in size, and checked against the schema (snapshotSchema.ts) before anything renders
 * it, since a snapshot is content anyone with write access to the library can craft.
 */
import type { PlanSnapshot } from '../../../domain/snapshot';
import { parsePlanSnapshot } from '../../../domain/snapshotSchema';
import type { Item } from '../state';
import type { Store } from '../store';

export type SnapshotRead = { ok: true; snapshot: PlanSnapshot } | { ok: false; reason: string };

/** Far above a real plan's snapshot (a few hundred kB); bounds what one page view parses. */
export const MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024;

export async function readSnapshot(store: Store, item: Item | undefined): Promise<SnapshotRead | null> {
  if (!item || !item.blob) return null;
  if (item.size > MAX_SNAPSHOT_BYTES) return { ok: false, reason: `den är större än ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB` };
  let text: string;
  try {
    text = (await store.readBlob(item.blob)).toString('utf8');
  } catch {
    // Replaced (and its old content removed) between the listing and the read: the next view shows the new one.
    return { ok: false, reason: 'filen kunde inte läsas just nu' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'den är inte JSON' };
  }
  return parsePlanSnapshot(value);
}
