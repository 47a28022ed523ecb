/**
 * The local library over real HTTPS for the tests: started in-process on port 0 with a fresh data folder,
 * and reached with the official Graph client (3.0.7) exactly as the publisher reaches Graph: `baseUrl` set
 * to the library and `customHosts` naming localhost, so the client attaches the bearer token.
 *
 * Trusting the library's certificate in-process: Node 20's fetch (undici) reads extra CAs only at start-up
 * (NODE_EXTRA_CA_CERTS) and does not export its Agent class. The global dispatcher it creates on first use is
 * such an Agent, so a new one with our CA is made from its constructor and handed to the client as
 * `fetchOptions.dispatcher`, which the client passes to fetch untouched. Under Jest the dispatcher sits on
 * the outer realm's global, reached through fetch's own Function constructor.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { LibraryLine } from '../../../src/cli/library';
import { startLibrary, type LibraryOptions, type RunningLibrary } from '../../../src/simulators/library';

export const TOKEN = 'test-token';
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(ROOT, 'bin', 'tjansteplan.js');

export interface Dispatcher {
  close(): Promise<void>;
}

let agentClass: (new (o: object) => Dispatcher) | undefined;

async function undiciAgent(): Promise<new (o: object) => Dispatcher> {
  if (agentClass) return agentClass;
  await fetch('data:,');
  const outer = (fetch as unknown as { constructor: FunctionConstructor }).constructor('return globalThis')() as Record<symbol, unknown>;
  const global = (outer[Symbol.for('undici.globalDispatcher.1')] ?? (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')]) as object | undefined;
  if (!global) throw new Error("Node's fetch dispatcher was not found");
  agentClass = global.constructor as new (o: object) => Dispatcher;
  return agentClass;
}

/** A fetch dispatcher that trusts the system's roots and the CA at `caPath`. */
export async function trustingDispatcher(caPath: string): Promise<Dispatcher> {
  const Agent = await undiciAgent();
  return new Agent({ connect: { ca: [...tls.rootCertificates, readFileSync(caPath, 'utf8')] } });
}

export interface TestLibrary {
  running: RunningLibrary;
  dataDir: string;
  /** A fetch dispatcher that trusts the library's CA. */
  dispatcher: Dispatcher;
  /** The Graph client; `token()` is asked on every request. */
  client(token?: () => string): Client;
  /** fetch against the library, trusting its CA. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export async function tempDir(prefix = 'tjp-lib-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function startTestLibrary(o: LibraryOptions & { port?: number } = {}): Promise<TestLibrary> {
  const dataDir = o.dataDir ?? (await tempDir());
  const running = await startLibrary({ token: TOKEN, ...o, dataDir });
  const dispatcher = await trustingDispatcher(running.ca);
  return {
    running,
    dataDir,
    dispatcher,
    client: (token = () => TOKEN) =>
      Client.init({
        baseUrl: running.url.replace(/\/v1\.0$/, ''),
        defaultVersion: 'v1.0',
        customHosts: new Set(['localhost']),
        authProvider: (done) => done(null, token()),
        fetchOptions: { dispatcher } as unknown as RequestInit,
      }),
    fetch: (url, init = {}) => fetch(url, { ...init, dispatcher } as RequestInit),
    stop: async () => {
      await running.close();
      await dispatcher.close();
      if (!o.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `2022–2024/Ekonomi 2022–2024 v1.0.xlsx` → a Graph path below the drive root, each segment encoded. */
export function byPath(driveId: string, ...segments: string[]): string {
  return `/drives/${encodeURIComponent(driveId)}/root:/${segments.map(encodeURIComponent).join('/')}`;
}

/** The status and Graph error code of a rejected client call. */
export async function failure(p: Promise<unknown>): Promise<{ statusCode: number; code: string; headers?: Headers; body?: unknown }> {
  try {
    await p;
  } catch (e) {
    const g = e as { statusCode: number; code: string; headers?: Headers; body?: unknown };
    return { statusCode: g.statusCode, code: g.code, headers: g.headers, body: g.body };
  }
  throw new Error('expected the request to fail');
}

/** Deterministic bytes of a given size (not all equal, so offsets matter). */
export function bytes(size: number, seed = 1): Buffer {
  const b = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

export type { LibraryLine };

export interface Spawned {
  child: ChildProcess;
  info: LibraryLine;
  /** Everything printed to stdout so far. */
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

if (!existsSync(path.join(ROOT, 'dist', 'src', 'simulators', 'library', 'index.js'))) {
  throw new Error('The command is not built: run `npm run build` before the library tests (npm test does).');
}

/** `tjansteplan library ARGS` as a child process (the built command), resolved once its JSON line is out. */
export function spawnLibrary(args: string[]): Promise<Spawned> {
  const child = spawn(process.execPath, [BIN, 'library', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        try {
          resolve({ child, info: JSON.parse(out.slice(0, nl)) as LibraryLine, stdout: () => out, stderr: () => err, exited });
        } catch {
          reject(new Error(`not a JSON line: ${out}`));
        }
      }
    });
    void exited.then((code) => reject(new Error(`the library exited (${code}) before listening: ${err}`)));
  });
}
