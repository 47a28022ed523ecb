/** Read and validate the plan in any host: what the task pane's "Kontrollera" and the CLI's validate share. */
import { checkChangedSinceApproval, recordApplies, type ApprovalRecord } from '../domain/approval';
import { changedCells } from '../domain/fingerprint';
import { bySeverity, type Finding } from '../domain/findings';
import type { Location } from '../domain/location';
import { frameForArea, type CityFrame } from '../domain/frame';
import type { Plan } from '../domain/plan';
import { validatePlan } from '../domain/validate';
import { checkIndicative } from '../domain/rollforward';
import { readApproval } from './contract/approvalTable';
import { readIndicative } from './contract/indicativeTable';
import { readPlan } from './contract/readPlan';
import type { RawTable, WorkbookHost } from './host';

export interface PlanCheck {
  plan: Plan | null;
  findings: Finding[];
  /** The approved version the workbook itself records (Fastställd), when it has a readable one of this plan. */
  approval: ApprovalRecord | null;
  /** Every cell that differs from `approval` (empty without one): what Markera marks. */
  changedSinceApproval: Location[];
}

export function checkTables(tables: readonly RawTable[], cityFrame?: CityFrame | null): PlanCheck {
  const { plan, findings } = readPlan(tables);
  if (plan) {
    // With finance's frame at hand, an area it does not know (a misspelt name, say) has no frame at all.
    const frame = cityFrame ? (frameForArea(cityFrame, plan.info.area) ?? { area: plan.info.area, years: new Map(), ref: plan.initiativeTable }) : null;
    findings.push(...validatePlan(plan, { frame }));
  }
  if (plan) {
    // A plan rolled forward from an approved one is compared with the figures it carried (Indikativ).
    const indicative = readIndicative(tables, plan.info.period.years, findings);
    if (indicative) findings.push(...checkIndicative(plan, indicative.rows, indicative.source));
  }
  const reading = readApproval(tables);
  findings.push(...reading.findings);
  const approval = plan && reading.record && recordApplies(reading.record, plan) ? reading.record : null;
  const changed = plan && approval ? changedCells(approval.tables, plan) : null;
  if (plan && approval && changed) findings.push(...checkChangedSinceApproval(approval, plan, changed));
  // Stable sort: errors first, each group in the order of the workbook.
  return { plan, findings: findings.sort(bySeverity), approval, changedSinceApproval: changed?.cells ?? [] };
}

export async function checkWorkbook(host: Pick<WorkbookHost, 'readTables'>, cityFrame?: CityFrame | null): Promise<PlanCheck> {
  return checkTables(await host.readTables(), cityFrame);
}
