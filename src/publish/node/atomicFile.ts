/// <reference types="node" />
// Node only: the CLI's outbox and the local library write through it.
/**
 * Crash-safe writes: a temporary file in the same folder, written and fsynced, then renamed over the target
 * and the folder fsynced. A reader (or a restart after kill -9) sees the old file or the new one, never half.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const TEMP_SUFFIX = '.tmp';

export function tempNameFor(file: string): string {
  return `${file}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}

/** `mode` is the new file's permissions (before the umask); 0o600 keeps it to its owner from the first byte. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, mode = 0o666): Promise<void> {
  const tmp = tempNameFor(file);
  const fh = await fs.open(tmp, 'w', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(path.dirname(file));
}

/** Makes a rename or a new file in `dir` durable. Windows cannot open folders; there the rename suffices. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(dir, 'r');
    await fh.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw e;
  } finally {
    await fh?.close();
  }
}
