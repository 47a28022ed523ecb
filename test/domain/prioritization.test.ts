import fc from 'fast-check';
import { prioritize, type PrioritizationInput, type PriorityItem } from '../../src/domain/prioritization';
import type { Priority } from '../../src/domain/prioritizationClass';

const YEARS = [2022, 2023, 2024];

function item(area: string, row: number, priority: Priority | null, development: number[], initiative = `${area} ${row}`): PriorityItem {
  return { area, nr: String(row), initiative, row, priority, development };
}

describe('prioritize: examples a forum member can check by hand', () => {
  it('cuts the pot (Kan) before anything else and leaves Måste alone', () => {
    const input: PrioritizationInput = {
      years: [2022],
      frame: [10_000],
      items: [item('HR', 1, 'Måste', [8_000]), item('IT', 1, null, [2_500]), item('IT', 2, 'Kan', [1_000])],
    };
    const r = prioritize(input);
    expect(r.proposal.map((s) => [s.area, s.nr, s.year, s.from, s.to, s.action])).toEqual([
      ['IT', '2', 2022, 1_000, 0, 'cut'],
      ['IT', '1', 2022, 2_500, 2_000, 'reduce'],
    ]);
    expect(r.after).toEqual([{ year: 2022, development: 10_000, frame: 10_000, excess: 0 }]);
    expect(r.misses).toEqual([]);
    expect(r.proposal[0].reason).toBe('Prioritet Kan: stryks 2022 (1 000 tkr); inget senare år i perioden har utrymme.');
  });

  it('defers to a later year where the frame has room before it cuts, and says where to', () => {
    const input: PrioritizationInput = {
      years: YEARS,
      frame: [10_000, 10_000, 10_000],
      items: [item('IT', 1, 'Kan', [3_000, 0, 0]), item('IT', 2, 'Bör', [10_500, 8_000, 9_500])],
    };
    const r = prioritize(input);
    expect(r.proposal.map((s) => [s.nr, s.year, s.from, s.to, s.action, s.toYear])).toEqual([
      ['1', 2022, 3_000, 1_000, 'defer', 2023],
      ['1', 2022, 1_000, 500, 'defer', 2024],
      ['1', 2022, 500, 0, 'cut', undefined],
      ['2', 2022, 10_500, 10_000, 'reduce', undefined],
    ]);
    expect(r.after.map((y) => y.excess)).toEqual([0, 0, 0]);
    expect(r.amounts).toEqual([
      [0, 2_000, 500],
      [10_000, 8_000, 9_500],
    ]);
    expect(r.proposal[0].reason).toBe('Prioritet Kan: 2 000 tkr skjuts från 2022 till 2023, där stadens ram har utrymme.');
  });

  it('changes the fewest initiatives: the largest first, the last one only by what remains', () => {
    const r = prioritize({
      years: [2022],
      frame: [0],
      items: [item('A', 1, 'Bör', [600]), item('A', 2, 'Bör', [500]), item('B', 1, 'Bör', [2_000])],
    });
    expect(r.proposal.map((s) => [s.area, s.nr, s.action, s.to])).toEqual([
      ['B', '1', 'cut', 0],
      ['A', '1', 'cut', 0],
      ['A', '2', 'cut', 0],
    ]);
    const one = prioritize({ years: [2022], frame: [2_500], items: [item('A', 1, 'Bör', [600]), item('B', 1, 'Bör', [2_000])] });
    expect(one.proposal.map((s) => [s.area, s.from, s.to, s.action])).toEqual([['B', 2_000, 1_900, 'reduce']]);
  });

  it('says how much a year still misses when what is left is all Måste, and never defers into a year without a frame', () => {
    const r = prioritize({
      years: YEARS,
      frame: [5_000, null, 50_000],
      items: [item('HR', 1, 'Måste', [7_000, 0, 0]), item('HR', 2, 'Kan', [1_500, 0, 0])],
    });
    // 2024 has room; the Kan amount goes there, the Måste stays, 2022 misses by 2 000.
    expect(r.proposal.map((s) => [s.nr, s.action, s.toYear])).toEqual([['2', 'defer', 2024]]);
    expect(r.misses).toEqual([{ year: 2022, amount: 2_000 }]);
    expect(r.after.map((y) => y.excess)).toEqual([2_000, null, -48_500]);
  });

  it('ties of size go by area and row, whatever the order of the plans', () => {
    const items = [item('B', 2, null, [1_000]), item('A', 3, null, [1_000]), item('A', 1, null, [1_000])];
    const r = prioritize({ years: [2022], frame: [2_500], items });
    expect(r.proposal.map((s) => [s.area, s.nr, s.action])).toEqual([['A', '1', 'reduce']]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const priority = fc.constantFrom<Priority | null>('Måste', 'Bör', 'Kan', null);
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000 }));

const inputs = fc
  .record({
    yearCount: fc.integer({ min: 1, max: 3 }),
    rows: fc.array(fc.record({ area: fc.constantFrom('Ekonomi', 'HR', 'IT', 'Kultur'), priority, amounts: fc.array(amount, { minLength: 3, maxLength: 3 }) }), {
      maxLength: 25,
    }),
    frames: fc.array(fc.option(fc.integer({ min: 0, max: 400_000 }), { freq: 4 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ yearCount, rows, frames }): PrioritizationInput => {
    const years = YEARS.slice(0, yearCount);
    const rowOf = new Map<string, number>();
    const items = rows.map((r) => {
      const row = (rowOf.get(r.area) ?? 0) + 1;
      rowOf.set(r.area, row);
      return item(r.area, row, r.priority, r.amounts.slice(0, yearCount));
    });
    return { years, frame: frames.slice(0, yearCount), items };
  });

const isMust = (it: PriorityItem) => it.priority === 'Måste';
const cls = (it: PriorityItem) => (it.priority === 'Kan' ? 'Kan' : 'Bör');

describe('prioritize: properties', () => {
  it('never touches Måste', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = prioritize(input);
        input.items.forEach((it, i) => {
          if (isMust(it)) expect(r.amounts[i]).toEqual(it.development);
        });
        expect(r.proposal.filter((s) => isMust(input.items[s.item]))).toEqual([]);
      }),
    );
  });

  it('fits every year with a frame unless all that is left there is Måste, and then names the miss exactly', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = prioritize(input);
        r.after.forEach((y, t) => {
          if (y.excess === null) return;
          const miss = r.misses.find((m) => m.year === y.year);
          if (y.excess > 0) {
            expect(miss?.amount).toBe(y.excess);
            input.items.forEach((it, i) => {
              if (!isMust(it)) expect(r.amounts[i][t]).toBe(0);
            });
          } else expect(miss).toBeUndefined();
        });
        // The first year receives nothing, so it fits exactly when its Måste fits.
        const f = input.frame[0];
        const must = input.items.filter(isMust).reduce((s, it) => s + it.development[0], 0);
        if (f !== null) expect(r.after[0].excess! <= 0).toBe(must <= f);
      }),
    );
  });

  it('never changes more than it must: a year it lowers ends exactly at its frame (or misses), nothing is lost', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = prioritize(input);
        const lowered = new Set(r.proposal.map((s) => s.year));
        for (const y of r.after) if (lowered.has(y.year)) expect(y.excess! >= 0).toBe(true);
        for (const y of r.after) if (lowered.has(y.year) && !r.misses.some((m) => m.year === y.year)) expect(y.excess).toBe(0);
        // A year within its frame from the start is never lowered.
        for (const y of r.before) if (y.excess === null || y.excess <= 0) expect(lowered.has(y.year)).toBe(false);
        // Exact: what leaves the period is exactly what the cuts and reductions say.
        const sum = (a: readonly (readonly number[])[]) => a.reduce((s, row) => s + row.reduce((x, v) => x + v, 0), 0);
        const cut = r.proposal.filter((s) => s.action !== 'defer').reduce((s, p) => s + p.from - p.to, 0);
        expect(sum(input.items.map((it) => it.development)) - sum(r.amounts)).toBe(cut);
        // Every amount stays a whole, non-negative tkr, and no amount grows except by a deferral into it.
        for (const row of r.amounts) for (const v of row) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
      }),
    );
  });

  it('touches Bör in a year only when Kan there is used up', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = prioritize(input);
        for (const s of r.proposal) {
          if (cls(input.items[s.item]) !== 'Bör') continue;
          const t = input.years.indexOf(s.year);
          input.items.forEach((it, i) => {
            if (it.priority === 'Kan') expect(r.amounts[i][t]).toBe(0);
          });
        }
      }),
    );
  });

  it('with no room to defer, changes the fewest initiatives a class allows', () => {
    const oneYear = inputs.map((input) => ({ ...input, years: [2022], frame: [input.frame[0] ?? 0], items: input.items.map((it) => ({ ...it, development: [it.development[0]] })) }));
    fc.assert(
      fc.property(oneYear, (input) => {
        const r = prioritize(input);
        for (const c of ['Kan', 'Bör'] as const) {
          const steps = r.proposal.filter((s) => cls(input.items[s.item]) === c);
          const need = steps.reduce((s, p) => s + p.from - p.to, 0);
          const sizes = input.items.filter((it) => !isMust(it) && cls(it) === c).map((it) => it.development[0]).sort((a, b) => b - a);
          // Fewer initiatives than were changed could not have covered what this class gave up.
          const fewer = sizes.slice(0, steps.length - 1).reduce((s, v) => s + v, 0);
          if (steps.length > 0) expect(fewer < need).toBe(true);
          expect(new Set(steps.map((s) => s.item)).size).toBe(steps.length);
        }
      }),
    );
  });

  it('is deterministic: the same plans in any order give the same proposal', () => {
    fc.assert(
      fc.property(inputs, fc.integer(), (input, seed) => {
        const shuffled = [...input.items].sort((a, b) => hash(a, seed) - hash(b, seed));
        const key = (inp: PrioritizationInput) =>
          prioritize(inp).proposal.map((s) => [inp.items[s.item].area, inp.items[s.item].row, s.year, s.from, s.to, s.action, s.toYear]);
        expect(key({ ...input, items: shuffled })).toEqual(key(input));
      }),
    );
  });
});

function hash(it: PriorityItem, seed: number): number {
  let h = seed | 0;
  for (const ch of `${it.area}:${it.row}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h;
}
