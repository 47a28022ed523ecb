/**
 * The persisted library: `library.json` (every item and open upload session) and the file contents under
 * `blobs/` and `sessions/`. Every change goes through `transact`, one at a time: the change is made on a
 * copy, written atomically, and only then becomes the state, so a crash at any moment leaves the last
 * committed state on disk. Content is written (and fsynced) before the state that refers to it; files
 * nothing refers to (a crash between the two) are removed on the next start.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDir, TEMP_SUFFIX, writeFileAtomic } from '../../publish/node/atomicFile';
import { lockDataFolder } from './dataLock';
import { initialState, STATE_FORMAT, withIdMaps, type State } from './state';

const STATE_FILE = 'library.json';
const BLOBS = 'blobs';
const SESSIONS = 'sessions';
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

export class Store {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private current: State,
    private readonly release: () => Promise<void>,
  ) {}

  static async open(dir: string, now: () => Date = () => new Date()): Promise<Store> {
    const root = path.resolve(dir);
    // The state holds the secret that signs download and upload URLs, and the blobs are the published
    // plans: owner only (docs/targets.md §3), also for a folder an older version left readable to others.
    for (const sub of [BLOBS, SESSIONS]) {
      await fs.mkdir(path.join(root, sub), { recursive: true, mode: PRIVATE_DIR });
      await fs.chmod(path.join(root, sub), PRIVATE_DIR);
    }
    await fs.chmod(root, PRIVATE_DIR);
    await fs.chmod(path.join(root, STATE_FILE), PRIVATE_FILE).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    const release = await lockDataFolder(root);
    try {
      const state = await readState(root);
      const store = new Store(root, state ?? initialState(now()), release);
      if (!state) await store.transact(() => undefined);
      await store.collectGarbage(now());
      return store;
    } catch (e) {
      await release();
      throw e;
    }
  }

  /** The committed state. Read it, never change it: changes go through `transact`. */
  get state(): State {
    return this.current;
  }

  /** Runs `change` on a copy of the state and commits the copy, unless `change` throws. One at a time. */
  transact<T>(change: (draft: State) => T | Promise<T>): Promise<T> {
    const run = async () => {
      const draft = withIdMaps(structuredClone(this.current));
      const result = await change(draft);
      await writeFileAtomic(path.join(this.dir, STATE_FILE), JSON.stringify(draft, null, 1), PRIVATE_FILE);
      this.current = draft;
      return result;
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
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
