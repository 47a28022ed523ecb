/**
 * Two origins, as in a tenant: Graph on https://localhost:P, the file bytes on https://127.0.0.1:Q (another
 * host name, so the official client with customHosts ['localhost'] sends no token there). The file origin
 * answers only signed URLs, refuses any request that carries an Authorization header (401), checks the
 * signature before it reads a byte of the body, and speaks CORS with the file host's fixed header list.
 */
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { FileUpload, LargeFileUploadTask, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { bytes, byPath, startTestLibrary, TOKEN, type TestLibrary } from './helpers';

jest.setTimeout(60_000);

const PERIOD = '2022–2024';
const PANE = 'https://localhost:3000';

describe('Graph and the file bytes on two origins', () => {
  let lib: TestLibrary;
  let client: Client;
  let driveId: string;
  let downloadUrl: string;

  beforeAll(async () => {
    lib = await startTestLibrary();
    client = lib.client();
    driveId = lib.running.ids.driveId;
    const item = await client.api(`${byPath(driveId, PERIOD, 'Ekonomi.xlsx')}:/content`).put(bytes(5000));
    downloadUrl = item['@microsoft.graph.downloadUrl'];
  });
  afterAll(() => lib.stop());

  const auth = { Authorization: `Bearer ${TOKEN}` };

  test('download and upload URLs name the file origin, another host than Graph’s', async () => {
    expect(new URL(lib.running.url).hostname).toBe('localhost');
    expect(lib.running.fileOrigin).toBe(`https://127.0.0.1:${lib.running.filePort}`);
    expect(new URL(downloadUrl).origin).toBe(lib.running.fileOrigin);
    const session = await client.api(`${byPath(driveId, PERIOD, 'Stor.xlsx')}:/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    expect(new URL(session.uploadUrl).origin).toBe(lib.running.fileOrigin);
    await lib.fetch(session.uploadUrl, { method: 'DELETE' });
  });

  test('each origin serves only its own paths', async () => {
    const path = new URL(downloadUrl).pathname + new URL(downloadUrl).search;
    const graphOrigin = new URL(lib.running.url).origin;
    expect((await lib.fetch(`${graphOrigin}${path}`)).status).toBe(404);
    expect((await lib.fetch(`${lib.running.fileOrigin}/v1.0/sites/root`, { headers: auth })).status).toBe(404);
    expect((await lib.fetch(`${lib.running.fileOrigin}/_library/`)).status).toBe(404);
  });

  test('a download or upload URL that receives an Authorization header answers 401; without it, it works', async () => {
    const refused = await lib.fetch(downloadUrl, { headers: auth });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await lib.fetch(downloadUrl)).status).toBe(200);

    const session = await client.api(`${byPath(driveId, PERIOD, 'Uppladdad.xlsx')}:/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    const data = bytes(1000, 3);
    const put = (headers: Record<string, string>) => lib.fetch(session.uploadUrl, { method: 'PUT', headers: { 'Content-Range': `bytes 0-999/1000`, ...headers }, body: new Uint8Array(data) });
    expect((await put(auth)).status).toBe(401);
    expect((await lib.fetch(session.uploadUrl, { headers: auth })).status).toBe(401);
    // Nothing was taken from the refused fragment: the session still expects byte 0.
    expect(((await (await lib.fetch(session.uploadUrl)).json()) as { nextExpectedRanges: string[] }).nextExpectedRanges).toEqual(['0-']);
    expect((await put({})).status).toBe(201);
  });

  test('the official client still works unchanged: it follows /content without its token, and LargeFileUploadTask uploads', async () => {
    const content = (await client.api(`${byPath(driveId, PERIOD, 'Ekonomi.xlsx')}:/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    expect(Buffer.from(content).equals(bytes(5000))).toBe(true);
    const big = bytes(2 * 320 * 1024 + 5, 7);
    const session = await LargeFileUploadTask.createUploadSession(client, `${byPath(driveId, PERIOD, 'Sdk.xlsx')}:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    const task = new LargeFileUploadTask(client, new FileUpload(new Blob([new Uint8Array(big)]), 'Sdk.xlsx', big.length), session, { rangeSize: 320 * 1024 });
    const result = await task.upload();
    expect((result.responseBody as { size: number }).size).toBe(big.length);
  });

  test('a forged upload URL is refused before its body is read: the 401 comes while the body is still on its way', async () => {
    const session = await client.api(`${byPath(driveId, PERIOD, 'Forged.xlsx')}:/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    const forged = new URL(session.uploadUrl.replace(/tempauth=[^&]+/, 'tempauth=forged'));
    const declared = 10 * 1024 * 1024;
    // Only a first kilobyte is sent of ten megabytes declared: a server that reads the body first never answers.
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request(
        { host: '127.0.0.1', port: forged.port, path: forged.pathname + forged.search, method: 'PUT', ca: readFileSync(lib.running.ca), headers: { 'Content-Length': String(declared), 'Content-Range': `bytes 0-${declared - 1}/${declared}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (e) => reject(e));
      req.setTimeout(5000, () => reject(new Error('no answer while the body was still coming')));
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(401);
  });

  test('CORS on the file origin: the pane’s preflight for a chunk is allowed, SdkVersion is not, a redirected (null) origin is refused', async () => {
    const preflight = (origin: string, headers: string) =>
      lib.fetch(downloadUrl.replace(/\/download\/.*/, '/upload/x'), { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': headers } });
    const ok = await preflight(PANE, 'content-range');
    expect(ok.headers.get('access-control-allow-origin')).toBe(PANE);
    const allowed = (ok.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
    expect(allowed).toContain('content-range');
    expect(allowed).not.toContain('sdkversion');
    expect((await preflight('null', 'content-range')).headers.get('access-control-allow-origin')).toBeNull();
    const download = await lib.fetch(downloadUrl, { headers: { Origin: PANE } });
    expect(download.headers.get('access-control-allow-origin')).toBe(PANE);
    expect(download.headers.get('access-control-expose-headers')).toMatch(/Content-Range/);
  });
});
