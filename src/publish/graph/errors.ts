/** What a failed Graph call means for publishing: its status, whether it is worth resuming, and our own errors. */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { LibraryRefused, LibraryUnavailable } from '../errors';
import { isNetworkError } from './middleware';

/** The HTTP status of a failed call; null when no response arrived (a dropped or refused connection). */
export function statusOf(e: unknown): number | null {
  if (e instanceof GraphError) return e.statusCode > 0 ? e.statusCode : null;
  const s = (e as { statusCode?: unknown; status?: unknown } | null)?.statusCode ?? (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' && s > 0 ? s : null;
}

/** No status at all: the request never got an answer. */
export function isUnreachable(e: unknown): boolean {
  if (e instanceof GraphError) return e.statusCode <= 0;
  return isNetworkError(e);
}

/** Turns a Graph failure into one of ours, with a one-line Swedish message naming what was being done. */
export function explain(e: unknown, doing: string): Error {
  if (e instanceof LibraryUnavailable || e instanceof LibraryRefused) return e;
  const status = statusOf(e);
  const detail = e instanceof Error ? e.message : JSON.stringify(e);
  if (status === null && !isUnreachable(e)) return new Error(`${doing}: ${detail}`);
  if (status === null || status === 429 || status >= 500) {
    return new LibraryUnavailable(`${doing}: biblioteket svarar inte${status ? ` (${status})` : ''}: ${detail}`, e);
  }
  if (status === 401) return new LibraryRefused(`${doing}: inloggningen godtas inte (401)`, status);
  // With Sites.Selected this is nearly always a site the administrator has not granted the app yet.
  if (status === 403) {
    return new LibraryRefused(`${doing}: behörighet saknas (403); en administratör behöver ge appen skrivrätt till platsen (Sites.Selected, se README): ${detail}`, status);
  }
  return new LibraryRefused(`${doing}: biblioteket svarade ${status}: ${detail}`, status);
}
