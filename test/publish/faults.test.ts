/**
 * Publishing through the faults the local library injects (`--faults`): throttling with Retry-After, a busy
 * backend, connections dropped mid-chunk and mid-request. Each publish must still land exactly once, with
 * the waits the server asked for (recorded by the test clock, not sat through). Then the chunks of an upload
 * session that the library answers with a 4xx, seen from the outbox: a session that is gone is replaced
 * once, a range the library did not expect is asked about, and any other refusal fails the version with
 * its reason instead of leaving it to be sent again at every start.
 */
import path from 'node:path';
import { itemByPath } from '../../src/publish/graph/paths';
import { CHUNK_UNIT } from '../../src/publish/graph/upload';
import { sha256Hex } from '../../src/publish/hash';
import { createGraphClient } from '../../src/publish/graph/client';
import { staticTokenProvider } from '../../src/publish/auth/tokenProvider';
import { readCa, trustedFetch } from '../../src/publish/node/trustedFetch';
import type { PublishRequest } from '../../src/publish/planLibrary';
import { FileOutboxStore } from '../../src/publish/node/fileOutboxStore';
import { Outbox } from '../../src/publish/outbox';
import { connect, faultSpec, librariesWithFaults, tempDir, TOKEN, withLibrary, type RunningLibrary, type TestLibrary } from './helpers';
import { approvedAt, requestFor, writePlan } from './plans';

jest.setTimeout(60_000);

/** The SHA-256 of what the library holds under a name in 2022–2024. */
async function storedHash(lib: RunningLibrary, name: string): Promise<string> {
  const client = createGraphClient({ url: lib.info.url, tokens: staticTokenProvider(TOKEN), fetch: trustedFetch(await readCa(lib.info.ca)) });
  const bytes = (await client.api(`${itemByPath(lib.info.driveId, '2022–2024', name)}:/content`).responseType('arraybuffer' as never).get()) as ArrayBuffer;
  return sha256Hex(new Uint8Array(bytes));
}

withLibrary('publishing through injected faults', () => {
  const libraryWith = librariesWithFaults();

  async function plan(area: string, padBytes?: number): Promise<PublishRequest> {
    return requestFor(await writePlan(tempDir(), { area, versions: approvedAt('1.0'), padBytes }));
  }

  test('429 with Retry-After on the upload: waits exactly that long, sends again, lands once', async () => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '.xlsx:/content', status: 429, retryAfter: 2, times: 2 }));
    const t = await connect(lib);
    const request = await plan('Ekonomi');
    expect((await t.library.publish(request)).kind).toBe('published');
    expect(t.clock.slept).toEqual([2000, 2000]);
    expect(t.requests.filter((r) => r.url.includes('.xlsx:/content'))).toHaveLength(3);
    expect(await storedHash(lib, request.fileName)).toBe(request.fileSha256);
  });

  test('503 with its Retry-After, and 504 without one: exponential backoff with jitter; it gets through', async () => {
    const lib = await libraryWith(
      faultSpec({ method: 'PUT', path: '.json:/content', status: 504, times: 2 }, { method: 'PATCH', path: '/listItem/fields', status: 503, retryAfter: 1, times: 1 }),
    );
    const t = await connect(lib);
    expect((await t.library.publish(await plan('HR'))).kind).toBe('published');
    // random() is 0.5 in the tests: ¾ of base · 2ⁿ (base 20 ms); then the 503's one second.
    expect(t.clock.slept).toEqual([15, 30, 1000]);
    expect(t.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT', 'PUT', 'PATCH', 'PATCH']);
  });

  test('throttling that never ends: gives up after the retries with a clear reason, nothing half-written is listed', async () => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '.xlsx:/content', status: 503, retryAfter: 1, times: 100 }));
    const t = await connect(lib, { retry: { maxRetries: 3 } });
    await expect(t.library.publish(await plan('IT'))).rejects.toMatchObject({ name: 'LibraryUnavailable', message: expect.stringMatching(/biblioteket svarar inte \(503\)/) });
    expect(t.clock.slept).toEqual([1000, 1000, 1000]);
    expect(await t.library.listVersions('2022–2024')).toEqual([]);
  });

  test('a connection dropped in the middle of a chunk: the session is asked where it stands and the upload goes on from there', async () => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '/upload/', drop: true, nth: 2 }));
    const chunk = 4 * CHUNK_UNIT;
    const t = await connect(lib, { chunkSize: chunk });
    const request = await plan('Inköp', 4_600_000);
    let uploadUrl = '';
    expect((await t.library.publish(request, { onUploadSession: (url) => void (url && (uploadUrl = url)) })).kind).toBe('published');
    const session = t.requests.filter((r) => r.url.startsWith(decodeURIComponent(uploadUrl.split('?')[0])));
    // PUT, PUT (dropped), GET status, then the rest from nextExpectedRanges.
    expect(session.slice(0, 3).map((r) => r.method)).toEqual(['PUT', 'PUT', 'GET']);
    expect(session.filter((r) => r.method === 'PUT')).toHaveLength(Math.ceil(request.file.byteLength / chunk) + 1);
    expect(await storedHash(lib, request.fileName)).toBe(request.fileSha256);
  });

  test('a connection dropped on a small upload is sent again, and a 409 from its own first try is recognised as the same file', async () => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '.json:/content', drop: true, nth: 1 }));
    const t = await connect(lib);
    const request = await plan('Kommunikation');
    const outcome = await t.library.publish(request);
    expect(outcome.kind).toBe('published');
    const [listed] = await t.library.listVersions('2022–2024');
    expect(listed.fields.Tjansteomrade).toBe('Kommunikation');
    expect((await t.library.readSnapshots([listed]))[0].fileSha256).toBe(request.fileSha256);
  });

  test('a token that expires in the middle of a publish is re-acquired once, and the publish goes on', async () => {
    const lib = await libraryWith(faultSpec({ expireToken: true, after: 1 }));
    let fresh = 0;
    const tokens = { getToken: async () => (fresh === 0 ? TOKEN : `${TOKEN}.fresh${fresh}`), invalidate: () => void fresh++ };
    const t = await connect(lib, { tokens });
    expect((await t.library.publish(await plan('Vård'))).kind).toBe('published');
    expect(fresh).toBe(1);
    // The file, the snapshot refused with the expired token and sent again, then the columns.
    expect(t.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT', 'PATCH']);
  });

  test('429 on a JSON batch: the batch is sent again after Retry-After', async () => {
    const lib = await libraryWith(faultSpec({ method: 'POST', path: '/$batch', status: 429, retryAfter: 1, times: 1 }));
    const t = await connect(lib);
    await t.library.publish(await plan('Utbildning'));
    t.reset();
    const versions = await t.library.listVersions('2022–2024');
    const snapshots = await t.library.readSnapshots(versions);
    expect(snapshots.map((s) => s.area)).toEqual(['Utbildning']);
    expect(t.requests.filter((r) => r.url.includes('$batch'))).toHaveLength(2);
    expect(t.clock.slept).toEqual([1000]);
  });
});

withLibrary('upload-session chunks the library refuses, seen from the outbox', () => {
  const libraryWith = librariesWithFaults();

  const chunk = 4 * CHUNK_UNIT;

  /** A plan above the simple-upload limit: four chunks of 1.25 MiB. */
  async function largePlan(area: string): Promise<PublishRequest> {
    return requestFor(await writePlan(tempDir(), { area, versions: approvedAt('1.0'), padBytes: 4_600_000 }));
  }

  async function outboxWith(request: PublishRequest): Promise<{ outbox: Outbox; store: FileOutboxStore }> {
    const store = new FileOutboxStore(path.join(tempDir(), 'utkorg.json'));
    const outbox = new Outbox(store);
    await outbox.add(request);
    return { outbox, store };
  }

  const sessionsOpened = (t: TestLibrary) => t.requests.filter((r) => r.url.endsWith(':/createUploadSession')).length;
  const chunksSent = (t: TestLibrary) => t.requests.filter((r) => r.method === 'PUT' && r.url.includes('/_library/upload/')).length;

  test.each([
    [400, 'a fragment the library finds malformed'],
    [409, 'a conflict while no file has that name'],
    [413, 'a fragment too large'],
  ])('%i on a chunk (%s): the version fails with the library’s reason and a later send leaves it alone', async (status) => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '/upload/', status, after: 1, times: 1 }));
    const t = await connect(lib, { chunkSize: chunk });
    const request = await largePlan(`Avvisad ${status}`);
    const { outbox } = await outboxWith(request);

    const report = await outbox.send(t.library);
    expect(report.waiting).toEqual([]);
    expect(report.failed).toHaveLength(1);
    const [failed] = report.failed;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.reason).toBe(`uppladdningen av ${request.fileName}: biblioteket svarade ${status}: An injected fault.`);
    // Refused at once: no new session, no chunk sent again.
    expect(sessionsOpened(t)).toBe(1);
    expect(chunksSent(t)).toBe(2);

    t.reset();
    expect(await outbox.send(t.library)).toEqual({ landed: [], failed: [], waiting: [] });
    expect(t.requests).toEqual([]);
    expect((await outbox.entries()).map((e) => [e.state, e.attempts])).toEqual([['failed', 1]]);
    expect(await t.library.listVersions('2022–2024')).toEqual([]);
  });

  test('403 on a chunk is a refusal with its status, not an unexplained error', async () => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '/upload/', status: 403, after: 1, times: 1 }));
    const t = await connect(lib, { chunkSize: chunk });
    const request = await largePlan('Förbjuden');
    const refused = (await t.library.publish(request).catch((e: unknown) => e)) as Error & { status?: number };
    expect(refused).toMatchObject({ name: 'LibraryRefused', status: 403 });
    // Says what to do, and keeps what the library said.
    expect(refused.message).toContain(`uppladdningen av ${request.fileName}: behörighet saknas (403); en administratör behöver ge appen skrivrätt till platsen`);
    expect(refused.message.length).toBeGreaterThan(`uppladdningen av ${request.fileName}: behörighet saknas (403); en administratör behöver ge appen skrivrätt till platsen (Sites.Selected, se README): `.length);
    expect(chunksSent(t)).toBe(2);
  });

  test('a session that expired between two runs is replaced by a new one, and the version lands exactly once', async () => {
    const lib = await libraryWith();
    const t = await connect(lib, { chunkSize: chunk });
    const request = await largePlan('Utgången');
    const { outbox, store } = await outboxWith(request);
    // An earlier run opened a session, sent its first chunk and died; the session has expired since
    // (cancelling it leaves the same 404 behind as expiry does).
    const client = createGraphClient({ url: lib.info.url, tokens: staticTokenProvider(TOKEN), fetch: trustedFetch(await readCa(lib.info.ca)) });
    const old = (await client
      .api(`${itemByPath(lib.info.driveId, '2022–2024', request.fileName)}:/createUploadSession`)
      .post({ item: { '@microsoft.graph.conflictBehavior': 'fail' } })) as { uploadUrl: string };
    await client
      .api(old.uploadUrl)
      .headers({ 'Content-Range': `bytes 0-${chunk - 1}/${request.file.byteLength}`, 'Content-Type': 'application/octet-stream' })
      .put(new Blob([request.file.slice(0, chunk) as BlobPart]));
    await client.api(old.uploadUrl).delete();
    const [entry] = await outbox.entries();
    await store.put({ ...entry, state: 'sending', attempts: 1, uploadUrl: old.uploadUrl });

    const report = await outbox.send(t.library);
    expect(report.landed).toHaveLength(1);
    expect(report.landed[0]).toMatchObject({ state: 'landed', outcome: 'published', attempts: 2 });
    expect(report.landed[0].uploadUrl).toBeUndefined();
    // The old session is asked once where it stands (404), then one new session takes the whole file.
    const abandoned = decodeURIComponent(old.uploadUrl.split('?')[0]);
    expect(t.requests.filter((r) => r.url.startsWith(abandoned)).map((r) => r.method)).toEqual(['GET']);
    expect(sessionsOpened(t)).toBe(1);
    expect(chunksSent(t)).toBe(Math.ceil(request.file.byteLength / chunk));
    const listed = await t.library.listVersions('2022–2024');
    expect(listed.map((v) => v.fields.Tjansteomrade)).toEqual(['Utgången']);
    expect(await storedHash(lib, request.fileName)).toBe(request.fileSha256);
  });

  test('a session that goes away again after it was replaced: the version fails once, with the reason, instead of opening sessions without end', async () => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '/upload/', status: 404, after: 1, times: 2 }));
    const t = await connect(lib, { chunkSize: chunk });
    const request = await largePlan('Försvunnen');
    const { outbox } = await outboxWith(request);

    const [failed] = (await outbox.send(t.library)).failed;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.reason).toMatch(new RegExp(`^uppladdningen av ${request.fileName}: uppladdningssessionen försvann igen \\(404\\)`));
    expect(sessionsOpened(t)).toBe(2);
    expect(t.clock.slept).toEqual([]);

    t.reset();
    expect(await outbox.send(t.library)).toEqual({ landed: [], failed: [], waiting: [] });
    expect(t.requests).toEqual([]);
    expect(await t.library.listVersions('2022–2024')).toEqual([]);
  });

  test('416 on a chunk: the session is asked for its nextExpectedRanges and the upload goes on in the same session', async () => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '/upload/', status: 416, nth: 2 }));
    const t = await connect(lib, { chunkSize: chunk });
    const request = await largePlan('Intervall');
    const { outbox } = await outboxWith(request);

    const [landed] = (await outbox.send(t.library)).landed;
    expect(landed).toMatchObject({ state: 'landed', outcome: 'published', attempts: 1 });
    expect(sessionsOpened(t)).toBe(1);
    const session = t.requests.filter((r) => r.url.includes('/_library/upload/'));
    expect(session.slice(0, 4).map((r) => r.method)).toEqual(['PUT', 'PUT', 'GET', 'PUT']);
    expect(chunksSent(t)).toBe(Math.ceil(request.file.byteLength / chunk) + 1);
    expect(await storedHash(lib, request.fileName)).toBe(request.fileSha256);
  });

  test('416 on every try: after the retries the version fails with the status, and is not sent again by itself', async () => {
    const lib = await libraryWith(faultSpec({ method: 'PUT', path: '/upload/', status: 416, after: 1, times: 100 }));
    const t = await connect(lib, { chunkSize: chunk, retry: { maxRetries: 2 } });
    const request = await largePlan('Envis');
    const { outbox } = await outboxWith(request);

    const [failed] = (await outbox.send(t.library)).failed;
    expect(failed.reason).toBe(`uppladdningen av ${request.fileName}: biblioteket svarade 416: An injected fault.`);
    // The first try and two more, each after asking the session where it stands.
    expect(t.requests.filter((r) => r.url.includes('/_library/upload/')).map((r) => r.method)).toEqual(['PUT', 'PUT', 'GET', 'PUT', 'GET', 'PUT']);
    t.reset();
    expect((await outbox.send(t.library)).failed).toEqual([]);
    expect(t.requests).toEqual([]);
  });
});
