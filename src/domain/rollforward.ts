/**
 * Roll-forward (docs/domain.md §4): the indicative figures a rolled-forward plan is compared with
 * (INDICATIVE_DIFFERS). Making next period's plan is `rollforwardPlan.ts`, a module of its own so that the
 * task pane, which checks every plan against its indicative figures, loads it only when it rolls a plan forward.
 */
import { finding, type Finding } from './findings';
import { locate, type TableRef } from './location';
import type { Tkr } from './money';
import { developmentColumn, type Plan } from './plan';

/** An initiative's approved development in the years of the new period the old one had (null elsewhere). */
export interface IndicativeRow {
  nr: string;
  name: string;
  development: (Tkr | null)[];
}

const key = (nr: string, name: string) => (nr.trim() !== '' ? `nr:${nr.trim()}` : `name:${name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv')}`);

/**
 * INDICATIVE_DIFFERS (info) for every initiative and year whose development differs from the indicative
 * figure it was rolled forward with, at the plan's cell; matched by Nr, or by name where there is none.
 */
export function checkIndicative(plan: Plan, indicative: readonly IndicativeRow[], source: string): Finding[] {
  const byKey = new Map(indicative.map((r) => [key(r.nr, r.name), r]));
  const findings: Finding[] = [];
  for (const r of plan.initiatives) {
    if (r.isStatedSum) continue;
    const ind = byKey.get(key(r.nr, r.name));
    if (!ind) continue;
    plan.info.period.years.forEach((year, i) => {
      const was = ind.development[i];
      const now = r.development[i];
      if (was === null || was === undefined || now === null || now === was) return;
      findings.push(
        finding(
          'INDICATIVE_DIFFERS',
          { name: r.nr ? `${r.nr} ${r.name}` : r.name, year, now, was, delta: now - was, source },
          { location: locate(plan.initiativeTable as TableRef, r.row, developmentColumn(year)), year },
        ),
      );
    });
  }
  return findings;
}
