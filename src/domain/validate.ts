/** All plan rules in one call: what "Kontrollera" and `tjansteplan validate` run after reading the tables. */
import type { Finding } from './findings';
import type { AreaFrame, Plan } from './plan';
import { checkDecisionLedger } from './rules/decisionLedger';
import { checkFrame } from './rules/frame';
import { checkInitiatives } from './rules/initiatives';
import { checkPriorities } from './rules/priority';
import { checkStatedSums } from './rules/statedSums';
import { checkVersionHistory } from './rules/versionHistory';

export interface ValidateOptions {
  /** Finance's frame for this area; without it the plan's own Ram table is the frame. */
  frame?: AreaFrame | null;
}

export function validatePlan(plan: Plan, options: ValidateOptions = {}): Finding[] {
  return [
    ...checkInitiatives(plan),
    ...checkPriorities(plan),
    ...checkStatedSums(plan),
    ...checkFrame(plan, options.frame ?? null),
    ...checkVersionHistory(plan.versions, plan.versionTable),
    ...checkDecisionLedger(plan.versions, plan.versionTable),
  ];
}
