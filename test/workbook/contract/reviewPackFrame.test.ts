/**
 * The review pack's Ram sheet (issue 14 item 3, "the city against the frame") from the nine sample plans of
 * 2022–2024 and finance's real frame: the city asks for 143 942 tkr of development in 2022 against 121 600,
 * 22 342 över ram — the Sammanställning's figures, tables and words; without a frame the pack is as before.
 */
import path from 'node:path';
import type { CellValue } from '../../../src/domain/cell';
import type { CityFrame } from '../../../src/domain/frame';
import { snapshotOf } from '../../../src/domain/snapshot';
import { latestApproved } from '../../../src/domain/versions';
import { packContent } from '../../../src/app/reviewPack';
import { checkWorkbook } from '../../../src/workbook/checkPlan';
import { AREA_TABLE, CITY_TABLE, DEVIATION_FORMAT } from '../../../src/workbook/contract/consolidationTables';
import { readCityFrame } from '../../../src/workbook/contract/readFrame';
import { finding } from '../../../src/domain/findings';
import { FRAME_BRIEF_TABLE, FRAME_FINDINGS_TABLE, SHEET_FRAME } from '../../../src/workbook/contract/reviewPackFrame';
import { reviewPack, SHEET_OVERVIEW, type PackAreaInput } from '../../../src/workbook/contract/reviewPackTables';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';

// The fixtures test/cli/librarySamples publishes (not imported: it needs the built command, this does not).
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const FRAME = path.join(FIXTURES, 'frame', 'budgetram-2022-2024.xlsx');
const AREAS = ['ekonomi', 'hr', 'inkop', 'it', 'kommunikation', 'kultur-och-fritid-samt-service', 'ledning-och-styrning', 'utbildning', 'vard-och-omsorg'];
const SAMPLE_FILES = AREAS.map((a) => path.join(FIXTURES, 'plans', `tjansteplan-${a}-2022-2024.xlsx`));

const PERIOD = '2022–2024';
let inputs: PackAreaInput[];
let frame: CityFrame;

beforeAll(async () => {
  frame = readCityFrame(await (await XlsxWorkbook.open(FRAME)).readTables()).frame;
  inputs = await Promise.all(
    SAMPLE_FILES.map(async (file) => {
      const { plan, findings } = await checkWorkbook(await XlsxWorkbook.open(file));
      // The figures are what matter here: a sample without an approval stands as its newest row.
      const entry = latestApproved(plan!.versions) ?? plan!.versions.at(-1)!;
      const snapshot = snapshotOf(plan!, entry, findings, { fingerprint: 'f', fileSha256: 's' });
      const version = { snapshot, version: entry.labelShown, forum: entry.forum ?? 'PF', decision: 'Fastställd', decisionDate: entry.date, file: path.basename(file) };
      return { area: plan!.info.area, presented: version, previous: null };
    }),
  );
});

const result = (v: CellValue) => (typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v ? v.result : v);
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the Ram sheet', () => {
  it('follows Översikt, titled for the period; Översikt says the city is 22 342 tkr över ram 2022', () => {
    const pack = reviewPack('PF', PERIOD, inputs, frame);
    expect(pack.sheets.map((s) => s.name).slice(0, 2)).toEqual([SHEET_OVERVIEW, SHEET_FRAME]);
    expect(pack.sheets).toHaveLength(11);
    const ram = pack.sheets[1];
    expect(ram.title).toBe('Staden mot ramen 2022–2024');
    expect(ram.tables.map((t) => [t.sheet, t.name])).toEqual([
      [SHEET_FRAME, CITY_TABLE],
      [SHEET_FRAME, FRAME_BRIEF_TABLE],
      [SHEET_FRAME, AREA_TABLE],
      [SHEET_FRAME, FRAME_FINDINGS_TABLE],
    ]);
    // The frame has the city only for 2022 (the source gives none for 2023 and 2024).
    expect(plain(pack.sheets[0].title)).toBe(
      'Granskningsunderlag Prioriteringsforum (PF) – tjänsteplaner 2022–2024; staden mot ramen: 22 342 tkr över ram 2022 (bladet Ram)',
    );
  });

  it("the city per year: 143 942 asked for against 121 600, 22 342 över ram in 2022; its Utveckling is the sum of the areas' rows", () => {
    const pack = reviewPack('PF', PERIOD, inputs, frame);
    const [city, words, areas] = pack.sheets[1].tables;
    expect(city.headers).toEqual(['År', 'Utveckling', 'Ram', 'Avvikelse']);
    expect(city.rows.map((r) => [r[0], result(r[1]), r[2], result(r[3])])).toEqual([
      [2022, 143942, 121600, 22342],
      [2023, expect.any(Number), null, ''],
      [2024, expect.any(Number), null, ''],
    ]);
    for (const row of city.rows) {
      const areaSum = areas.rows.filter((r) => r[2] === row[0]).reduce((s, r) => s + (r[3] as number), 0);
      expect(result(row[1])).toBe(areaSum);
    }
    // The same formulas as the Sammanställning: they follow a frame finance adjusts in the workbook.
    expect(city.rows[0][1]).toMatchObject({ formula: 'SUMIFS(Omradesniva[Utveckling],Omradesniva[År],Stadsniva[[#This Row],[År]])' });
    expect(city.rows[0][3]).toMatchObject({ formula: 'IF(Stadsniva[[#This Row],[Ram]]="","",Stadsniva[[#This Row],[Utveckling]]-Stadsniva[[#This Row],[Ram]])' });
    // Excel shows the deviation in words: "22 342 över ram", "1 000 inom ram".
    expect(city.numberFormats![3]).toBe(DEVIATION_FORMAT);
    expect(DEVIATION_FORMAT).toBe('#,##0" över ram";#,##0" inom ram";0" inom ram"');
    expect(city.widths![3]).toBeGreaterThanOrEqual('22 342 över ram'.length + 2);
    expect(words.rows[0][0]).toBe(2022);
    expect(plain(words.rows[0][1] as string)).toMatch(/^2022: utveckling 143 942 tkr är 22,3 mkr \(22 342 tkr\) över stadens ram 121 600 tkr\. Störst: /);
    expect(plain(words.rows[1][1] as string)).toMatch(/^2023: utveckling [\d ]+ tkr; stadens ram saknas\.$/);
  });

  it('every area per year against its own frame: all within it (the frames equal the plans), Vård och omsorg 1 000 inom ram in 2023', () => {
    const pack = reviewPack('PF', PERIOD, inputs, frame);
    const areas = pack.sheets[1].tables[2];
    expect(areas.headers).toEqual(['Tjänsteområde', 'Version', 'År', 'Utveckling', 'Påverkan vidmakthålla', 'Ram', 'Avvikelse']);
    expect(areas.rows).toHaveLength(27);
    const row = (area: string, year: number) => areas.rows.find((r) => r[0] === area && r[2] === year)!;
    expect([row('Ekonomi', 2022)[3], row('Ekonomi', 2022)[5], result(row('Ekonomi', 2022)[6])]).toEqual([5200, 5200, 0]);
    expect([row('Vård och omsorg', 2023)[3], row('Vård och omsorg', 2023)[5], result(row('Vård och omsorg', 2023)[6])]).toEqual([16000, 17000, -1000]);
    expect(areas.rows.every((r) => (result(r[6]) as number) <= 0)).toBe(true);
    expect(areas.numberFormats![6]).toBe(DEVIATION_FORMAT);
    // The figures are the domain's consolidation of the presented versions, kept on the pack.
    expect(pack.frame!.consolidation.city[2022]).toEqual({ development: 143942, frame: 121600, excess: 22342 });
  });

  it('an area named Ram gets another sheet name: the frame sheet is Ram', () => {
    const renamed = [{ ...inputs[0], area: 'Ram' }, ...inputs.slice(1)];
    expect(reviewPack('PF', PERIOD, renamed, frame).sheets.map((s) => s.name).slice(0, 3)).toEqual([SHEET_OVERVIEW, SHEET_FRAME, 'Ram (2)']);
    expect(reviewPack('PF', PERIOD, renamed).sheets[1].name).toBe('Ram');
  });

  it("an area named Ram does not take the Ram sheet's findings table name: every table name in the pack is unique", () => {
    const renamed = [{ ...inputs[0], area: 'Ram' }, ...inputs.slice(1)];
    const names = reviewPack('PF', PERIOD, renamed, frame).sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
    expect(names.filter((n) => n === FRAME_FINDINGS_TABLE.toLowerCase())).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    // Without a frame there is no Fynd_Ram, and the area keeps its plain key.
    expect(reviewPack('PF', PERIOD, renamed).sheets.flatMap((s) => s.tables.map((t) => t.name))).toContain('Fynd_Ram');
  });
});

describe("the Ram sheet's findings", () => {
  const findingsOf = (pack: ReturnType<typeof reviewPack>) => pack.sheets[1].tables.find((t) => t.name === FRAME_FINDINGS_TABLE)!;

  it("all nine areas presented: one row, the city 22 342 tkr over its frame in 2022, pointing at the city's frame cell", () => {
    const table = findingsOf(reviewPack('PF', PERIOD, inputs, frame));
    expect(table.headers).toEqual(['Allvarlighet', 'Kod', 'År', 'Plats', 'Meddelande']);
    expect(table.rows).toHaveLength(1);
    const [severity, code, year, place, message] = table.rows[0];
    expect([severity, code, year]).toEqual(['Varning', 'CITY_OVER_FRAME', 2022]);
    expect(place).toMatch(/^Budgetram![A-Z]+\d+$/);
    expect(plain(message as string)).toContain('22 342 tkr över stadens ram 121 600 tkr');
  });

  it('an area in the frame with no approved version in the library: a row naming it, saying it is missing from the pack, at its frame row', () => {
    const withoutHr = inputs.filter((a) => a.area !== 'HR');
    expect(withoutHr).toHaveLength(8);
    const pack = reviewPack('PF', PERIOD, withoutHr, frame);
    expect(pack.sheets.map((s) => s.name)).not.toContain('HR');
    const rows = findingsOf(pack).rows.filter((r) => r[1] === 'AREA_PLAN_MISSING');
    expect(rows).toHaveLength(1);
    expect(rows[0][0]).toBe('Varning');
    expect(rows[0][4]).toBe('HR har en ram men ingen fastställd version för perioden i biblioteket; området saknas i underlaget.');
    // Where HR's frame is: its Tjänsteområde cell in the frame workbook's Budgetram table.
    expect(rows[0][3]).toMatch(/^Budgetram!A\d+$/);
  });

  it("the frame workbook's own findings are listed too, errors first; the table's figures stay exact", () => {
    const typed = finding('NOT_A_NUMBER', { shown: '12 000 kr', column: 'Utveckling' }, { location: { sheet: 'Budgetram', table: 'Budgetram', row: 4, column: 'Utveckling', address: 'D5' } });
    const pack = reviewPack('PF', PERIOD, inputs, frame, [typed]);
    const rows = findingsOf(pack).rows;
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Fel', 'NOT_A_NUMBER', 'Budgetram!D5'],
      ['Varning', 'CITY_OVER_FRAME', expect.any(String)],
    ]);
    expect(rows[0][4]).toBe(typed.message);
    expect(pack.sheets[1].tables.find((t) => t.name === CITY_TABLE)!.rows[0][2]).toBe(121600);
  });

  it('are part of the content publishing hashes: another frame finding is another document', () => {
    const typed = finding('NOT_A_NUMBER', { shown: 'x', column: 'Utveckling' });
    const json = (extra: Parameters<typeof reviewPack>[4]) => JSON.stringify(packContent(reviewPack('PF', PERIOD, inputs, frame, extra)));
    expect(json([typed])).not.toBe(json([]));
    expect(json([typed])).toContain('NOT_A_NUMBER');
  });
});

describe('without a frame', () => {
  it('the pack is as before: no Ram sheet, the same title, no frame figures', () => {
    const pack = reviewPack('PF', PERIOD, inputs);
    expect(pack.sheets.map((s) => s.name)).not.toContain(SHEET_FRAME);
    expect(pack.sheets[0].title).toBe('Granskningsunderlag Prioriteringsforum (PF) – tjänsteplaner 2022–2024');
    expect(pack).not.toHaveProperty('frame');
    expect(reviewPack('PF', PERIOD, inputs, null)).toEqual(pack);
  });

  it('its content (what publishing hashes) differs from the pack with the frame; the same pack twice is the same content', () => {
    const json = (frameOrNot?: CityFrame) => JSON.stringify(packContent(reviewPack('PF', PERIOD, inputs, frameOrNot)));
    expect(json(frame)).not.toBe(json());
    expect(json(frame)).toBe(json(frame));
    expect(json()).toBe(json());
  });
});
