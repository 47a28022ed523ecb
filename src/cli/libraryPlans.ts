/**
 * Reading approved versions back from the library, for `consolidate --library` and `pack`: one list query
 * for the period, then the snapshots of the chosen versions in JSON batches of at most 20 (⌈n/20⌉ Graph
 * requests, never one per area). Which versions are chosen is decided on the list's columns alone, so no
 * snapshot is fetched that is not used.
 */
import * as z from 'zod/mini';
import { areaKey } from '../domain/frame';
import type { CityFrame } from '../domain/frame';
import { formatPeriod, parsePeriod, periodOf } from '../domain/period';
import type { PlanSnapshot } from '../domain/snapshot';
import { newestApprovedFirst, type Forum } from '../domain/versions';
import { LibraryRefused, LibraryUnavailable } from '../publish/errors';
import { BATCH_LIMIT } from '../publish/graph/snapshots';
import { parseLibraryUrl } from '../publish/libraryUrl';
import { nodePlanLibrary } from '../publish/node/connect';
import { fileNameOf as fileNameOfFields, type PlanLibrary, type PublishedVersion } from '../publish/planLibrary';
import { progressBar } from './progress';
import { resolveToken } from './token';
import { UsageError } from './usage';

export interface LibraryArgs {
  library: string;
  token?: string;
  ca?: string;
}

/** The library could not be read (unreachable after retries, refused, or an unreadable answer): exit 2. */
export class LibraryReadError extends Error {}

/** `2022-2024` → `2022–2024` (the library's folders and Planperiod use the en dash). */
export function periodArg(text: string): string {
  const p = parsePeriod(text);
  if (!p) throw new UsageError(`--period: ${text} är ingen planperiod (t.ex. 2022–2024)`);
  return formatPeriod(p);
}

/** A PlanLibrary for the command line; a bad address, a missing token or an unreadable CA is a usage error. */
export async function openLibrary(o: LibraryArgs): Promise<PlanLibrary> {
  const token = await resolveToken(o.token);
  if (!token) throw new UsageError('ange en token för biblioteket med TJANSTEPLAN_TOKEN eller --token - (från standard input)');
  try {
    parseLibraryUrl(o.library);
  } catch (e) {
    throw new UsageError(`--library: ${(e as Error).message}`);
  }
  try {
    return await nodePlanLibrary({ url: o.library, token, caPath: o.ca });
  } catch (e) {
    throw new UsageError(`--ca ${o.ca ?? ''}: certifikatet kan inte läsas (${firstLine(e)})`);
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0].trim();
}

/** What went wrong, in one line (the adapter's messages already say what was being done and why). */
function readError(e: unknown, library: string): LibraryReadError {
  const why = e instanceof LibraryUnavailable || e instanceof LibraryRefused ? firstLine(e) : `biblioteket kunde inte läsas: ${firstLine(e)}`;
  return new LibraryReadError(`tjansteplan: --library ${library}: ${why}`);
}

/** An area's approved versions in the library, newest first. */
export interface AreaVersions {
  area: string;
  versions: PublishedVersion[];
}

const isApproved = (v: PublishedVersion) => v.fields.Beslut === 'Fastställd';

/**
 * Newest first: the higher version label (labels compare part by part, 0.10 after 0.9), then the later
 * decision date — the same order `consolidate()` applies to two plans of one area.
 */
export function newestFirst(a: PublishedVersion, b: PublishedVersion): number {
  return newestApprovedFirst({ version: a.fields.Version, decisionDate: a.fields.Beslutsdatum }, { version: b.fields.Version, decisionDate: b.fields.Beslutsdatum });
}

/** The listed versions grouped by area (names compared as the frame compares them), approved only. */
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
 * The version a forum compares the presented one with: the newest earlier version this forum approved
 * itself (what it saw last time); failing that, the newest earlier approved version of any forum; null when
 * the presented version is the area's first.
 */
export function previousFor(versions: readonly PublishedVersion[], forum: Forum): PublishedVersion | null {
  const earlier = versions.slice(1);
  return earlier.find((v) => v.fields.Forum.trim().toUpperCase() === forum) ?? earlier[0] ?? null;
}

/** The version's file name in the library (`Ekonomi 2022–2024 v2.0.xlsx`): what `file` says for a library plan. */
export function fileNameOf(v: PublishedVersion): string {
  return fileNameOfFields(v.fields);
}

/**
 * A list item's columns as the commands use them: an area and a version that make a file name inside the
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

/** Says why a listed version is left out, in one line. */
export type Skip = (line: string) => void;

function usableListItem(v: PublishedVersion, skip: Skip): boolean {
  const checked = listFields.safeParse(v.fields);
  if (checked.success) return true;
  const field = checked.error.issues[0]?.path.map(String).join('.') || 'fälten';
  skip(`tjansteplan: listobjektet ${v.itemId || '(utan id)'} i biblioteket har en oläslig kolumn (${field}); det hoppas över`);
  return false;
}

/** Every approved version of the period, by area: one list query. Items with unusable columns are skipped. */
export async function listApproved(library: PlanLibrary, period: string, address: string, skip: Skip = () => undefined): Promise<AreaVersions[]> {
  let listed: PublishedVersion[];
  try {
    listed = await library.listVersions(period);
  } catch (e) {
    throw readError(e, address);
  }
  return approvedByArea(listed.filter((v) => usableListItem(v, skip)));
}

const wholeLibraryFailure = (e: unknown) => e instanceof LibraryUnavailable || e instanceof LibraryRefused;

/**
 * The snapshots of the given versions, in the same order; null for one that cannot be read or does not
 * follow the schema (said through `skip`), so one bad area never stops the others. Read a batch's worth
 * at a time so the progress bar moves per batch: each call is exactly one JSON batch, so the total stays
 * ⌈n/20⌉ requests. Only a batch with a bad snapshot in it is read again, one version at a time, to find it.
 */
export async function readSnapshots(library: PlanLibrary, versions: readonly PublishedVersion[], address: string, skip: Skip = () => undefined): Promise<(PlanSnapshot | null)[]> {
  const out: (PlanSnapshot | null)[] = [];
  const progress = progressBar(versions.length);
  try {
    for (let start = 0; start < versions.length; start += BATCH_LIMIT) {
      progress.update(start, 'ögonblicksbilder');
      const batch = versions.slice(start, start + BATCH_LIMIT);
      try {
        out.push(...(await library.readSnapshots(batch)));
      } catch (e) {
        if (wholeLibraryFailure(e)) throw e;
        for (const v of batch) out.push(await oneSnapshot(library, v, skip));
      }
    }
  } catch (e) {
    throw readError(e, address);
  } finally {
    progress.done();
  }
  return out;
}

async function oneSnapshot(library: PlanLibrary, v: PublishedVersion, skip: Skip): Promise<PlanSnapshot | null> {
  try {
    const [snapshot] = await library.readSnapshots([v]);
    return snapshot;
  } catch (e) {
    if (wholeLibraryFailure(e)) throw e;
    skip(`tjansteplan: ${fileNameOf(v)}: ${firstLine(e)}; området hoppas över`);
    return null;
  }
}

export interface NewestApproved {
  /** Each area's newest approved version whose snapshot could be read, with that snapshot. */
  read: { version: PublishedVersion; snapshot: PlanSnapshot }[];
  /** Some area was left out (said on stderr): the command ends with 2. */
  unreadable: boolean;
}

/**
 * What `consolidate --library` and `prioritize --library` both start from: each area's newest approved
 * version of the period and its snapshot, in one list query and ⌈areas/20⌉ batches. An area whose list item
 * or snapshot cannot be used is left out with one line; the others go on.
 */
export async function newestApproved(args: LibraryArgs, period: string, err: (s: string) => void): Promise<NewestApproved> {
  const library = await openLibrary(args);
  let unreadable = false;
  const skip = (line: string) => {
    unreadable = true;
    err(line);
  };
  const newest = (await listApproved(library, period, args.library, skip)).map((a) => a.versions[0]);
  if (newest.length === 0) err(`tjansteplan: biblioteket har ingen fastställd version för ${period}`);
  const snapshots = await readSnapshots(library, newest, args.library, skip);
  return { read: snapshots.flatMap((snapshot, i) => (snapshot ? [{ version: newest[i], snapshot }] : [])), unreadable };
}

/** The period the frame covers (its first to its last year), for `--library` without `--period`. */
export function periodOfFrame(frame: CityFrame): string {
  const years = [...frame.city.keys(), ...[...frame.areas.values()].flatMap((a) => [...a.years.keys()])];
  if (years.length === 0) throw new UsageError('budgetramen anger inga år: ange planperioden med --period');
  return formatPeriod(periodOf(Math.min(...years), Math.max(...years)));
}
