/**
 * Ids from URLs that are names of Object.prototype's members (`__proto__`, `constructor`, `toString`, …)
 * name nothing in the library: Graph's 404 itemNotFound, never a 500 from a prototype property, and nothing
 * is created under such a parent.
 */
import { byPath, startTestLibrary, TOKEN, type TestLibrary } from './helpers';

jest.setTimeout(60_000);

const IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('ids named like Object.prototype members', () => {
  let lib: TestLibrary;
  beforeAll(async () => (lib = await startTestLibrary()));
  afterAll(() => lib.stop());

  const drive = () => `${lib.running.url}/drives/${encodeURIComponent(lib.running.ids.driveId)}`;
  const auth = { Authorization: `Bearer ${TOKEN}` };

  test.each(IDS)('%s as an item id: 404 itemNotFound for get, children, content, fields and upload sessions', async (id) => {
    const requests: [string, RequestInit][] = [
      [`${drive()}/items/${id}`, {}],
      [`${drive()}/items/${id}/children`, {}],
      [`${drive()}/items/${id}/content`, {}],
      [`${drive()}/items/${id}/listItem/fields`, {}],
      [`${drive()}/items/${id}:/a.json:/content`, { method: 'PUT', body: '{}' }],
      [`${drive()}/items/${id}:/a.xlsx:/createUploadSession`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }],
    ];
    for (const [url, init] of requests) {
      const res = await lib.fetch(url, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('itemNotFound');
    }
  });

  test('in a $batch step too, and the library still answers normally afterwards', async () => {
    const requests = IDS.map((id, n) => ({ id: String(n + 1), method: 'GET', url: `/drives/${lib.running.ids.driveId}/items/${id}` }));
    const answer = (await (await lib.fetch(`${lib.running.url}/$batch`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ requests }) })).json()) as { responses: { status: number }[] };
    expect(answer.responses.map((r) => r.status)).toEqual(IDS.map(() => 404));
    const put = await lib.fetch(`${lib.running.url}${byPath(lib.running.ids.driveId, '2022–2024', '__proto__.json')}:/content`, { method: 'PUT', headers: auth, body: '{"ok":1}' });
    expect(put.status).toBe(201);
    const item = (await put.json()) as { id: string; name: string };
    expect(item.name).toBe('__proto__.json');
    expect((await lib.fetch(`${drive()}/items/${item.id}`, { headers: auth })).status).toBe(200);
  });
});
