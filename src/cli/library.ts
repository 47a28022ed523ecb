/**
 * `tjansteplan library [--port N] [--data DIR] [--token T] [--faults SPEC] [--verbose]`: the local library
 * (a Graph v1.0 subset over HTTPS on loopback). Once listening it prints one JSON line to stdout,
 * `{"url","siteId","driveId","listId","ca"}`, and runs until SIGINT/SIGTERM. Port 0 (the default) picks a
 * free port; give a fixed one to resume upload sessions across restarts (their URLs name the port).
 */
import { DataFolderInUse } from '../server/library/dataLock';
import { FaultSpecError } from '../server/library/faults';
import { DEFAULT_TOKEN, startLibrary } from '../server/library';
import { listOf } from '../server/library/siteLists';
import { UsageError } from './usage';

export interface LibraryCommandOptions {
  port: string;
  data?: string;
  token?: string;
  faults?: string;
  verbose?: boolean;
  emptySite?: boolean;
}

export async function libraryCommand(o: LibraryCommandOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: ${o.port} är ingen port (0–65535)`);
  let running;
  try {
    running = await startLibrary({ port, dataDir: o.data, token: o.token, faults: o.faults, emptySite: o.emptySite, log: o.verbose ? err : undefined });
  } catch (e) {
    if (e instanceof FaultSpecError) throw new UsageError(e.message);
    if (e instanceof DataFolderInUse) {
      err(e.message);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      err(`Porten ${port} är upptagen / port ${port} is in use`);
      return 2;
    }
    throw e;
  }
  // A site without the library has no drive or list to name until provision creates them.
  const bare = listOf(running.library.store.state) === null;
  out(JSON.stringify({ url: running.url, siteId: running.ids.siteId, ...(bare ? {} : { driveId: running.ids.driveId, listId: running.ids.listId }), ca: running.ca }));
  err(`Granskningsvy / reviewers' view: https://localhost:${running.port}/  (data: ${running.library.dataDir}${o.token ? '' : `, token: ${DEFAULT_TOKEN}`})`);
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await running.close();
  return 0;
}
