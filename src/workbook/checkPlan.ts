/** Read and validate the plan in any host: what the task pane's "Kontrollera" and the CLI's validate share. */
import { checkChangedSinceApproval, recordApplies, type ApprovalRecord } from '../domain/approval';
import { bySeverity, type Finding } from '../domain/findings';
import { frameForArea, type CityFrame } from '../domain/frame';
import type { Plan } from '../domain/plan';
import { validatePlan } from '../domain/validate';
import { readApproval } from './contract/approvalTable';
import { readPlan } from './contract/readPlan';
import type { RawTable, WorkbookHost } from './host';

export interface PlanCheck {
  plan: Plan | null;
  findings: Finding[];
  /** The approved version the workbook itself records (Fastställd), when it has a readable one of this plan. */
  approval: ApprovalRecord | null;
}

export function checkTables(tables: readonly RawTable[], cityFrame?: CityFrame | null): PlanCheck {
  const { plan, findings } = readPlan(tables);
  if (plan) {
    // With finance's frame at hand, an area it does not know (a misspelt name, say) has no frame at all.
    const frame = cityFrame ? (frameForArea(cityFrame, plan.info.area) ?? { area: plan.info.area, years: new Map(), ref: plan.initiativeTable }) : null;
    findings.push(...validatePlan(plan, { frame }));
  }
  const reading = readApproval(tables);
  findings.push(...reading.findings);
  const approval = plan && reading.record && recordApplies(reading.record, plan) ? reading.record : null;
  if (plan && approval) findings.push(...checkChangedSinceApproval(approval, plan));
  // Stable sort: errors first, each group in the order of the workbook.
  return { plan, findings: findings.sort(bySeverity), approval };
}

export async function checkWorkbook(host: WorkbookHost, cityFrame?: CityFrame | null): Promise<PlanCheck> {
  return checkTables(await host.readTables(), cityFrame);
}
