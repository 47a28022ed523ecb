/// <reference types="node" />
// Node only (the web typecheck also sees src/publish, so this file brings its own Node types).
/**
 * The CLI's outbox store: the entries in one JSON file (`--outbox FILE`) and each file to publish beside it
 * in `FILE.filer/<sha256>`. Every write goes to a temporary file that is flushed and then renamed over the
 * old one, so a crash at any moment leaves either the old or the new content, never half of it. Writes from
 * one process are queued; two processes sharing one outbox at the same time are not supported.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OutboxEntry, OutboxStore } from '../outbox';
import { writeFileAtomic } from '../../node/atomicFile';

const FORMAT = 'tjansteplan.outbox/1';

interface OutboxFile {
  format: typeof FORMAT;
  entries: OutboxEntry[];
}

/** Into the outbox's folder, made on first use, through the crash-safe write the local library uses too. */
async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, data);
}

export class FileOutboxStore implements OutboxStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  private get filesDir(): string {
    return `${this.file}.filer`;
  }

  private fileOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`ogiltig SHA-256: ${sha256}`);
    return path.join(this.filesDir, sha256);
  }

  /** One write at a time, in order: a read-modify-write never loses another's change. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async entries(): Promise<OutboxEntry[]> {
    await this.queue;
    return this.read();
  }

  private async read(): Promise<OutboxEntry[]> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const parsed = JSON.parse(text) as OutboxFile;
    if (parsed.format !== FORMAT || !Array.isArray(parsed.entries)) throw new Error(`${this.file} är ingen utkorg för tjansteplan`);
    return parsed.entries;
  }

  put(entry: OutboxEntry): Promise<void> {
    return this.serial(async () => {
      const entries = await this.read();
      const i = entries.findIndex((e) => e.id === entry.id);
      if (i >= 0) entries[i] = entry;
      else entries.push(entry);
      const body: OutboxFile = { format: FORMAT, entries };
      await writeAtomically(this.file, JSON.stringify(body, null, 1));
    });
  }

  putFile(sha256: string, bytes: Uint8Array): Promise<void> {
    return this.serial(() => writeAtomically(this.fileOf(sha256), bytes));
  }

  async getFile(sha256: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.readFile(this.fileOf(sha256)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  deleteFile(sha256: string): Promise<void> {
    return this.serial(() => fs.rm(this.fileOf(sha256), { force: true }));
  }
}
