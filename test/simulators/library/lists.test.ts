/**
 * Lists and columns of the local library through the official Graph client: a site started empty has no
 * library (no lists, no drives, 404 inside), `POST /sites/{id}/lists` makes it with its columns (201), a
 * second one is 409, columns are listed, added (201) and refused as Graph refuses them, and the indexes the
 * columns were made with decide which `$filter` SharePoint would run.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { failure, startTestLibrary, type TestLibrary } from './helpers';

jest.setTimeout(60_000);

const LIBRARY = { displayName: 'Tjänsteplaner', list: { template: 'documentLibrary' } };

describe('a site started without the document library', () => {
  let lib: TestLibrary;
  let client: Client;
  let site: string;

  beforeAll(async () => {
    lib = await startTestLibrary({ emptySite: true });
    client = lib.client();
    site = `/sites/${encodeURIComponent(lib.running.ids.siteId)}`;
  });
  afterAll(() => lib.stop());

  test('has the site but no lists, no drives, and nothing inside the library', async () => {
    expect((await client.api(site).get()).id).toBe(lib.running.ids.siteId);
    expect((await client.api(`${site}/lists`).get()).value).toEqual([]);
    expect((await client.api(`${site}/drives`).get()).value).toEqual([]);
    expect(await failure(client.api(`${site}/drive`).get())).toMatchObject({ statusCode: 404, code: 'itemNotFound' });
    expect(await failure(client.api(`/drives/${lib.running.ids.driveId}/root`).get())).toMatchObject({ statusCode: 404 });
    expect(await failure(client.api(`${site}/lists/Tjänsteplaner/columns`).get())).toMatchObject({ statusCode: 404 });
    // The reviewers' page still answers (its wording is another change's business, so only the status here).
    const page = await lib.fetch(lib.running.url.replace(/\/v1\.0$/, '/'));
    expect(page.status).toBe(200);
    await page.text();
  });

  test('refuses list bodies Graph refuses, and a second library the local one cannot hold', async () => {
    expect(await failure(client.api(`${site}/lists`).post({ list: { template: 'documentLibrary' } }))).toMatchObject({ statusCode: 400 });
    expect(await failure(client.api(`${site}/lists`).post({ ...LIBRARY, colour: 'red' }))).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(await failure(client.api(`${site}/lists`).post({ ...LIBRARY, columns: [{ name: 'Version', text: {}, number: {} }] }))).toMatchObject({ statusCode: 400 });
    expect(await failure(client.api(`${site}/lists`).post({ ...LIBRARY, columns: [{ name: 'Beslut', choice: {} }] }))).toMatchObject({ statusCode: 400 });
    expect(await failure(client.api(`${site}/lists`).post({ ...LIBRARY, columns: [{ name: 'Title', text: {} }] }))).toMatchObject({ statusCode: 400 });
    expect(await failure(client.api(`${site}/lists`).post({ displayName: 'Tjänsteplaner' }))).toMatchObject({ statusCode: 501, code: 'notSupported' });
    // Nothing was made by a refused request.
    expect((await client.api(`${site}/lists`).get()).value).toEqual([]);
  });

  test('POST lists makes the library with its columns (201); the same name again is 409', async () => {
    const columns = [
      { name: 'Planperiod', text: {}, indexed: true },
      { name: 'Version', text: {} },
      { name: 'Beslut', choice: { choices: ['Utkast', 'Fastställd'] } },
    ];
    const made = await client.api(`${site}/lists`).post({ ...LIBRARY, columns });
    expect(made).toMatchObject({ id: lib.running.ids.listId, displayName: 'Tjänsteplaner', list: { template: 'documentLibrary' } });
    expect(await failure(client.api(`${site}/lists`).post(LIBRARY))).toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
    const lists = (await client.api(`${site}/lists`).select('id,displayName').get()).value;
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ id: made.id, displayName: 'Tjänsteplaner' });
    expect((await client.api(`${site}/drive`).get()).id).toBe(lib.running.ids.driveId);

    const listed = (await client.api(`${site}/lists/${made.id}/columns`).get()).value as Record<string, unknown>[];
    expect(listed.map((c) => c.name)).toEqual(expect.arrayContaining(['Title', 'Created', 'Planperiod', 'Version', 'Beslut']));
    expect(listed.find((c) => c.name === 'Planperiod')).toMatchObject({ indexed: true, text: { maxLength: 255 } });
    expect(listed.find((c) => c.name === 'Beslut')).toMatchObject({ indexed: false, choice: { choices: ['Utkast', 'Fastställd'] } });
    const one = listed.find((c) => c.name === 'Version')!;
    expect(await client.api(`${site}/lists/${made.id}/columns/${one.id}`).get()).toMatchObject({ id: one.id, name: 'Version' });
  });

  test('POST columns adds a column (201); a taken name is 409, an unsupported type 501', async () => {
    const listPath = `${site}/lists/${lib.running.ids.listId}/columns`;
    const added = await client.api(listPath).post({ name: 'Beslutsdatum', displayName: 'Beslutsdatum', dateTime: { format: 'dateOnly' } });
    expect(added).toMatchObject({ name: 'Beslutsdatum', dateTime: { format: 'dateOnly' }, indexed: false, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await failure(client.api(listPath).post({ name: 'beslutsdatum', text: {} }))).toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
    expect(await failure(client.api(listPath).post({ name: 'Modified', text: {} }))).toMatchObject({ statusCode: 409 });
    expect(await failure(client.api(listPath).post({ name: 'Ansvarig', personOrGroup: {} }))).toMatchObject({ statusCode: 501 });
    expect(await failure(client.api(listPath).post({ name: 'Med mellanslag', text: {} }))).toMatchObject({ statusCode: 400 });
    // Kept in the committed state, which is what library.json holds.
    expect(lib.running.library.store.state).toHaveProperty('list.columns');
  });

  test('a $filter names an indexed column freely; a column made without an index needs the Prefer header', async () => {
    const items = `${site}/lists/${lib.running.ids.listId}/items`;
    expect((await client.api(items).filter("fields/Planperiod eq '2022–2024'").get()).value).toEqual([]);
    expect(await failure(client.api(items).filter("fields/Version eq '1.0'").get())).toMatchObject({ statusCode: 400 });
    const ok = await client.api(items).header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly').filter("fields/Version eq '1.0'").get();
    expect(ok.value).toEqual([]);
  });
});

describe('the library made at start (the default)', () => {
  let lib: TestLibrary;
  beforeAll(async () => (lib = await startTestLibrary()));
  afterAll(() => lib.stop());

  test('lists its standard columns, Tjansteomrade and Planperiod indexed', async () => {
    const { siteId, listId } = lib.running.ids;
    const columns = (await lib.client().api(`/sites/${encodeURIComponent(siteId)}/lists/${listId}/columns`).get()).value as Record<string, unknown>[];
    const custom = columns.filter((c) => c.columnGroup === 'Custom Columns');
    expect(custom.map((c) => [c.name, c.indexed])).toEqual([
      ['Tjansteomrade', true],
      ['Planperiod', true],
      ['Version', false],
      ['Forum', false],
      ['Beslut', false],
      ['Beslutsdatum', false],
    ]);
    expect(custom.find((c) => c.name === 'Beslut')).toMatchObject({ choice: { choices: ['Utkast', 'Inskickad', 'Fastställd', 'Återremitterad'] } });
    // Stable ids: asked twice, the same.
    const again = (await lib.client().api(`/sites/${encodeURIComponent(siteId)}/lists/${listId}/columns`).get()).value as Record<string, unknown>[];
    expect(again.map((c) => c.id)).toEqual(columns.map((c) => c.id));
  });
});
