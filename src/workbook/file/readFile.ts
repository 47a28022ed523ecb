/**
 * Reading a workbook file's bytes, refusing what is not an ordinary file of a sane size. The check is made
 * on the opened descriptor (fstat), not on the path, so nothing can be swapped in between; opening does
 * not block, so a named pipe without a writer is refused instead of hanging.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UnreadableWorkbook } from './unreadable';

/** Far above any real plan (a 50 000-row plan is about 2 MB). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export async function readWorkbookFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<Buffer> {
  // Synchronous on purpose: a command reads its files one after another, and each asynchronous call
  // waits for a thread of the pool, which on a busy machine costs more than the read itself.
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableWorkbook(file, openReason(e as NodeJS.ErrnoException));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UnreadableWorkbook(file, 'det är en mapp, inte en fil');
    if (!stat.isFile()) throw new UnreadableWorkbook(file, `det är ingen vanlig fil (${kindOf(stat)}); bara vanliga filer läses`);
    if (stat.size > maxBytes) throw new UnreadableWorkbook(file, `filen är ${megabytes(stat.size)}, mer än de ${megabytes(maxBytes)} som läses`);
    // Read one byte past the size: a file that grew since fstat is refused rather than read without end.
    const buffer = Buffer.alloc(stat.size + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled > stat.size) throw new UnreadableWorkbook(file, 'filen ändras medan den läses; försök igen');
    return buffer.subarray(0, filled);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw e;
    throw new UnreadableWorkbook(file, openReason(e as NodeJS.ErrnoException));
  } finally {
    closeSync(fd);
  }
}

function openReason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'filen finns inte';
    case 'EISDIR':
      return 'det är en mapp, inte en fil';
    case 'EACCES':
    case 'EPERM':
      return 'saknar läsbehörighet';
    case 'ELOOP':
      return 'länken pekar på sig själv';
    default:
      return String(e.message).split('\n')[0];
  }
}

function kindOf(stat: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isFIFO()) return 'en namngiven pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'en enhet';
  if (stat.isSocket()) return 'en socket';
  return 'okänd sort';
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
}
