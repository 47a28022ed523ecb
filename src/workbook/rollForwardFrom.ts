/**
 * Whether the checked workbook can be rolled forward to `to`, and the next period's plan when it can
 * (docs/domain.md §4): only from an approved version whose tables the workbook can show are the ones decided
 * — the history stands at it, or the workbook's own record of it finds no cell changed since. The pane's
 * "Rulla fram" takes it from here; `tjansteplan rollforward` makes the same checks in the same order.
 */
import { periodOf, type Period } from '../domain/period';
import { rollForward, rollForwardRefusal, type RolledPlan } from '../domain/rollforwardPlan';
import { formatVersion, latestApproved } from '../domain/versions';
import { planState } from '../domain/workflow';
import type { PlanCheck } from './checkPlan';
import { rolledPlanTables } from './contract/rolledPlanTables';
import type { TableWrite } from './host';

export type RollForwardRefused =
  | { kind: 'unreadable' }
  | { kind: 'no-approved' }
  /** The history has moved on past the approved `version`, and no record shows the tables still are it. */
  | { kind: 'moved-on'; version: string }
  | { kind: 'not-later' | 'no-overlap'; from: Period };

export type RollForwardResult = { ok: true; rolled: RolledPlan; tables: TableWrite[]; from: Period; version: string } | ({ ok: false } & RollForwardRefused);

export function rollForwardFrom(check: PlanCheck, to: Period, today: string): RollForwardResult {
  const plan = check.plan;
  if (!plan) return { ok: false, kind: 'unreadable' };
  const approved = latestApproved(plan.versions);
  if (!approved) return { ok: false, kind: 'no-approved' };
  const version = approved.label ? formatVersion(approved.label) : approved.labelShown;
  const recorded = check.approval !== null && check.approval.version === version && check.changedSinceApproval.length === 0;
  if (!recorded && planState(plan.versions).kind !== 'approved') return { ok: false, kind: 'moved-on', version };
  const refusal = rollForwardRefusal(plan.info.period, to);
  if (refusal) return { ok: false, kind: refusal, from: plan.info.period };
  const rolled = rollForward(plan, approved, to, today);
  return { ok: true, rolled, tables: rolledPlanTables(rolled), from: plan.info.period, version };
}

/** The period after `p`, as long: what a plan rolls forward to each autumn. */
export function nextPeriod(p: Period): Period {
  return periodOf(p.first + 1, p.last + 1);
}
