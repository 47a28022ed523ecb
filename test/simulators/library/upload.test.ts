/**
 * Upload sessions as Graph runs them: LargeFileUploadTask over a > 4 MB file in 320 KiB-multiple chunks,
 * 416 for a fragment out of place, status and cancel on the upload URL, 409 on a taken name (at creation
 * and at completion), and a connection dropped mid-chunk, then resumed from nextExpectedRanges.
 */
import { FileUpload, LargeFileUploadTask, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { quickXorHash } from '../../../src/simulators/library/quickXorHash';
import { bytes, byPath, failure, startTestLibrary, TOKEN, type TestLibrary } from './helpers';

jest.setTimeout(120_000);

const KIB320 = 320 * 1024;
const PERIOD = '2022–2024';

describe('upload sessions', () => {
  let lib: TestLibrary;
  let client: Client;
  let driveId: string;

  beforeAll(async () => {
    lib = await startTestLibrary();
    client = lib.client();
    driveId = lib.running.ids.driveId;
  });
  afterAll(() => lib.stop());

  const session = (name: string, conflict = 'fail') => LargeFileUploadTask.createUploadSession(client, `${byPath(driveId, PERIOD, name)}:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': conflict } });

  async function content(name: string): Promise<Buffer> {
    return Buffer.from((await client.api(`${byPath(driveId, PERIOD, name)}:/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer);
  }

  test('createUploadSession answers an absolute https uploadUrl on the file origin, nextExpectedRanges ["0-"]', async () => {
    const raw = await client.api(`${byPath(driveId, PERIOD, 'Tom.xlsx')}:/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    expect(raw.uploadUrl).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${lib.running.filePort}/_library/upload/`));
    expect(raw.nextExpectedRanges).toEqual(['0-']);
    expect(Date.parse(raw.expirationDateTime)).toBeGreaterThan(Date.now());
  });

  test('LargeFileUploadTask: a 5 MB file in 960 KiB chunks (202 each, then 201 with the item)', async () => {
    const data = bytes(5 * 1024 * 1024 + 123, 7);
    const progress: string[] = [];
    const task = new LargeFileUploadTask(client, new FileUpload(data, 'Stor.xlsx', data.length), await session('Stor 2022–2024 v1.0.xlsx'), {
      rangeSize: 3 * KIB320,
      uploadEventHandlers: { progress: (r) => void progress.push(`${r?.minValue}-${r?.maxValue}`) },
    });
    const before = lib.running.library.counts.snapshot().byRoute['PUT upload'] ?? 0;
    const result = await task.upload();
    expect(result.responseBody).toMatchObject({ name: 'Stor 2022–2024 v1.0.xlsx', size: data.length, file: { hashes: { quickXorHash: quickXorHash(data) } } });
    expect(progress).toHaveLength(Math.ceil(data.length / (3 * KIB320)));
    expect(lib.running.library.counts.snapshot().byRoute['PUT upload'] - before).toBe(progress.length);
    expect((await content('Stor 2022–2024 v1.0.xlsx')).equals(data)).toBe(true);
  });

  test('fragments: 416 out of place, 400 for a non-final fragment not a multiple of 320 KiB, GET status, DELETE cancels (204)', async () => {
    const { url } = await session('Delvis.xlsx');
    const data = bytes(3 * KIB320 + 10);
    const put = (start: number, end: number, total = data.length) =>
      lib.fetch(url, { method: 'PUT', headers: { 'Content-Range': `bytes ${start}-${end}/${total}` }, body: new Uint8Array(data.subarray(start, end + 1)) });
    const ahead = await put(KIB320, 2 * KIB320 - 1);
    expect(ahead.status).toBe(416);
    expect(await ahead.json()).toMatchObject({ error: { code: 'invalidRange' } });
    expect((await put(0, 1000)).status).toBe(400);
    const first = await put(0, KIB320 - 1);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ nextExpectedRanges: [`${KIB320}-`], expirationDateTime: expect.any(String) });
    expect((await put(0, KIB320 - 1)).status).toBe(416);
    const status = await lib.fetch(url);
    expect(await status.json()).toMatchObject({ nextExpectedRanges: [`${KIB320}-`] });
    // An upload URL is pre-authenticated: one that receives the bearer token answers 401, as SharePoint may.
    const withToken = await lib.fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(withToken.status).toBe(401);
    expect((await lib.fetch(url, { method: 'DELETE' })).status).toBe(204);
    expect((await lib.fetch(url)).status).toBe(404);
    expect((await put(KIB320, 2 * KIB320 - 1)).status).toBe(404);
    expect((await lib.fetch(url.replace(/tempauth=[^&]+/, 'tempauth=x'))).status).toBe(401);
  });

  test('409 nameAlreadyExists: at createUploadSession, and at completion when the name was taken meanwhile', async () => {
    await client.api(`${byPath(driveId, PERIOD, 'Finns.xlsx')}:/content`).put('x');
    expect(await failure(session('Finns.xlsx'))).toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });

    const s = await session('Senare.xlsx');
    const data = bytes(KIB320 + 5);
    const first = await lib.fetch(s.url, { method: 'PUT', headers: { 'Content-Range': `bytes 0-${KIB320 - 1}/${data.length}` }, body: new Uint8Array(data.subarray(0, KIB320)) });
    expect(first.status).toBe(202);
    await client.api(`${byPath(driveId, PERIOD, 'Senare.xlsx')}:/content`).put('först');
    const last = await lib.fetch(s.url, { method: 'PUT', headers: { 'Content-Range': `bytes ${KIB320}-${data.length - 1}/${data.length}` }, body: new Uint8Array(data.subarray(KIB320)) });
    expect(last.status).toBe(409);
    expect(await last.json()).toMatchObject({ error: { code: 'nameAlreadyExists' } });
    expect((await content('Senare.xlsx')).toString()).toBe('först');
  });

  test('a connection dropped mid-chunk: the upload rejects, nextExpectedRanges says where to go on, resume() completes it', async () => {
    const data = bytes(6 * KIB320 + 99, 3);
    const s = await session('Avbruten 2022–2024 v2.0.xlsx');
    const task = new LargeFileUploadTask(client, new FileUpload(data, 'a.xlsx', data.length), s, { rangeSize: 2 * KIB320 });
    lib.running.library.faults.set('drop:upload:PUT:nth=2');
    await expect(task.upload()).rejects.toThrow();
    expect(lib.running.library.faults.list()[0].fired).toBe(1);
    const status = await (await lib.fetch(s.url)).json();
    expect(status.nextExpectedRanges).toEqual([`${2 * KIB320}-`]);
    const result = await task.resume();
    expect((result as { responseBody: { size: number } }).responseBody.size).toBe(data.length);
    expect((await content('Avbruten 2022–2024 v2.0.xlsx')).equals(data)).toBe(true);
    lib.running.library.faults.clear();
  });
});
