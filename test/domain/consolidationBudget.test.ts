/**
 * Consolidation beyond development against the frame: the city's budget (förvaltning + utveckling), the
 * indicative budget, förvaltning per verksamhetsområde, and maintenance impact that a plan does not state.
 * The figures are the real ones of 2022 (samples), the frame built by hand.
 */
import { changeFromYearBefore, consolidate, figuresOfPlan, figuresOfSnapshot } from '../../src/domain/consolidation';
import type { CityFrame } from '../../src/domain/frame';
import type { PlanSnapshot } from '../../src/domain/snapshot';
import { cityFrame, initiative, makePlan } from './planBuilder';

const base = cityFrame({ Kommunikation: { 2022: 11300, 2023: 10000, 2024: 9000 } }, { 2022: 121600 });
const withBudget: CityFrame = {
  ...base,
  city: new Map([[2022, { ...base.city.get(2022)!, operations: 984000 }]]),
  indicative: new Map([[2022, { development: 151600, operations: 954000 }]]),
  operations: [
    { unit: 'IT', year: 2021, amount: 458022 },
    { unit: 'IT', year: 2022, amount: 523483 },
    { unit: 'Utbildning, kultur och fritid', year: 2021, amount: 45537 },
    { unit: 'Utbildning, kultur och fritid', year: 2022, amount: 42085 },
    { unit: 'Redovisningstjänster', year: 2021, amount: 32000 },
    { unit: 'Redovisningstjänster', year: 2022, amount: 32000 },
  ],
};
// Kommunikation's real rows: development only, no maintenance columns filled.
const kommunikation = { ...makePlan({ area: 'Kommunikation', initiatives: [initiative(1, 'Telefoni', [4200, 2000, 1000]), initiative(2, 'Externa digitala kanaler', [3600, 3000, 3000])] }), maintenanceStated: false };

describe('the city budget in the consolidation', () => {
  const c = consolidate([{ figures: figuresOfPlan(kommunikation), file: 'k.xlsx' }], withBudget);

  it('förvaltning + utveckling per year, against the indicative budget', () => {
    expect(c.budget).toEqual([
      { year: 2022, operations: 984000, development: 121600, total: 1105600, indicative: { operations: 954000, development: 151600, total: 1105600 } },
    ]);
  });

  it('förvaltning per verksamhetsområde with the change from the year before', () => {
    expect(c.operations?.years).toEqual([2021, 2022]);
    expect(c.operations?.units.map((u) => [u.unit, changeFromYearBefore(u.amounts, 2022)])).toEqual([
      ['IT', 65461],
      ['Utbildning, kultur och fritid', -3452],
      ['Redovisningstjänster', 0],
    ]);
    expect(c.operations?.totals).toEqual({ 2021: 535559, 2022: 597568 });
  });

  it('nothing of it without the figures: no budget years, no table', () => {
    const plain = consolidate([{ figures: figuresOfPlan(kommunikation), file: 'k.xlsx' }], cityFrame({}, {}));
    expect(plain.budget).toEqual([]);
    expect(plain.operations).toBeNull();
  });

  it('a plan that states no maintenance impact has none (null), never 0', () => {
    expect(c.areas[0].maintenanceStated).toBe(false);
    expect(Object.values(c.areas[0].years).map((y) => y.maintenance)).toEqual([null, null, null]);
  });

  it('a snapshot with no maintenance figure but 0 is read the same way; one with any is stated', () => {
    const snapshot = (maintenance: number[]): PlanSnapshot =>
      ({
        area: 'Kommunikation',
        years: [2022, 2023, 2024],
        totals: { 2022: { development: 7800, maintenance: 0, frame: null }, 2023: { development: 5000, maintenance: 0, frame: null }, 2024: { development: 4000, maintenance: 0, frame: null } },
        initiatives: [{ row: 1, nr: '', name: 'Telefoni', development: [4200, 2000, 1000], maintenance, comment: '', isStatedSum: false }],
      }) as unknown as PlanSnapshot;
    expect(figuresOfSnapshot(snapshot([0, 0, 0])).maintenanceStated).toBe(false);
    expect(figuresOfSnapshot(snapshot([0, 200, 0])).maintenanceStated).toBeUndefined();
  });
});
