/**
 * The command line's side of reading the library (`consolidate --library`, `prioritize --library`, `pack`):
 * opening it with a token, the period argument, and saying in its own words what src/app/approvedVersions
 * did — a progress bar per snapshot batch on a terminal, one stderr line per version left out, and any
 * failure to read the library as a LibraryReadError (exit 2). Which versions are read, and how, is the app's.
 */
import type { ReadCallbacks, Skipped } from '../app/approvedVersions';
import { newestApproved as newestApprovedRead, type ApprovedRead } from '../app/consolidateFromLibrary';
import { framePeriod, type CityFrame } from '../domain/frame';
import { formatPeriod, parsePeriod } from '../domain/period';
import { firstLineOf, LibraryRefused, LibraryUnavailable } from '../publish/errors';
import { parseLibraryUrl } from '../publish/libraryUrl';
import { nodePlanLibrary } from '../publish/node/connect';
import type { PlanLibrary } from '../publish/planLibrary';
import { progressBar, type Progress } from './progress';
import { resolveToken } from './token';
import { UsageError } from './usage';

export interface LibraryArgs {
  library: string;
  token?: string;
  ca?: string;
}

/** The library could not be read (unreachable after retries, refused, or an unreadable answer): exit 2. */
export class LibraryReadError extends Error {}

/**
 * A failure of the command's own work done inside a library read (pack's writing of the workbook), its message
 * the line to say: readLibrary lets it through as it is instead of calling it the library's.
 */
export class NotTheLibrary extends Error {}

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
    throw new UsageError(`--ca ${o.ca ?? ''}: certifikatet kan inte läsas (${firstLineOf(e)})`);
  }
}

/** What went wrong, in one line (the adapter's messages already say what was being done and why). */
function readError(e: unknown, library: string): LibraryReadError {
  const why = e instanceof LibraryUnavailable || e instanceof LibraryRefused ? firstLineOf(e) : `biblioteket kunde inte läsas: ${firstLineOf(e)}`;
  return new LibraryReadError(`tjansteplan: --library ${library}: ${why}`);
}

/** A version left out, in one stderr line. */
export function skippedLine(why: Skipped): string {
  return why.kind === 'unreadable-item'
    ? `tjansteplan: listobjektet ${why.itemId || '(utan id)'} i biblioteket har en oläslig kolumn (${why.field}); det hoppas över`
    : `tjansteplan: ${why.fileName}: ${why.reason}; området hoppas över`;
}

/**
 * Reads the library through `read` with the command line's callbacks: one stderr line per version left out,
 * the progress bar on a terminal (cleared whatever happens), and a failure as a LibraryReadError (a
 * NotTheLibrary as it is). `skipped`: some version was left out, so the command ends with 2.
 */
export async function readLibrary<T>(address: string, err: (s: string) => void, read: (callbacks: ReadCallbacks) => Promise<T>): Promise<{ value: T; skipped: boolean }> {
  let skipped = false;
  // Made at the first batch, when the total is known; assigned in a callback, so typed by hand.
  let progress = null as Progress | null;
  const callbacks: ReadCallbacks = {
    skip: (why) => {
      skipped = true;
      err(skippedLine(why));
    },
    onBatch: (done, total) => {
      progress ??= progressBar(total);
      progress.update(done, 'ögonblicksbilder');
    },
  };
  try {
    return { value: await read(callbacks), skipped };
  } catch (e) {
    throw e instanceof NotTheLibrary ? e : readError(e, address);
  } finally {
    progress?.done();
  }
}

/**
 * What `consolidate --library` and `prioritize --library` both start from (app/consolidateFromLibrary): each
 * area's newest approved version of the period and its snapshot. An area whose list item or snapshot cannot
 * be used is left out with one line (`unreadable`: the command ends with 2); a period without any approved
 * version is said too.
 */
export async function newestApproved(args: LibraryArgs, period: string, err: (s: string) => void): Promise<{ read: ApprovedRead[]; unreadable: boolean }> {
  const library = await openLibrary(args);
  let snapshotLeftOut = false;
  const { value: read, skipped } = await readLibrary(args.library, err, (callbacks) =>
    newestApprovedRead(library, period, {
      ...callbacks,
      skip: (why) => {
        snapshotLeftOut ||= why.kind === 'unreadable-snapshot';
        callbacks.skip?.(why);
      },
    }),
  );
  // Every approved area's snapshot unreadable has been said, area by area; no approved area at all is said here.
  if (read.length === 0 && !snapshotLeftOut) err(`tjansteplan: biblioteket har ingen fastställd version för ${period}`);
  return { read, unreadable: skipped };
}

/** The period the frame covers (its first to its last year), for `--library` without `--period`. */
export function periodOfFrame(frame: CityFrame): string {
  const period = framePeriod(frame);
  if (!period) throw new UsageError('budgetramen anger inga år: ange planperioden med --period');
  return formatPeriod(period);
}
