/**
 * The reviewers' library page: by period (newest first) and forum (TF, PF, BF), submitted versions first,
 * one row per plan version with its snapshot folded in, the forum's documents in their own list, a few
 * periods per page; every value escaped (a hostile file name and hostile column text stay text), a strict
 * CSP, no token needed for the page or its download links, a Host that is not loopback refused; and every
 * drive item's webUrl opening its own page.
 */
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { quickXorHash } from '../../../src/simulators/library/quickXorHash';
import { newItem } from '../../../src/simulators/library/placement';
import { FOLDERS_PER_PAGE } from '../../../src/simulators/library/reviewers/listPage';
import { startTestLibrary, type TestLibrary } from './helpers';
import { page, publish, put, snapshotOf, textOf } from './reviewersData';

jest.setTimeout(60_000);

const HOSTILE = '<script>alert(1)</script>.xlsx';
const row = (nr: string, name: string, d: number) => ({ nr, name, development: [d, d, d] });

describe("the reviewers' library page", () => {
  let lib: TestLibrary;
  let html: string;
  let text: string;
  let headers: Headers;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    lib = await startTestLibrary();
    const v = (area: string, version: string, forum: string, decision: string, date?: string) => ({ area, version, forum, decision, ...(date ? { date } : {}) });
    ids.ek10 = await publish(lib, snapshotOf({ ...v('Ekonomi', '1.0', 'PF', 'Fastställd', '2025-03-01'), rows: [row('1', 'E-arkiv', 100)] }), v('Ekonomi', '1.0', 'PF', 'Fastställd', '2025-03-01'));
    ids.ek11 = await publish(lib, snapshotOf({ ...v('Ekonomi', '1.1', 'PF', 'Inskickad'), rows: [row('1', 'E-arkiv', 120)] }), v('Ekonomi', '1.1', 'PF', 'Inskickad'));
    ids.it = await publish(lib, null, v('IT', '2.0', 'TF', 'Inskickad'));
    ids.hr = await publish(lib, snapshotOf({ ...v('HR', '1.0', 'BF', 'Fastställd', '2025-04-01'), rows: [] }), v('HR', '1.0', 'BF', 'Fastställd', '2025-04-01'));
    ids.old = await publish(lib, null, { ...v('Ekonomi', '1.0', 'PF', 'Fastställd', '2022-03-15'), period: '2022–2024' });
    ids.pack = await put(lib, ['2025–2027', 'Forum', 'Granskningspaket PF 2025-05.xlsx'], 'paket');
    // Hostile column text through Graph, and a name Graph refuses (as SharePoint does) straight into the
    // store: the page must show both as text, whatever put them there.
    ids.hostile = await publish(lib, null, { area: '"><img src=x onerror=alert(2)>', version: "0.5' onclick='alert(3)", forum: 'TF & <b>PF</b>', decision: 'Utkast', fileName: 'IT 2025–2027 v0.5' });
    const store = lib.running.library.store;
    const data = Buffer.from('fientlig');
    const blob = await store.writeBlob(data);
    await store.transact((d) => {
      const folder = Object.values(d.items).find((i) => i.name === '2022–2024')!;
      Object.assign(newItem(d, folder.id, HOSTILE, false, new Date()), { blob, size: data.length, quickXorHash: quickXorHash(data), fields: { Tjansteomrade: '<script>alert(4)</script>' } });
      // Older, empty period folders: enough for a second page.
      for (let i = 0; i < FOLDERS_PER_PAGE; i++) newItem(d, d.rootId, `${1900 + i}–${1902 + i}`, true, new Date());
    });
    ({ html, headers } = await page(lib, '/'));
    text = textOf(html);
  });
  afterAll(() => lib.stop());

  test('periods newest first, forums in their order within each, submitted versions first', () => {
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    const at = (s: string, from = 0) => text.indexOf(s, from);
    expect(at('2025–2027')).toBeGreaterThan(-1);
    expect(at('2025–2027')).toBeLessThan(at('2022–2024'));
    const period = at('2025–2027');
    const [tf, pf, bf] = ['Tjänsteforum (TF)', 'Prioriteringsforum (PF)', 'Beslutsforum (BF)'].map((f) => at(f, period));
    expect(period).toBeLessThan(tf);
    expect(tf).toBeLessThan(pf);
    expect(pf).toBeLessThan(bf);
    expect(bf).toBeLessThan(at('2022–2024'));
    // Within PF: the submitted 1.1 above the approved 1.0, marked as waiting.
    expect(at('Ekonomi 1.1 PF Inskickad väntar på beslut', pf)).toBeGreaterThan(pf);
    expect(at('Ekonomi 1.1', pf)).toBeLessThan(at('Ekonomi 1.0 PF Fastställd 2025-03-01 Ekonomi 2025–2027 v1.0.xlsx', pf));
    expect(at('IT 2.0 TF Inskickad väntar på beslut', tf)).toBeGreaterThan(tf);
    expect(text).toContain('2 väntar på beslut');
  });

  test('one row per plan version: the snapshot is a link in its row, not a row of its own', () => {
    const rows = [...html.matchAll(/<tr id="item-([^"]+)"/g)].map((m) => m[1]);
    for (const id of [ids.ek10, ids.ek11, ids.it, ids.hr, ids.old, ids.hostile]) expect(rows).toContain(id);
    expect(rows).toHaveLength(6);
    expect(html).toContain('aria-label="Data (JSON): Ekonomi 2025–2027 v1.1.json"');
    expect(text).not.toContain('Ekonomi 2025–2027 v1.1.json');
    expect(html).toContain(`href="/_library/v/${ids.ek11}"`);
  });

  test("the forum's documents are listed apart, with their subfolder and a download link", () => {
    const docs = text.indexOf('Forumens dokument och övriga filer');
    expect(docs).toBeGreaterThan(text.indexOf('Beslutsforum (BF)'));
    expect(text.indexOf('Forum / Granskningspaket PF 2025-05.xlsx')).toBeGreaterThan(docs);
    expect(html).toMatch(new RegExp(`<li id="item-${ids.pack}"><a href="https://127\\.0\\.0\\.1:\\d+/_library/download/${ids.pack}\\?`));
  });

  test('a few periods per page, with links to the others', async () => {
    expect(text).toContain(`Sida 1 av 2 (${FOLDERS_PER_PAGE + 2} mappar)`);
    expect(html).toContain('<a href="/_library/?sida=2" rel="next">Nästa sida</a>');
    expect(text).not.toContain('1900–1902');
    const second = await page(lib, '/_library/?sida=2');
    expect(second.status).toBe(200);
    expect(textOf(second.html)).toContain('1900–1902');
    expect(second.html).toContain('<a href="/_library/" rel="prev">Föregående sida</a>');
    expect(textOf(second.html)).not.toContain('2025–2027');
  });

  test('escapes every value: no markup from names or columns gets through', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<img/i);
    // Every real tag, its quoted attribute values set aside: none has an event handler attribute.
    const tags = (html.match(/<[^>]*>/g) ?? []).map((t) => t.replace(/"[^"]*"/g, '""'));
    expect(tags.filter((t) => /\son\w+\s*=/i.test(t))).toEqual([]);
    expect(tags.filter((t) => /^<(script|img|b)\b/i.test(t))).toEqual([]);
    expect(html).not.toContain('<b>PF</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.xlsx');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('0.5&#39; onclick=&#39;alert(3)');
    expect(html).toContain('TF &amp; &lt;b&gt;PF&lt;/b&gt;');
  });

  test('a strict content security policy: no script at all, only the page’s own style', () => {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).not.toMatch(/<script|style="/i);
  });

  test('the download links work from a browser without a token', async () => {
    const links = [...html.matchAll(/href="(https:[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(links.length).toBeGreaterThanOrEqual(9);
    for (const link of links) expect(new URL(link).pathname + new URL(link).search).toMatch(/^\/_library\/download\/01[A-Z2-7]{32}\?e=\d+&tempauth=/);
    for (const link of links) expect(link.startsWith(`${lib.running.fileOrigin}/`)).toBe(true);
    const bodies = await Promise.all(links.map(async (l) => (await lib.fetch(l)).text()));
    expect(bodies).toContain('fientlig');
    expect(bodies).toContain('paket');
    expect(bodies).toContain('arbetsbok Ekonomi 2025–2027 v1.1');
    expect((await page(lib, '/_library/')).status).toBe(200);
  });

  test("webUrl opens the item's own page: a plan version's, a folder's, the library's", async () => {
    const client = lib.client();
    const { driveId, siteId, listId } = lib.running.ids;
    const origin = `https://localhost:${lib.running.port}`;
    const item = (await client.api(`/drives/${encodeURIComponent(driveId)}/items/${ids.ek11}`).expand('listItem').get()) as { webUrl: string; parentReference: { id: string }; listItem: { webUrl: string } };
    expect(item.webUrl).toBe(`${origin}/_library/v/${ids.ek11}`);
    expect(item.listItem.webUrl).toBe(item.webUrl);
    const folder = (await client.api(`/drives/${encodeURIComponent(driveId)}/items/${item.parentReference.id}`).get()) as { webUrl: string };
    expect(folder.webUrl).toBe(`${origin}/_library/f/${item.parentReference.id}`);
    // What the publisher reads: list items with their fields (listVersions), each with its webUrl.
    const list = (await client.api(`/sites/${encodeURIComponent(siteId)}/lists/${listId}/items`).expand('fields').get()) as { value: { webUrl: string; fields: { Version?: string; Tjansteomrade?: string } }[] };
    expect(list.value.find((i) => i.fields.Tjansteomrade === 'Ekonomi' && i.fields.Version === '1.1')?.webUrl).toBe(item.webUrl);
    const drive = (await client.api(`/drives/${encodeURIComponent(driveId)}`).get()) as { webUrl: string };
    expect(drive.webUrl).toBe(`${origin}/_library/`);

    const opened = await lib.fetch(item.webUrl);
    expect(opened.status).toBe(200);
    expect(textOf(await opened.text())).toContain('Ekonomi 2025–2027 v1.1');
    const folderPage = textOf(await (await lib.fetch(folder.webUrl)).text());
    expect(folderPage).toContain('2025–2027');
    expect(folderPage).toContain('Ekonomi');
    expect(folderPage).not.toContain('2022–2024');
  });

  test('a request naming another host is refused (no DNS rebinding onto the library)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request({ host: '127.0.0.1', servername: 'localhost', port: lib.running.port, path: '/', headers: { Host: 'evil.example' }, ca: readFileSync(lib.running.ca) }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });
});
