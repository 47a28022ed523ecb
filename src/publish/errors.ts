/**
 * How a library failure reaches the outbox and the CLI: either worth another try later (unreachable,
 * throttled beyond patience) or a refusal that another try will not change. Adapters throw these.
 */

/** The library could not be reached or kept failing after retries: the version waits in the outbox. */
export class LibraryUnavailable extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'LibraryUnavailable';
  }
}

/** The library said no (401 after a fresh token, 403, 400, …), with its HTTP status. */
export class LibraryRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'LibraryRefused';
  }
}

/** A login problem is not the version's fault: it waits until someone signs in again. */
export function isLoginRefusal(e: unknown): boolean {
  return e instanceof LibraryRefused && (e.status === 401 || e.status === 403);
}

/** What a failure says: an Error's message, or whatever else was thrown as text. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What a failure says, in one line: the adapters' messages put the reason first and detail after. */
export function firstLineOf(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0].trim();
}
