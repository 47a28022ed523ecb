/**
 * Publishing through the faults the local library injects (`--faults`): throttling with Retry-After, a busy
 * backend, connections dropped mid-chunk and mid-request. Each publish must still land exactly once, with
 * the waits the server asked for (recorded by the test clock, not sat through).
 */
import { itemByPath } from '../../src/publish/graph/paths';
import { CHUNK_UNIT } from '../../src/publish/graph/upload';
import { sha256Hex } from '../../src/publish/hash';
import { createGraphClient } from '../../src/publish/graph/client';
import { staticTokenProvider } from '../../src/publish/auth/tokenProvider';
import { readCa, trustedFetch } from '../../src/publish/node/trustedFetch';
import type { PublishRequest } from '../../src/publish/planLibrary';
import { connect, faultSpec, startLibrary, tempDir, TOKEN, withLibrary, type RunningLibrary } from './helpers';
import { approvedAt, requestFor, writePlan } from './plans';

jest.setTimeout(60_000);

withLibrary('publishing through injected faults', () => {
  const libraries: RunningLibrary[] = [];
  afterAll(() => Promise.all(libraries.map((l) => l.stop())));

  async function libraryWith(faults: string): Promise<RunningLibrary> {
    const lib = await startLibrary({ faults });
    libraries.push(lib);
    return lib;
  }

  async function plan(area: string, padBytes?: number): Promise<PublishRequest> {
    return requestFor(await writePlan(tempDir(), { area, versions: approvedAt('1.0'), padBytes }));
  }

  async function storedHash(lib: RunningLibrary, name: string): Promise<string> {
    const client = createGraphClient({ url: lib.info.url, tokens: staticTokenProvider(TOKEN), fetch: trustedFetch(await readCa(lib.info.ca)) });
    const bytes = (await client.api(`${itemByPath(lib.info.driveId, '2022–2024', name)}:/content`).responseType('arraybuffer' as never).get()) as ArrayBuffer;
    return sha256Hex(new Uint8Array(bytes));
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
