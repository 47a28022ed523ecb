/** Development against frame per year, as the pane's chart and its text show it. */
import { developmentPerYear, type Plan } from '../../domain/plan';

export interface FrameRow {
  year: number;
  development: number | null;
  frame: number | null;
}

export function frameRows(plan: Plan): FrameRow[] {
  const dev = developmentPerYear(plan);
  return plan.info.period.years.map((year, i) => ({ year, development: dev[i], frame: plan.frame?.years.get(year)?.development ?? null }));
}
