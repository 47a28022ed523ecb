/**
 * The reviewers' page: the library by period with its columns and download links, every value escaped
 * (a hostile file name and hostile column text stay text), a strict CSP, no token needed for the page or
 * its links, and a Host that is not loopback refused.
 */
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { quickXorHash } from '../../../src/simulators/library/quickXorHash';
import { newItem } from '../../../src/simulators/library/placement';
import { byPath, startTestLibrary, type TestLibrary } from './helpers';

jest.setTimeout(60_000);

const HOSTILE = '<script>alert(1)</script>.xlsx';

describe("the reviewers' page", () => {
  let lib: TestLibrary;
  let page: string;
  let headers: Headers;

  beforeAll(async () => {
    lib = await startTestLibrary();
    const client = lib.client();
    const { driveId } = lib.running.ids;
    const item = await client.api(`${byPath(driveId, '2022–2024', 'Ekonomi 2022–2024 v1.0.xlsx')}:/content`).put('ekonomi');
    await client.api(`/drives/${encodeURIComponent(driveId)}/items/${item.id}/listItem/fields`).patch({ Tjansteomrade: 'Ekonomi', Planperiod: '2022–2024', Version: '1.0', Forum: 'PF', Beslut: 'Fastställd', Beslutsdatum: '2022-03-15' });
    const it = await client.api(`${byPath(driveId, '2025–2027', 'IT 2025–2027 v0.5.xlsx')}:/content`).put('it');
    await client.api(`/drives/${encodeURIComponent(driveId)}/items/${it.id}/listItem/fields`).patch({ Tjansteomrade: '"><img src=x onerror=alert(2)>', Version: "0.5' onclick='alert(3)", Forum: 'TF & <b>PF</b>' });
    // Graph refuses such a name (as SharePoint does), so it goes straight into the store: the page must
    // still show it as text, whatever put it there.
    const store = lib.running.library.store;
    const data = Buffer.from('fientlig');
    const blob = await store.writeBlob(data);
    await store.transact((d) => {
      const folder = Object.values(d.items).find((i) => i.name === '2022–2024')!;
      Object.assign(newItem(d, folder.id, HOSTILE, false, new Date()), { blob, size: data.length, quickXorHash: quickXorHash(data), fields: { Tjansteomrade: '<script>alert(4)</script>' } });
    });
    const res = await lib.fetch(`https://localhost:${lib.running.port}/`);
    expect(res.status).toBe(200);
    headers = res.headers;
    page = await res.text();
  });
  afterAll(() => lib.stop());

  test('lists the library by period with the columns and download links', () => {
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.indexOf('2025–2027')).toBeLessThan(page.indexOf('2022–2024'));
    for (const text of ['Tjänsteområde', 'Beslutsdatum', 'Ekonomi 2022–2024 v1.0.xlsx', 'Fastställd', '2022-03-15', 'PF']) expect(page).toContain(text);
  });

  test('escapes every value: no markup from names or columns gets through', () => {
    expect(page).not.toContain('<script>');
    expect(page).not.toMatch(/<img/i);
    // Every real tag: none has an event handler attribute (the text may say onerror=, as text).
    const tags = page.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((t) => /\son\w+\s*=/i.test(t))).toEqual([]);
    expect(tags.filter((t) => /^<(script|img|b)\b/i.test(t))).toEqual([]);
    expect(page).not.toContain('<b>PF</b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.xlsx');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('0.5&#39; onclick=&#39;alert(3)');
    expect(page).toContain('TF &amp; &lt;b&gt;PF&lt;/b&gt;');
  });

  test('a strict content security policy: no script at all, only the page’s own style', () => {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  });

  test('the download links work from a browser without a token', async () => {
    const links = [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(links.length).toBe(3);
    for (const link of links) expect(link.startsWith(`${lib.running.fileOrigin}/_library/download/`)).toBe(true);
    for (const link of links) expect(new URL(link).pathname + new URL(link).search).toMatch(/^\/_library\/download\/01[A-Z2-7]{32}\?e=\d+&tempauth=/);
    const bodies = await Promise.all(links.map(async (l) => (await lib.fetch(l)).text()));
    expect(bodies.sort()).toEqual(['ekonomi', 'fientlig', 'it']);
    expect((await lib.fetch(`https://localhost:${lib.running.port}/_library/`)).status).toBe(200);
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
