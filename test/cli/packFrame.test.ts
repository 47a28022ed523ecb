/**
 * `tjansteplan pack --frame budgetram.xlsx` (the built command, spawned) against a local library over real
 * HTTPS holding the nine samples: the review pack gains the sheet Ram, the city and each area against
 * finance's frame in the same figures as `consolidate --frame --library` (143 942 tkr against 121 600 in 2022,
 * 22 342 över ram); a frame that cannot be read stops it before the library is asked; and a pack with the
 * frame is another document in the library than one without, while the same pack again is recognised. The
 * sheet lists the frame's and the consolidation's findings; an error among them gives exit 1, as consolidate.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/domain/cell';
import type { RawTable } from '../../src/workbook/host';
import { DEVIATION_FORMAT } from '../../src/workbook/contract/consolidationTables';
import { readCityFrame } from '../../src/workbook/contract/readFrame';
import { frameWorkbookTables } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { libraryArgs, tempDir, useLibrary, withLibrary } from '../publish/helpers';
import { cli, type ConsolidateJson } from './helpers';
import { FRAME, libraryStats, publishSamples, SAMPLE_FILES } from './librarySamples';

jest.setTimeout(180_000);

const PERIOD = '2022–2024';
const shown = (v: CellValue) => (typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v ? v.result : v);
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function tablesOf(file: string): Promise<RawTable[]> {
  return (await XlsxWorkbook.open(file)).readTables();
}
const named = (tables: RawTable[], name: string) => {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${tables.map((x) => x.name).join(', ')}`);
  return t;
};

withLibrary('pack --frame against the local library', () => {
  const lib = useLibrary();
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('tjp-packframe-');
    await publishSamples(lib, dir);
  });

  const reach = () => libraryArgs(lib);
  const pack = (...extra: string[]) => cli(['pack', ...reach(), '--period', PERIOD, '--forum', 'PF', ...extra]);

  describe('the PF pack with the frame', () => {
    let out: string;
    let bare: string;
    let run: Awaited<ReturnType<typeof cli>>;
    beforeAll(async () => {
      out = path.join(dir, 'pf-ram.xlsx');
      bare = path.join(dir, 'pf.xlsx');
      run = await pack('--frame', FRAME, '--out', out);
      expect((await pack('--out', bare)).code).toBe(0);
    });

    it('is written, exit 0, and stdout says where the city stands against its frame', () => {
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(plain(run.stdout)).toContain(`${path.resolve(out)}: granskningsunderlag för PF ${PERIOD}, 9 tjänsteområden (3 med ändringar sedan föregående fastställda version); staden mot ramen: 22 342 tkr över ram 2022 (bladet Ram)`);
    });

    it('has the sheet Ram right after Översikt, titled "Staden mot ramen 2022–2024"; Översikt\'s title says 22 342 tkr över ram', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Översikt', 'Ram', 'Ekonomi']);
      expect(wb.worksheets).toHaveLength(11);
      expect(wb.getWorksheet('Ram')!.getCell('A1').value).toBe('Staden mot ramen 2022–2024');
      expect(plain(String(wb.getWorksheet('Översikt')!.getCell('A1').value))).toBe(
        'Granskningsunderlag Prioriteringsforum (PF) – tjänsteplaner 2022–2024; staden mot ramen: 22 342 tkr över ram 2022 (bladet Ram)',
      );
      // Excel shows the city's deviation in words: the cell below Avvikelse (D) of the city's first row.
      const tables = await tablesOf(out);
      const city = named(tables, 'Stadsniva');
      expect(city.sheet).toBe('Ram');
      const cell = wb.getWorksheet('Ram')!.getCell(city.headerRow + 1, city.firstColumn + 3);
      expect(cell.numFmt).toBe(DEVIATION_FORMAT);
      expect(cell.numFmt).toContain('över ram');
    });

    it("the city per year is the Sammanställning's: 143 942 against 121 600 in 2022, 22 342 över ram; as consolidate --frame --library says", async () => {
      const tables = await tablesOf(out);
      const city = named(tables, 'Stadsniva');
      expect(city.headers).toEqual(['År', 'Utveckling', 'Ram', 'Avvikelse']);
      const rows = city.body.map((r) => r.map(shown));
      expect(rows[0]).toEqual([2022, 143942, 121600, 22342]);
      const run2 = await cli(['consolidate', '--frame', FRAME, ...reach(), '--period', PERIOD, '--json']);
      const json = JSON.parse(run2.stdout) as ConsolidateJson & { city: Record<string, { excess: number | null }> };
      expect(rows).toEqual(
        [2022, 2023, 2024].map((y) => {
          const c = json.city[String(y)];
          // No city frame, no deviation: an empty cell (its formula gives "").
          return [y, c.development, c.frame, c.excess ?? undefined];
        }),
      );
      // The frame has no city figure for 2023 and 2024; what the areas ask for is still summed (IT's 4.0 in 2023).
      expect(rows.slice(1)).toEqual([
        [2023, 130761, null, undefined],
        [2024, 105400, null, undefined],
      ]);
      const words = named(tables, 'Ramavvikelse_i_ord');
      expect(plain(String(words.body[0][1]))).toMatch(/^2022: utveckling 143 942 tkr är 22,3 mkr \(22 342 tkr\) över stadens ram 121 600 tkr\. Störst: /);
    });

    it('every area per year against its own frame: IT 500 inom ram in 2023 (4.0 lowered it), all within their frames', async () => {
      const areas = named(await tablesOf(out), 'Omradesniva');
      expect(areas.body).toHaveLength(SAMPLE_FILES.length * 3);
      const row = (area: string, year: number) => areas.body.find((r) => r[0] === area && r[2] === year)!.map(shown);
      expect(row('IT', 2023)).toEqual(['IT', '4.0', 2023, 41000, expect.any(Number), 41500, -500]);
      expect(row('Ekonomi', 2022)).toEqual(['Ekonomi', '2.0', 2022, 5200, expect.any(Number), 5200, 0]);
      expect(areas.body.every((r) => (shown(r[6]) as number) <= 0)).toBe(true);
    });

    it('the other sheets are the pack without the frame, table for table', async () => {
      const withFrame = (await tablesOf(out)).filter((t) => t.sheet !== 'Ram');
      const without = await tablesOf(bare);
      const shape = (ts: RawTable[]) => ts.map((t) => ({ sheet: t.sheet, name: t.name, headers: t.headers, body: t.body }));
      expect(shape(withFrame)).toEqual(shape(without));
      expect(without.some((t) => t.sheet === 'Ram')).toBe(false);
    });
  });

  describe('a frame that cannot be read: exit 2, one located line, the library not asked, nothing written', () => {
    it.each([
      ['a file that is not there', () => path.join(dir, 'saknas.xlsx'), /saknas\.xlsx/],
      ['a plan, not a frame', () => SAMPLE_FILES[0], /ingen budgetram hittades/],
    ])('%s', async (_, file, reason) => {
      const out = path.join(dir, 'inte.xlsx');
      await libraryStats(lib, 'DELETE');
      const run = await pack('--frame', file(), '--out', out);
      expect(run.code).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file());
      expect(lines[0]).toMatch(reason);
      expect(existsSync(out)).toBe(false);
      expect((await libraryStats(lib)).requests).toBe(0);
    });
  });

  describe("the frame's and the consolidation's findings on the sheet Ram", () => {
    it('with the samples\' frame: one row, the city over its frame in 2022 (a warning), exit 0', async () => {
      const out = path.join(dir, 'pf-fynd.xlsx');
      expect((await pack('--frame', FRAME, '--out', out)).code).toBe(0);
      const findings = named(await tablesOf(out), 'Fynd_Ram');
      expect(findings.sheet).toBe('Ram');
      expect(findings.headers).toEqual(['Allvarlighet', 'Kod', 'År', 'Plats', 'Meddelande']);
      expect(findings.body.map((r) => r.slice(0, 3))).toEqual([['Varning', 'CITY_OVER_FRAME', 2022]]);
    });

    it('a frame with a row without an area (an error) and Miljö, which has no approved version: written, both listed, exit 1 as consolidate --frame', async () => {
      // The samples' frame as finance might send it next: one row lacks its area, and a new area Miljö.
      const read = readCityFrame(await tablesOf(FRAME)).frame;
      const years = (m: ReadonlyMap<number, { year: number; development: number | null; operations: number | null }>) =>
        [...m.values()].map(({ year, development, operations }) => ({ year, development, operations }));
      const areas = [...read.areas.values()].map((a) => ({ area: a.area, years: years(a.years) }));
      areas.push({ area: 'Miljö', years: [{ year: 2022, development: 1000, operations: null }] }, { area: '', years: [{ year: 2022, development: 10, operations: null }] });
      const broken = path.join(dir, 'budgetram-fel.xlsx');
      const wb = new XlsxWorkbook();
      await wb.createTables(frameWorkbookTables(areas, years(read.city)));
      await wb.save(broken);

      const out = path.join(dir, 'pf-fel.xlsx');
      const run = await pack('--frame', broken, '--out', out);
      expect(run.code).toBe(1);
      // Said on stderr as before, and the pack is written all the same.
      expect(run.stderr).toMatch(/PLAN_INFO_MISSING/);
      expect(existsSync(out)).toBe(true);
      const body = named(await tablesOf(out), 'Fynd_Ram').body;
      expect(body[0].slice(0, 2)).toEqual(['Fel', 'PLAN_INFO_MISSING']);
      expect(body[0][3]).toMatch(/^Budgetram!A\d+$/);
      const missing = body.find((r) => r[1] === 'AREA_PLAN_MISSING')!;
      expect(missing[0]).toBe('Varning');
      expect(missing[4]).toBe('Miljö har en ram men ingen fastställd version för perioden i biblioteket; området saknas i underlaget.');
      // The pack's figures are those of the areas presented: Miljö's frame does not enter the city's.
      expect(named(await tablesOf(out), 'Stadsniva').body[0].map(shown)).toEqual([2022, 143942, 121600, 22342]);
    });
  });

  describe('--publish: with the frame another document, the same pack again recognised', () => {
    it('without the frame on 2022-03-18, then with it that day: a conflict (exit 1), nothing overwritten; on 2022-03-19 published, and again "redan publicerat"', async () => {
      const first = await pack('--publish', '--date', '2022-03-18');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Granskningsunderlag PF 2022-03-18.xlsx: publicerat i biblioteket');
      const clash = await pack('--publish', '--date', '2022-03-18', '--frame', FRAME);
      expect(clash.code).toBe(1);
      expect(clash.stderr).toContain('Granskningsunderlag PF 2022-03-18.xlsx finns redan i biblioteket med annat innehåll');
      const framed = await pack('--publish', '--date', '2022-03-19', '--frame', FRAME);
      expect(framed.code).toBe(0);
      expect(framed.stdout).toContain('Granskningsunderlag PF 2022-03-19.xlsx: publicerat i biblioteket');
      const again = await pack('--publish', '--date', '2022-03-19', '--frame', FRAME);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Granskningsunderlag PF 2022-03-19.xlsx: redan publicerat i biblioteket');
      const bareAgain = await pack('--publish', '--date', '2022-03-18');
      expect(bareAgain.stdout).toContain('Granskningsunderlag PF 2022-03-18.xlsx: redan publicerat i biblioteket');
    });
  });
});
