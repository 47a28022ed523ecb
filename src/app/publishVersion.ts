/**
 * Publicera: the workbook's newest approved version into the library, through the outbox (docs/graph.md §1).
 * Called by the pane's Publicering (usePublishing) and by `tjansteplan publish` (src/cli/publish.ts).
 *
 * Read and check the plan; keep the approval's tables in the workbook first when the history proves them
 * and no record exists yet (where the caller can write the workbook), so the published copy carries it; build
 * the request (prepare.ts refuses what is not provably the approved version); then deliver it.
 */
import { approvalOf } from '../domain/approval';
import { preparePublication, versionToPublish, type Refusal } from '../publish/prepare';
import { checkWorkbook, type PlanCheck } from '../workbook/checkPlan';
import { approvalTable } from '../workbook/contract/approvalTable';
import type { WorkbookHost } from '../workbook/host';
import { deliver, type Delivery } from './deliver';
import type { Publishing } from './ports';
import { messageOf } from '../publish/errors';

export interface PublishPorts extends Publishing {
  workbook: Pick<WorkbookHost, 'readTables'> & Partial<Pick<WorkbookHost, 'writeHiddenTable'>>;
  /** The bytes published: taken after the record is kept (the pane), or those that were checked (the CLI). */
  fileBytes(): Promise<Uint8Array>;
  /**
   * Write the approval's record into the workbook when it is missing: the pane, whose workbook is the user's
   * open one. The CLI publishes the file as it is and never writes it.
   */
  keepApproval?: boolean;
}

export type PublishResult =
  | { kind: 'no-plan'; check: PlanCheck }
  | { kind: 'refused'; refusal: Refusal; check: PlanCheck }
  /** The record of the approval could not be written: nothing was published. */
  | { kind: 'record-failed'; reason: string; check: PlanCheck }
  | (Delivery & { check: PlanCheck });

export async function publishVersion(ports: PublishPorts): Promise<PublishResult> {
  const check = await checkWorkbook(ports.workbook);
  const { plan, findings, approval } = check;
  if (!plan) return { kind: 'no-plan', check };
  // A version approved before the add-in kept a record (typed in by hand, say) while the history still
  // ends with it gets one now, before the file is taken, so the published copy carries it too.
  const publishable = versionToPublish(plan, findings, approval);
  const write = ports.workbook.writeHiddenTable?.bind(ports.workbook);
  if (ports.keepApproval && write && publishable.ok && publishable.recordNeeded) {
    try {
      await write(approvalTable(await approvalOf(plan, publishable.approved)));
    } catch (e) {
      return { kind: 'record-failed', reason: messageOf(e), check };
    }
  }
  if (!publishable.ok) return { kind: 'refused', refusal: publishable, check };
  const prepared = await preparePublication(plan, findings, approval, await ports.fileBytes());
  if (!prepared.ok) return { kind: 'refused', refusal: prepared, check };
  return { ...(await deliver(prepared.request, ports)), check };
}
