/** Read and validate the plan in any host: what the task pane's "Kontrollera" and the CLI's validate share. */
import { bySeverity, type Finding } from '../domain/findings';
import { frameForArea, type CityFrame } from '../domain/frame';
import type { Plan } from '../domain/plan';
import { validatePlan } from '../domain/validate';
import { readPlan } from './contract/readPlan';
import type { RawTable, WorkbookHost } from './host';

export interface PlanCheck {
  plan: Plan | null;
  findings: Finding[];
}

export function checkTables(tables: readonly RawTable[], cityFrame?: CityFrame | null): PlanCheck {
  const { plan, findings } = readPlan(tables);
  if (plan) {
    // With finance's frame at hand, an area it does not know (a misspelt name, say) has no frame at all.
    const frame = cityFrame ? (frameForArea(cityFrame, plan.info.area) ?? { area: plan.info.area, years: new Map(), ref: plan.initiativeTable }) : null;
    findings.push(...validatePlan(plan, { frame }));
  }
  // Stable sort: errors first, each group in the order of the workbook.
  return { plan, findings: findings.sort(bySeverity) };
}

export async function checkWorkbook(host: WorkbookHost, cityFrame?: CityFrame | null): Promise<PlanCheck> {
  return checkTables(await host.readTables(), cityFrame);
}
