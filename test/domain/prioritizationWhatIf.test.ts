import fc from 'fast-check';
import { prioritize, type PrioritizationInput, type PriorityItem } from '../../src/domain/prioritization';
import type { Priority } from '../../src/domain/prioritizationClass';
import {
  amountsWith,
  areaFigures,
  cellKey,
  choicesFromProposal,
  cityWith,
  cutChoice,
  deferChoice,
  keepChoice,
  reduceChoice,
  type Choice,
} from '../../src/domain/prioritizationWhatIf';

const YEARS = [2022, 2023, 2024];
const item = (area: string, row: number, priority: Priority | null, development: number[]): PriorityItem => ({
  area,
  nr: String(row),
  initiative: `${area} ${row}`,
  row,
  priority,
  development,
});

const input: PrioritizationInput = {
  years: YEARS,
  frame: [10_000, 12_000, null],
  items: [item('IT', 1, 'Kan', [3_000, 1_000, 0]), item('IT', 2, null, [9_000, 8_000, 9_500]), item('HR', 1, 'Måste', [1_000, 1_000, 1_000])],
};

describe('what-if', () => {
  it('without choices is the plans as they are', () => {
    expect(cityWith(input, new Map()).map((y) => [y.development, y.excess])).toEqual([
      [13_000, 3_000],
      [10_000, -2_000],
      [10_500, null],
    ]);
  });

  it('defers a year into a later one, or out of the period, and counts it where it lands', () => {
    const into = new Map<string, Choice>([[cellKey(0, 2022), deferChoice(3_000, 2023)]]);
    expect(amountsWith(input, into)[0]).toEqual([0, 4_000, 0]);
    const out = new Map<string, Choice>([[cellKey(0, 2022), deferChoice(3_000, null)]]);
    expect(amountsWith(input, out)[0]).toEqual([0, 1_000, 0]);
    expect(cityWith(input, out)[0]).toEqual({ year: 2022, development: 10_000, frame: 10_000, excess: 0 });
  });

  it('reduces to an amount between 0 and the plan, cuts, and keeps', () => {
    expect(reduceChoice(9_000, 12_000)).toEqual(keepChoice(9_000));
    expect(reduceChoice(9_000, -5)).toEqual(cutChoice());
    expect(reduceChoice(9_000, 7_500)).toEqual({ action: 'reduce', keep: 7_500, moves: [] });
    const choices = new Map<string, Choice>([
      [cellKey(1, 2022), reduceChoice(9_000, 7_500)],
      [cellKey(0, 2023), cutChoice()],
    ]);
    expect(amountsWith(input, choices).map((a) => a.slice(0, 2))).toEqual([
      [3_000, 0],
      [7_500, 8_000],
      [1_000, 1_000],
    ]);
  });

  it('gives each area against its own frame', () => {
    const basis = {
      ...input,
      sourceOf: [0, 0, 1],
      areas: ['IT', 'HR'],
      areaFrames: [
        [11_000, null, 9_000],
        [1_000, 1_000, 1_000],
      ],
    };
    const [it, hr] = areaFigures(basis, amountsWith(input, new Map()));
    expect(it.years.map((y) => [y.development, y.excess])).toEqual([
      [12_000, 1_000],
      [9_000, null],
      [9_500, 500],
    ]);
    expect(hr.years.map((y) => y.excess)).toEqual([0, 0, 0]);
  });

  it('starts from the proposal: its choices give exactly the proposal’s amounts', () => {
    const priority = fc.constantFrom<Priority | null>('Måste', 'Bör', 'Kan', null);
    const arb = fc
      .record({
        rows: fc.array(fc.record({ priority, amounts: fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 3, maxLength: 3 }) }), { maxLength: 15 }),
        frame: fc.array(fc.option(fc.integer({ min: 0, max: 150_000 })), { minLength: 3, maxLength: 3 }),
      })
      .map(({ rows, frame }): PrioritizationInput => ({ years: YEARS, frame, items: rows.map((r, i) => item('A', i + 1, r.priority, r.amounts)) }));
    fc.assert(
      fc.property(arb, (inp) => {
        const r = prioritize(inp);
        expect(amountsWith(inp, choicesFromProposal(inp, r))).toEqual(r.amounts);
      }),
    );
  });
});
