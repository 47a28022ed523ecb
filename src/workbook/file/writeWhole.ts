/**
 * Every workbook the command writes is written whole or not at all: into a temporary file beside the
 * target, then moved into place in one step (a rename or a link within a folder is atomic). A failure on
 * the way — a full disk, a folder that is not there, a killed process — leaves what was at the target as it
 * was, and the temporary file is removed.
 */
import { promises as fs } from 'node:fs';

/**
 * `replace`: an existing file at the target is replaced. Without it an existing file is never touched:
 * the write fails with EEXIST, also when the file appeared while this one was being written.
 */
export async function writeWhole(file: string, bytes: Uint8Array, { replace }: { replace: boolean }): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, bytes);
    if (replace) await fs.rename(tmp, file);
    else await fs.link(tmp, file);
  } finally {
    // After a rename there is nothing left to remove; after a link or a failure, the temporary file is.
    await fs.rm(tmp, { force: true });
  }
}
