import { changeNotes, diffPlans, versionOfPlan, type PlanVersion } from '../../src/domain/diff';
import { initiative, makePlan } from './planBuilder';

const v = (initiatives: PlanVersion['initiatives'], frame: PlanVersion['frame'] = { 2022: 5000, 2023: 5000, 2024: 5000 }): PlanVersion => ({
  years: [2022, 2023, 2024],
  initiatives,
  frame,
});
const row = (nr: string, name: string, development: (number | null)[], maintenance: (number | null)[] = [0, 0, 0]) => ({ nr, name, development, maintenance });

describe('diff between two versions of a plan', () => {
  const before = v([row('6', 'Digital signering', [1500, 1500, 0]), row('7', 'E-arkiv', [1000, 4500, 0]), row('8', 'Printtjänst', [4000, 4500, 4000])]);
  const after = v(
    [row('6', 'Digital underskrift', [1500, 1500, 0]), row('7', 'E-arkiv', [1000, 3040, 0], [0, 200, 0]), row('9', 'Säker kommunikation', [1000, 1000, 0])],
    { 2022: 5000, 2023: 4000, 2024: 5000 },
  );
  const diff = diffPlans(before, after);

  it('matches initiatives by Nr first: a new name under the same Nr is a rename, not a removal and an addition', () => {
    expect(diff.initiatives.map((c) => [c.kind, c.nr, c.name])).toEqual([
      ['changed', '6', 'Digital underskrift'],
      ['changed', '7', 'E-arkiv'],
      ['added', '9', 'Säker kommunikation'],
      ['removed', '8', 'Printtjänst'],
    ]);
  });

  it('gives every changed amount with its year and delta, and frame changes', () => {
    const earkiv = diff.initiatives[1];
    expect(earkiv.kind === 'changed' && earkiv.amounts).toEqual([
      { column: 'Utveckling 2023', year: 2023, before: 4500, after: 3040, delta: -1460 },
      { column: 'Vidmakthålla 2023', year: 2023, before: 0, after: 200, delta: 200 },
    ]);
    expect(diff.frame).toEqual([{ year: 2023, before: 5000, after: 4000 }]);
  });

  it('drafts Swedish change notes for Beskrivning', () => {
    expect(changeNotes(diff)).toEqual([
      'Initiativ 6 Digital signering har bytt namn till Digital underskrift.',
      'Utveckling 2023 för initiativ 7 E-arkiv ändrad från 4 500 tkr till 3 040 tkr (−1 460 tkr).',
      'Vidmakthålla 2023 för initiativ 7 E-arkiv ändrad från 0 tkr till 200 tkr (+200 tkr).',
      'Initiativ 9 Säker kommunikation tillagt (utveckling 2 000 tkr under perioden).',
      'Initiativ 8 Printtjänst borttaget.',
      'Ramen för utveckling 2023 ändrad från 5 000 tkr till 4 000 tkr (−1 000 tkr).',
    ]);
  });

  it('matches by name when rows have no Nr (as in several real plans), and sees no change in an identical plan', () => {
    const a = v([row('', 'Telefoni', [4200, 2000, 1000]), row('', 'Demokrati och delaktighet', [500, 500, 500])]);
    const b = v([row('', 'Demokrati  och delaktighet', [500, 500, 500]), row('', 'Telefoni', [4200, 2500, 1000])]);
    expect(changeNotes(diffPlans(a, b))).toEqual(['Utveckling 2023 för initiativ Telefoni ändrad från 2 000 tkr till 2 500 tkr (+500 tkr).']);
    expect(diffPlans(a, a)).toEqual({ years: [2022, 2023, 2024], initiatives: [], frame: [] });
  });

  it('reads a plan from its tables, leaving stated sums out', () => {
    const plan = makePlan({ initiatives: [initiative(1, 'A', [100, 0, 0], [0, 0, 0], '1'), initiative(2, 'Summa', [100, 0, 0])] });
    expect(versionOfPlan(plan).initiatives.map((r) => r.name)).toEqual(['A']);
  });
});
