/**
 * `tjansteplan pack` (the built command, spawned) against a local library over real HTTPS: the forum's review
 * pack as a workbook of real Excel tables — Översikt, then per area its initiatives, the diff to the version
 * it is compared with (with the Swedish change notes) and its findings.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/domain/cell';
import type { RawTable } from '../../src/workbook/host';
import { finding } from '../../src/domain/findings';
import { SNAPSHOT_SCHEMA, type PlanSnapshot } from '../../src/domain/snapshot';
import { reviewPack, sheetNames, tableKeys } from '../../src/workbook/contract/reviewPackTables';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { connect, libraryArgs, startLibrary, tempDir, useLibrary, withLibrary } from '../publish/helpers';
import { requestFor } from '../publish/plans';
import { cli, type Run } from './helpers';
import { approvedCopy, CHANGE, libraryStats, publishSamples, type PublishedSamples } from './librarySamples';

jest.setTimeout(180_000);

const AREAS = ['Ekonomi', 'HR', 'Inköp', 'IT', 'Kommunikation', 'Kultur och fritid samt service', 'Ledning och styrning', 'Utbildning', 'Vård och omsorg'];

/** A table's body as records by header. */
function records(t: RawTable): Record<string, CellValue>[] {
  return t.body.map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

/** Text matched literally in a RegExp. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const shown = (v: CellValue) => (typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v ? v.result : v);

describe('the review pack tables (pure)', () => {
  it('sheet names Excel accepts: no []:*?/\\, at most 31 characters, unique without regard to case, never Översikt', () => {
    const names = sheetNames(['IT', 'it', 'Drift: [server]/moln*?', 'Översikt', 'Ett mycket långt tjänsteområdesnamn som inte får plats', "'Citat'", '']);
    expect(names).toEqual(['IT', 'it (2)', 'Drift- -server--moln--', 'Översikt (2)', 'Ett mycket långt tjänsteområdes', 'Citat', 'Område']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('table keys: letters without diacritics, digits and _ only, unique', () => {
    expect(tableKeys(['Inköp', 'Vård och omsorg', 'INKÖP', 'Kultur & fritid', '–'])).toEqual(['Inkop', 'Vard_och_omsorg', 'INKOP_2', 'Kultur_fritid', 'Omrade']);
  });

  it('the change table has one row per change note, each with its own sentence; the findings table lists the findings', () => {
    const snapshot = (version: string, rows: [string, string, number[]][], frame: number, findings = [] as PlanSnapshot['findings']): PlanSnapshot => ({
      schema: SNAPSHOT_SCHEMA,
      area: 'Test',
      period: '2022–2024',
      years: [2022, 2023, 2024],
      version,
      forum: 'PF',
      decision: 'Fastställd',
      decisionDate: '2021-12-08',
      totals: Object.fromEntries([2022, 2023, 2024].map((y, i) => [String(y), { development: rows.reduce((s, r) => s + r[2][i], 0), maintenance: 0, frame }])),
      initiatives: rows.map(([nr, name, development], i) => ({ row: i + 1, nr, name, development, maintenance: [0, 0, 0], comment: '', isStatedSum: false })),
      versions: [],
      findings,
      fingerprint: version,
      fileSha256: version,
    });
    const before = snapshot('1.0', [['1', 'Kvar', [100, 100, 100]], ['2', 'Gammalt namn', [50, 50, 50]], ['3', 'Borttaget', [10, 0, 0]]], 1000);
    const warn = finding('FRAME_MISSING', { area: 'Test', year: 2024 }, { year: 2024, location: { sheet: 'Ram', table: 'Ram', row: 3, column: 'Utveckling', address: 'B4' } });
    const after = snapshot('2.0', [['1', 'Kvar', [100, 150, 100]], ['2', 'Nytt namn', [50, 50, 50]], ['4', 'Nytt', [0, 20, 20]]], 1200, [warn]);
    const version = (s: PlanSnapshot, v: string) => ({ snapshot: s, version: v, forum: 'PF', decision: 'Fastställd', decisionDate: '2021-12-08', file: `Test 2022–2024 v${v}.xlsx` });
    const pack = reviewPack('BF', '2022–2024', [{ area: 'Test', presented: version(after, '2.0'), previous: version(before, '1.0') }]);
    const sheet = pack.sheets[1];
    expect(sheet.name).toBe('Test');
    expect(sheet.title).toBe('Test 2022–2024 – version 2.0, fastställd i PF 2021-12-08; jämförs med v1.0 (PF 2021-12-08)');
    const changes = sheet.tables.find((t) => t.name === 'Andringar_Test')!;
    expect(changes.rows.map((r) => [r[0], r[3], r[4], r[5], r[6]])).toEqual([
      ['Belopp', 'Utveckling 2023', 100, 150, 50],
      ['Nytt namn', 'Initiativ', 'Gammalt namn', 'Nytt namn', null],
      ['Tillagt', 'Utveckling under perioden', null, 40, 40],
      ['Borttaget', 'Utveckling under perioden', 10, null, -10],
      ['Ram', 'Ram utveckling 2022', 1000, 1200, 200],
      ['Ram', 'Ram utveckling 2023', 1000, 1200, 200],
      ['Ram', 'Ram utveckling 2024', 1000, 1200, 200],
    ]);
    // The notes are exactly the domain's change notes, in its order.
    expect(changes.rows.map((r) => r[7])).toEqual(pack.areas[0].notes);
    expect(pack.areas[0].notes[1]).toBe('Initiativ 2 Gammalt namn har bytt namn till Nytt namn.');
    const findings = sheet.tables.find((t) => t.name === 'Fynd_Test')!;
    expect(findings.rows).toEqual([['Varning', 'FRAME_MISSING', 2024, 'Ram!B4', warn.message]]);
    expect(pack.sheets[0].tables[0].rows[0]).toEqual(expect.arrayContaining(['Test', '2.0', 7, 0, 1, 'Test 2022–2024 v2.0.xlsx']));
  });
});

withLibrary('pack against the local library', () => {
  const lib = useLibrary();
  let dir: string;
  let samples: PublishedSamples;
  beforeAll(async () => {
    dir = tempDir('tjp-pack-');
    samples = await publishSamples(lib, dir);
  });

  const pack = (forum: string, out: string, ...extra: string[]) =>
    cli(['pack', ...libraryArgs(lib), '--period', '2022–2024', '--forum', forum, '--out', out, ...extra]);

  async function tablesOf(file: string) {
    const tables = await (await XlsxWorkbook.open(file)).readTables();
    const table = (name: string) => {
      const t = tables.find((x) => x.name === name);
      if (!t) throw new Error(`no table ${name} in ${tables.map((x) => x.name).join(', ')}`);
      return t;
    };
    return { tables, table };
  }

  describe('the PF pack of the nine samples (IT approved by PF as 3.0, then by BF as 4.0 with one change; Kultur and HR cut)', () => {
    let run: Run;
    let out: string;
    let stats: Awaited<ReturnType<typeof libraryStats>>;
    beforeAll(async () => {
      out = path.join(dir, 'pf.xlsx');
      await libraryStats(lib, 'DELETE');
      run = await pack('PF', out);
      stats = await libraryStats(lib);
    });

    it('writes the workbook, says so on stdout and exits 0', () => {
      expect(run).toMatchObject({ code: 0, stderr: '' });
      // IT's one change, and the two real cuts of spring 2021 (Kultur och fritid, HR).
      expect(run.stdout).toContain('9 tjänsteområden (3 med ändringar');
      // Where it wrote, as a full path.
      expect(run.stdout).toContain(`${path.resolve(out)}: granskningsunderlag för PF 2022–2024`);
    });

    it('reads one list query and one batch for the twelve snapshots (nine presented; IT’s, Kultur’s and HR’s previous)', () => {
      const graph = Object.fromEntries(Object.entries(stats.byRoute).filter(([k]) => !k.startsWith('step ') && !/^\w+ (download|upload)$/.test(k)));
      expect(graph).toEqual({ 'GET listItems': 1, 'POST batch': 1 });
      expect(stats.steps).toBe(12);
    });

    it('has Översikt first, then one sheet per area, each with its three tables; names Excel accepts', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Översikt', ...AREAS]);
      expect(String(wb.getWorksheet('Översikt')!.getCell('A1').value)).toContain('Prioriteringsforum (PF)');
      const { tables } = await tablesOf(out);
      const names = tables.map((t) => t.name);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      for (const w of wb.worksheets) {
        expect(w.name.length).toBeLessThanOrEqual(31);
        expect(w.name).not.toMatch(/[[\]:*?/\\]/);
      }
      expect(names).toEqual(expect.arrayContaining(['Oversikt', 'Initiativ_IT', 'Andringar_IT', 'Fynd_IT', 'Initiativ_Inkop', 'Initiativ_Vard_och_omsorg']));
      expect(tables.filter((t) => t.sheet === 'IT').map((t) => t.name)).toEqual(['Initiativ_IT', 'Andringar_IT', 'Fynd_IT']);
    });

    it('Översikt: one row per area with version, forum, decision, date, development, frame, excess and changes', async () => {
      const { table } = await tablesOf(out);
      const overview = table('Oversikt');
      expect(overview.headers).toEqual([
        'Tjänsteområde', 'Blad', 'Version', 'Forum', 'Beslut', 'Beslutsdatum',
        'Utveckling 2022', 'Ram 2022', 'Avvikelse 2022', 'Utveckling 2023', 'Ram 2023', 'Avvikelse 2023', 'Utveckling 2024', 'Ram 2024', 'Avvikelse 2024',
        'Jämförs med', 'Ändringar', 'Fel', 'Varningar', 'Fil',
      ]);
      const rows = records(overview);
      expect(rows.map((r) => r['Tjänsteområde'])).toEqual(AREAS);
      const it = rows.find((r) => r['Tjänsteområde'] === 'IT')!;
      expect(it).toMatchObject({ Blad: 'IT', Version: '4.0', Forum: 'BF', Beslut: 'Fastställd', 'Utveckling 2023': 41000, 'Ram 2023': 41500, 'Jämförs med': 'v3.0 (PF 2021-11-01)', Ändringar: 1, Fil: 'IT 2022–2024 v4.0.xlsx' });
      expect((it['Beslutsdatum'] as Date).toISOString().slice(0, 10)).toBe('2022-03-15');
      expect(shown(it['Avvikelse 2023'])).toBe(-500);
      expect(String((it['Avvikelse 2023'] as { formula: string }).formula)).toContain('Oversikt[[#This Row],[Ram 2023]]');
      const ekonomi = rows.find((r) => r['Tjänsteområde'] === 'Ekonomi')!;
      expect(ekonomi).toMatchObject({ Version: '2.0', Forum: 'BF', 'Utveckling 2022': 5200, 'Ram 2022': 5200, 'Jämförs med': 'ingen tidigare fastställd version', Ändringar: null });
      const kultur = rows.find((r) => r['Tjänsteområde'] === 'Kultur och fritid samt service')!;
      expect(kultur).toMatchObject({ Version: '4.0', Forum: 'PF', 'Utveckling 2022': 2190, 'Jämförs med': 'v1.0 (TF 2021-02-01)', Ändringar: 2 });
      const hr = rows.find((r) => r['Tjänsteområde'] === 'HR')!;
      expect(hr).toMatchObject({ Version: '4.0', Forum: 'PF', 'Utveckling 2022': 16300, 'Jämförs med': 'v0.5 (PF 2020-11-18)', Ändringar: 2 });
      // The areas' development in 2022 adds up to the city's 143 942 tkr; a totals row sums it by formula.
      expect(rows.reduce((s, r) => s + (r['Utveckling 2022'] as number), 0)).toBe(143942);
      expect(overview.totals?.[0]).toBe('Summa');
    });

    it('the IT sheet: v4.0’s initiatives as a table, the diff to v3.0 with its change note, the findings', async () => {
      const { table } = await tablesOf(out);
      const initiatives = records(table('Initiativ_IT'));
      expect(initiatives).toHaveLength(17);
      expect(initiatives.some((r) => String(r['Initiativ']).startsWith('Summa'))).toBe(false);
      expect(initiatives.find((r) => r['Nr'] === CHANGE.nr)).toMatchObject({ Initiativ: CHANGE.name, 'Utveckling 2023': CHANGE.after });
      expect(table('Initiativ_IT').totals?.[0]).toBe('Summa');

      const changes = records(table('Andringar_IT'));
      expect(changes).toEqual([
        {
          Ändring: 'Belopp',
          Nr: CHANGE.nr,
          Initiativ: CHANGE.name,
          Kolumn: 'Utveckling 2023',
          Före: 2000,
          Efter: 1500,
          Förändring: -500,
          Ändringsnotering: `Utveckling 2023 för initiativ 14 ${CHANGE.name} ändrad från 2 000 tkr till 1 500 tkr (\u2212500 tkr).`,
        },
      ]);
      const findings = records(table('Fynd_IT'));
      // IT's real history dates 0.6 (2021-02-18) before 1.0 (2021-02-12): the one finding of the version.
      expect(findings).toHaveLength(1);
      expect(findings[0]['Meddelande']).toBe('Datumet 2021-02-12 är tidigare än 2021-02-18 på raden ovanför.');
    });

    it('Kultur och fritid: 7 040 → 2 190 tkr in 2022, the two initiatives PF declined removed', async () => {
      const { table } = await tablesOf(out);
      const changes = records(table('Andringar_Kultur_och_fritid_samt_service'));
      expect(changes.map((c) => [c['Ändring'], c['Initiativ'], c['Före'], c['Efter'], c['Förändring']])).toEqual([
        ['Borttaget', 'Tjänster för bokning- och bidrag', 4350, null, -4350],
        ['Borttaget', 'Tjänster för Service', 10000, null, -10000],
      ]);
      expect(changes.map((c) => c['Ändringsnotering'])).toEqual(['Initiativ Tjänster för bokning- och bidrag borttaget.', 'Initiativ Tjänster för Service borttaget.']);
      // What is left is exactly the 2022 cut: 7 040 − 3 850 − 1 000 = 2 190.
      expect(7040 - 3850 - 1000).toBe(2190);
    });

    it('HR: 25 300 → 16 300 tkr in 2022, scenario 1 dropped and scenario 2 reduced', async () => {
      const { table } = await tablesOf(out);
      const changes = records(table('Andringar_HR'));
      expect(changes.map((c) => [c['Ändring'], c['Initiativ'], c['Kolumn'], c['Före'], c['Efter'], c['Förändring']])).toEqual([
        ['Belopp', 'Översyn IT-stöd inom HR, scenario 2', 'Utveckling 2022', 20000, 15000, -5000],
        ['Borttaget', 'Översyn IT-stöd inom HR, scenario 1', 'Utveckling under perioden', 12000, null, -12000],
      ]);
      // 25 300 − 4 000 (scenario 1) − 5 000 (scenario 2) = 16 300.
      expect(25300 - 4000 - 5000).toBe(16300);
    });

    it('an area without an earlier approved version says so in its change table', async () => {
      const { table } = await tablesOf(out);
      const changes = records(table('Andringar_Ekonomi'));
      expect(changes).toHaveLength(1);
      expect(changes[0]['Ändringsnotering']).toBe('Ingen tidigare fastställd version i biblioteket att jämföra med.');
    });
  });

  describe('--forum decides what counts as previous: IT approved again by PF as 5.0', () => {
    beforeAll(async () => {
      const v3 = await approvedCopy(samples.changed, dir, { version: '5.0', forum: 'PF', date: '2022-05-10', change: { nr: CHANGE.nr, year: 2023, development: 1200 } });
      const t = await connect(lib);
      expect((await t.library.publish(await requestFor(v3))).kind).toBe('published');
    });

    const itChanges = async (forum: string) => {
      const out = path.join(dir, `${forum}.xlsx`);
      const run = await pack(forum, out);
      expect(run.code).toBe(0);
      const { table } = await tablesOf(out);
      return { overview: records(table('Oversikt')).find((r) => r['Tjänsteområde'] === 'IT')!, changes: records(table('Andringar_IT')) };
    };

    it('PF compares 5.0 with what PF itself approved last, 3.0', async () => {
      const { overview, changes } = await itChanges('PF');
      expect(overview).toMatchObject({ Version: '5.0', Forum: 'PF', 'Jämförs med': 'v3.0 (PF 2021-11-01)' });
      expect(changes.map((c) => c['Ändringsnotering'])).toEqual([`Utveckling 2023 för initiativ 14 ${CHANGE.name} ändrad från 2 000 tkr till 1 200 tkr (\u2212800 tkr).`]);
    });

    it('BF compares it with its own 4.0; TF, which approved none of IT’s, with the newest earlier one (4.0)', async () => {
      for (const forum of ['BF', 'TF']) {
        const { overview, changes } = await itChanges(forum);
        expect(overview).toMatchObject({ Version: '5.0', 'Jämförs med': 'v4.0 (BF 2022-03-15)', Ändringar: 1 });
        expect(changes[0]).toMatchObject({ Före: 1500, Efter: 1200, Förändring: -300 });
      }
    });
  });

  describe('what it refuses', () => {
    it('a period with no approved version: exit 1, nothing written', async () => {
      const out = path.join(dir, 'tom.xlsx');
      const run = await cli(['pack', ...libraryArgs(lib), '--period', '2031-2033', '--forum', 'BF', '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('ingen fastställd version för 2031–2033');
      expect(existsSync(out)).toBe(false);
    });

    it('an unknown forum or a missing option: exit 2', async () => {
      const forum = await pack('XF', path.join(dir, 'x.xlsx'));
      expect(forum.code).toBe(2);
      expect(forum.stderr).toContain('--forum');
      const period = await cli(['pack', '--library', lib.address, '--forum', 'PF', '--out', path.join(dir, 'x.xlsx')]);
      expect(period.code).toBe(2);
      expect(period.stderr).toContain('--period');
    });

    it('an --out that cannot be written (a folder in its path is a file; it is a folder): exit 2, one line that names it, not the library', async () => {
      const file = path.join(dir, 'inte-en-mapp.txt');
      writeFileSync(file, 'en fil, ingen mapp');
      for (const [out, why] of [
        [path.join(file, 'pf.xlsx'), 'ENOTDIR'],
        [dir, 'EISDIR'],
      ]) {
        const run = await pack('PF', out);
        expect(run.code).toBe(2);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^tjansteplan: --out ${escape(out)}: granskningsunderlaget kunde inte sparas: ${why}`));
        expect(run.stderr).not.toMatch(/biblioteket|oväntat/);
        expect(run.stdout).toBe('');
      }
      expect(readFileSync(file, 'utf8')).toBe('en fil, ingen mapp');
      // Published but not saved: both said, exit 2.
      const out = path.join(file, 'pf.xlsx');
      const both = await pack('PF', out, '--publish', '--date', '2022-05-04');
      expect(both.code).toBe(2);
      expect(both.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^tjansteplan: --out ${escape(out)}: granskningsunderlaget kunde inte sparas: ENOTDIR`))]);
      expect(both.stdout).toMatch(/^2022–2024\/Forum\/Granskningsunderlag PF 2022-05-04\.xlsx: publicerat i biblioteket, granskningsunderlag för PF 2022–2024/);
    });

    it('an unreachable library: exit 2 after the retries, one line, nothing written', async () => {
      const gone = await startLibrary();
      await gone.stop();
      const out = path.join(dir, 'borta.xlsx');
      const run = await cli(['pack', ...libraryArgs(gone), '--period', '2022–2024', '--forum', 'PF', '--out', out]);
      expect(run.code).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/biblioteket svarar inte/);
      expect(existsSync(out)).toBe(false);
    });
  });
});
