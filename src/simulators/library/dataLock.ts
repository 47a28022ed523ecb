/**
 * One library process per data folder: `library.lock` holds the owner's pid. A lock left by a process that
 * no longer runs (kill -9) is taken over; one held by a running process is refused.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../node/atomicFile';

export class DataFolderInUse extends Error {
  constructor(dir: string, pid: number) {
    super(`Datamappen ${dir} används redan av ett annat bibliotek (process ${pid}) / the data folder is in use`);
    this.name = 'DataFolderInUse';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockDataFolder(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, 'library.lock');
  const mine = String(process.pid);
  try {
    await fs.writeFile(file, mine, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const owner = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
    if (owner && owner !== process.pid && alive(owner)) throw new DataFolderInUse(dir, owner);
    await writeFileAtomic(file, mine, 0o600);
  }
  return async () => {
    const owner = await fs.readFile(file, 'utf8').catch(() => '');
    if (owner.trim() === mine) await fs.rm(file, { force: true });
  };
}
