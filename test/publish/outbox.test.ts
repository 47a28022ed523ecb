/**
 * The outbox with its file store, against the local library: a version added while the library is down
 * waits (with the reason) and lands on a later run from a fresh process's view of the same file; a conflict
 * fails with its reason and stays; nothing is lost or sent twice; every write leaves a whole file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FileOutboxStore } from '../../src/publish/node/fileOutboxStore';
import { nodePlanLibrary } from '../../src/publish/node/connect';
import { Outbox } from '../../src/publish/outbox';
import { connect, startLibrary, tempDir, TOKEN, type RunningLibrary, withLibrary } from './helpers';
import { approvedAt, requestFor, writePlan } from './plans';

jest.setTimeout(60_000);

withLibrary('the outbox against the local library', () => {

  let lib: RunningLibrary;
  beforeAll(async () => {
    lib = await startLibrary();
  });
  afterAll(() => lib?.stop());

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
