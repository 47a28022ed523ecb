/**
 * The outbox with its file store, against the local library: a version added while the library is down
 * waits (with the reason) and lands on a later run from a fresh process's view of the same file; a conflict
 * fails with its reason and stays; nothing is lost or sent twice; every write leaves a whole file. Retrying
 * one entry sends that entry only: a refused or unlucky version lands once, a conflict stays failed, and a
 * landed one costs the library nothing (its own request counts say so).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FileOutboxStore } from '../../src/publish/node/fileOutboxStore';
import { CHUNK_UNIT } from '../../src/publish/graph/upload';
import { nodePlanLibrary } from '../../src/publish/node/connect';
import { readCa, trustedFetch } from '../../src/publish/node/trustedFetch';
import { Outbox, outboxId } from '../../src/publish/outbox';
import { connect, faultSpec, librariesWithFaults, tempDir, TOKEN, type RunningLibrary, useLibrary, withLibrary } from './helpers';
import { approvedAt, requestFor, writePlan } from './plans';

jest.setTimeout(60_000);

withLibrary('the outbox against the local library', () => {

  const lib = useLibrary();
  const libraryWith = librariesWithFaults();

  /** What the library itself counted: requests that reached it, whatever the client thinks it sent. */
  async function libraryRequests(l: RunningLibrary): Promise<number> {
    const fetch = trustedFetch(await readCa(l.info.ca));
    const response = await fetch(`${new URL(l.info.url).origin}/_library/stats`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    return ((await response.json()) as { requests: number }).requests;
  }

  const fast = { baseDelayMs: 1, maxDelayMs: 5, maxRetries: 2 };

  test('a version waits while the library cannot be reached, then lands on the next run; nothing is lost or sent twice', async () => {
    const file = path.join(tempDir(), 'utkorg.json');
    const request = await requestFor(await writePlan(tempDir(), { area: 'Ekonomi', versions: approvedAt('3.0') }));
    const down = await nodePlanLibrary({ url: 'https://localhost:1/v1.0/sites/s/drives/d/lists/l', token: TOKEN, retry: fast });

    const first = new Outbox(new FileOutboxStore(file));
    await first.add(request);
    const report = await first.send(down);
    expect(report.waiting.map((e) => e.fileName)).toEqual([request.fileName]);
    expect(report.waiting[0].reason).toMatch(/svarar inte/);
    expect(report.waiting[0].attempts).toBe(1);

    // A later run: a new process reading the same outbox file.
    const t = await connect(lib);
    const again = new Outbox(new FileOutboxStore(file));
    await again.add(request);
    expect(await again.entries()).toHaveLength(1);
    const sent = await again.send(t.library);
    expect(sent.landed).toHaveLength(1);
    expect(sent.landed[0]).toMatchObject({ state: 'landed', outcome: 'published', attempts: 2 });
    expect(sent.landed[0].webUrl).toMatch(/^https:\/\//);
    expect(t.requests.filter((r) => r.method === 'PUT' && r.url.endsWith('.xlsx:/content?@microsoft.graph.conflictBehavior=fail'))).toHaveLength(1);
    // Landed: its bytes are no longer kept, and a third run sends nothing.
    expect(readdirSync(`${file}.filer`)).toEqual([]);
    t.reset();
    expect((await new Outbox(new FileOutboxStore(file)).send(t.library)).landed).toEqual([]);
    expect(t.requests).toEqual([]);
  });

  test('a conflict fails with its reason and stays in the outbox; other versions still go', async () => {
    const file = path.join(tempDir(), 'utkorg.json');
    const t = await connect(lib);
    const original = await requestFor(await writePlan(tempDir(), { area: 'HR', versions: approvedAt('3.0'), development: 1 }));
    const changed = await requestFor(await writePlan(tempDir(), { area: 'HR', versions: approvedAt('3.0'), development: 2 }));
    const other = await requestFor(await writePlan(tempDir(), { area: 'IT', versions: approvedAt('3.0') }));
    expect((await t.library.publish(original)).kind).toBe('published');

    const outbox = new Outbox(new FileOutboxStore(file));
    await outbox.add(changed);
    await outbox.add(other);
    const report = await outbox.send(t.library);
    expect(report.failed.map((e) => e.fileName)).toEqual([changed.fileName]);
    expect(report.failed[0].reason).toMatch(/redan upptaget av en annan fil.*skrivs aldrig över/);
    expect(report.landed.map((e) => e.fileName)).toEqual([other.fileName]);
    const kept = await new Outbox(new FileOutboxStore(file)).entries();
    expect(kept.map((e) => [e.fileName, e.state])).toEqual([
      [changed.fileName, 'failed'],
      [other.fileName, 'landed'],
    ]);
    // The refused version's bytes stay with it.
    expect(existsSync(path.join(`${file}.filer`, changed.fileSha256))).toBe(true);
  });

  test('retry sends only the entry asked for: a version the library could not take lands exactly once, the other keeps its place', async () => {
    // Three 503s outlast the client's two retries: the first send gives up, a later try gets through.
    const down = await libraryWith(faultSpec({ method: 'PUT', path: '.xlsx:/content', status: 503, retryAfter: 1, times: 3 }));
    const t = await connect(down, { retry: { maxRetries: 2 } });
    const file = path.join(tempDir(), 'utkorg.json');
    const first = await requestFor(await writePlan(tempDir(), { area: 'Ekonomi', versions: approvedAt('3.0') }));
    const second = await requestFor(await writePlan(tempDir(), { area: 'HR', versions: approvedAt('3.0') }));
    const outbox = new Outbox(new FileOutboxStore(file));
    await outbox.add(first);
    await outbox.add(second);
    const report = await outbox.send(t.library);
    expect(report.waiting.map((e) => [e.fileName, e.attempts])).toEqual([
      [first.fileName, 1],
      [second.fileName, 0],
    ]);
    expect(report.waiting[0].reason).toMatch(/svarar inte \(503\)/);

    // Retried from a fresh view of the same outbox, as after a reload of the pane.
    t.reset();
    const retried = await new Outbox(new FileOutboxStore(file)).retry(t.library, outboxId(second));
    expect(retried.sent).toBe(true);
    expect(retried.entry).toMatchObject({ fileName: second.fileName, state: 'landed', outcome: 'published', attempts: 1 });
    expect(retried.landed).toEqual([retried.entry]);
    expect([retried.failed, retried.waiting]).toEqual([[], []]);
    const puts = t.requests.filter((r) => r.method === 'PUT' && r.url.endsWith('.xlsx:/content?@microsoft.graph.conflictBehavior=fail'));
    expect(puts.map((r) => path.basename(r.url.split(':/content')[0]))).toEqual([second.fileName]);
    const untouched = (await outbox.entries()).find((e) => e.id === outboxId(first))!;
    expect(untouched).toMatchObject({ state: 'waiting', attempts: 1, reason: report.waiting[0].reason });

    const again = await outbox.retry(t.library, outboxId(first));
    expect(again.entry).toMatchObject({ state: 'landed', outcome: 'published', attempts: 2 });
    expect(again.entry.reason).toBeUndefined();
    const listed = await t.library.listVersions('2022–2024');
    expect(listed.map((v) => v.fields.Tjansteomrade).sort()).toEqual(['Ekonomi', 'HR']);
  });

  test('retry of a version refused in the middle of its upload starts a new session and lands once', async () => {
    // The second chunk finds its session gone, and the check whether the file got there is refused: the
    // version fails with the session it had opened still on it.
    const refusing = await libraryWith(
      faultSpec({ method: 'PUT', path: '/upload/', status: 404, after: 1, times: 1 }, { method: 'GET', path: '.xlsx', status: 400, times: 1 }),
    );
    const t = await connect(refusing, { chunkSize: 4 * CHUNK_UNIT });
    const file = path.join(tempDir(), 'utkorg.json');
    const request = await requestFor(await writePlan(tempDir(), { area: 'Inköp', versions: approvedAt('3.0'), padBytes: 4_600_000 }));
    const outbox = new Outbox(new FileOutboxStore(file));
    await outbox.add(request);
    const [failed] = (await outbox.send(t.library)).failed;
    expect(failed.reason).toMatch(/biblioteket svarade 400/);
    expect(failed.uploadUrl).toBeDefined();
    // A failed version is not sent again by itself.
    t.reset();
    expect(await outbox.send(t.library)).toEqual({ landed: [], failed: [], waiting: [] });
    expect(t.requests).toEqual([]);

    const retried = await outbox.retry(t.library, failed.id);
    expect(retried.entry).toMatchObject({ state: 'landed', outcome: 'published', attempts: 2 });
    expect(retried.entry.reason).toBeUndefined();
    expect(retried.entry.uploadUrl).toBeUndefined();
    expect(t.requests.filter((r) => r.url.endsWith(':/createUploadSession'))).toHaveLength(1);
    const abandoned = decodeURIComponent(failed.uploadUrl!.split('?')[0]);
    expect(t.requests.filter((r) => r.url.startsWith(abandoned))).toEqual([]);
    expect((await t.library.listVersions('2022–2024')).map((v) => v.fields.Tjansteomrade)).toEqual(['Inköp']);
    expect(readdirSync(`${file}.filer`)).toEqual([]);
  });

  test('retry of a conflict asks the library again and stays failed with its reason; the other file is untouched', async () => {
    const file = path.join(tempDir(), 'utkorg.json');
    const t = await connect(lib);
    const original = await requestFor(await writePlan(tempDir(), { area: 'Kultur', versions: approvedAt('3.0'), development: 1 }));
    const changed = await requestFor(await writePlan(tempDir(), { area: 'Kultur', versions: approvedAt('3.0'), development: 2 }));
    expect((await t.library.publish(original)).kind).toBe('published');
    const outbox = new Outbox(new FileOutboxStore(file));
    await outbox.add(changed);
    const [failed] = (await outbox.send(t.library)).failed;
    expect(failed.reason).toMatch(/redan upptaget av en annan fil.*skrivs aldrig över/);

    t.reset();
    const retried = await outbox.retry(t.library, failed.id);
    expect(retried.sent).toBe(true);
    expect(retried.failed).toEqual([retried.entry]);
    expect(retried.entry).toMatchObject({ state: 'failed', attempts: 2, reason: failed.reason });
    expect(t.requests.filter((r) => r.method === 'PUT' && r.url.endsWith('.xlsx:/content?@microsoft.graph.conflictBehavior=fail'))).toHaveLength(1);
    expect((await new Outbox(new FileOutboxStore(file)).entries()).map((e) => [e.state, e.attempts])).toEqual([['failed', 2]]);
    const [listed] = (await t.library.listVersions('2022–2024')).filter((v) => v.fields.Tjansteomrade === 'Kultur');
    const [snapshot] = await t.library.readSnapshots([listed]);
    expect(snapshot.fingerprint).toBe(original.snapshot.fingerprint);
    expect(existsSync(path.join(`${file}.filer`, changed.fileSha256))).toBe(true);
  });

  test('retry of a landed version leaves it alone and sends nothing; an unknown id is refused in Swedish', async () => {
    const file = path.join(tempDir(), 'utkorg.json');
    const t = await connect(lib);
    const request = await requestFor(await writePlan(tempDir(), { area: 'Juridik', versions: approvedAt('3.0') }));
    const outbox = new Outbox(new FileOutboxStore(file));
    await outbox.add(request);
    const [landed] = (await outbox.send(t.library)).landed;

    t.reset();
    const before = await libraryRequests(lib);
    const retried = await outbox.retry(t.library, landed.id);
    expect(retried).toEqual({ landed: [landed], failed: [], waiting: [], entry: landed, sent: false });
    await expect(outbox.retry(t.library, 'finns/inte.xlsx@0000000000000000')).rejects.toThrow(/^Utkorgen har ingen version med id finns\/inte\.xlsx@0000000000000000/);
    expect(t.requests).toEqual([]);
    expect(await libraryRequests(lib)).toBe(before);
    expect(await outbox.entries()).toEqual([landed]);
  });

  test('the file store writes whole files only: no temporary files are left and the JSON always parses', async () => {
    const file = path.join(tempDir(), 'utkorg.json');
    const store = new FileOutboxStore(file);
    const outbox = new Outbox(store);
    const requests = await Promise.all(['A', 'B', 'C'].map(async (area) => requestFor(await writePlan(tempDir(), { area, versions: approvedAt('1.0') }))));
    await Promise.all(requests.map((r) => outbox.add(r)));
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(3);
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const r of requests) expect(await store.getFile(r.fileSha256)).toEqual(r.file);
  });
});
