/**
 * The publishing tests run over real HTTPS against the local library, started as the product starts it:
 * `tjansteplan library --port 0 --data DIR --token T [--faults SPEC]` (the built command, `npm run build`),
 * which prints one JSON line with its URL, ids and CA. Requests are counted on the client side, by the
 * observer at the end of the Graph client's middleware chain: one count per request that went on the wire.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LibraryLine } from '../../src/cli/library';
import { staticTokenProvider, type TokenProvider } from '../../src/publish/auth/tokenProvider';
import { createGraphClient } from '../../src/publish/graph/client';
import { GraphPlanLibrary } from '../../src/publish/graph/graphLibrary';
import { parseLibraryUrl } from '../../src/publish/libraryUrl';
import { readCa, trustedFetch } from '../../src/publish/node/trustedFetch';
import { retryPolicy, type Clock, type RetryPolicy } from '../../src/publish/retry';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'tjansteplan.js');
export const TOKEN = 'test-token';

if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'cli', 'main.js'))) {
  throw new Error('The command is not built: run `npm run build` before the publishing tests (npm test does).');
}

/** The integration suites against the local library: plain describe — they fail, never skip, without it. */
export const withLibrary: jest.Describe = describe;

/** What the library's first line says (url, file origin, ids, CA). */
export type LibraryInfo = LibraryLine;

export interface RunningLibrary {
  info: LibraryInfo;
  /** `…/v1.0/sites/{site}/drives/{drive}/lists/{list}`: what `--library` takes, no lookups needed. */
  address: string;
  dataDir: string;
  stop(): Promise<void>;
}

const madeDirs: string[] = [];

/** A temporary folder, removed after the test file's last test (tests leave nothing behind). */
export function tempDir(prefix = 'tjp-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

const started = new Set<RunningLibrary>();

// Libraries first, so none is still writing to a folder being removed.
afterAll(async () => {
  await Promise.all([...started].map((l) => l.stop()));
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface StartOptions {
  faults?: string;
  dataDir?: string;
  token?: string;
}

/** A library of its own; stopped after the test file's last test if the test has not stopped it. */
export async function startLibrary(o: StartOptions = {}): Promise<RunningLibrary> {
  const dataDir = o.dataDir ?? tempDir('tjp-lib-');
  const args = [BIN, 'library', '--port', '0', '--data', dataDir, '--token', o.token ?? TOKEN, ...(o.faults ? ['--faults', o.faults] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const info = await firstLine(child);
  const address = `${info.url}/sites/${encodeURIComponent(info.siteId)}/drives/${encodeURIComponent(info.driveId)}/lists/${encodeURIComponent(info.listId)}`;
  const lib: RunningLibrary = {
    info,
    address,
    dataDir,
    // Stopping twice is harmless: a child ended by the signal has a signalCode and no exitCode.
    stop: () =>
      new Promise<void>((resolve) => {
        started.delete(lib);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  started.add(lib);
  return lib;
}

/** The shared library of a describe block, and a client connected to it. */
export interface SharedLibrary extends RunningLibrary {
  readonly client: TestLibrary;
}

/**
 * One library for the enclosing describe block: started in its beforeAll (before the block's own hooks declared
 * after this call), stopped in its afterAll. The handle is filled then: read it in tests and hooks, not while
 * the block is being declared.
 */
export function useLibrary(o: StartOptions = {}): SharedLibrary {
  let lib: RunningLibrary | undefined;
  let client: TestLibrary | undefined;
  beforeAll(async () => {
    lib = await startLibrary(o);
    client = await connect(lib);
  });
  afterAll(() => lib?.stop());
  const now = () => {
    if (!lib || !client) throw new Error('the shared library starts in beforeAll: use it inside a test or a hook');
    return { lib, client };
  };
  return {
    get info() {
      return now().lib.info;
    },
    get address() {
      return now().lib.address;
    },
    get dataDir() {
      return now().lib.dataDir;
    },
    get client() {
      return now().client;
    },
    stop: () => now().lib.stop(),
  };
}

/**
 * Libraries of their own for the tests of a describe block, each with its faults (so a shared one stays clean),
 * stopped after the block's last test.
 */
export function librariesWithFaults(): (faults?: string) => Promise<RunningLibrary> {
  const mine: RunningLibrary[] = [];
  afterAll(() => Promise.all(mine.map((l) => l.stop())));
  return async (faults) => {
    const lib = await startLibrary({ faults });
    mine.push(lib);
    return lib;
  };
}

/** The command's arguments that point it at a library: `--library URL --token T --ca FILE`. */
export const libraryArgs = (lib: RunningLibrary): string[] => ['--library', lib.address, '--token', TOKEN, '--ca', lib.info.ca];

function firstLine(child: ChildProcess): Promise<LibraryInfo> {
  return new Promise((resolve, reject) => {
    let out = '';
    let errText = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (errText += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        try {
          resolve(JSON.parse(out.slice(0, nl)) as LibraryInfo);
        } catch (e) {
          reject(new Error(`the library printed no JSON line: ${out}`));
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`the library exited (${code}) before listening: ${errText}`)));
  });
}

export interface Counted {
  method: string;
  url: string;
  /** Whether it carried an Authorization header (it must not, on the file origin). */
  token?: boolean;
}

/** A clock that records each wait and waits only a moment, so Retry-After is checked, not sat through. */
export function quickClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => Date.now(),
    sleep: (ms) => {
      slept.push(ms);
      return new Promise((r) => setTimeout(r, Math.min(ms, 20)));
    },
  };
}

export interface TestLibrary {
  library: GraphPlanLibrary;
  requests: Counted[];
  clock: ReturnType<typeof quickClock>;
  /** Clears the request log (after setting up). */
  reset(): void;
}

export async function connect(lib: RunningLibrary, o: { tokens?: TokenProvider; retry?: Partial<RetryPolicy>; chunkSize?: number } = {}): Promise<TestLibrary> {
  const requests: Counted[] = [];
  const clock = quickClock();
  const retry = { clock, random: () => 0.5, baseDelayMs: 20, ...o.retry };
  const { graphUrl, location } = parseLibraryUrl(lib.address);
  const wire = trustedFetch(await readCa(lib.info.ca));
  const client = createGraphClient({
    url: graphUrl,
    tokens: o.tokens ?? staticTokenProvider(TOKEN),
    retry,
    // Notes on the request just observed whether it carries a token.
    fetch: (input, init) => {
      const last = requests[requests.length - 1];
      if (last) last.token = new Headers(init?.headers as HeadersInit | undefined).has('authorization');
      return wire(input, init);
    },
    observe: (method, url) => requests.push({ method, url: decodeURIComponent(url) }),
  });
  const library = new GraphPlanLibrary(client, location, { retry: retryPolicy(retry), chunkSize: o.chunkSize });
  return { library, requests, clock, reset: () => void (requests.length = 0) };
}

/**
 * Edits a list item's columns through Graph, as anyone who can edit the list can (PATCH …/listItem/fields):
 * what the tool itself never writes. `token` is the library's (TOKEN unless it was started with another).
 */
export async function editListFields(lib: Pick<RunningLibrary, 'info'>, itemId: string, fields: Record<string, string>, token = TOKEN): Promise<void> {
  const fetch = trustedFetch(await readCa(lib.info.ca));
  const patched = await fetch(`${lib.info.url}/drives/${encodeURIComponent(lib.info.driveId)}/items/${encodeURIComponent(itemId)}/listItem/fields`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });
  if (!patched.ok) throw new Error(`PATCH fields: ${patched.status}`);
}

/** One injected fault: requests whose method and path match get a status (with Retry-After) or a dropped connection. */
export interface Fault {
  method?: string;
  /** A part of the request path. */
  path?: string;
  status?: number;
  retryAfter?: number;
  drop?: boolean;
  /** Holds the request this long before answering it normally. */
  delayMs?: number;
  /** Only the n-th matching request (1-based). */
  nth?: number;
  /** The first n matching requests. */
  times?: number;
  /** The bearer token in use expires (401 from then on; the library accepts a fresh `T.<suffix>`). */
  expireToken?: boolean;
  /** Let this many matching requests through first. */
  after?: number;
}

/** The `--faults` argument for the given faults (the local library's syntax). */
export function faultSpec(...faults: Fault[]): string {
  return JSON.stringify(faults);
}
