/**
 * The reviewers' pages render a bounded number of rows however many versions a period holds: on the library
 * page a period too big for its share shows its versions waiting for a decision and a link to its own page,
 * and that page shows the period a row budget at a time (issue 15 item 6).
 */
import { quickXorHash } from '../../../src/simulators/library/quickXorHash';
import { newItem } from '../../../src/simulators/library/placement';
import { ROWS_PER_PAGE } from '../../../src/simulators/library/reviewers/listPage';
import { startTestLibrary, type TestLibrary } from './helpers';
import { page, textOf } from './reviewersData';

jest.setTimeout(60_000);

const BIG = ROWS_PER_PAGE + 37;
const rowIds = (html: string) => [...html.matchAll(/<tr id="item-([^"]+)"/g)].map((m) => m[1]);

describe("the reviewers' pages with more versions than a page's rows", () => {
  let lib: TestLibrary;
  let bigId = '';
  const pending: Record<string, string> = {};
  const all: string[] = [];
  const small: string[] = [];

  beforeAll(async () => {
    lib = await startTestLibrary();
    const store = lib.running.library.store;
    const data = Buffer.from('plan');
    const blob = await store.writeBlob(data);
    await store.transact((d) => {
      const file = (parent: string, name: string, fields: Record<string, string>) =>
        Object.assign(newItem(d, parent, name, false, new Date()), { blob, size: data.length, quickXorHash: quickXorHash(data), fields }).id;
      const big = newItem(d, d.rootId, '2031–2033', true, new Date());
      bigId = big.id;
      for (let i = 0; i < BIG; i++) {
        const area = `Område ${String(i).padStart(3, '0')}`;
        // Area folders, as the load bench seeds them; three versions wait for a decision, in two forums.
        const folder = newItem(d, big.id, area, true, new Date());
        const decision = i === 5 || i === 150 ? 'Inskickad' : i === 220 ? 'Inskickad' : 'Fastställd';
        const forum = i === 220 ? 'TF' : 'PF';
        const id = file(folder.id, `${area} 2031–2033 v1.0.xlsx`, { Tjansteomrade: area, Planperiod: '2031–2033', Version: '1.0', Forum: forum, Beslut: decision });
        all.push(id);
        if (decision === 'Inskickad') pending[area] = id;
      }
      const older = newItem(d, d.rootId, '2028–2030', true, new Date());
      for (let i = 0; i < 12; i++) small.push(file(older.id, `Äldre ${i} 2028–2030 v1.0.xlsx`, { Tjansteomrade: `Äldre ${i}`, Planperiod: '2028–2030', Version: '1.0', Forum: 'BF', Beslut: 'Fastställd' }));
    });
  });
  afterAll(() => lib.stop());

  test('the library page shows a big period by its pending versions, TF first, and links to all of them', async () => {
    const { status, html } = await page(lib, '/');
    expect(status).toBe(200);
    const text = textOf(html);
    const rows = rowIds(html);
    const bigRows = rows.filter((id) => all.includes(id));
    expect(bigRows).toEqual([pending['Område 220'], pending['Område 005'], pending['Område 150']]);
    expect(text).toContain(`${BIG} planversioner, 3 väntar på beslut.`);
    expect(text).toContain('Här visas de som väntar på beslut.');
    expect(html).toContain(`<a href="/_library/f/${bigId}">Visa alla ${BIG} versioner i 2031–2033</a>`);
    // The smaller, older period fits in what is left of the page's rows: all of it, and no link.
    expect(rows.filter((id) => small.includes(id))).toHaveLength(small.length);
    expect(text).not.toContain('Visa alla 12 versioner');
  });

  test("the period's own page pages it by rows, pending first, every version on exactly one page", async () => {
    const first = await page(lib, `/_library/f/${bigId}`);
    expect(first.status).toBe(200);
    const one = rowIds(first.html);
    expect(one).toHaveLength(ROWS_PER_PAGE);
    expect(one.slice(0, 3)).toEqual([pending['Område 220'], pending['Område 005'], pending['Område 150']]);
    expect(textOf(first.html)).toContain(`Sida 1 av 2 (${BIG} rader)`);
    expect(first.html).toContain(`<a href="/_library/f/${bigId}?sida=2" rel="next">Nästa sida</a>`);

    const second = await page(lib, `/_library/f/${bigId}?sida=2`);
    expect(second.status).toBe(200);
    const two = rowIds(second.html);
    expect(two).toHaveLength(BIG - ROWS_PER_PAGE);
    expect(second.html).toContain(`<a href="/_library/f/${bigId}" rel="prev">Föregående sida</a>`);
    expect(textOf(second.html)).toContain('2031–2033, sida 2');
    expect(new Set([...one, ...two])).toEqual(new Set(all));
    // Areas in order across the pages: the last of page 1 before the first of page 2.
    const area = (html: string, id: string) => new RegExp(`<tr id="item-${id}"><th scope="row"><a [^>]*>([^<]+)</a>`).exec(html)![1];
    expect(area(first.html, one[one.length - 1]) < area(second.html, two[0])).toBe(true);

    // A page past the end shows the last one.
    expect(rowIds((await page(lib, `/_library/f/${bigId}?sida=99`)).html)).toEqual(two);
  });
});
