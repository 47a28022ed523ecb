/**
 * Reading approved versions back from the library (docs/graph.md §1), the one way every reader does it —
 * consolidation, prioritisation and the review pack, from the pane and from the command line: one list
 * query for the period, then the snapshots of the chosen versions in JSON batches of at most BATCH_LIMIT
 * (⌈n/20⌉ Graph requests, never one per area). Which versions are chosen is decided on the list's columns
 * alone, so no snapshot is fetched that is not used.
 *
 * Approved means `Beslut` is `Fastställd` (docs/domain.md §1: a version a forum decided). A version sent to a
 * forum (`Inskickad`) or returned by one (`Återremitterad`) is listed too and never counts; nor does an item
 * without a Beslut, since every version this tool publishes has one and a blank column records no decision.
 *
 * Browser-safe: the caller says what was skipped and shows progress in its own words (the CLI's progress bar
 * and stderr lines, the pane's status).
 */
import * as z from 'zod/mini';
import { areaKey } from '../domain/frame';
import type { PlanSnapshot } from '../domain/snapshot';
import { newestApprovedFirst, type Forum } from '../domain/versions';
import { firstLineOf, LibraryRefused, LibraryUnavailable } from '../publish/errors';
import { BATCH_LIMIT } from '../publish/graph/snapshots';
import { fileNameOf, type PlanLibrary, type PublishedVersion } from '../publish/planLibrary';

/** An area's approved versions in the library, newest first. */
export interface AreaVersions {
  area: string;
  versions: PublishedVersion[];
}

/** Why a listed version was left out; the others go on. */
export type Skipped =
  /** A list item whose columns cannot be used (`field` names the first bad one). */
  | { kind: 'unreadable-item'; itemId: string; field: string }
  /** A version whose snapshot cannot be read or does not follow the schema. */
  | { kind: 'unreadable-snapshot'; version: PublishedVersion; fileName: string; reason: string };

export interface ReadCallbacks {
  skip?: (why: Skipped) => void;
  /** Before each snapshot batch: how many of `total` versions are read so far. */
  onBatch?: (done: number, total: number) => void;
}

export const isApproved = (v: PublishedVersion): boolean => v.fields.Beslut === 'Fastställd';

/** When a version was decided: the list's Beslutsdatum (its day), else the date its snapshot records. */
export const decisionDateOf = (v: PublishedVersion, snapshot: PlanSnapshot): string | null => v.fields.Beslutsdatum.slice(0, 10) || snapshot.decisionDate;

/**
 * Newest first: the higher version label (labels compare part by part, 0.10 after 0.9), then the later
 * decision date — the same order `consolidate()` applies to two plans of one area.
 */
export function newestFirst(a: PublishedVersion, b: PublishedVersion): number {
  return newestApprovedFirst({ version: a.fields.Version, decisionDate: a.fields.Beslutsdatum }, { version: b.fields.Version, decisionDate: b.fields.Beslutsdatum });
}

/** The listed versions grouped by area (names compared as the frame compares them), approved only, areas in Swedish order. */
export function approvedByArea(listed: readonly PublishedVersion[]): AreaVersions[] {
  const byArea = new Map<string, AreaVersions>();
  for (const v of listed.filter(isApproved)) {
    const key = areaKey(v.fields.Tjansteomrade);
    const group = byArea.get(key) ?? { area: v.fields.Tjansteomrade.trim(), versions: [] };
    group.versions.push(v);
    byArea.set(key, group);
  }
  const groups = [...byArea.values()];
  for (const g of groups) {
    g.versions.sort(newestFirst);
    g.area = g.versions[0].fields.Tjansteomrade.trim();
  }
  return groups.sort((a, b) => a.area.localeCompare(b.area, 'sv'));
}

/**
 * The version a forum compares the presented one (`versions[0]`) with: the newest earlier version this forum
 * approved itself (what it saw last time); failing that, the newest earlier approved version of any forum;
 * null when the presented version is the area's first.
 */
export function previousFor(versions: readonly PublishedVersion[], forum: Forum): PublishedVersion | null {
  const earlier = versions.slice(1);
  return earlier.find((v) => v.fields.Forum.trim().toUpperCase() === forum) ?? earlier[0] ?? null;
}

/**
 * A list item's columns as the readers use them: an area and a version that make a file name inside the
 * period's folder (no path separators, no control characters), a date or nothing. Anyone who can edit the
 * list can write anything there.
 */
const listFields = z.object({
  // Control characters are exactly what this refuses.
  // eslint-disable-next-line no-control-regex
  Tjansteomrade: z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[^/\\:*?"<>|\u0000-\u001f\u007f-\u009f]+$/)),
  Planperiod: z.string().check(z.maxLength(64)),
  Version: z.string().check(z.regex(/^\d{1,4}(\.\d{1,4}){0,3}$/)),
  Forum: z.string().check(z.maxLength(255)),
  Beslut: z.string().check(z.maxLength(255)),
  Beslutsdatum: z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2}.{0,40})?$/)),
});

function usableListItem(v: PublishedVersion, skip: (why: Skipped) => void): boolean {
  const checked = listFields.safeParse(v.fields);
  if (checked.success) return true;
  skip({ kind: 'unreadable-item', itemId: v.itemId, field: checked.error.issues[0]?.path.map(String).join('.') || 'fälten' });
  return false;
}

/** Every approved version of the period, by area: one list query. Items with unusable columns are skipped. */
export async function listApproved(library: PlanLibrary, period: string, skip: (why: Skipped) => void = () => undefined): Promise<AreaVersions[]> {
  const listed = await library.listVersions(period);
  return approvedByArea(listed.filter((v) => usableListItem(v, skip)));
}

/** The library as a whole out of reach or refusing: no point in asking it again per version. */
const wholeLibraryFailure = (e: unknown) => e instanceof LibraryUnavailable || e instanceof LibraryRefused;

/**
 * The snapshots of the given versions, in the same order; null for one that cannot be read or does not
 * follow the schema (said through `skip`), so one bad area never stops the others. A batch's worth at a time,
 * so progress moves per batch: each call is exactly one JSON batch, so the total stays ⌈n/20⌉ requests. Only
 * a batch with a bad snapshot in it is read again, one version at a time, to find it. The library out of
 * reach or refusing throws (LibraryUnavailable, LibraryRefused).
 */
export async function readSnapshots(library: PlanLibrary, versions: readonly PublishedVersion[], callbacks: ReadCallbacks = {}): Promise<(PlanSnapshot | null)[]> {
  const skip = callbacks.skip ?? (() => undefined);
  const out: (PlanSnapshot | null)[] = [];
  for (let start = 0; start < versions.length; start += BATCH_LIMIT) {
    callbacks.onBatch?.(start, versions.length);
    const batch = versions.slice(start, start + BATCH_LIMIT);
    try {
      out.push(...(await library.readSnapshots(batch)));
    } catch (e) {
      if (wholeLibraryFailure(e)) throw e;
      for (const v of batch) out.push(await oneSnapshot(library, v, skip));
    }
  }
  return out;
}

async function oneSnapshot(library: PlanLibrary, v: PublishedVersion, skip: (why: Skipped) => void): Promise<PlanSnapshot | null> {
  try {
    const [snapshot] = await library.readSnapshots([v]);
    return snapshot;
  } catch (e) {
    if (wholeLibraryFailure(e)) throw e;
    skip({ kind: 'unreadable-snapshot', version: v, fileName: fileNameOf(v.fields), reason: firstLineOf(e) });
    return null;
  }
}
