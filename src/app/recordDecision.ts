/**
 * Registrera beslut: one Versionshantering row for a draft edit or a forum's decision (docs/domain.md §1).
 * Called by the pane's Publicering (DecisionForm through usePublishing) and Granskning (the approved change
 * note, through useRecordDecision); the CLI has no command that records a decision.
 *
 * Read and check the plan; refuse an approval of a plan with errors and a Beslutsforum approval over the
 * frame; write the row (the contract's one writer, versionRow.ts); then, for an approval, keep its tables in
 * the workbook (approvalTable), and for a version sent to a forum or returned by one, publish it as it now
 * stands (Beslut Inskickad / Återremitterad, the forum, the row's date) so the forum sees what it decides on.
 * An approval is published by publishVersion, when the user asks.
 */
import { approvalOf } from '../domain/approval';
import type { Finding } from '../domain/findings';
import type { Decision, Forum, VersionEntry } from '../domain/versions';
import { overFrameRefusal, recordDecision as recordRow, suggestNextVersion, type ApprovalRefusal } from '../domain/workflow';
import { PUBLISHED_BEFORE_APPROVAL } from '../publish/planLibrary';
import { prepareForumVersion, type Refusal } from '../publish/prepare';
import { checkWorkbook, type PlanCheck } from '../workbook/checkPlan';
import { approvalTable } from '../workbook/contract/approvalTable';
import { appendVersionRow, versionTable } from '../workbook/contract/versionRow';
import type { InteractiveHost } from '../workbook/host';
import { deliver, type Delivery } from './deliver';
import { localDay, type Clock, type Publishing } from './ports';
import { messageOf } from '../publish/errors';

export interface DecisionRequest {
  /** ISO `YYYY-MM-DD` or as a person types it; the clock's day when left out. */
  date?: string;
  /** The label as typed; the suggested next label when left out. */
  version?: string;
  description: string;
  changedBy: string;
  forum: Forum | null;
  decision: Decision | null;
}

export interface RecordPorts {
  workbook: Pick<InteractiveHost, 'readTables' | 'appendTableRows' | 'writeHiddenTable' | 'fileBytes'>;
  clock?: Clock;
  /** Where a version before a forum is published; without it (no library configured) nothing is. */
  publishing?: Publishing | null;
}

/** What became of publishing the version a forum has in front of it. */
export type ForumPublication =
  | { kind: 'refused'; refusal: Refusal }
  /** It could not be taken or kept (no file from this Excel, the outbox unavailable): the row stands. */
  | { kind: 'not-sent'; reason: string }
  | Delivery;

export type RecordResult =
  | { kind: 'no-plan' | 'no-version-table'; check: PlanCheck }
  /** Fastställd of a plan with errors: an approval must be of a plan without errors. */
  | { kind: 'approve-with-errors'; errors: number; check: PlanCheck }
  | { kind: 'over-frame'; refusal: ApprovalRefusal; check: PlanCheck }
  | {
      kind: 'recorded';
      entry: VersionEntry;
      /** What is inconsistent about the new row, at its cells. */
      findings: Finding[];
      /** Why an approval's tables could not be kept in the workbook (the row is written all the same). */
      approvalNotKept: string | null;
      /** Set when the decision sends the version to a forum or returns it, and a library is configured. */
      publication: ForumPublication | null;
    };


export async function recordDecision(request: DecisionRequest, ports: RecordPorts): Promise<RecordResult> {
  const { workbook } = ports;
  const tables = await workbook.readTables();
  const check = await checkWorkbook({ readTables: () => Promise.resolve(tables) });
  const { plan, findings: planFindings } = check;
  if (!plan) return { kind: 'no-plan', check };
  const table = versionTable(tables);
  if (!plan.versionTable || !table) return { kind: 'no-version-table', check };
  const errors = planFindings.filter((f) => f.severity === 'error').length;
  if (request.decision === 'Fastställd' && errors > 0) return { kind: 'approve-with-errors', errors, check };
  const refusal = overFrameRefusal(request, planFindings);
  if (refusal) return { kind: 'over-frame', refusal, check };

  const intent = request.forum && (request.decision === 'Fastställd' || request.decision === 'Återremitterad') ? { forum: request.forum, decision: request.decision } : { decision: 'Utkast' as const };
  const input = {
    ...request,
    date: request.date ?? localDay((ports.clock ?? (() => new Date()))()),
    version: request.version ?? suggestNextVersion(plan.versions, intent).text,
  };
  const { entry, findings } = recordRow(plan.versions, input, { ref: plan.versionTable, planFindings });
  await appendVersionRow(workbook, table, entry);

  let approvalNotKept: string | null = null;
  if (entry.decision === 'Fastställd') {
    // The row is written: a failure to keep the tables is told, not thrown.
    try {
      await workbook.writeHiddenTable(approvalTable(await approvalOf(plan, entry)));
    } catch (e) {
      approvalNotKept = messageOf(e);
    }
  }
  const publication = ports.publishing && entry.forum && entry.decision && PUBLISHED_BEFORE_APPROVAL.includes(entry.decision) ? await publishForumVersion(entry, ports.workbook, ports.publishing) : null;
  return { kind: 'recorded', entry, findings, approvalNotKept, publication };
}

/** The workbook as it stands with the new row: what the forum has in front of it. */
async function publishForumVersion(entry: VersionEntry, workbook: RecordPorts['workbook'], publishing: Publishing): Promise<ForumPublication> {
  try {
    const now = await checkWorkbook(workbook);
    if (!now.plan) return { kind: 'not-sent', reason: 'planen kan inte läsas efter den nya raden' };
    const prepared = await prepareForumVersion(now.plan, now.findings, entry, await workbook.fileBytes());
    if (!prepared.ok) return { kind: 'refused', refusal: prepared };
    return await deliver(prepared.request, publishing);
  } catch (e) {
    return { kind: 'not-sent', reason: messageOf(e) };
  }
}
