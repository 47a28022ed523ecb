import { briefSentence, formatGap, frameGapBrief, type YearBrief } from '../../src/domain/brief';
import { consolidate, figuresOfPlan } from '../../src/domain/consolidation';
import { cityFrame, initiative, makePlan } from './planBuilder';

const it_ = makePlan({
  area: 'IT',
  initiatives: [
    initiative(1, 'Moln', [3000, 0, 0]),
    initiative(2, 'Säkerhet', [1000, 0, 0]),
    initiative(3, 'Summa', [4000, 0, 0]),
  ],
});
const hr = makePlan({ area: 'HR', initiatives: [initiative(1, 'Lönesystem', [2500, 0, 0]), initiative(2, 'Rekrytering', [500, 0, 0])] });
const frame = cityFrame({ IT: { 2022: 3000, 2023: 0, 2024: 0 }, HR: { 2022: 3500, 2023: 0, 2024: 0 } }, { 2022: 5000, 2023: 0, 2024: 0 });
const brief = frameGapBrief(consolidate([it_, hr].map((p) => ({ figures: figuresOfPlan(p), file: `${p.info.area}.xlsx` })), frame));

describe('frame-gap brief', () => {
  it('gives each area its gap, largest first, with the initiatives that make it up', () => {
    const y = brief[0];
    expect(y.year).toBe(2022);
    expect(y.areas.map((a) => [a.area, a.gap])).toEqual([
      ['IT', 1000],
      ['HR', -500],
    ]);
    // IT is 1 000 over: its largest initiative alone covers it (three times over); stated sums never count.
    expect(y.areas[0].contributors).toEqual([{ area: 'IT', nr: '', name: 'Moln', development: 3000, share: 3 }]);
    expect(y.areas[1].contributors).toEqual([]);
  });

  it('names the initiatives, city-wide and largest first, until together they cover the city gap', () => {
    const y = brief[0];
    expect(y.city).toEqual({ development: 7000, frame: 5000, gap: 2000 });
    expect(y.contributors.map((c) => [c.name, c.share])).toEqual([['Moln', 1.5]]);
    expect(briefSentence(y)).toBe('2022: utveckling 7 000 tkr är 2,0 mkr (2 000 tkr) över stadens ram 5 000 tkr. Störst: Moln (IT, 3 000 tkr).');
  });

  it('says how much is left when the city is within its frame', () => {
    expect(briefSentence(brief[1])).toBe('2023: utveckling 0 tkr ryms i stadens ram 0 tkr (0,0 mkr (0 tkr) kvar).');
    expect(formatGap(22_342)).toBe('22,3 mkr (22 342 tkr)');
  });
});

describe('frame-gap brief in English', () => {
  const year = (city: YearBrief['city']): YearBrief => ({ year: 2024, city, areas: [], contributors: [] });

  it('says the city is over its frame and names the largest initiatives', () => {
    expect(briefSentence(brief[0], 'en')).toBe(
      "2022: development 7 000 tkr is 2,0 mkr (2 000 tkr) over the city's frame of 5 000 tkr. Largest: Moln (IT, 3 000 tkr).",
    );
    expect(briefSentence(brief[0], 'sv')).toBe(briefSentence(brief[0]));
  });

  it('says how much is left within the frame', () => {
    expect(briefSentence(brief[1], 'en')).toBe("2023: development 0 tkr fits within the city's frame of 0 tkr (0,0 mkr (0 tkr) left).");
  });

  it('says when the frame is missing or the development cannot be summed', () => {
    expect(briefSentence(year({ development: 1500, frame: null, gap: null }), 'en')).toBe("2024: development 1 500 tkr; the city's frame is missing.");
    expect(briefSentence(year({ development: 1500, frame: null, gap: null }))).toBe('2024: utveckling 1 500 tkr; stadens ram saknas.');
    expect(briefSentence(year({ development: null, frame: 5000, gap: null }), 'en')).toBe(
      '2024: the development cost cannot be summed (a plan has unreadable amounts).',
    );
    expect(briefSentence(year({ development: null, frame: 5000, gap: null }))).toBe(
      '2024: utvecklingskostnaden kan inte summeras (en plan har oläsliga belopp).',
    );
  });
});
