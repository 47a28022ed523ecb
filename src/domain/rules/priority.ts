/** PRIORITY_INVALID: a Prioritet cell the forum's proposal cannot read, pointed out where it stands. */
import { finding, type Finding } from '../findings';
import { locate } from '../location';
import type { Plan } from '../plan';

const PRIORITY_COLUMN = 'Prioritet';

export function checkPriorities(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  for (const r of plan.initiatives) {
    const shown = r.priorityShown?.trim() ?? '';
    if (shown === '' || r.priority || r.isStatedSum) continue;
    findings.push(finding('PRIORITY_INVALID', { shown }, { location: locate(plan.initiativeTable, r.row, PRIORITY_COLUMN) }));
  }
  return findings;
}
