/**
 * `journal.jsonl`: one JSON line per committed change, appended and fsynced before the change takes effect
 * or is answered (a write-ahead log). A write then costs its own few hundred bytes, not the whole state
 * (library.json, rewritten only when the store compacts). Replaying a journal is idempotent: each line
 * holds the new value of every entry it touched, so lines already folded into library.json (a crash
 * between writing it and emptying the journal) can be applied again.
 *
 * A crash mid-append leaves at most a partial last line, which was never answered: everything after the
 * last newline is dropped at the next start. A complete line that does not parse is damage and stops the
 * start, as a damaged library.json does.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../../node/atomicFile';
import type { Change } from './draft';

export const JOURNAL_FILE = 'journal.jsonl';

export class Journal {
  /** Set when a failed append could not be undone: appending again would glue onto half a line. */
  private broken: unknown = null;

  private constructor(
    private readonly fh: fs.FileHandle,
    private bytes: number,
  ) {}

  /** Opens (or creates, owner only) the journal for appending. */
  static async open(file: string, mode: number): Promise<Journal> {
    const fh = await fs.open(file, 'a', mode);
    try {
      await fh.chmod(mode);
      const { size } = await fh.stat();
      await fsyncDir(path.dirname(file));
      return new Journal(fh, size);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  /** Bytes in the file, a torn tail from a crash included (the store compacts it away at start). */
  get size(): number {
    return this.bytes;
  }

  /** Appends one change and makes it durable; only then may the caller apply it. */
  async append(change: Change): Promise<void> {
    if (this.broken) throw this.broken;
    const line = Buffer.from(`${JSON.stringify(change)}\n`, 'utf8');
    try {
      await this.fh.appendFile(line);
      await this.fh.datasync();
      this.bytes += line.length;
    } catch (e) {
      // The change is refused; what part of it reached the file must go, or the next line would continue it.
      await this.fh.truncate(this.bytes).catch(() => (this.broken = e));
      throw e;
    }
  }

  /** Empties the journal, once library.json holds everything it said. */
  async reset(): Promise<void> {
    await this.fh.truncate(0);
    await this.fh.sync();
    this.bytes = 0;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

/** The journal's complete lines, in order; none when there is no journal. */
export async function readJournal(file: string): Promise<Change[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const lines = text.split('\n');
  lines.pop(); // after the last newline: empty, or an append a crash cut short (never answered)
  return lines.map((line, i) => {
    let change: unknown;
    try {
      change = JSON.parse(line);
    } catch {
      change = null;
    }
    if (typeof change !== 'object' || change === null || Array.isArray(change)) {
      throw new Error(`${file}:${i + 1}: skadad rad i journalen / damaged journal line`);
    }
    return change as Change;
  });
}
