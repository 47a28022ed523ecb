/**
 * `tjansteplan library [--port N] [--file-port M] [--data DIR] [--token T] [--faults SPEC] [--verbose]`: the
 * local library (a Graph v1.0 subset over HTTPS on loopback; Graph on https://localhost:N, file bytes on
 * https://127.0.0.1:M). Once listening it prints one JSON line to stdout,
 * `{"url","siteId","driveId","listId","ca","files"}` (`files`: the file origin, for a page's CSP), and runs
 * until SIGINT/SIGTERM. Port 0 (the default) picks a free port; give fixed ones to resume upload sessions
 * across restarts (their URLs name the file port).
 */
import { DataFolderInUse } from '../simulators/library/dataLock';
import { FaultSpecError } from '../simulators/library/faults';
import { DEFAULT_TOKEN, startLibrary } from '../simulators/library';
import { listOf } from '../simulators/library/siteLists';
import { resolveToken } from './token';
import { UsageError } from './usage';

export interface LibraryCommandOptions {
  port: string;
  filePort?: string;
  data?: string;
  token?: string;
  faults?: string;
  verbose?: boolean;
  emptySite?: boolean;
}

/**
 * The first line `tjansteplan library` prints, as JSON: how a script or test reaches the library it started.
 * A bare site (`--empty-site`) has no drive or list yet and leaves out `driveId` and `listId`.
 */
export interface LibraryLine {
  /** Graph's origin and version: `https://localhost:P/v1.0`. */
  url: string;
  /** The file origin (download and upload URLs): `https://127.0.0.1:Q`. */
  files: string;
  siteId: string;
  driveId: string;
  listId: string;
  /** PEM of the library's own certificate authority. */
  ca: string;
}

export async function libraryCommand(o: LibraryCommandOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const port = portOption('--port', o.port);
  const filePort = portOption('--file-port', o.filePort ?? '0');
  let running;
  try {
    // Only `-` is resolved here: the library's own token never comes from the clients' TJANSTEPLAN_TOKEN.
    const token = o.token === '-' ? await resolveToken('-') : o.token;
    running = await startLibrary({ port, filePort, dataDir: o.data, token, faults: o.faults, emptySite: o.emptySite, log: o.verbose ? err : undefined });
  } catch (e) {
    if (e instanceof FaultSpecError) throw new UsageError(e.message);
    if (e instanceof DataFolderInUse) {
      err(e.message);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const taken = (e as { port?: number }).port ?? port;
      err(`Porten ${taken} är upptagen / port ${taken} is in use`);
      return 2;
    }
    throw e;
  }
  // A site without the library has no drive or list to name until provision creates them.
  const bare = listOf(running.library.store.state) === null;
  const line: LibraryLine | Omit<LibraryLine, 'driveId' | 'listId'> = {
    url: running.url,
    siteId: running.ids.siteId,
    ...(bare ? {} : { driveId: running.ids.driveId, listId: running.ids.listId }),
    ca: running.ca,
    files: running.fileOrigin,
  };
  out(JSON.stringify(line));
  err(`Granskningsvy / reviewers' view: https://localhost:${running.port}/  (data: ${running.library.dataDir}${o.token ? '' : `, token: ${DEFAULT_TOKEN}`})`);
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await running.close();
  return 0;
}

function portOption(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${name}: ${value} är ingen port (0–65535)`);
  return port;
}
