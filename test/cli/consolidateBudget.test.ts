/**
 * The whole ekonomisk sammanställning from `consolidate`: förvaltning and utveckling together, the indicative
 * budget against the final one, and förvaltning per verksamhetsområde, on the real figures of 2022 (the
 * expected values are read from the samples file the fixtures were built from, never from the output).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, loadManifest, ROOT, type ConsolidateJson } from './helpers';

jest.setTimeout(120_000);

interface Samples {
  cityFrame: { rows: { ar: number; forvaltning: number; utveckling: number }[]; indicative2022: { forvaltning: number; utveckling: number } };
  forvaltningByVerksamhetsomrade: { rows: [string, number, number, number | null][] };
}
const real = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/samples/tjansteplan-2022-2024.json'), 'utf8')) as Samples;
const final2022 = real.cityFrame.rows.find((r) => r.ar === 2022)!;
const indicative = real.cityFrame.indicative2022;
const units = real.forvaltningByVerksamhetsomrade.rows.filter(([name]) => !name.startsWith('Summa'));
const samples = loadManifest().consolidate.find((c) => c.name === 'nio-exempelplaner')!;

describe('consolidate: the city budget beside development against the frame', () => {
  let json: ConsolidateJson;
  let text: string;
  beforeAll(async () => {
    const [j, t] = await Promise.all([
      cli(['consolidate', '--json', '--frame', samples.frame, ...samples.files]),
      cli(['consolidate', '--frame', samples.frame, ...samples.files]),
    ]);
    json = JSON.parse(j.stdout) as ConsolidateJson;
    text = t.stdout;
  });

  it('förvaltning + utveckling = the budget 2022, 1 105,6 mkr', () => {
    expect(json.budget?.['2022']).toMatchObject({ operations: final2022.forvaltning, development: final2022.utveckling, total: 1_105_600 });
    expect(final2022.forvaltning + final2022.utveckling).toBe(1_105_600);
    expect(text).toMatch(/^2022\s+984 000\s+121 600\s+1 105 600$/m);
    expect(text).toContain('2022: 1 105,6 mkr = 984,0 mkr förvaltning + 121,6 mkr utveckling.');
  });

  it('the indicative budget against the final one: 30 mkr moved from utveckling to förvaltning', () => {
    expect(json.budget?.['2022'].indicative).toEqual({ operations: indicative.forvaltning, development: indicative.utveckling, total: 1_105_600 });
    expect(text).toContain('Indikativ budget mot slutlig 2022 (tkr)');
    expect(text).toMatch(/^Förvaltning\s+954 000\s+984 000\s+\+30 000$/m);
    expect(text).toMatch(/^Utveckling\s+151 600\s+121 600\s+\u221230 000$/m);
    expect(text).toMatch(/^Summa\s+1 105 600\s+1 105 600\s+0$/m);
  });

  it('förvaltning per verksamhetsområde with the change from 2021, adding up to the city förvaltning 2022', () => {
    const ops = json.operationsByUnit!;
    expect(ops.years).toEqual([2021, 2022]);
    expect(ops.units.map((u) => u.unit)).toEqual(units.map(([name]) => name));
    for (const [name, y2021, y2022] of units) {
      const u = ops.units.find((x) => x.unit === name)!;
      expect([u.amounts['2021'], u.amounts['2022'], u.change['2022']]).toEqual([y2021, y2022, y2022 - y2021]);
    }
    // The seed's Summa (875 110 → 952 000, +76 890) plus Redovisningstjänster (32 000 both years) is the city's
    // förvaltning 2022, so the third table and Stadsram agree.
    expect([ops.totals['2021'], ops.totals['2022'], ops.change['2022']]).toEqual([907_110, final2022.forvaltning, 76_890]);
    expect(text).toMatch(/^IT\s+458 022\s+523 483\s+\+65 461$/m);
    expect(text).toMatch(/^Utbildning, kultur och fritid\s+45 537\s+42 085\s+\u22123 452$/m);
    expect(text).toMatch(/^Summa\s+907 110\s+984 000\s+\+76 890$/m);
  });

  it('--lang en says the same in English', async () => {
    const en = (await cli(['consolidate', '--lang', 'en', '--frame', samples.frame, ...samples.files])).stdout;
    expect(en).toContain('2022: 1 105,6 mkr = 984,0 mkr operations + 121,6 mkr development.');
    expect(en).toMatch(/^Development\s+151 600\s+121 600\s+\u221230 000$/m);
    expect(en).toMatch(/^Total\s+907 110\s+984 000\s+\+76 890$/m);
  });
});
