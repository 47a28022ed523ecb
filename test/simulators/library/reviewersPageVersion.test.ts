/**
 * A plan version's own page (`/_library/v/{id}`), rendered from its snapshot: the version's columns and
 * downloads, its tables in tkr with Swedish grouping, its findings in the review pack's words (the published
 * ones, or the rules run on the snapshot's tables when it carries none: a stated sum that does not add up
 * shows as SUM_MISMATCH), the diff to the previous approved version of the same area and period; hostile
 * snapshot text stays text; a version without a readable snapshot says so; an unknown id is a 404 page under
 * the same CSP.
 */
import { finding } from '../../../src/domain/findings';
import { startTestLibrary, type TestLibrary } from './helpers';
import { page, publish, put, snapshotOf, textOf } from './reviewersData';

jest.setTimeout(60_000);

describe("a plan version's own page", () => {
  let lib: TestLibrary;
  const ids: Record<string, string> = {};
  let v11: { status: number; html: string; headers: Headers };
  let text11: string;

  beforeAll(async () => {
    lib = await startTestLibrary();
    const f = (area: string, version: string, decision: string, date?: string) => ({ area, version, forum: 'PF', decision, ...(date ? { date } : {}) });
    const published = finding('FRAME_MISSING', { area: 'Ekonomi', year: 2027 }, { location: { sheet: 'Ram', table: 'Ram', row: 3, column: 'Utveckling' }, year: 2027, area: 'Ekonomi' });
    const asText = finding('NUMBER_AS_TEXT', { shown: '4500', tkr: 4500, column: 'Utveckling 2025' }, { location: { sheet: 'Tjänsteplan', table: 'Initiativ', row: 1, column: 'Utveckling 2025' } });
    ids.ek09 = await publish(lib, snapshotOf({ ...f('Ekonomi', '0.9', 'Fastställd', '2024-11-01'), frame: 9000, rows: [{ nr: '1', name: 'E-arkiv', development: [1, 1, 1] }] }), f('Ekonomi', '0.9', 'Fastställd', '2024-11-01'));
    const rows10 = [
      { nr: '1', name: 'E-arkiv', development: [4500, 4500, 4500] },
      { nr: '2', name: 'Lönesystem', development: [1000, 1000, 1000] },
      { nr: '', name: 'Summa', development: [5500, 5500, 5500], sum: true },
    ];
    ids.ek10 = await publish(lib, snapshotOf({ ...f('Ekonomi', '1.0', 'Fastställd', '2025-03-01'), frame: 10_000, rows: rows10, findings: [asText, published] }), f('Ekonomi', '1.0', 'Fastställd', '2025-03-01'));
    const rows11 = [
      { nr: '1', name: 'E-arkiv', development: [3040, 4500, 4500], maintenance: [0, 250, 250] },
      { nr: '2', name: 'Nytt lönesystem', development: [1000, 1000, 1000] },
      { nr: '3', name: 'Chattbot', development: [200, 200, 200] },
      // States 5 500 where the rows above add up to 4 240 (2025).
      { nr: '', name: 'Summa', development: [5500, 5700, 5700], sum: true },
    ];
    ids.ek11 = await publish(lib, snapshotOf({ ...f('Ekonomi', '1.1', 'Inskickad'), frame: 12_000, rows: rows11 }), f('Ekonomi', '1.1', 'Inskickad'));
    ids.it = await publish(lib, null, f('IT', '2.0', 'Inskickad'));
    ids.hr = await publish(lib, snapshotOf({ ...f('HR', '1.0', 'Fastställd', '2025-04-01'), frame: 5000, rows: [{ nr: '<b>1</b>', name: '<img src=x onerror=alert(5)>', development: [1, 2, 3] }] }), f('HR', '1.0', 'Fastställd', '2025-04-01'));
    ids.park = await publish(lib, null, { area: 'Park', version: '1.0', forum: 'constructor', decision: 'Utkast' });
    ids.kultur = await publish(lib, null, f('Kultur', '1.0', 'Fastställd', '2025-04-02'));
    await put(lib, ['2025–2027', 'Kultur 2025–2027 v1.0.json'], '{"schema":"något annat"}');
    v11 = await page(lib, `/_library/v/${ids.ek11}`);
    text11 = textOf(v11.html);
  });
  afterAll(() => lib.stop());

  test("the version's columns and its downloads", () => {
    expect(v11.status).toBe(200);
    expect(v11.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    for (const s of ['Ekonomi 2025–2027 v1.1', 'Tjänsteområde Ekonomi', 'Planperiod 2025–2027', 'Version 1.1', 'Forum Prioriteringsforum (PF)', 'Beslut Inskickad väntar på beslut']) expect(text11).toContain(s);
    expect(v11.html).toMatch(/<a href="https:\/\/127\.0\.0\.1:\d+\/_library\/download\/[^"]+" download="Ekonomi 2025–2027 v1\.1\.xlsx">/);
    expect(v11.html).toMatch(/download="Ekonomi 2025–2027 v1\.1\.json"/);
  });

  test('its tables from the snapshot: amounts per year in tkr, stated sums, maintenance, the frame, the history', () => {
    expect(text11).toContain('Nr Initiativ Utveckling 2025 Utveckling 2026 Utveckling 2027 Vidmakthålla 2025 Vidmakthålla 2026 Vidmakthålla 2027 Kommentar');
    expect(text11).toContain('1 E-arkiv 3 040 4 500 4 500 0 250 250');
    expect(text11).toContain('Summa 5 500 5 700 5 700');
    expect(text11).toContain('Summa (beräknad, utan summarader) 4 240 5 700 5 700 0 250 250');
    // Year, development, frame, what is left.
    expect(text11).toContain('2025 4 240 12 000 7 760');
    expect(text11).toContain('Versionshantering');
    expect(text11).toContain('Version för forum Controller PF Inskickad');
    expect(v11.html).toMatch(/<div class="scroll" role="region" aria-label="Initiativ" tabindex="0"><table>/);
  });

  test('findings: the rules run on the tables of a snapshot that carries none (SUM_MISMATCH)', () => {
    expect(text11).toContain('kontrollerna har körts här på dess tabeller');
    expect(v11.html).toContain('<code>SUM_MISMATCH</code>');
    expect(text11).toContain('Fel SUM_MISMATCH: Summan i Utveckling 2025 är 5 500 tkr men raderna 1–3 ger 4 240 tkr (skillnad 1 260 tkr). (blad Tjänsteplan, tabell Initiativ, rad 4, kolumn Utveckling 2025)');
  });

  test('findings: the published ones when the snapshot carries them', async () => {
    const v10 = textOf((await page(lib, `/_library/v/${ids.ek10}`)).html);
    expect(v10).toContain('Kontrollerna när versionen publicerades.');
    expect(v10).toContain('FRAME_MISSING');
    expect(v10).not.toContain('SUM_MISMATCH');
    // Severity in the review pack's words, most severe first: an info finding is an Upplysning there and here.
    expect(v10).toContain('2 fynd, varav 0 fel.');
    expect(v10.indexOf('Varning FRAME_MISSING')).toBeGreaterThan(-1);
    expect(v10.indexOf('Varning FRAME_MISSING')).toBeLessThan(v10.indexOf('Upplysning NUMBER_AS_TEXT: "4500" i kolumnen Utveckling 2025'));
    expect(v10).not.toContain('Information');
  });

  test('the diff to the previous approved version of the area (1.0, not 0.9)', () => {
    const diff = text11.slice(text11.indexOf('Ändringar sedan förra fastställda versionen'), text11.indexOf('Kontroller'));
    expect(diff).toContain('Jämfört med v1.0, fastställd 2025-03-01 i PF.');
    expect(v11.html).toContain(`<a href="/_library/v/${ids.ek10}">v1.0</a>`);
    expect(diff).toContain('1 E-arkiv Ändrat Utveckling 2025 4 500 3 040 −1 460 tkr');
    expect(diff).toContain('1 E-arkiv Ändrat Vidmakthålla 2026 0 250 +250 tkr');
    expect(diff).toContain('2 Nytt lönesystem Nytt namn Initiativ Lönesystem Nytt lönesystem');
    expect(diff).toContain('3 Chattbot Tillagt Utveckling under perioden – 600 +600 tkr');
    expect(diff).toContain('Ram Ändrad Utveckling 2025 10 000 12 000 +2 000 tkr');
  });

  test('the first approved version has nothing to compare with', async () => {
    const v09 = textOf((await page(lib, `/_library/v/${ids.ek09}`)).html);
    expect(v09).toContain('Ingen tidigare fastställd version av området och perioden ligger i biblioteket.');
  });

  test('hostile snapshot text stays text', async () => {
    const hr = await page(lib, `/_library/v/${ids.hr}`);
    expect(hr.html).not.toMatch(/<img|<b>1/i);
    expect(hr.html).toContain('&lt;img src=x onerror=alert(5)&gt;');
    expect(textOf(hr.html)).toContain('<b>1</b> <img src=x onerror=alert(5)> 1 2 3');
  });

  test('column text that names a property of every object is only text', async () => {
    const park = textOf((await page(lib, `/_library/v/${ids.park}`)).html);
    expect(park).toContain('Forum constructor');
    expect(park).not.toContain('native code');
    expect(textOf((await page(lib, '/')).html)).toContain('Utan forum Tjänsteområde');
  });

  test('a version without a snapshot, or with one that is not a snapshot, says so', async () => {
    expect(textOf((await page(lib, `/_library/v/${ids.it}`)).html)).toContain('Ingen ögonblicksbild ligger bredvid filen');
    expect(textOf((await page(lib, `/_library/v/${ids.kultur}`)).html)).toMatch(/Ögonblicksbilden kan inte läsas: ögonblicksbilden följer inte formatet \(fältet schema har fel form\)/);
  });

  test("a snapshot's own page points to its version; an unknown id is a 404 page", async () => {
    const list = await page(lib, '/');
    const json = /href="\/_library\/v\/([^"]+)" aria-label="Uppgifter om Kultur 2025–2027 v1\.0\.json"/.exec(list.html);
    expect(json).toBeNull();
    const jsonId = /<a href="https:[^"]*\/_library\/download\/([^?"]+)\?[^"]*" download="Ekonomi 2025–2027 v1\.1\.json"/.exec(list.html)?.[1];
    expect(jsonId).toBeDefined();
    const snap = await page(lib, `/_library/v/${jsonId}`);
    expect(snap.html).toContain(`Ögonblicksbilden hör till <a href="/_library/v/${ids.ek11}">Ekonomi v1.1</a>`);
    for (const path of ['/_library/v/01NOTANITEM', '/_library/v/__proto__', '/_library/v/%E0%A4%A', `/_library/f/${ids.ek11}`]) {
      const missing = await page(lib, path);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(textOf(missing.html)).toContain('Det finns ingen fil eller mapp här.');
    }
  });
});
