import { checkFrame } from '../../../src/domain/rules/frame';
import { areaFrame, initiative, makePlan } from '../planBuilder';

// Development per year: 1 500, 3 500, 500 (the Summa row is a stated sum, never counted again).
const rows = () => [
  initiative(1, 'A', [1000, 2000, 500], [-100, -100, -100]),
  initiative(2, 'B', [500, 1500, 0]),
  initiative(3, 'Summa', [1500, 3500, 500]),
];

describe('checkFrame', () => {
  it('reports OVER_FRAME with year, excess and area at the Ram cell; a plan exactly at its frame is fine', () => {
    const plan = makePlan({ area: 'IT', initiatives: rows(), frame: areaFrame('IT', { 2022: 1500, 2023: 3000, 2024: 600 }) });
    expect(checkFrame(plan, null)).toEqual([
      {
        code: 'OVER_FRAME',
        // A warning: before PF, being over the frame is the input to prioritisation (docs/findings.md).
        severity: 'warning',
        message: 'IT: utveckling 2023 är 3 500 tkr, 500 tkr över ramen 3 000 tkr.',
        messageEn: 'IT: development 2023 is 3 500 tkr, 500 tkr over the frame of 3 000 tkr.',
        location: { sheet: 'Ram', table: 'Ram', row: 2, column: 'Utveckling', address: 'B3' },
        year: 2023,
        excess: 500,
        area: 'IT',
      },
    ]);
  });

  it('locates findings with the Ram table wherever it stands', () => {
    const plan = makePlan({ initiatives: rows(), frame: areaFrame('IT', { 2022: 0, 2023: 3500, 2024: 500 }, { headerRow: 5, firstColumn: 3 }) });
    expect(checkFrame(plan, null).map((f) => [f.code, f.year, f.excess, f.location?.address])).toEqual([['OVER_FRAME', 2022, 1500, 'D6']]);
  });

  it('warns FRAME_MISSING for a year without frame: at the empty Ram cell, or at the year\'s Utveckling header', () => {
    const plan = makePlan({ initiatives: rows(), frame: areaFrame('IT', { 2022: 1500, 2023: null }) });
    expect(checkFrame(plan, null).map((f) => [f.code, f.severity, f.year, f.area, f.location])).toEqual([
      ['FRAME_MISSING', 'warning', 2023, 'IT', { sheet: 'Ram', table: 'Ram', row: 2, column: 'Utveckling', address: 'B3' }],
      ['FRAME_MISSING', 'warning', 2024, 'IT', { sheet: 'Tjänsteplan', table: 'Initiativ', column: 'Utveckling 2024', address: 'F10' }],
    ]);
  });

  it('warns FRAME_MISSING for every year of a plan without any frame', () => {
    const plan = makePlan({ initiatives: rows() });
    const findings = checkFrame(plan, null);
    expect(findings.map((f) => [f.code, f.severity, f.year, f.location?.address])).toEqual([
      ['FRAME_MISSING', 'warning', 2022, 'D10'],
      ['FRAME_MISSING', 'warning', 2023, 'E10'],
      ['FRAME_MISSING', 'warning', 2024, 'F10'],
    ]);
    expect(findings[0].message).toBe('Ingen ram för IT 2022; planen kan inte prövas mot ramen det året.');
  });

  it("uses finance's frame over the plan's own and warns where they differ", () => {
    const own = areaFrame('IT', { 2022: 1500, 2023: 3000, 2024: 500 });
    const finance = areaFrame('IT', { 2022: 1500, 2023: 4000, 2024: 400 }, { headerRow: 1, firstColumn: 1 });
    const plan = makePlan({ initiatives: rows(), frame: own });
    expect(checkFrame(plan, finance).map((f) => [f.code, f.severity, f.year, f.excess, f.location?.address])).toEqual([
      ['FRAME_DIFFERS', 'warning', 2023, undefined, 'B3'],
      ['FRAME_DIFFERS', 'warning', 2024, undefined, 'B4'],
      ['OVER_FRAME', 'warning', 2024, 100, 'B4'],
    ]);
  });

  it("points at the Initiativ header when only finance's frame exists", () => {
    const plan = makePlan({ initiatives: rows() });
    const finance = areaFrame('IT', { 2022: 1000, 2023: 5000, 2024: 500 });
    expect(checkFrame(plan, finance).map((f) => [f.code, f.year, f.excess, f.location?.address])).toEqual([['OVER_FRAME', 2022, 500, 'D10']]);
  });

  it('does not compare an unknown development total with the frame', () => {
    const plan = makePlan({
      initiatives: [initiative(1, 'A', [null, 100, 0]), initiative(2, 'B', [9999, 0, 0])],
      frame: areaFrame('IT', { 2022: 1, 2023: 100, 2024: 0 }),
    });
    expect(checkFrame(plan, null)).toEqual([]);
  });
});
