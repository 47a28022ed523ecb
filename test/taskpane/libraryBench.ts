/**
 * The bench with the local library beside it, as the pane tests that read from the library set it up: its
 * data in a temporary folder removed after the file's tests, and plans published into it the way a
 * controller publishes them, through the built command over HTTPS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { staticTokenProvider } from '../../src/publish/auth/tokenProvider';
import { connect as connectTo, type RunningLibrary, type TestLibrary } from '../publish/helpers';
import { ROOT, useBench, type Bench } from './workbench';

const BIN = path.join(ROOT, 'bin', 'tjansteplan.js');

export interface LibraryBench {
  bench: () => Bench;
  /** The temporary folder (the library's data is in its `library` folder); for the test's own files. */
  dir: () => string;
  /** Publishes a plan to the library with `tjansteplan publish`, as a controller does; rejects on a non-zero exit. */
  publish: (file: string) => Promise<void>;
  /** The bench's library as the publishing tests' helpers address it (over HTTPS, trusting the bench's CA). */
  library: () => RunningLibrary;
  /** A Graph client of the bench's library, for a test that puts there what the command would never publish. */
  connect: () => Promise<TestLibrary>;
}

/** Call at the top of the file, as useBench. `prefix` names the temporary folder; `token` is the library's. */
export function useLibraryBench(prefix: string, token: string): LibraryBench {
  let dir: string | undefined;
  const bench = useBench(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    return { library: { dataDir: path.join(dir, 'library'), token } };
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const folder = () => {
    if (!dir) throw new Error('The bench is not running: it did not start (see the error in beforeAll).');
    return dir;
  };
  const library = (): RunningLibrary => {
    const b = bench();
    const lib = b.library!;
    const { siteId, driveId, listId } = lib.ids;
    return {
      info: { url: lib.url, files: lib.fileOrigin, siteId, driveId, listId, ca: b.caPath },
      address: `${lib.url}/sites/${encodeURIComponent(siteId)}/drives/${encodeURIComponent(driveId)}/lists/${encodeURIComponent(listId)}`,
      dataDir: path.join(folder(), 'library'),
      // The bench closes it.
      stop: async () => undefined,
    };
  };
  const connect = () => connectTo(library(), { tokens: staticTokenProvider(token) });
  const publish = (file: string) => {
    const args = [BIN, 'publish', '--library', library().address, '--token', token, '--ca', bench().caPath, '--outbox', path.join(folder(), 'utkorg.json'), file];
    return new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`publish ${file}: exit ${code}: ${err}`))));
    });
  };
  return { bench, dir: folder, publish, library, connect };
}
