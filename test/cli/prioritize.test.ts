/**
 * `tjansteplan prioritize` on the real case: the nine areas' plans as they stood before Prioriteringsforum
 * (HR with both scenarios, Kultur och fritid's 7 040 table) against the city's 121 600 tkr for 2022.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prioritizeCommand } from '../../src/cli/prioritize';
import { readBasis, readDecision } from '../../src/workbook/contract/prioritizationTables';
import { readCityFrame } from '../../src/workbook/contract/readFrame';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { cli } from './helpers';
import { loadSamples, rowsBeforeTheCut, writeCityFrame, writeSamplePlans } from './prioritizeSamples';

jest.setTimeout(60_000);

interface PrioritizeJson {
  years: Record<string, { development: number; frame: number | null; excess: number | null }>;
  proposal: { area: string; nr: string; initiative: string; year: number; from: number; to: number; action: string; toYear?: number; reason: string }[];
  after: Record<string, { development: number; excess: number | null }>;
  misses: { year: number; amount: number }[];
  initiatives: { area: string; initiative: string; priority: string | null; development: Record<string, number>; proposed: Record<string, number> }[];
}

let dir: string;
let plans: { files: string[]; frame: string };
let json: PrioritizeJson;
let code: number;
let text: string;
const samples = loadSamples();
const sum2022 = (area: string, rows = samples.areas[area].rows) =>
  rows.filter((r) => !/^\s*summa/i.test(r.initiativ)).reduce((s, r) => s + (r.utveckling[0] ?? 0), 0);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'prioritize-'));
  plans = await writeSamplePlans(dir);
  const outs: string[] = [];
  const errs: string[] = [];
  code = await prioritizeCommand(plans.files, { frame: plans.frame, json: true, lang: 'sv', out: path.join(dir, 'forslag.xlsx') }, (s) => outs.push(s), (s) => errs.push(s));
  expect(errs).toEqual([]);
  json = JSON.parse(outs.join('\n')) as PrioritizeJson;
  const texts: string[] = [];
  await prioritizeCommand(plans.files, { frame: plans.frame, lang: 'sv' }, (s) => texts.push(s), () => undefined);
  text = texts.join('\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prioritize the real plans before the cut', () => {
  it('starts from the plans as they stood: 157 792 tkr in 2022, 36 192 over the city frame', () => {
    // Today's stated totals (143 942) plus what HR and Kultur och fritid took out afterwards.
    const takenOut = (a: string) => sum2022(a, rowsBeforeTheCut(samples, a)) - sum2022(a);
    expect(takenOut('HR')).toBe(9_000);
    expect(takenOut('Kultur och fritid samt service')).toBe(4_850);
    expect(json.years['2022']).toEqual({ development: 143_942 + 9_000 + 4_850, frame: 121_600, excess: 36_192 });
    expect(json.years['2023'].frame).toBeNull();
    expect(json.years['2024'].frame).toBeNull();
  });

  it('brings 2022 exactly within 121 600 and exits 0', () => {
    expect(code).toBe(0);
    expect(json.after['2022']).toEqual({ development: 121_600, excess: 0 });
    expect(json.misses).toEqual([]);
    const taken = json.proposal.filter((s) => s.year === 2022).reduce((s, p) => s + p.from - p.to, 0);
    expect(taken).toBe(36_192);
  });

  it('never touches Måste: all of HR says its initiatives cannot be prioritised away', () => {
    const must = json.initiatives.filter((i) => i.priority === 'Måste');
    expect(must.map((i) => i.initiative).sort()).toEqual(
      ['Digitalisering inom HR', 'IT-stöd för löneanalys', 'Översyn IT-stöd inom HR, scenario 1', 'Översyn IT-stöd inom HR, scenario 2'].sort(),
    );
    for (const i of must) expect(i.proposed).toEqual(i.development);
    expect(json.proposal.filter((s) => s.area === 'HR')).toEqual([]);
  });

  it('cuts the pots (Kan) first, then changes the fewest Bör initiatives: one, by exactly what remains', () => {
    const kan = json.initiatives.filter((i) => i.priority === 'Kan' && i.development['2022'] > 0);
    expect(kan.map((i) => [i.area, i.initiative, i.development['2022']])).toEqual([
      ['Ledning och styrning', 'Pott för kortare utvecklingsinitiativ', 500],
      ['Vård och omsorg', 'Pott för förstudier/test/POC', 4_000],
    ]);
    expect(json.proposal.map((s) => [s.area, s.initiative, s.from, s.to, s.action])).toEqual([
      ['Vård och omsorg', 'Pott för förstudier/test/POC', 4_000, 0, 'cut'],
      ['Ledning och styrning', 'Pott för kortare utvecklingsinitiativ', 500, 0, 'cut'],
      ['Utbildning', 'Utveckla tjänster för huvudmannaprocesser, skoladministration samt undervisning', 42_852, 11_160, 'reduce'],
    ]);
    expect(json.proposal[2].reason).toBe(
      'Prioritet Bör: minskas 2022 med 31 692 tkr, det som återstår av stadens överskridande; inget senare år i perioden har utrymme.',
    );
  });

  it('is checkable against what the areas did: their cut plus what stayed over the frame is the proposal', () => {
    // What Kultur och fritid dropped was not Måste, so the rules allow it; what HR dropped (scenario 1) its
    // own plan calls Måste, so only the forum could decide it, and the proposal does not.
    const kulturBefore = rowsBeforeTheCut(samples, 'Kultur och fritid samt service').map((r) => r.initiativ);
    const kulturAfter = samples.areas['Kultur och fritid samt service'].rows.map((r) => r.initiativ);
    const dropped = kulturBefore.filter((n) => !kulturAfter.includes(n) && !/^summa/i.test(n));
    expect(dropped).toEqual(['Tjänster för bokning- och bidrag', 'Tjänster för Service']);
    for (const name of dropped) expect(json.initiatives.find((i) => i.initiative === name)?.priority).toBeNull();
    const hrDropped = json.initiatives.find((i) => i.initiative === 'Översyn IT-stöd inom HR, scenario 1')!;
    expect(hrDropped.priority).toBe('Måste');
    // The areas took out 13 850 tkr; the current plans are still 22 342 over; together the proposal's 36 192.
    const stillOver = Object.keys(samples.areas).reduce((s, a) => s + sum2022(a), 0) - 121_600;
    expect(stillOver).toBe(22_342);
    expect(9_000 + 4_850 + stillOver).toBe(json.years['2022'].excess);
  });

  it('prints the basis as text: the city per year, the proposal, and every initiative with its priority', () => {
    expect(text).toContain('2022     157 792  121 600    +36 192          121 600          0');
    expect(text).toContain('Förslaget håller ramen varje år som har en ram.');
    expect(text).toContain('Ingen stadsram för 2023, 2024: de åren prövas inte.');
    expect(text).toMatch(/Måste\s+Översyn IT-stöd inom HR, scenario 1: 4 000 \| 4 000 \| 4 000/);
    expect(text).toMatch(/Kan\s+Pott för förstudier\/test\/POC: 4 000 \(0\) \| 3 000 \| 3 000/);
  });

  it('writes the basis, the frame and the proposal as a workbook that reads back row for row', async () => {
    const tables = await (await XlsxWorkbook.open(path.join(dir, 'forslag.xlsx'))).readTables();
    expect(readDecision(tables)).toBeNull();
    const basis = readBasis(tables)!;
    expect(basis.problems).toEqual([]);
    expect(basis.years).toEqual([2022, 2023, 2024]);
    expect(basis.rows.map((r) => [r.area, r.initiative, r.priority, r.development])).toEqual(
      json.initiatives.map((i) => [i.area, i.initiative, i.priority, Object.values(i.development)]),
    );
    expect(readCityFrame(tables).frame.city.get(2022)?.development).toBe(121_600);
    const decision = readDecision(tables, 'Förslag')!;
    expect(decision.problems).toEqual([]);
    expect(decision.info).toMatchObject({ forum: 'PF', period: '2022–2024', status: 'Förslag' });
    expect(decision.rows.map((r) => [r.area, r.year, r.before, r.after, r.action])).toEqual([
      ['Ledning och styrning', 2022, 500, 0, 'cut'],
      ['Utbildning', 2022, 42_852, 11_160, 'reduce'],
      ['Vård och omsorg', 2022, 4_000, 0, 'cut'],
    ]);
  });

  it('is the real command: `tjansteplan prioritize --json` gives the same proposal, exits 1 when a year cannot fit', async () => {
    const run = await cli(['prioritize', '--json', '--frame', plans.frame, ...plans.files]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const viaCli = JSON.parse(run.stdout) as PrioritizeJson;
    expect(Object.keys(viaCli).slice(0, 3)).toEqual(['years', 'proposal', 'after']);
    expect(viaCli.proposal).toEqual(json.proposal);
    // Only HR against the whole city frame: 25 300 tkr of Måste cannot fit in 20 000.
    const hr = plans.files.find((f) => path.basename(f) === 'hr.xlsx')!;
    const small = await writeCityFrame(dir, 20_000);
    const miss = await cli(['prioritize', '--frame', small, hr]);
    expect(miss.stderr).toBe('');
    expect(miss.code).toBe(1);
    expect(miss.stdout).toContain('2022: inget förslag når ramen; 5 300 tkr över även när allt utom Måste är strukket eller uppskjutet.');
  });
});
