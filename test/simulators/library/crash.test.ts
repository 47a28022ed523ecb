/**
 * kill -9 at any moment: the built command is started, files are uploaded (simple PUTs from two writers,
 * and one large upload session fragment by fragment) and the process is killed mid-flight, round after
 * round, on the same data folder and ports. After every restart the store loads, every file whose upload
 * was answered is there byte for byte, no file is there half-written, and the upload session resumes
 * where the last acknowledged fragment ended.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { State } from '../../../src/simulators/library/state';
import { bytes, spawnLibrary, tempDir, TOKEN, trustingDispatcher, type Dispatcher, type Spawned } from './helpers';

jest.setTimeout(300_000);

const KIB320 = 320 * 1024;
const ROUNDS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const auth = { Authorization: `Bearer ${TOKEN}` };

describe('kill -9 during uploads', () => {
  let lib: Spawned | undefined;
  let dispatcher: Dispatcher | undefined;
  let dataDir: string;

  afterAll(async () => {
    lib?.child.kill('SIGKILL');
    await dispatcher?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test(`${ROUNDS} rounds of uploads killed mid-flight: the store loads, answered files are intact, the session resumes`, async () => {
    dataDir = await tempDir();
    lib = await spawnLibrary(['--port', '0', '--data', dataDir, '--token', TOKEN]);
    const port = new URL(lib.info.url).port;
    // The upload URL names the file origin's port: the same one after each restart.
    const filePort = new URL(lib.info.files).port;
    const driveId = encodeURIComponent(lib.info.driveId);
    dispatcher = await trustingDispatcher(lib.info.ca);
    const f = (url: string, init: RequestInit = {}) => fetch(url, { ...init, dispatcher } as RequestInit);
    const fileUrl = (name: string) => `${lib!.info.url}/drives/${driveId}/root:/kill/${encodeURIComponent(name)}:/content?@microsoft.graph.conflictBehavior=fail`;

    const sent = new Map<string, Buffer>();
    const answered = new Set<string>();
    const big = bytes(40 * KIB320 + 17, 9);
    const created = await f(`${lib.info.url}/drives/${driveId}/root:/kill/Stor.xlsx:/createUploadSession`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ item: { '@microsoft.graph.conflictBehavior': 'fail' } }),
    });
    const uploadUrl = ((await created.json()) as { uploadUrl: string }).uploadUrl;
    let acknowledged = 0;
    let bigDone = false;
    let next = 0;

    async function verify(): Promise<void> {
      const listed: { name: string; size: number }[] = [];
      for (let url: string | undefined = `${lib!.info.url}/drives/${driveId}/root:/kill:/children?$top=100`; url; ) {
        const res = await f(url, { headers: auth });
        if (res.status === 404) break;
        const page = (await res.json()) as { value: { name: string; size: number }[]; '@odata.nextLink'?: string };
        listed.push(...page.value);
        url = page['@odata.nextLink'];
      }
      const names = new Set(listed.map((i) => i.name));
      for (const a of answered) expect(names.has(a)).toBe(true);
      for (const item of listed) {
        if (item.name === 'Stor.xlsx') continue;
        const res = await f(fileUrl(item.name).replace(/\?.*$/, ''), { headers: auth });
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(sent.get(item.name)!)).toBe(true);
      }
      if (!bigDone) {
        const st = await f(uploadUrl);
        if (st.status === 404) bigDone = names.has('Stor.xlsx');
        else {
          const ranges = ((await st.json()) as { nextExpectedRanges: string[] }).nextExpectedRanges;
          // Never behind what was acknowledged; at most the one fragment in flight ahead of it.
          expect(parseInt(ranges[0], 10)).toBeGreaterThanOrEqual(acknowledged);
          expect(parseInt(ranges[0], 10)).toBeLessThanOrEqual(acknowledged + 2 * KIB320);
        }
      }
    }

    async function writer(stop: () => boolean): Promise<void> {
      while (!stop()) {
        const n = next++;
        const name = `fil-${n}.json`;
        const data = bytes(40_000 + (n % 7) * 40_000, n + 100);
        sent.set(name, data);
        try {
          const res = await f(fileUrl(name), { method: 'PUT', headers: auth, body: new Uint8Array(data) });
          if (res.status === 201) answered.add(name);
          else throw new Error(`PUT ${name}: ${res.status}`);
        } catch (e) {
          if ((e as Error).name === 'TypeError') return; // the connection went with the process (fetch's TypeError is from Node's realm)
          throw e;
        }
      }
    }

    async function chunker(stop: () => boolean): Promise<void> {
      while (!stop() && !bigDone) {
        try {
          const st = (await (await f(uploadUrl)).json()) as { nextExpectedRanges: string[] };
          const start = parseInt(st.nextExpectedRanges[0], 10);
          const end = Math.min(start + 2 * KIB320, big.length) - 1;
          const res = await f(uploadUrl, { method: 'PUT', headers: { 'Content-Range': `bytes ${start}-${end}/${big.length}` }, body: new Uint8Array(big.subarray(start, end + 1)) });
          if (res.status === 201) bigDone = true;
          else if (res.status === 202) acknowledged = end + 1;
          else throw new Error(`fragment ${start}-${end}: ${res.status}`);
        } catch (e) {
          if ((e as Error).name === 'TypeError') return;
          throw e;
        }
      }
    }

    for (let round = 0; round < ROUNDS; round++) {
      let stopped = false;
      const stop = () => stopped;
      const work = Promise.all([writer(stop), writer(stop), chunker(stop)]);
      await sleep(150 + Math.floor(Math.random() * 400));
      lib.child.kill('SIGKILL');
      await lib.exited;
      stopped = true;
      await work;
      await dispatcher.close();
      lib = await spawnLibrary(['--port', port, '--file-port', filePort, '--data', dataDir, '--token', TOKEN]);
      dispatcher = await trustingDispatcher(lib.info.ca);
      await verify();
    }
    expect(answered.size).toBeGreaterThan(ROUNDS);

    // The session goes on to the end after the last restart.
    await chunker(() => false);
    expect(bigDone).toBe(true);
    const stor = await f(`${lib.info.url}/drives/${driveId}/root:/kill/Stor.xlsx:/content`, { headers: auth });
    expect(Buffer.from(await stor.arrayBuffer()).equals(big)).toBe(true);
    await verify();

    // On disk after a restart: the journal is folded into library.json, which parses, and the blobs are
    // exactly the files it names (leftovers were collected).
    lib.child.kill('SIGTERM');
    await lib.exited;
    lib = await spawnLibrary(['--port', '0', '--data', dataDir, '--token', TOKEN]);
    expect(await readFile(path.join(dataDir, 'journal.jsonl'), 'utf8')).toBe('');
    const state = JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8')) as State;
    const blobs = Object.values(state.items).flatMap((i) => (i.blob ? [i.blob] : []));
    expect(blobs.length).toBeGreaterThan(answered.size);
    expect((await readdir(path.join(dataDir, 'blobs'))).sort()).toEqual(blobs.sort());
    expect(await readdir(path.join(dataDir, 'sessions'))).toEqual([]);
  });
});
