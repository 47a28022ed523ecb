/**
 * The persisted library: `library.json` (a snapshot of every item and open upload session), `journal.jsonl`
 * (every change since the snapshot, journal.ts) and the file contents under `blobs/` and `sessions/`. Every
 * change goes through `transact`, one at a time: the change is made on a draft (draft.ts), appended to the
 * journal and fsynced, and only then becomes the state, so a crash at any moment leaves every acknowledged
 * change on disk. The store compacts (writes library.json atomically, empties the journal) at start and
 * when the journal outgrows the snapshot. Content is written (and fsynced) before the state that refers to
 * it; files nothing refers to (a crash between the two) are removed on the next start.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDir, TEMP_SUFFIX, writeFileAtomic } from '../../node/atomicFile';
import { ChildIndex, registerChildren } from './children';
import { lockDataFolder } from './dataLock';
import { applyChange, Drafts, freezeEntries } from './draft';
import { Journal, JOURNAL_FILE, readJournal } from './journal';
import { initialState, STATE_FORMAT, withIdMaps, type State } from './state';

const STATE_FILE = 'library.json';
const BLOBS = 'blobs';
const SESSIONS = 'sessions';
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;
/** The journal is folded into library.json once it is larger than this and than library.json itself. */
const MIN_COMPACTION_BYTES = 4 * 1024 * 1024;

export interface StoreOptions {
  /** Journal bytes that trigger a compaction (tests); by default the larger of 4 MiB and library.json. */
  compactAfter?: number;
}

export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private snapshotBytes = 0;
  private readonly drafts: Drafts;
  /** The committed items' children by folder (children.ts): the state's items map stays the same object. */
  private readonly children: ChildIndex;

  private constructor(
    readonly dir: string,
    private current: State,
    private readonly journal: Journal,
    private readonly release: () => Promise<void>,
    private readonly options: StoreOptions,
  ) {
    this.children = new ChildIndex(current.items);
    registerChildren(current.items, (parentId) => this.children.ids(parentId));
    this.drafts = new Drafts(current, this.children);
  }

  static async open(dir: string, now: () => Date = () => new Date(), options: StoreOptions = {}): Promise<Store> {
    const root = path.resolve(dir);
    // The state holds the secret that signs download and upload URLs, and the blobs are the published
    // plans: owner only (docs/targets.md §3), also for a folder an older version left readable to others.
    for (const sub of [BLOBS, SESSIONS]) {
      await fs.mkdir(path.join(root, sub), { recursive: true, mode: PRIVATE_DIR });
      await fs.chmod(path.join(root, sub), PRIVATE_DIR);
    }
    await fs.chmod(root, PRIVATE_DIR);
    for (const file of [STATE_FILE, JOURNAL_FILE]) {
      await fs.chmod(path.join(root, file), PRIVATE_FILE).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    }
    const release = await lockDataFolder(root);
    let journal: Journal | undefined;
    try {
      const snapshot = await readState(root);
      const changes = await readJournal(path.join(root, JOURNAL_FILE));
      if (!snapshot && changes.length > 0) throw new Error(`${path.join(root, JOURNAL_FILE)}: en journal utan ${STATE_FILE} / a journal without its snapshot`);
      let state = freezeEntries(snapshot ?? initialState(now()));
      for (const c of changes) state = applyChange(state, c);
      journal = await Journal.open(path.join(root, JOURNAL_FILE), PRIVATE_FILE);
      const store = new Store(root, state, journal, release, options);
      // Also drops a torn last line, before anything is appended after it.
      if (!snapshot || journal.size > 0) await store.compact();
      else store.snapshotBytes = (await fs.stat(path.join(root, STATE_FILE))).size;
      await store.collectGarbage(now());
      return store;
    } catch (e) {
      await journal?.close();
      await release();
      throw e;
    }
  }

  /**
   * The committed state. Read it, never change it (its items, sessions and fields are frozen): changes go
   * through `transact`. The object stays current: a commit puts its entries into the same maps.
   */
  get state(): State {
    return this.current;
  }

  /** Bumped by every commit that changed an item: what is derived from the items holds until it moves. */
  get revision(): number {
    return this.children.revision;
  }

  /**
   * Runs `change` on a draft of the state and commits what it changed, unless `change` throws. One at a
   * time; the promise settles once the change is durable.
   */
  transact<T>(change: (draft: State) => T | Promise<T>): Promise<T> {
    const run = async () => {
      const draft = this.drafts.begin(this.current);
      let result: T;
      try {
        result = await change(draft.state);
      } catch (e) {
        draft.finish();
        throw e;
      }
      const changed = draft.finish();
      if (changed) {
        await this.journal.append(changed);
        this.children.update(this.current.items, changed.items);
        this.current = applyChange(this.current, changed);
        this.drafts.committed(changed);
        // The change is durable already; a compaction that fails (disk full) is tried again at the next one.
        if (this.journal.size > (this.options.compactAfter ?? Math.max(MIN_COMPACTION_BYTES, this.snapshotBytes))) await this.compact().catch(() => undefined);
      }
      return result;
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** Folds the journal into library.json: the snapshot first (atomically), then the journal emptied. */
  private async compact(): Promise<void> {
    const text = JSON.stringify(this.current, null, 1);
    await writeFileAtomic(path.join(this.dir, STATE_FILE), text, PRIVATE_FILE);
    this.snapshotBytes = Buffer.byteLength(text);
    await this.journal.reset();
  }

  blobPath(name: string): string {
    return path.join(this.dir, BLOBS, name);
  }

  sessionPath(id: string): string {
    return path.join(this.dir, SESSIONS, `${id}.part`);
  }

  /** Writes a new content file (durably) and returns its name; it counts once a committed item names it. */
  async writeBlob(data: Buffer): Promise<string> {
    const name = `${randomBytes(12).toString('hex')}.bin`;
    await writeFileAtomic(this.blobPath(name), data, PRIVATE_FILE);
    return name;
  }

  /** Removes a content file nothing refers to any more (a failed placement, replaced content). */
  async removeBlob(name: string): Promise<void> {
    await fs.rm(this.blobPath(name), { force: true });
  }

  readBlob(name: string): Promise<Buffer> {
    return fs.readFile(this.blobPath(name));
  }

  /** Writes an upload fragment at `offset` of the session's file, durably. The state says how much counts. */
  async writeFragment(sessionId: string, offset: number, data: Buffer): Promise<void> {
    const file = this.sessionPath(sessionId);
    let fh: fs.FileHandle;
    let created = false;
    try {
      fh = await fs.open(file, 'r+');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      fh = await fs.open(file, 'w+', PRIVATE_FILE);
      created = true;
    }
    try {
      await fh.write(data, 0, data.length, offset);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (created) await fsyncDir(path.dirname(file));
  }

  /** Turns a completed session's file (its first `size` bytes) into a content file; returns its name. */
  async blobFromSession(sessionId: string, size: number): Promise<string> {
    const from = this.sessionPath(sessionId);
    const fh = await fs.open(from, 'r+');
    try {
      await fh.truncate(size);
      await fh.sync();
    } finally {
      await fh.close();
    }
    const name = `${randomBytes(12).toString('hex')}.bin`;
    try {
      await fs.link(from, this.blobPath(name));
    } catch {
      await writeFileAtomic(this.blobPath(name), await fs.readFile(from), PRIVATE_FILE);
    }
    await fsyncDir(path.join(this.dir, BLOBS));
    return name;
  }

  async removeSessionFile(sessionId: string): Promise<void> {
    await fs.rm(this.sessionPath(sessionId), { force: true });
  }

  async close(): Promise<void> {
    await this.queue;
    await this.journal.close();
    await this.release();
  }

  /** Expired sessions, and files no committed state refers to (left by a crash), go. */
  private async collectGarbage(now: Date): Promise<void> {
    const expired = Object.values(this.current.sessions).filter((s) => Date.parse(s.expires) <= now.getTime());
    if (expired.length > 0) await this.transact((d) => expired.forEach((s) => delete d.sessions[s.id]));
    const blobs = new Set(Object.values(this.current.items).flatMap((i) => (i.blob ? [i.blob] : [])));
    const sessions = new Set(Object.keys(this.current.sessions).map((id) => `${id}.part`));
    await removeUnlisted(path.join(this.dir, BLOBS), blobs);
    await removeUnlisted(path.join(this.dir, SESSIONS), sessions);
    for (const f of await fs.readdir(this.dir)) if (f.endsWith(TEMP_SUFFIX)) await fs.rm(path.join(this.dir, f), { force: true });
  }
}

async function removeUnlisted(dir: string, keep: Set<string>): Promise<void> {
  for (const f of await fs.readdir(dir)) if (!keep.has(f)) await fs.rm(path.join(dir, f), { force: true });
}

async function readState(dir: string): Promise<State | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, STATE_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const state = JSON.parse(text) as State;
  if (state.format !== STATE_FORMAT) throw new Error(`${path.join(dir, STATE_FILE)}: okänt format ${state.format} / unknown format`);
  return withIdMaps(state);
}
