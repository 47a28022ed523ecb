/** From the areas' plans and finance's frame to what `prioritize` works on: one item per initiative row. */
import { frameForArea, type CityFrame } from './frame';
import type { Tkr } from './money';
import type { Plan } from './plan';
import type { PrioritizationInput, PriorityItem } from './prioritization';
import type { AreaBasis } from './prioritizationWhatIf';

export interface PlanSource {
  plan: Plan;
  /** Where the plan came from (file name or library item), for the report. */
  file: string;
}

/** The input with each item's plan: `areas[k]` is `sources[k]`'s area. */
export interface PrioritizationBasis extends PrioritizationInput, AreaBasis {
  sourceOf: number[];
  sources: PlanSource[];
  areaFrames: (Tkr | null)[][];
}

/** Every year any plan covers, in order: plans of one period give exactly its years. */
export function basisYears(sources: readonly PlanSource[]): number[] {
  return [...new Set(sources.flatMap((s) => s.plan.info.period.years))].sort((a, b) => a - b);
}

/**
 * Stated sums are left out (they are not initiatives) and so are rows with no name and no amount. An amount
 * that could not be read (already a finding of the plan) counts as 0: the proposal never builds on a guess,
 * and the plan's own check says the cell must be fixed.
 */
export function prioritizationBasis(sources: readonly PlanSource[], frame: CityFrame | null): PrioritizationBasis {
  const years = basisYears(sources);
  const items: PriorityItem[] = [];
  const sourceOf: number[] = [];
  sources.forEach((s, k) => {
    const planYears = s.plan.info.period.years;
    for (const r of s.plan.initiatives) {
      if (r.isStatedSum) continue;
      const development = years.map((y) => {
        const i = planYears.indexOf(y);
        return i < 0 ? 0 : (r.development[i] ?? 0);
      });
      if (r.name === '' && development.every((a) => a === 0)) continue;
      items.push({ area: s.plan.info.area, nr: r.nr, initiative: r.name, row: r.row, priority: r.priority ?? null, development });
      sourceOf.push(k);
    }
  });
  const cityFrame = years.map((y) => frame?.city.get(y)?.development ?? null);
  const areaFrames = sources.map((s) => {
    const own = (frame && frameForArea(frame, s.plan.info.area)) ?? s.plan.frame;
    return years.map((y) => own?.years.get(y)?.development ?? null);
  });
  return { years, frame: cityFrame, items, sourceOf, sources: [...sources], areas: sources.map((s) => s.plan.info.area), areaFrames };
}
