/**
 * What-if for the forum: each initiative and year kept, deferred, reduced to an amount or cut, starting from
 * the proposal, and the city and each area against their frames recomputed from the plans every time (never
 * by patching the last result, so no sequence of toggles can drift from what the choices say).
 */
import type { Tkr } from './money';
import { cityFigures, type Prioritization, type PrioritizationInput, type YearFigures } from './prioritization';

export type ChoiceAction = 'keep' | 'defer' | 'reduce' | 'cut';

/** What stays in the year (`keep`) and what moves to later years; `toYear: null` is out of the period. */
export interface Choice {
  action: ChoiceAction;
  keep: Tkr;
  moves: { toYear: number | null; amount: Tkr }[];
}

/** Keyed by `cellKey(item, year)`; a cell without a choice keeps the plan's amount. */
export type Choices = ReadonlyMap<string, Choice>;

export const cellKey = (item: number, year: number) => `${item}:${year}`;

export function keepChoice(original: Tkr): Choice {
  return { action: 'keep', keep: original, moves: [] };
}
export function cutChoice(): Choice {
  return { action: 'cut', keep: 0, moves: [] };
}
/** Reduced to `to`, never below 0 nor above the plan's amount (a what-if does not add money). */
export function reduceChoice(original: Tkr, to: Tkr): Choice {
  const keep = Math.max(0, Math.min(original, Math.trunc(to)));
  return { action: keep === original ? 'keep' : keep === 0 ? 'cut' : 'reduce', keep, moves: [] };
}
export function deferChoice(original: Tkr, toYear: number | null): Choice {
  return { action: 'defer', keep: 0, moves: original > 0 ? [{ toYear, amount: original }] : [] };
}

/** The proposal as choices: what each changed cell keeps and where its deferrals went. */
export function choicesFromProposal(input: PrioritizationInput, r: Prioritization): Map<string, Choice> {
  const choices = new Map<string, Choice>();
  for (const s of r.proposal) {
    const key = cellKey(s.item, s.year);
    const c = choices.get(key) ?? { action: 'keep' as ChoiceAction, keep: 0, moves: [] };
    if (s.action === 'defer') c.moves.push({ toYear: s.toYear ?? null, amount: s.from - s.to });
    c.action = c.action === 'defer' || s.action === 'defer' ? 'defer' : s.action;
    choices.set(key, c);
  }
  for (const [key, c] of choices) {
    const [item, year] = key.split(':').map(Number);
    c.keep = r.amounts[item][input.years.indexOf(year)] - incoming(choices, item, year);
  }
  return choices;
}

function incoming(choices: Choices, item: number, year: number): Tkr {
  let total = 0;
  for (const [key, c] of choices) {
    if (!key.startsWith(`${item}:`)) continue;
    for (const m of c.moves) if (m.toYear === year) total += m.amount;
  }
  return total;
}

/** Each item's amounts per year under the choices. */
export function amountsWith(input: PrioritizationInput, choices: Choices): Tkr[][] {
  const amounts = input.items.map((it, i) => input.years.map((y, t) => choices.get(cellKey(i, y))?.keep ?? it.development[t] ?? 0));
  for (const [key, c] of choices) {
    if (c.moves.length === 0) continue;
    const item = Number(key.slice(0, key.indexOf(':')));
    for (const m of c.moves) {
      const u = m.toYear === null ? -1 : input.years.indexOf(m.toYear);
      if (u >= 0) amounts[item][u] += m.amount;
    }
  }
  return amounts;
}

/** Which area each item belongs to, and each area's own frame per year. */
export interface AreaBasis {
  areas: readonly string[];
  /** Index into `areas` of each item. */
  sourceOf: readonly number[];
  /** Per area, per year; null where finance set none. */
  areaFrames: readonly (readonly (Tkr | null)[])[];
}

export interface AreaYearFigures {
  area: string;
  years: YearFigures[];
}

/** Each area's development per year against its own frame. */
export function areaFigures(
  input: PrioritizationInput & AreaBasis,
  amounts: readonly (readonly Tkr[])[],
): AreaYearFigures[] {
  const dev = input.areas.map(() => input.years.map(() => 0));
  amounts.forEach((a, i) => a.forEach((v, t) => (dev[input.sourceOf[i]][t] += v)));
  return input.areas.map((area, k) => ({
    area,
    years: input.years.map((year, t) => {
      const frame = input.areaFrames[k][t] ?? null;
      return { year, development: dev[k][t], frame, excess: frame === null ? null : dev[k][t] - frame };
    }),
  }));
}

export function cityWith(input: PrioritizationInput, choices: Choices): YearFigures[] {
  return cityFigures(input, amountsWith(input, choices));
}
