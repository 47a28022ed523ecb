/**
 * Roll-forward: each autumn next period's plan starts from this one's approved version. The same area and
 * initiatives (Nr, name, comment, Prioritet), each with the amounts of the years the two periods share and
 * empty cells for the new years, a fresh history, and the approved figures of the shared years kept as the
 * indicative figures the new plan is compared with (INDICATIVE_DIFFERS, rollforward.ts).
 */
import type { Tkr } from './money';
import { formatPeriod, type Period } from './period';
import type { Plan } from './plan';
import type { Priority } from './prioritizationClass';
import type { IndicativeRow } from './rollforward';
import { formatVersion, type VersionEntry } from './versions';

export interface RolledInitiative {
  nr: string;
  name: string;
  development: (Tkr | null)[];
  maintenance: (Tkr | null)[];
  comment: string;
  priority: Priority | null;
  isStatedSum: boolean;
}

export interface RolledPlan {
  area: string;
  period: Period;
  owner: string;
  securityLevel: string;
  initiatives: RolledInitiative[];
  indicative: IndicativeRow[];
  /** The one row of the new history. */
  history: { date: string; version: string; description: string; changedBy: string };
}

export type RollForwardRefusal = 'not-later' | 'no-overlap';

export function rollForwardRefusal(from: Period, to: Period): RollForwardRefusal | null {
  if (to.first <= from.first) return 'not-later';
  if (to.first > from.last) return 'no-overlap';
  return null;
}

/**
 * `plan` must be the approved version `approved` (the caller checks that the tables are what the forum
 * decided). Stated sums are added up again from their rows in the new years, so the new plan starts without
 * a sum that disagrees with its rows; the new years' cells stay empty.
 */
export function rollForward(plan: Plan, approved: VersionEntry, to: Period, today: string): RolledPlan {
  const refusal = rollForwardRefusal(plan.info.period, to);
  if (refusal) throw new RangeError(refusal);
  const from = plan.info.period.years;
  const carry = (amounts: readonly (Tkr | null)[]) => to.years.map((y) => (from.includes(y) ? amounts[from.indexOf(y)] ?? null : null));
  const carried = plan.initiatives.map((r) => ({
    nr: r.nr,
    name: r.name,
    development: carry(r.development),
    maintenance: plan.maintenanceStated === false ? to.years.map(() => null) : carry(r.maintenance),
    comment: r.comment,
    priority: r.priority ?? null,
    isStatedSum: r.isStatedSum,
  }));
  let blockStart = 0;
  carried.forEach((r, k) => {
    if (!r.isStatedSum) return;
    const above = carried.slice(blockStart, k).filter((x) => !x.isStatedSum);
    const sum = (field: 'development' | 'maintenance', i: number) =>
      to.years[i] > plan.info.period.last || (field === 'maintenance' && plan.maintenanceStated === false) ? null : above.reduce((s, x) => s + (x[field][i] ?? 0), 0);
    r.development = to.years.map((_, i) => sum('development', i));
    r.maintenance = to.years.map((_, i) => sum('maintenance', i));
    blockStart = k + 1;
  });
  const version = approved.label ? formatVersion(approved.label) : approved.labelShown;
  return {
    area: plan.info.area,
    period: to,
    owner: plan.info.owner,
    securityLevel: plan.info.securityLevel,
    initiatives: carried,
    indicative: carried.filter((r) => !r.isStatedSum).map((r) => ({ nr: r.nr, name: r.name, development: r.development })),
    history: {
      date: today,
      version: '0.1',
      description: `Upprättad från tjänsteplan ${formatPeriod(plan.info.period)} v${version}`,
      changedBy: plan.info.owner,
    },
  };
}

