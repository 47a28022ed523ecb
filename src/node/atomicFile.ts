/// <reference types="node" />
// Node only: every file the command, the outbox and the local library write goes through here.
/**
 * Files written whole or not at all: into a temporary file in the same folder, written and fsynced, then
 * moved over the target in one step and the folder fsynced. A reader, or a restart after a crash or kill -9,
 * sees the old file or the new one, never half of one. A failure on the way leaves the target as it was and
 * removes the temporary file; a process killed in the middle leaves its `….tmp` behind (the local library's
 * store clears its own at start).
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

export const TEMP_SUFFIX = '.tmp';

export function tempNameFor(file: string): string {
  return `${file}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}

/** Replaces the target if there is one. `mode` is the new file's permissions (before the umask); 0o600 keeps it to its owner from the first byte. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, mode = 0o666): Promise<void> {
  const tmp = await writtenBeside(file, data, mode);
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await removeQuietly(tmp);
    throw e;
  }
  await fsyncDir(path.dirname(file));
}

/**
 * Never touches a file already at the target: fails with EEXIST, also when the file appeared while this one
 * was being written (a hard link cannot replace). Where the file system has no hard links (FAT, exFAT, some
 * network shares) the temporary file is copied instead, a copy that also refuses an existing target.
 */
export async function writeFileExclusive(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = await writtenBeside(file, data, 0o666);
  try {
    try {
      await fs.link(tmp, file);
    } catch (e) {
      if (!NO_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
      await copyExclusive(tmp, file);
    }
  } finally {
    await removeQuietly(tmp);
  }
  await fsyncDir(path.dirname(file));
}

/** What link() says on a file system without hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

async function copyExclusive(from: string, to: string): Promise<void> {
  try {
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
  } catch (e) {
    // Half a copy is removed, but never a file that was there before (the copy refused it: EEXIST).
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') await removeQuietly(to);
    throw e;
  }
}

async function writtenBeside(file: string, data: Uint8Array | string, mode: number): Promise<string> {
  const tmp = tempNameFor(file);
  const fh = await fs.open(tmp, 'wx', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await removeQuietly(tmp);
    throw e;
  }
  await fh.close();
  return tmp;
}

/** Clearing up after a failure must not hide it: the failure is what the user is told. */
async function removeQuietly(file: string): Promise<void> {
  await fs.rm(file, { force: true }).catch(() => undefined);
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
