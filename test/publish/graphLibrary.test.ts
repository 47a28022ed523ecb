/**
 * The Graph adapter against the local library over real HTTPS, without faults: what one publish sends, that
 * publishing is idempotent and never overwrites, the If-Match path, the consolidation reads, tokens, and a
 * large upload resumed from a session an earlier (crashed) attempt left open.
 */
import { createGraphClient } from '../../src/publish/graph/client';
import { setFields } from '../../src/publish/graph/fields';
import { itemByPath } from '../../src/publish/graph/paths';
import { CHUNK_UNIT } from '../../src/publish/graph/upload';
import { sha256Hex } from '../../src/publish/hash';
import { LibraryRefused } from '../../src/publish/errors';
import { readCa, trustedFetch } from '../../src/publish/node/trustedFetch';
import { staticTokenProvider, type TokenProvider } from '../../src/publish/auth/tokenProvider';
import { publishedFileName, type PublishRequest } from '../../src/publish/planLibrary';
import { connect, tempDir, TOKEN, useLibrary, withLibrary } from './helpers';
import { approvedAt, requestFor, writePlan } from './plans';

jest.setTimeout(60_000);

withLibrary('the Graph adapter against the local library', () => {

  const lib = useLibrary();
  let dir: string;
  let small: PublishRequest;

  beforeAll(async () => {
    dir = tempDir();
    small = await requestFor(await writePlan(dir, { area: 'Ekonomi', versions: approvedAt('1.0') }));
  });

  /** Another area: each test publishes under its own names. */
  async function planOf(area: string, o: { version?: string; development?: number; padBytes?: number } = {}): Promise<PublishRequest> {
    return requestFor(await writePlan(tempDir(), { area, versions: approvedAt(o.version ?? '1.0'), development: o.development, padBytes: o.padBytes }));
  }

  async function rawClient(tokens: TokenProvider = staticTokenProvider(TOKEN)) {
    return createGraphClient({ url: lib.info.url, tokens, fetch: trustedFetch(await readCa(lib.info.ca)) });
  }

  async function download(folder: string, name: string): Promise<Uint8Array> {
    const client = await rawClient();
    const ab = (await client.api(`${itemByPath(lib.info.driveId, folder, name)}:/content`).responseType('arraybuffer' as never).get()) as ArrayBuffer;
    return new Uint8Array(ab);
  }

  test('a small plan is one PUT, its snapshot, and one PATCH of the columns: 3 requests', async () => {
    const t = await connect(lib);
    const outcome = await t.library.publish(small);
    expect(outcome.kind).toBe('published');
    if (outcome.kind !== 'published') return;
    expect(outcome.version.webUrl).toMatch(/^https:\/\//);
    expect(outcome.version.fields).toEqual(small.fields);
    expect(t.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PATCH']);
    expect(t.requests[0].url).toContain('/root:/2022–2024/Ekonomi 2022–2024 v1.0.xlsx:/content');
    expect(t.requests[0].url).toContain('@microsoft.graph.conflictBehavior=fail');
    expect(t.requests[1].url).toContain('Ekonomi 2022–2024 v1.0.json:/content');
    expect(await sha256Hex(await download('2022–2024', small.fileName))).toBe(small.fileSha256);
    const [listed] = (await t.library.listVersions('2022–2024')).filter((v) => v.fields.Tjansteomrade === 'Ekonomi');
    expect(listed.fields).toMatchObject({ Tjansteomrade: 'Ekonomi', Planperiod: '2022–2024', Version: '1.0', Forum: 'PF', Beslut: 'Fastställd' });
    expect(listed.fields.Beslutsdatum.slice(0, 10)).toBe('2021-12-08');
  });

  test('the same version again is a no-op that reports the existing file', async () => {
    const t = await connect(lib);
    const first = await t.library.publish(await planOf('HR'));
    t.reset();
    const again = await t.library.publish(await planOf('HR'));
    expect(again.kind).toBe('already-published');
    if (again.kind !== 'already-published' || first.kind !== 'published') return;
    expect(again.version.webUrl).toBe(first.version.webUrl);
    // Nothing written: the refused PUT (409) and reads only.
    expect(t.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['PUT']);
    // The file there is read through its download URL on the file origin, without the token; Graph's
    // `/content` (a 302 a page cannot follow) is never asked for.
    const files = t.requests.filter((r) => new URL(r.url).origin === lib.info.files);
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files.every((r) => r.method === 'GET' && r.url.includes('/_library/download/') && r.token === false)).toBe(true);
    expect(t.requests.some((r) => r.url.includes(':/content') && r.method === 'GET')).toBe(false);
    expect(t.requests.filter((r) => new URL(r.url).origin !== lib.info.files).every((r) => r.token === true)).toBe(true);
  });

  test('the same name with other content is a conflict, and the file there is left as it was', async () => {
    const t = await connect(lib);
    const original = await planOf('Inköp', { development: 1000 });
    const changed = await planOf('Inköp', { development: 2000 });
    expect(changed.fileName).toBe(original.fileName);
    expect(changed.fileSha256).not.toBe(original.fileSha256);
    expect((await t.library.publish(original)).kind).toBe('published');
    const outcome = await t.library.publish(changed);
    expect(outcome.kind).toBe('conflict');
    if (outcome.kind === 'conflict') expect(outcome.existing.fileSha256).toBe(original.fileSha256);
    expect(await sha256Hex(await download('2022–2024', original.fileName))).toBe(original.fileSha256);
  });

  test('a stale ETag (412) makes it read the item again; values someone else set are not written over', async () => {
    const t = await connect(lib);
    const client = await rawClient();
    const request = await planOf('IT');
    const name = publishedFileName('IT', '2022–2024', '1.0');
    // The file alone, as a publish that stopped before its columns leaves it.
    const item = (await client
      .api(`${itemByPath(lib.info.driveId, '2022–2024', name)}:/content`)
      .query({ '@microsoft.graph.conflictBehavior': 'fail' })
      .put(new Blob([request.file as BlobPart]))) as { id: string; eTag: string };
    const listItem = `/drives/${lib.info.driveId}/items/${item.id}/listItem`;
    // Someone else touches the item: its ETag moves on.
    const before = (await client.api(listItem).get()) as { eTag: string };
    await client.api(`${listItem}/fields`).header('If-Match', before.eTag).patch({ Title: 'granskad' });

    const outcome = await setFields(client, lib.info.driveId, item.id, request.fields, before.eTag);
    expect(outcome.kind).toBe('set');
    const after = (await client.api(listItem).expand('fields').get()) as { fields: Record<string, string> };
    expect(after.fields).toMatchObject({ Tjansteomrade: 'IT', Version: '1.0', Title: 'granskad' });

    // Values that are not ours are left alone, whatever ETag we hold.
    const now = (await client.api(listItem).get()) as { eTag: string };
    await client.api(`${listItem}/fields`).header('If-Match', now.eTag).patch({ Version: '9.9' });
    const other = await setFields(client, lib.info.driveId, item.id, request.fields, now.eTag);
    expect(other.kind).toBe('other');
    const kept = (await client.api(listItem).expand('fields').get()) as { fields: Record<string, string> };
    expect(kept.fields.Version).toBe('9.9');
    void t;
  });

  test('consolidation reads: listVersions is one request, readSnapshots of 45 versions is 3 Graph batches (plus the download URLs they point to)', async () => {
    const t = await connect(lib);
    const base = await planOf('Bas', { version: '2.0' });
    for (let i = 0; i < 45; i++) {
      const area = `Område ${String(i).padStart(2, '0')}`;
      const fields = { ...base.fields, Tjansteomrade: area, Planperiod: '2025–2027' };
      const fileName = publishedFileName(area, '2025–2027', '2.0');
      expect((await t.library.publish({ ...base, fields, fileName, snapshot: { ...base.snapshot, area } })).kind).toBe('published');
    }
    t.reset();
    const versions = await t.library.listVersions('2025–2027');
    expect(versions).toHaveLength(45);
    expect(t.requests).toHaveLength(1);
    expect(t.requests[0].url).toMatch(/\/lists\/.+\/items\?.*\$expand=fields/);
    expect(t.requests[0].url).toContain('$filter=fields/Planperiod eq');
    t.reset();
    const snapshots = await t.library.readSnapshots(versions);
    const graph = t.requests.filter((r) => new URL(r.url).pathname.startsWith('/v1.0/'));
    expect(graph.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(Array(3).fill('POST /v1.0/$batch'));
    // Graph answers each batched /content with 302 to a pre-authenticated URL, fetched outside Graph.
    const downloads = t.requests.filter((r) => !new URL(r.url).pathname.startsWith('/v1.0/'));
    expect(downloads).toHaveLength(45);
    expect(downloads.every((r) => r.method === 'GET' && new URL(r.url).origin === lib.info.files && r.token === false)).toBe(true);
    expect(snapshots.map((s) => s.area)).toEqual(versions.map((v) => v.fields.Tjansteomrade));
    expect(snapshots.every((s) => s.fileSha256 === base.fileSha256)).toBe(true);
  });

  test('an expired token is re-acquired once and the publish goes through', async () => {
    let invalidated = 0;
    const tokens: TokenProvider = { getToken: async () => (invalidated === 0 ? 'expired-token' : TOKEN), invalidate: () => void invalidated++ };
    const t = await connect(lib, { tokens });
    const outcome = await t.library.publish(await planOf('Kommunikation'));
    expect(outcome.kind).toBe('published');
    expect(invalidated).toBe(1);
    expect(t.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT', 'PATCH']);
  });

  test('a wrong token is refused with 401 after one re-acquire, and nothing is written', async () => {
    let invalidated = 0;
    const tokens: TokenProvider = { getToken: async () => 'wrong', invalidate: () => void invalidated++ };
    const t = await connect(lib, { tokens });
    const request = await planOf('Utbildning');
    await expect(t.library.publish(request)).rejects.toEqual(expect.objectContaining({ name: 'LibraryRefused', status: 401 }));
    await expect(t.library.publish(request)).rejects.toBeInstanceOf(LibraryRefused);
    expect(invalidated).toBe(2);
    expect(t.requests).toHaveLength(4);
    await expect(download('2022–2024', request.fileName)).rejects.toMatchObject({ statusCode: 404 });
  });

  test('a large file goes through an upload session in 320 KiB chunks, and a session left open is resumed where the server says', async () => {
    const request = await planOf('Vård och omsorg', { padBytes: 4_600_000 });
    expect(request.file.byteLength).toBeGreaterThan(4 * 1024 * 1024);
    const chunk = 4 * CHUNK_UNIT;
    // A first attempt that opened a session and sent one chunk before it died.
    const client = await rawClient();
    const session = (await client
      .api(`${itemByPath(lib.info.driveId, '2022–2024', request.fileName)}:/createUploadSession`)
      .post({ item: { '@microsoft.graph.conflictBehavior': 'fail' } })) as { uploadUrl: string };
    await client
      .api(session.uploadUrl)
      .headers({ 'Content-Range': `bytes 0-${chunk - 1}/${request.file.byteLength}`, 'Content-Type': 'application/octet-stream' })
      .put(new Blob([request.file.slice(0, chunk) as BlobPart]));

    const t = await connect(lib, { chunkSize: chunk });
    const progress: number[] = [];
    const outcome = await t.library.publish(request, { resumeUrl: session.uploadUrl, onProgress: (p) => progress.push(p.sentBytes) });
    expect(outcome.kind).toBe('published');
    const ranges = t.requests.filter((r) => r.url.startsWith(session.uploadUrl.split('?')[0]));
    expect(ranges[0].method).toBe('GET');
    const puts = ranges.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(Math.ceil((request.file.byteLength - chunk) / chunk));
    // The session's URL is on the file origin, and no request to it carries the token.
    expect(new URL(session.uploadUrl).origin).toBe(lib.info.files);
    expect(ranges.every((r) => r.token === false)).toBe(true);
    expect(progress[progress.length - 1]).toBe(request.file.byteLength);
    expect(await sha256Hex(await download('2022–2024', request.fileName))).toBe(request.fileSha256);
  });
});
