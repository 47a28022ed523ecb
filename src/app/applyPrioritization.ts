/**
 * Tillämpa prioriteringsbeslut: a forum's decision carried out in one area's plan (docs/domain.md §3), in two
 * steps with the user between them. `previewPrioritization` finds the decision — the open workbook's own
 * Prioriteringsbeslut or, when it has none and a library is given, the newest of the plan's period there
 * (newestDecision.ts) — and says which cells it would change and which decision rows it leaves alone, writing
 * nothing. `applyPrioritization`, on the user's confirmation, reads the plan again and writes exactly the
 * cells that were shown plus one Versionshantering row (the contract's one writer, versionRow.ts); when the
 * plan has moved under the open dialog it writes nothing, since the user confirmed other figures.
 * Called by the pane's Prioritering (ApplyDecision); no CLI command (see README.md).
 */
import type { Location } from '../domain/location';
import { formatPeriod } from '../domain/period';
import { planApplication, type Application, type CellChange } from '../domain/prioritizationApply';
import type { DecisionRow } from '../domain/prioritizationDecision';
import { locationAddress } from '../domain/sheetAddress';
import { parseVersionLabel, type VersionEntry } from '../domain/versions';
import type { PlanLibrary } from '../publish/planLibrary';
import { readDecision } from '../workbook/contract/prioritizationTables';
import { readPlan } from '../workbook/contract/readPlan';
import { appendVersionRow, versionTable } from '../workbook/contract/versionRow';
import type { InteractiveHost } from '../workbook/host';
import { newestDecision } from './newestDecision';
import { localDay, type Clock } from './ports';
import { messageOf } from '../publish/errors';

export interface PreviewPorts {
  workbook: Pick<InteractiveHost, 'readTables'>;
  /** Where to look when the workbook holds no decision; without it only the workbook's own is used. */
  library?: PlanLibrary | null;
  clock?: Clock;
}

/** The decision as it will be applied: its rows, its forum and meeting date, and where it came from. */
export interface DecisionToApply {
  rows: readonly DecisionRow[];
  info: { forum?: string; date?: string };
  /** The decision's file name in the library; null when it is the open workbook's own. */
  source: string | null;
}

/** What the decision would do to the plan; nothing is written yet. */
export interface Proposal {
  area: string;
  decision: DecisionToApply;
  /** The cells to write (none for nothing-to-apply), the decision rows left alone and the history row to add. */
  application: Application;
  /** Rows of the workbook's decision that cannot be read, one located sentence each (Swedish); not applied. */
  unreadable: string[];
}

export type ReadyPreview = Proposal & { kind: 'ready' };

export type Preview =
  /** The workbook has no Prioriteringsbeslut and there is no library to look in. */
  | { kind: 'no-decision' }
  | { kind: 'no-plan' }
  /** Neither the workbook nor the library has a decision for the plan's period. */
  | { kind: 'no-decision-anywhere'; period: string }
  /** The plan has no Versionshantering table, so the change could not be recorded: nothing is offered. */
  | { kind: 'no-version-table'; area: string }
  /** Every decided cell already holds its amount, or is left alone. */
  | (Proposal & { kind: 'nothing-to-apply' })
  | ReadyPreview;

export async function previewPrioritization(ports: PreviewPorts): Promise<Preview> {
  const tables = await ports.workbook.readTables();
  const inWorkbook = readDecision(tables);
  if (!inWorkbook && !ports.library) return { kind: 'no-decision' };
  const { plan } = readPlan(tables);
  if (!plan) return { kind: 'no-plan' };
  let decision: DecisionToApply;
  if (inWorkbook) {
    decision = { rows: inWorkbook.rows, info: inWorkbook.info, source: null };
  } else {
    const period = formatPeriod(plan.info.period);
    const found = await newestDecision(ports.library!, period);
    if (!found) return { kind: 'no-decision-anywhere', period };
    decision = { rows: found.decision.rows, info: found.decision.info, source: found.document.name };
  }
  if (!plan.versionTable || !versionTable(tables)) return { kind: 'no-version-table', area: plan.info.area };
  const application = planApplication(plan, decision.rows, decision.info, localDay((ports.clock ?? (() => new Date()))()));
  const proposal: Proposal = { area: plan.info.area, decision, application, unreadable: inWorkbook?.problems ?? [] };
  return application.changes.length === 0 ? { kind: 'nothing-to-apply', ...proposal } : { kind: 'ready', ...proposal };
}

export interface ApplyPorts {
  workbook: Pick<InteractiveHost, 'readTables' | 'writeCells' | 'appendTableRows'>;
}

export type ApplyResult =
  | { kind: 'no-plan' }
  /**
   * The plan is not what the preview showed any more (a cell edited, a row moved, a version added while the
   * dialog was open): nothing is written. `cells` are where it differs; `version` is set when the next
   * version label is no longer the one shown.
   */
  | { kind: 'changed-since'; cells: Location[]; version: { shown: string; now: string } | null }
  | {
      kind: 'applied';
      /** The cells written, as shown in the preview. */
      changes: CellChange[];
      entry: VersionEntry;
      /** Why the Versionshantering row could not be added after the cells were written (null when it was). */
      historyNotAdded: string | null;
    };

const changeKey = (c: CellChange) => `${locationAddress(c.location)}|${c.before}|${c.after}`;

export async function applyPrioritization(preview: ReadyPreview, ports: ApplyPorts): Promise<ApplyResult> {
  const { workbook } = ports;
  const shown = preview.application;
  const tables = await workbook.readTables();
  const { plan } = readPlan(tables);
  const table = versionTable(tables);
  if (!plan || !table) return { kind: 'no-plan' };
  // The same decision on the plan as it is now, dated as the preview was: any difference is the plan's.
  const now = planApplication(plan, preview.decision.rows, preview.decision.info, shown.versionRow.date);
  const shownKeys = new Set(shown.changes.map(changeKey));
  const nowKeys = new Set(now.changes.map(changeKey));
  const differ = [...shown.changes.filter((c) => !nowKeys.has(changeKey(c))), ...now.changes.filter((c) => !shownKeys.has(changeKey(c)))];
  const cells = [...new Map(differ.map((c) => [locationAddress(c.location), c.location])).values()];
  const version = now.versionRow.version === shown.versionRow.version ? null : { shown: shown.versionRow.version, now: now.versionRow.version };
  if (cells.length > 0 || version) return { kind: 'changed-since', cells, version };

  await workbook.writeCells(shown.changes.map((c) => ({ sheet: c.location.sheet, address: c.location.address!, value: c.after })));
  const r = shown.versionRow;
  const entry: VersionEntry = { row: 0, date: r.date, dateShown: r.date, label: parseVersionLabel(r.version), labelShown: r.version, description: r.description, changedBy: '', forum: null, decision: r.decision };
  let historyNotAdded: string | null = null;
  try {
    await appendVersionRow(workbook, table, entry);
  } catch (e) {
    // The user's confirmed cells are written: a refused row is told, not thrown, so they know to add it.
    historyNotAdded = messageOf(e);
  }
  return { kind: 'applied', changes: shown.changes, entry, historyNotAdded };
}
