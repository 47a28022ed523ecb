/**
 * List items with $filter/$expand/$top and @odata.nextLink (and SharePoint's rule on non-indexed columns),
 * and JSON batching: 20 steps answered, 21 refused with 400, version-relative step URLs, dependsOn.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { byPath, failure, startTestLibrary, TOKEN, type TestLibrary } from './helpers';

jest.setTimeout(90_000);

const AREAS = ['Ekonomi', 'HR', 'IT', 'Kultur', 'Utbildning'];

describe('list items and $batch', () => {
  let lib: TestLibrary;
  let client: Client;
  let items: string;
  let driveId: string;

  beforeAll(async () => {
    lib = await startTestLibrary();
    client = lib.client();
    driveId = lib.running.ids.driveId;
    items = `/sites/${encodeURIComponent(lib.running.ids.siteId)}/lists/${lib.running.ids.listId}/items`;
    // Five areas in 2022–2024 (one returned), two in 2025–2027, each with metadata.
    for (const [period, areas] of [['2022–2024', AREAS], ['2025–2027', AREAS.slice(0, 2)]] as const) {
      for (const area of areas) {
        const item = await client.api(`${byPath(driveId, period, `${area} ${period} v1.0.xlsx`)}:/content`).query({ '@microsoft.graph.conflictBehavior': 'fail' }).put(`${area} ${period}`);
        await client.api(`/drives/${encodeURIComponent(driveId)}/items/${item.id}/listItem/fields`).patch({
          Tjansteomrade: area,
          Planperiod: period,
          Version: '1.0',
          Forum: 'PF',
          Beslut: area === 'Kultur' ? 'Återremitterad' : 'Fastställd',
          Beslutsdatum: '2022-03-15',
        });
      }
    }
  });
  afterAll(() => lib.stop());

  test("$filter=fields/Planperiod eq '2022–2024' with $expand=fields", async () => {
    const page = await client.api(items).expand('fields').filter("fields/Planperiod eq '2022–2024'").get();
    expect(page.value.map((i: { fields: { Tjansteomrade: string } }) => i.fields.Tjansteomrade).sort()).toEqual(AREAS);
    for (const i of page.value) {
      expect(i).toMatchObject({ id: expect.stringMatching(/^\d+$/), eTag: expect.any(String), contentType: { name: 'Document' } });
      expect(i.fields).toMatchObject({ Planperiod: '2022–2024', Version: '1.0', FileLeafRef: expect.stringMatching(/\.xlsx$/) });
    }
    expect(page['@odata.nextLink']).toBeUndefined();
    // Without $expand no fields; a quote inside a literal is doubled.
    const bare = await client.api(items).filter("fields/Planperiod eq '2025–2027'").get();
    expect(bare.value).toHaveLength(2);
    expect(bare.value[0].fields).toBeUndefined();
    expect((await client.api(items).filter("fields/Tjansteomrade eq 'O''Brien'").get()).value).toEqual([]);
  });

  test('a filter on a column that is not indexed needs Prefer: HonorNonIndexedQueriesWarningMayFailRandomly', async () => {
    const filter = "fields/Planperiod eq '2022–2024' and fields/Beslut eq 'Fastställd'";
    const refused = await failure(client.api(items).expand('fields').filter(filter).get());
    expect(refused).toMatchObject({ statusCode: 400, code: 'invalidRequest' });
    const ok = await client.api(items).expand('fields($select=Tjansteomrade,Beslut)').filter(filter).header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly').get();
    expect(ok.value.map((i: { fields: { Tjansteomrade: string } }) => i.fields.Tjansteomrade).sort()).toEqual(['Ekonomi', 'HR', 'IT', 'Utbildning']);
    expect(Object.keys(ok.value[0].fields).sort()).toEqual(['@odata.etag', 'Beslut', 'Tjansteomrade']);
    expect(await failure(client.api(items).filter("startswith(fields/Planperiod,'2022')").get())).toMatchObject({ statusCode: 400 });
  });

  test('$top pages with @odata.nextLink (absolute https, $skiptoken) until the end', async () => {
    const seen: string[] = [];
    let page = await client.api(items).expand('fields').filter("fields/Planperiod eq '2022–2024'").top(2).get();
    let pages = 1;
    for (;;) {
      seen.push(...page.value.map((i: { fields: { Tjansteomrade: string } }) => i.fields.Tjansteomrade));
      const next = page['@odata.nextLink'];
      if (!next) break;
      expect(next).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/sites\/.*\$skiptoken=/);
      page = await client.api(next).get();
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(AREAS);
    // Without a filter the folders are list items too (content type Folder).
    const all = await client.api(items).expand('fields').get();
    expect(all.value.filter((i: { contentType: { name: string } }) => i.contentType.name === 'Folder')).toHaveLength(2);
  });

  test('$batch of 20 steps with version-relative URLs: 20 answers with id, status, headers and body', async () => {
    const list = await client.api(items).filter("fields/Planperiod eq '2022–2024'").get();
    const ids: string[] = list.value.map((i: { id: string }) => i.id);
    const requests = Array.from({ length: 20 }, (_, n) => ({ id: String(n + 1), method: 'GET', url: `${items.replace(/^\/sites/, '/sites')}/${ids[n % ids.length]}/fields` }));
    const answer = await client.api('/$batch').post({ requests });
    expect(answer.responses).toHaveLength(20);
    for (const r of answer.responses) {
      expect(r).toMatchObject({ id: expect.any(String), status: 200, headers: expect.objectContaining({ 'Content-Type': expect.stringContaining('application/json') }) });
      expect(r.body.Planperiod).toBe('2022–2024');
    }
    // A download in a batch answers 302 with the Location to fetch alone, as Graph does.
    const file = await client.api(byPath(driveId, '2022–2024', 'HR 2022–2024 v1.0.xlsx')).get();
    const dl = await client.api('/$batch').post({ requests: [{ id: 'a', method: 'GET', url: `/drives/${driveId}/items/${file.id}/content` }] });
    expect(dl.responses[0]).toMatchObject({ id: 'a', status: 302, headers: { Location: expect.stringMatching(new RegExp(`^${lib.running.fileOrigin}/`)) } });
    expect(await (await lib.fetch(dl.responses[0].headers.Location)).text()).toBe('HR 2022–2024');
  });

  test('$batch of 21 steps: 400 for the whole batch', async () => {
    const requests = Array.from({ length: 21 }, (_, n) => ({ id: String(n + 1), method: 'GET', url: '/sites/root' }));
    const refused = await failure(client.api('/$batch').post({ requests }));
    expect(refused).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    const raw = await lib.fetch(`${lib.running.url}/$batch`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ requests }) });
    expect(await raw.json()).toMatchObject({ error: { code: 'BadRequest', message: 'Number of requests inside batch exceeds the limit.' } });
  });

  test('a step URL with /v1.0 gets 400 (as BatchRequestContent from absolute URLs would send); dependsOn; bodies', async () => {
    const file = await client.api(byPath(driveId, '2022–2024', 'IT 2022–2024 v1.0.xlsx')).get();
    const answer = await client.api('/$batch').post({
      requests: [
        { id: '1', method: 'GET', url: `/v1.0/drives/${driveId}/items/${file.id}` },
        { id: '2', method: 'GET', url: `/drives/${driveId}/items/${file.id}` },
        { id: '3', method: 'PATCH', url: `/drives/${driveId}/items/${file.id}/listItem/fields`, headers: { 'Content-Type': 'application/json' }, body: { Forum: 'BF' }, dependsOn: ['2'] },
        { id: '4', method: 'GET', url: `/drives/${driveId}/items/01MISSING`, dependsOn: [] },
        { id: '5', method: 'GET', url: '/sites/root', dependsOn: ['4'] },
        { id: '6', method: 'PUT', url: `/drives/${driveId}/root:/2022–2024/x.json:/content`, headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from('{"b":2}').toString('base64') },
      ],
    });
    const by = Object.fromEntries(answer.responses.map((r: { id: string }) => [r.id, r]));
    expect(by['1']).toMatchObject({ status: 400, body: { error: { code: 'BadRequest', message: "Resource not found for the segment 'v1.0'." } } });
    expect(by['2']).toMatchObject({ status: 200, body: { id: file.id } });
    expect(by['3']).toMatchObject({ status: 200, body: { Forum: 'BF' } });
    expect(by['4']).toMatchObject({ status: 404, body: { error: { code: 'itemNotFound' } } });
    expect(by['5'].status).toBe(424);
    expect(by['6'].status).toBe(201);
    expect(answer.responses.map((r: { id: string }) => r.id)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
