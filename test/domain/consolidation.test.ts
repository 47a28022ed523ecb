import { consolidate as consolidateFigures, figuresOfPlan, type ConsolidationInput } from '../../src/domain/consolidation';
import type { CityFrame } from '../../src/domain/frame';
import type { Plan } from '../../src/domain/plan';

/** The tests below give plans; consolidation takes their figures. */
const consolidate = (inputs: (Omit<ConsolidationInput, 'figures'> & { plan: Plan })[], frame: CityFrame) =>
  consolidateFigures(inputs.map(({ plan, ...rest }) => ({ ...rest, figures: figuresOfPlan(plan) })), frame);
import { cityFrame, initiative, makePlan } from './planBuilder';

const it_ = makePlan({
  area: 'IT',
  initiatives: [
    initiative(1, 'Moln', [1000, 2500, 500], [0, -200, -400]),
    initiative(2, 'Säkerhet', [500, 1000, 0], [100, 100, 100]),
    initiative(3, 'Summa', [1500, 3500, 500], [100, -100, -300]),
  ],
});
const hr = makePlan({ area: 'HR', initiatives: [initiative(1, 'Lönesystem', [2000, 1000, 0], [0, 0, 300])] });
const ekonomi = makePlan({ area: 'Ekonomi', initiatives: [initiative(1, 'Nytt ekonomisystem', [700, 800, 900])] });

// Budgetram rows: IT 2022–2024 = rows 1–3, Ekonomi 2022–2024 = rows 4–6 (column D = Utveckling, header on row 1).
// Stadsram: header on row 20 from column F, Utveckling in H; 2022–2024 = rows 1–3 (sheet rows 21–23).
const frame = cityFrame(
  {
    'it ': { 2022: 1500, 2023: 3000, 2024: 600 },
    EKONOMI: { 2022: 1000, 2023: 1000, 2024: 1000 },
  },
  { 2022: 4000, 2023: 8000, 2024: 1400 },
);

describe('consolidate', () => {
  const result = consolidate(
    [
      { plan: it_, file: 'it.xlsx', version: '1.0' },
      { plan: hr, file: 'hr.xlsx' },
      { plan: ekonomi, file: 'ekonomi.xlsx', version: '2.0' },
    ],
    frame,
  );

  it('sums development (stated sums excluded) and maintenance per area and year, beside the frame', () => {
    expect(result.years).toEqual([2022, 2023, 2024]);
    expect(result.areas).toEqual([
      {
        area: 'IT',
        file: 'it.xlsx',
        version: '1.0',
        years: {
          2022: { development: 1500, maintenance: 100, frame: 1500, excess: 0 },
          2023: { development: 3500, maintenance: -100, frame: 3000, excess: 500 },
          2024: { development: 500, maintenance: -300, frame: 600, excess: -100 },
        },
      },
      {
        area: 'HR',
        file: 'hr.xlsx',
        years: {
          2022: { development: 2000, maintenance: 0, frame: null, excess: null },
          2023: { development: 1000, maintenance: 0, frame: null, excess: null },
          2024: { development: 0, maintenance: 300, frame: null, excess: null },
        },
      },
      {
        area: 'Ekonomi',
        file: 'ekonomi.xlsx',
        version: '2.0',
        years: {
          2022: { development: 700, maintenance: 0, frame: 1000, excess: -300 },
          2023: { development: 800, maintenance: 0, frame: 1000, excess: -200 },
          2024: { development: 900, maintenance: 0, frame: 1000, excess: -100 },
        },
      },
    ]);
    expect(result.city).toEqual({
      2022: { development: 4200, frame: 4000, excess: 200 },
      2023: { development: 5300, frame: 8000, excess: -2700 },
      2024: { development: 1400, frame: 1400, excess: 0 },
    });
  });

  it('reports OVER_FRAME per area, FRAME_MISSING for an area without frame, and CITY_OVER_FRAME per year', () => {
    expect(result.findings.map((f) => [f.code, f.severity, f.area, f.year, f.excess, f.location?.sheet, f.location?.table, f.location?.address])).toEqual([
      ['OVER_FRAME', 'warning', 'IT', 2023, 500, 'Budgetram', 'Budgetram', 'D3'],
      ['FRAME_MISSING', 'warning', 'HR', 2022, undefined, 'Tjänsteplan', 'Initiativ', 'D10'],
      ['FRAME_MISSING', 'warning', 'HR', 2023, undefined, 'Tjänsteplan', 'Initiativ', 'E10'],
      ['FRAME_MISSING', 'warning', 'HR', 2024, undefined, 'Tjänsteplan', 'Initiativ', 'F10'],
      ['CITY_OVER_FRAME', 'warning', undefined, 2022, 200, 'Budgetram', 'Stadsram', 'H21'],
    ]);
    expect(result.findings[0].message).toBe('IT: utveckling 2023 är 3 500 tkr, 500 tkr över ramen 3 000 tkr.');
    expect(result.findings[4].message).toBe(
      'Alla tjänsteområden tillsammans: utveckling 2022 är 4 200 tkr, 200 tkr över stadens ram 4 000 tkr.',
    );
  });

  it('gives no city total (and no false CITY_OVER_FRAME) while an area has an unknown development cost', () => {
    const unknown = makePlan({ area: 'HR', initiatives: [initiative(1, 'Lönesystem', [null, 1000, 0])] });
    const r = consolidate(
      [
        { plan: it_, file: 'it.xlsx' },
        { plan: unknown, file: 'hr.xlsx' },
      ],
      cityFrame({ IT: { 2022: 1500, 2023: 4000, 2024: 500 }, HR: { 2022: 0, 2023: 1000, 2024: 0 } }, { 2022: 10, 2023: 4000, 2024: 500 }),
    );
    expect(r.areas[1].years[2022]).toEqual({ development: null, maintenance: 0, frame: 0, excess: null });
    expect(r.city[2022]).toEqual({ development: null, frame: 10, excess: null });
    // 2023: 3 500 + 1 000 = 4 500 > 4 000 is still reported; 2022 is unknown and stays silent.
    expect(r.findings.map((f) => [f.code, f.area, f.year, f.excess])).toEqual([['CITY_OVER_FRAME', undefined, 2023, 500]]);
  });

  it('adds only the areas whose period holds the year', () => {
    const later = makePlan({ area: 'HR', years: [2023, 2024, 2025], initiatives: [initiative(1, 'X', [100, 200, 300])] });
    const r = consolidate(
      [
        { plan: ekonomi, file: 'e.xlsx' },
        { plan: later, file: 'hr.xlsx' },
      ],
      cityFrame({ Ekonomi: { 2022: 9999, 2023: 9999, 2024: 9999 }, HR: { 2023: 9999, 2024: 9999, 2025: 9999 } }, {}),
    );
    expect(r.years).toEqual([2022, 2023, 2024, 2025]);
    expect(r.city).toEqual({
      2022: { development: 700, frame: null, excess: null },
      2023: { development: 900, frame: null, excess: null },
      2024: { development: 1100, frame: null, excess: null },
      2025: { development: 300, frame: null, excess: null },
    });
    expect(r.findings).toEqual([]);
  });

  it('matches an area to its frame whatever the Unicode form, case and spacing of its name', () => {
    const vard = makePlan({ area: 'Vård  och omsorg'.normalize('NFD'), initiatives: [initiative(1, 'X', [200, 0, 0])] });
    const r = consolidate([{ plan: vard, file: 'v.xlsx' }], cityFrame({ ['VÅRD OCH OMSORG'.normalize('NFC')]: { 2022: 100, 2023: 0, 2024: 0 } }, {}));
    expect(r.findings.map((f) => [f.code, f.year, f.excess])).toEqual([['OVER_FRAME', 2022, 100]]);
  });

  it('is empty without plans, and says which framed areas sent none', () => {
    const r = consolidate([], frame);
    expect([r.years, r.areas, r.city]).toEqual([[], [], {}]);
    expect(r.findings.map((f) => [f.code, f.severity, f.area, f.location?.address])).toEqual([
      ['AREA_PLAN_MISSING', 'warning', 'it ', 'A2'],
      ['AREA_PLAN_MISSING', 'warning', 'EKONOMI', 'A5'],
    ]);
  });

  it('takes the newest approved version when an area sends two plans, and says so', () => {
    const older = makePlan({ area: 'Ekonomi', initiatives: [initiative(1, 'Gammal', [5000, 0, 0])] });
    const r = consolidate(
      [
        { plan: ekonomi, file: 'ekonomi-v2.xlsx', version: '2.0' },
        { plan: older, file: 'ekonomi-v1.xlsx', version: '1.0' },
        { plan: it_, file: 'it.xlsx', version: '1.0' },
      ],
      frame,
    );
    expect(r.areas.map((a) => [a.area, a.file, a.years[2022].development])).toEqual([
      ['Ekonomi', 'ekonomi-v2.xlsx', 700],
      ['IT', 'it.xlsx', 1500],
    ]);
    const dup = r.findings.find((f) => f.code === 'AREA_DUPLICATE')!;
    expect(dup.severity).toBe('warning');
    expect(dup.message).toBe('Ekonomi har flera planer; den nyaste fastställda, ekonomi-v2.xlsx (v2.0), används och ekonomi-v1.xlsx (v1.0) lämnas utanför.');
  });
});
