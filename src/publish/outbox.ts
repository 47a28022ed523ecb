/**
 * The outbox: a version to publish (an approved one, or one before a forum) is written here before anything
 * goes on the wire and stays until the library has it, across restarts and crashes, so nothing is lost.
 * States: waiting (not sent yet, or the last try did not get through), sending (a try is under way; found at
 * start-up it means that try was cut short, and its upload session is resumed), landed (in the library) and
 * failed (the library refused it for a reason retrying will not fix, such as a different file under the same
 * name; kept, with the reason, and sent again only when someone asks for it: retry).
 * The storage is a port: a JSON file with atomic writes for the CLI, IndexedDB in the add-in.
 */
import type { PlanSnapshot } from '../domain/snapshot';
import { isLoginRefusal, LibraryRefused, messageOf } from './errors';
import type { PlanLibrary, PublishedFields, PublishOutcome, PublishProgress, PublishRequest } from './planLibrary';

export type OutboxState = 'waiting' | 'sending' | 'landed' | 'failed';

export interface OutboxEntry {
  /** `<period>/<file name>@<first 16 hex of the file's SHA-256>`: the same version sent twice is one entry. */
  id: string;
  state: OutboxState;
  fields: PublishedFields;
  fileName: string;
  fileSha256: string;
  size: number;
  snapshot: PlanSnapshot;
  /** The upload session of a try that was cut short: the next try resumes it. */
  uploadUrl?: string;
  attempts: number;
  /** Why it failed, or why the last try did not land. */
  reason?: string;
  /** Set once landed. */
  webUrl?: string;
  itemId?: string;
  /** `already-published` when the library had it before this outbox sent it. */
  outcome?: 'published' | 'already-published';
  createdAt: string;
  updatedAt: string;
}

/** Where the outbox keeps its entries and the files they publish (by SHA-256). Each write is atomic. */
export interface OutboxStore {
  entries(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  putFile(sha256: string, bytes: Uint8Array): Promise<void>;
  getFile(sha256: string): Promise<Uint8Array | null>;
  deleteFile(sha256: string): Promise<void>;
}

export function outboxId(request: Pick<PublishRequest, 'fields' | 'fileName' | 'fileSha256'>): string {
  return `${request.fields.Planperiod}/${request.fileName}@${request.fileSha256.slice(0, 16)}`;
}

export interface SendReport {
  landed: OutboxEntry[];
  failed: OutboxEntry[];
  /** Still waiting: the library could not be reached (or refused the login); sent again next time. */
  waiting: OutboxEntry[];
}

export interface SendOptions {
  onProgress?: (entry: OutboxEntry, p: PublishProgress) => void;
  /** Only these entries (by id); all pending ones otherwise. */
  only?: readonly string[];
}

/** What retry did with the one entry it was asked about. */
export interface RetryReport extends SendReport {
  /** The entry as it stands afterwards (also in landed, failed or waiting, as send reports it). */
  entry: OutboxEntry;
  /** False when the entry had landed already: nothing went to the library. */
  sent: boolean;
}

export class Outbox {
  constructor(
    private readonly store: OutboxStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Keeps the version before it is sent. A version already in the outbox keeps its entry and state. */
  async add(request: PublishRequest): Promise<OutboxEntry> {
    const id = outboxId(request);
    const known = (await this.store.entries()).find((e) => e.id === id);
    if (known) return known;
    // The file first: an entry is never visible without the bytes it needs.
    await this.store.putFile(request.fileSha256, request.file);
    const at = this.now().toISOString();
    const entry: OutboxEntry = {
      id,
      state: 'waiting',
      fields: request.fields,
      fileName: request.fileName,
      fileSha256: request.fileSha256,
      size: request.file.byteLength,
      snapshot: request.snapshot,
      attempts: 0,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.put(entry);
    return entry;
  }

  entries(): Promise<OutboxEntry[]> {
    return this.store.entries();
  }

  async pending(): Promise<OutboxEntry[]> {
    return (await this.store.entries()).filter((e) => e.state === 'waiting' || e.state === 'sending');
  }

  /**
   * Sends every pending entry, oldest first, each once (the library retries inside). Stops at the first
   * that cannot get through: the library is down for the rest as well, and they keep their place.
   */
  async send(library: PlanLibrary, options: SendOptions = {}): Promise<SendReport> {
    const report: SendReport = { landed: [], failed: [], waiting: [] };
    const queue = (await this.pending())
      .filter((e) => !options.only || options.only.includes(e.id))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (let i = 0; i < queue.length; i++) {
      const done = await this.sendOne(library, queue[i], options);
      if (done.state === 'landed') report.landed.push(done);
      else if (done.state === 'failed') report.failed.push(done);
      else {
        report.waiting.push(done, ...queue.slice(i + 1));
        break;
      }
    }
    return report;
  }

  /**
   * Tries one entry again because someone asked to: a failed one is put back in line first, a waiting one
   * goes now, and a landed one is left as it is. Only this entry is sent, whatever else is pending.
   */
  async retry(library: PlanLibrary, id: string, options: Omit<SendOptions, 'only'> = {}): Promise<RetryReport> {
    const entry = (await this.store.entries()).find((e) => e.id === id);
    if (!entry) throw new Error(`Utkorgen har ingen version med id ${id}.`);
    const report: RetryReport = { landed: [], failed: [], waiting: [], entry, sent: false };
    if (entry.state === 'landed') {
      report.landed.push(entry);
      return report;
    }
    // The attempts go on counting, and the old reason stays until the new try gives its own. A failed try was
    // refused, not cut short, so its upload session is not one to resume (and has likely expired while it
    // waited for someone): a new session costs one request.
    const queued = entry.state === 'failed' ? await this.update(entry, { state: 'waiting', uploadUrl: undefined }) : entry;
    const done = await this.sendOne(library, queued, options);
    report.entry = done;
    report.sent = true;
    if (done.state === 'landed') report.landed.push(done);
    else if (done.state === 'failed') report.failed.push(done);
    else report.waiting.push(done);
    return report;
  }

  private async sendOne(library: PlanLibrary, entry: OutboxEntry, options: SendOptions): Promise<OutboxEntry> {
    let current: OutboxEntry = await this.update(entry, { state: 'sending', attempts: entry.attempts + 1 });
    const file = await this.store.getFile(entry.fileSha256);
    if (!file) return this.update(current, { state: 'failed', reason: 'filen saknas i utkorgen' });
    const request: PublishRequest = { fields: entry.fields, fileName: entry.fileName, file, fileSha256: entry.fileSha256, snapshot: entry.snapshot };
    let outcome: PublishOutcome;
    try {
      outcome = await library.publish(request, {
        resumeUrl: current.uploadUrl,
        onProgress: (p) => options.onProgress?.(current, p),
        onUploadSession: async (url) => {
          current = await this.update(current, { uploadUrl: url ?? undefined });
        },
      });
    } catch (e) {
      const message = messageOf(e);
      // Only a refusal about this version itself fails it; an unreachable library or a login the library
      // does not accept is not the version's fault, so it waits for the next try.
      const final = e instanceof LibraryRefused && !isLoginRefusal(e);
      return this.update(current, { state: final ? 'failed' : 'waiting', reason: message });
    }
    if (outcome.kind === 'conflict') {
      const other = outcome.existing;
      return this.update(current, {
        state: 'failed',
        uploadUrl: undefined,
        reason: `namnet ${entry.fileName} är redan upptaget av en annan fil${other.fileSha256 ? ` (SHA-256 ${other.fileSha256.slice(0, 12)}…)` : ''}; den skrivs aldrig över`,
        webUrl: other.webUrl,
      });
    }
    const landed = await this.update(current, {
      state: 'landed',
      uploadUrl: undefined,
      reason: undefined,
      webUrl: outcome.version.webUrl,
      itemId: outcome.version.itemId,
      outcome: outcome.kind,
    });
    await this.dropFileIfUnused(entry.fileSha256);
    return landed;
  }

  /** A landed version's bytes are in the library now; another entry with the same file may still need them. */
  private async dropFileIfUnused(sha256: string): Promise<void> {
    const users = (await this.store.entries()).filter((e) => e.fileSha256 === sha256 && e.state !== 'landed');
    if (users.length === 0) await this.store.deleteFile(sha256);
  }

  private async update(entry: OutboxEntry, change: Partial<OutboxEntry>): Promise<OutboxEntry> {
    const next: OutboxEntry = { ...entry, ...change, updatedAt: this.now().toISOString() };
    for (const k of Object.keys(next) as (keyof OutboxEntry)[]) if (next[k] === undefined) delete next[k];
    await this.store.put(next);
    return next;
  }
}
