/** The local library as the benchmarks run it: the built command in its own process, as a user starts it. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { LibraryLine } from '../../src/cli/library';

export const BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'tjansteplan.js');
export const TOKEN = 'bench';

/** What `tjansteplan library` prints on its first line. */
export type LibraryInfo = LibraryLine;

export interface RunningLibrary {
  info: LibraryInfo;
  /** The library's address as `--library` takes it: site, drive and list. */
  address: string;
  stop: () => void;
}

export async function startLibrary(data: string): Promise<RunningLibrary> {
  const child = spawn(process.execPath, [BIN, 'library', '--port', '0', '--data', data, '--token', TOKEN], { stdio: ['ignore', 'pipe', 'ignore'] });
  const info = await new Promise<LibraryInfo>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as LibraryInfo);
    });
    child.once('exit', (code) => reject(new Error(`the library exited (${code})`)));
  });
  const address = `${info.url}/sites/${encodeURIComponent(info.siteId)}/drives/${encodeURIComponent(info.driveId)}/lists/${encodeURIComponent(info.listId)}`;
  return { info, address, stop: () => child.kill('SIGTERM') };
}
