/**
 * The local library through the official Graph client over HTTPS: site and drive, items by path with
 * Swedish names, children, simple upload with conflictBehavior, download, list item fields with If-Match,
 * and Graph's error shape and codes.
 */
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { bytes, byPath, failure, startTestLibrary, TOKEN, type TestLibrary } from './helpers';

jest.setTimeout(60_000);

const PERIOD = '2022–2024';
const NAME = 'Ekonomi 2022–2024 v1.0.xlsx';

describe('the Graph subset through @microsoft/microsoft-graph-client', () => {
  let lib: TestLibrary;
  let client: Client;
  let driveId: string;
  let siteId: string;

  beforeAll(async () => {
    lib = await startTestLibrary();
    client = lib.client();
    ({ driveId, siteId } = lib.running.ids);
  });
  afterAll(() => lib.stop());

  test('site, root site, drive and list', async () => {
    const site = await client.api(`/sites/${encodeURIComponent(siteId)}`).get();
    expect(site.id).toBe(siteId);
    expect((await client.api('/sites/root').get()).id).toBe(siteId);
    expect((await client.api('/sites/localhost:/sites/tjansteplaner').get()).id).toBe(siteId);
    const drive = await client.api(`/sites/${encodeURIComponent(siteId)}/drive`).get();
    expect(drive).toMatchObject({ id: driveId, driveType: 'documentLibrary', name: 'Tjänsteplaner' });
    expect((await client.api(`/drives/${encodeURIComponent(driveId)}`).get()).id).toBe(driveId);
    expect((await client.api(`/sites/${encodeURIComponent(siteId)}/drives`).select('id,name').get()).value).toEqual([{ id: driveId, name: 'Tjänsteplaner' }]);
    expect((await client.api(`/drives/${encodeURIComponent(driveId)}/list`).select('id').get()).id).toBe(lib.running.ids.listId);
  });

  test('401 InvalidAuthenticationToken without a bearer token, or with a wrong one', async () => {
    const res = await lib.fetch(`${lib.running.url}/sites/root`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await res.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: expect.any(String) } });
    expect(await failure(lib.client(() => 'not-the-token').api('/sites/root').get())).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
    // Upload and download URLs and the page are not Graph: nothing else under /v1.0 answers without a token.
    expect((await lib.fetch(`${lib.running.url}/$batch`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  test('PUT …:/content creates the period folder and the file (201), then 409 nameAlreadyExists with conflictBehavior fail', async () => {
    const data = bytes(10_000);
    const created = await client.api(`${byPath(driveId, PERIOD, NAME)}:/content`).query({ '@microsoft.graph.conflictBehavior': 'fail' }).put(data);
    expect(created).toMatchObject({ name: NAME, size: data.length, file: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    expect(created.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(created.cTag).toMatch(/^"c:\{[0-9A-F-]{36}\},1"$/);
    expect(created.id).toMatch(/^01[A-Z2-7]{32}$/);
    expect(created.parentReference).toMatchObject({ driveId, name: PERIOD, path: `/drives/${driveId}/root:/${PERIOD}` });
    // On the file origin (another host name than Graph's), as SharePoint's are on {tenant}.sharepoint.com.
    expect(created['@microsoft.graph.downloadUrl']).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${lib.running.filePort}/_library/download/`));

    const again = await failure(client.api(`${byPath(driveId, PERIOD, NAME)}:/content`).query({ '@microsoft.graph.conflictBehavior': 'fail' }).put(bytes(5)));
    expect(again).toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
    // Names compare as SharePoint compares them: without regard to case.
    const upper = await failure(client.api(`${byPath(driveId, PERIOD, NAME.toUpperCase())}:/content`).query({ '@microsoft.graph.conflictBehavior': 'fail' }).put(bytes(5)));
    expect(upper.statusCode).toBe(409);

    const renamed = await client.api(`${byPath(driveId, PERIOD, NAME)}:/content`).query({ '@microsoft.graph.conflictBehavior': 'rename' }).put(bytes(7));
    expect(renamed.name).toBe('Ekonomi 2022–2024 v1.0 1.xlsx');
    const replaced = await client.api(`${byPath(driveId, PERIOD, 'Ekonomi 2022–2024 v1.0 1.xlsx')}:/content`).put(bytes(8, 2));
    expect(replaced).toMatchObject({ id: renamed.id, size: 8 });
    expect(replaced.eTag).not.toBe(renamed.eTag);
    expect(replaced.cTag).toMatch(/,2"$/);
  });

  test('get by path (encoded Swedish names, with or without the closing colon) and by id; children', async () => {
    const item = await client.api(byPath(driveId, PERIOD, NAME)).get();
    expect(item.name).toBe(NAME);
    expect((await client.api(`${byPath(driveId, PERIOD, NAME)}:`).get()).id).toBe(item.id);
    expect((await client.api(`/drives/${encodeURIComponent(driveId)}/items/${item.id}`).get()).name).toBe(NAME);
    const folder = await client.api(byPath(driveId, PERIOD)).get();
    expect(folder.folder.childCount).toBe(2);
    const rootChildren = await client.api(`/drives/${encodeURIComponent(driveId)}/root/children`).get();
    expect(rootChildren.value.map((c: { name: string }) => c.name)).toEqual([PERIOD]);
    const byId = await client.api(`/drives/${encodeURIComponent(driveId)}/items/${folder.id}/children`).get();
    const byFolderPath = await client.api(`${byPath(driveId, PERIOD)}:/children`).get();
    // Sorted by name (a space before a dot).
    expect(byId.value.map((c: { name: string }) => c.name)).toEqual(['Ekonomi 2022–2024 v1.0 1.xlsx', NAME]);
    expect(byFolderPath.value.map((c: { id: string }) => c.id)).toEqual(byId.value.map((c: { id: string }) => c.id));
    const paged = await client.api(`${byPath(driveId, PERIOD)}:/children`).top(1).get();
    expect(paged.value).toHaveLength(1);
    expect(paged['@odata.nextLink']).toMatch(/^https:\/\/localhost:\d+\/v1\.0\//);
    expect((await client.api(paged['@odata.nextLink']).get()).value[0].name).toBe(NAME);
    // PUT into a folder by its id and a name.
    const inFolder = await client.api(`/drives/${encodeURIComponent(driveId)}/items/${folder.id}:/${encodeURIComponent('IT 2022–2024 v0.5.json')}:/content`).put('{"a":1}');
    expect(inFolder.parentReference.id).toBe(folder.id);
  });

  test('404 itemNotFound with Graph’s error shape', async () => {
    const missing = await failure(client.api(byPath(driveId, PERIOD, 'Finns inte.xlsx')).get());
    expect(missing).toMatchObject({ statusCode: 404, code: 'itemNotFound' });
    const res = await lib.fetch(`${lib.running.url}/drives/${encodeURIComponent(driveId)}/items/01NOTHERE`, { headers: { Authorization: `Bearer ${TOKEN}`, 'client-request-id': 'abc-123' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'itemNotFound', message: 'The resource could not be found.', innerError: { date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': 'abc-123' } } });
    expect((await failure(client.api('/drives/b!nope/root').get())).statusCode).toBe(404);
    expect(await failure(client.api('/sites/contoso.sharepoint.com,1,2').get())).toMatchObject({ statusCode: 404, code: 'itemNotFound' });
    expect(await failure(client.api('/me/drive').get())).toMatchObject({ statusCode: 400, code: 'BadRequest' });
  });

  test('names SharePoint refuses are refused (400)', async () => {
    for (const bad of ['a:b.xlsx', 'fråga?.xlsx', ' space.xlsx', 'con', 'x|y.json']) {
      const f = await failure(client.api(`${byPath(driveId, PERIOD, bad)}:/content`).put('x'));
      expect(f).toMatchObject({ statusCode: 400, code: 'invalidRequest' });
    }
  });

  test('download: 302 to the pre-authenticated URL on the file origin, which the client follows (without the token); the URL needs none', async () => {
    const item = await client.api(byPath(driveId, PERIOD, NAME)).get();
    const content = (await client.api(`/drives/${encodeURIComponent(driveId)}/items/${item.id}/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    expect(Buffer.from(content).equals(bytes(10_000))).toBe(true);
    const raw = await lib.fetch(`${lib.running.url}${byPath(driveId, PERIOD, NAME)}:/content`, { headers: { Authorization: `Bearer ${TOKEN}` }, redirect: 'manual' });
    expect(raw.status).toBe(302);
    const location = raw.headers.get('location')!;
    expect(new URL(location).origin).toBe(lib.running.fileOrigin);
    const direct = await lib.fetch(location);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('content-disposition')).toContain("filename*=UTF-8''Ekonomi%202022%E2%80%932024%20v1.0.xlsx");
    expect(Buffer.from(await direct.arrayBuffer()).equals(bytes(10_000))).toBe(true);
    const part = await lib.fetch(location, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes(10_000).subarray(10, 20))).toBe(true);
    const forged = await lib.fetch(location.replace(/tempauth=[^&]+/, 'tempauth=forged'));
    expect(forged.status).toBe(401);
  });

  test('listItem fields: GET, PATCH with If-Match (ETag changes on every update; a stale one gets 412)', async () => {
    const item = await client.api(byPath(driveId, PERIOD, NAME)).get();
    const base = `/drives/${encodeURIComponent(driveId)}/items/${item.id}/listItem`;
    const listItem = await client.api(base).expand('fields').get();
    expect(listItem.fields).toMatchObject({ FileLeafRef: NAME, ContentType: 'Document' });
    const first = listItem.eTag as string;
    const patched = await client.api(`${base}/fields`).header('If-Match', first).patch({ Tjansteomrade: 'Ekonomi', Planperiod: PERIOD, Version: '1.0', Forum: 'PF', Beslut: 'Fastställd', Beslutsdatum: '2022-03-15' });
    expect(patched).toMatchObject({ Tjansteomrade: 'Ekonomi', Planperiod: PERIOD, Version: '1.0', Forum: 'PF', Beslut: 'Fastställd', Beslutsdatum: '2022-03-15T00:00:00Z' });
    const second = patched['@odata.etag'] as string;
    expect(second).not.toBe(first);
    const stale = await failure(client.api(`${base}/fields`).header('If-Match', first).patch({ Forum: 'BF' }));
    expect(stale).toMatchObject({ statusCode: 412, code: 'resourceModified' });
    // The drive item's ETag moved with the list item's (one version), and either form is accepted.
    const now = await client.api(byPath(driveId, PERIOD, NAME)).get();
    expect(now.eTag).not.toBe(item.eTag);
    await client.api(`${base}/fields`).header('If-Match', now.eTag).patch({ Title: 'Ekonomis plan' });
    // The same fields through the list.
    const viaList = await client.api(`/sites/${encodeURIComponent(siteId)}/lists/${lib.running.ids.listId}/items/${listItem.id}/fields`).get();
    expect(viaList).toMatchObject({ Tjansteomrade: 'Ekonomi', Title: 'Ekonomis plan', Forum: 'PF' });
    expect(await failure(client.api(`${base}/fields`).patch({ Okand: 'x' }))).toMatchObject({ statusCode: 400, code: 'invalidRequest' });
    expect(await failure(client.api(`${base}/fields`).patch({ Beslut: 'Kanske' }))).toMatchObject({ statusCode: 400 });
    expect(await failure(client.api(`${base}/fields`).patch({ Beslutsdatum: '2022-02-30' }))).toMatchObject({ statusCode: 400 });
    expect(await failure(client.api(`${base}/fields`).patch({ FileLeafRef: 'x.xlsx' }))).toMatchObject({ statusCode: 400 });
  });

  test('a folder is created with POST children; a second time 409', async () => {
    const root = `/drives/${encodeURIComponent(driveId)}/root/children`;
    const made = await client.api(root).post({ name: '2025–2027', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' });
    expect(made).toMatchObject({ name: '2025–2027', folder: { childCount: 0 } });
    expect(await failure(client.api(root).post({ name: '2025–2027', folder: {} }))).toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
  });
});
