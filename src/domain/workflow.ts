/**
 * A plan's life (docs/domain.md §1) over its version history: where the plan stands, which label the next row
 * should get, and the row that records a forum's decision.
 *
 * The label is only ever SUGGESTED. The rules below are drawn from the real 2022–2024 histories
 * (shared/samples), which agree on the broad shape and differ in the details:
 *
 * - A draft edit (Utkast, and Inskickad, which sends a fixed draft to a forum) takes the next minor of the
 *   highest label so far: 0.1, 0.2, 0.3 … and, after a decision, 1.1, 1.2 (Kommunikation). The highest,
 *   not the newest, because histories are untidy (a label below an earlier one is only a VERSION_ORDER
 *   warning) and a suggestion must never collide with a label already used. After 0.9 comes 0.10, as labels compare part
 *   by part; whoever wants 1.0 there (Ledning did) types it.
 * - The first TF decision fixes 0.5 when the drafts are below it (Ekonomi: 0.3 → 0.5 "Beslutad i
 *   tjänsteforum"): 0.5 marks "decided by the area, not yet by the city".
 * - Any other approval — PF, BF, or TF once the plan is at 0.5 or above, as in the autumn revision
 *   (Ekonomi 2.0 → 3.0 "efter dialog i TF") — takes the next whole version: 0.5 → 1.0 → 2.0 → 3.0
 *   (Ekonomi, Inköp, Ledning). Inköp's 0.8 decided in PF shows an area may choose otherwise; it may.
 * - A second forum deciding on the very version an earlier forum in the chain TF → PF → BF has just
 *   approved may keep that label, but only when the caller asks (`sameVersion`): the documents give such a
 *   decision the next whole version even "utan ändringar" (Ekonomi 0.5 → 1.0, Inköp 1.0 → 2.0), and each
 *   approved version is published once under its own label.
 * - Återremitterad sends the plan back to draft, so it takes the next minor, like a draft edit: the
 *   returned row opens the next round of drafts and the submitted version's label stays unique to what
 *   was sent (Kommunikation 1.2 → returned by BF → reworked).
 *
 * Hence the one invariant the tests hold every history to: a suggestion is always above every existing
 * label, except the asked-for same-version case, where it equals the highest.
 *
 * The separator follows the newest labelled row, so a history written with a decimal comma (Ledning's
 * 0,1 0,2 0,3) is continued in the same style.
 */
import { readDate } from './dates';
import { finding, type Finding } from './findings';
import { formatTkr, type Tkr } from './money';
import { locate, type TableRef } from './location';
import { checkApprovedWithErrors, checkDecisionLedger } from './rules/decisionLedger';
import { checkVersionHistory } from './rules/versionHistory';
import {
  compareVersions,
  latestApproved,
  parseVersionLabel,
  type Decision,
  type Forum,
  type VersionEntry,
  type VersionLabel,
} from './versions';

/** What the next row records: a controller's draft edit, or a forum's decision. */
export type VersionIntent =
  | { decision: 'Utkast' | 'Inskickad' }
  | { forum: Forum; decision: 'Fastställd' | 'Återremitterad' };

/** Why a label was suggested, so the task pane can say so. */
export type SuggestionReason =
  /** Next minor of the highest label (also the very first draft, 0.1). */
  | 'draft'
  /** TF's first decision: 0.5. */
  | 'tf-decision'
  /** The next whole version. */
  | 'whole-version'
  /** A later forum decides on the version an earlier forum has just approved. */
  | 'same-version'
  /** Återremitterad: back to draft, next minor. */
  | 'returned';

export interface VersionSuggestion {
  label: VersionLabel;
  /** As the history writes labels: `0.4`, or `0,4` after rows with a decimal comma. */
  text: string;
  reason: SuggestionReason;
}

export interface SuggestOptions {
  /**
   * The forum decided on exactly the version the previous forum approved, and the label should stay.
   * Off by default: the documents give a PF/BF decision the next whole version even "utan ändringar"
   * (Ekonomi's 0.5 → 1.0), and each approved version is published once under its own label.
   */
  sameVersion?: boolean;
}

const FORUM_ORDER: Record<Forum, number> = { TF: 0, PF: 1, BF: 2 };
const TF_DECISION: VersionLabel = { major: 0, minor: 5 };

export function suggestNextVersion(
  history: readonly VersionEntry[],
  intent: VersionIntent,
  options: SuggestOptions = {},
): VersionSuggestion {
  const highest = highestLabel(history) ?? { major: 0, minor: 0 };
  const separator = labelSeparator(history);
  const make = (label: VersionLabel, reason: SuggestionReason): VersionSuggestion => ({
    label,
    text: `${label.major}${separator}${label.minor}`,
    reason,
  });
  const nextMinor = { major: highest.major, minor: highest.minor + 1 };

  if (!('forum' in intent)) return make(nextMinor, 'draft');
  if (intent.decision === 'Återremitterad') return make(nextMinor, 'returned');

  const newest = history.length > 0 ? history[history.length - 1] : null;
  if (
    newest &&
    newest.decision === 'Fastställd' &&
    newest.label &&
    newest.forum &&
    FORUM_ORDER[newest.forum] < FORUM_ORDER[intent.forum] &&
    compareVersions(newest.label, highest) === 0 &&
    options.sameVersion === true
  ) {
    return make({ ...newest.label }, 'same-version');
  }
  if (intent.forum === 'TF' && compareVersions(highest, TF_DECISION) < 0) return make({ ...TF_DECISION }, 'tf-decision');
  return make({ major: highest.major + 1, minor: 0 }, 'whole-version');
}

function highestLabel(history: readonly VersionEntry[]): VersionLabel | null {
  let highest: VersionLabel | null = null;
  for (const v of history) {
    if (v.label && (!highest || compareVersions(v.label, highest) > 0)) highest = v.label;
  }
  return highest;
}

function labelSeparator(history: readonly VersionEntry[]): '.' | ',' {
  for (let i = history.length - 1; i >= 0; i--) {
    const v = history[i];
    if (v.label) return /\d,\d/.test(v.labelShown) ? ',' : '.';
  }
  return '.';
}

/**
 * Where the plan stands, as the task pane shows it. `current` is the newest row (table order, as in
 * `latestApproved`); `approved` is the newest approved version, whatever happened since.
 */
export type PlanState =
  | { kind: 'draft'; current: VersionEntry | null; approved: VersionEntry | null }
  | { kind: 'submitted'; current: VersionEntry; approved: VersionEntry | null }
  | { kind: 'approved'; current: VersionEntry; approved: VersionEntry }
  | { kind: 'returned'; current: VersionEntry; approved: VersionEntry | null };

export function planState(history: readonly VersionEntry[]): PlanState {
  const approved = latestApproved(history);
  if (history.length === 0) return { kind: 'draft', current: null, approved };
  const current = history[history.length - 1];
  switch (current.decision) {
    case 'Inskickad':
      return { kind: 'submitted', current, approved };
    case 'Återremitterad':
      return { kind: 'returned', current, approved };
    case 'Fastställd':
      // A decision on a version that cannot be read fixes nothing that could be published.
      return approved === current ? { kind: 'approved', current, approved } : { kind: 'draft', current, approved };
    case 'Utkast':
      return { kind: 'draft', current, approved };
    case null:
      // Rows without Beslut after an approval that keep its label are notes on the approved version
      // (real histories record one version twice); a new label without a decision is a new draft.
      if (approved && notesOn(approved, history)) return { kind: 'approved', current, approved };
      return { kind: 'draft', current, approved };
  }
}

function notesOn(approved: VersionEntry, history: readonly VersionEntry[]): boolean {
  const after = history.slice(history.indexOf(approved) + 1);
  return after.every((v) => v.decision === null && v.label !== null && approved.label !== null && compareVersions(v.label, approved.label) === 0);
}

/** A row for the Versionshantering table, as the task pane collects it. */
export interface DecisionInput {
  /** ISO `YYYY-MM-DD` (other forms a person types, such as `210503`, are read as in the table). */
  date: string;
  version: string;
  description: string;
  changedBy: string;
  forum: Forum | null;
  decision: Decision | null;
}

export interface RecordContext {
  /** The Versionshantering table (`plan.versionTable`): the new row's number and the findings' cells. */
  ref?: TableRef | null;
  /** The plan's findings: approving a plan with errors then yields APPROVED_WITH_ERRORS. */
  planFindings?: readonly Finding[];
}

export interface RecordedDecision {
  /** The row to append (the table contract writes it). */
  entry: VersionEntry;
  /** What is inconsistent about it, located at its cells: the same findings validation will give the row. */
  findings: Finding[];
}

/**
 * The row that records a decision (or a draft edit), and what is wrong with it. Nothing is refused: the
 * history is the users' record, so an inconsistent row is written and reported, never silently changed.
 */
export function recordDecision(
  history: readonly VersionEntry[],
  input: DecisionInput,
  context: RecordContext = {},
): RecordedDecision {
  const ref = context.ref ?? null;
  const lastRow = history.reduce((max, v) => Math.max(max, v.row), 0);
  const row = Math.max(lastRow, ref?.bodyRows ?? 0) + 1;
  const dateText = input.date.trim();
  const date = dateText === '' ? null : readDate(dateText);
  const labelShown = input.version.trim();
  const entry: VersionEntry = {
    row,
    date,
    dateShown: date ?? dateText,
    label: parseVersionLabel(labelShown),
    labelShown,
    description: input.description.trim(),
    changedBy: input.changedBy.trim(),
    forum: input.forum,
    decision: input.decision,
  };

  // Without the table the same checks run on a stand-in and the findings come unplaced.
  const table: TableRef = ref ?? { sheet: '', table: '', headerRow: 0, firstColumn: 1, columns: new Map(), bodyRows: row };
  const findings: Finding[] = [];
  if (dateText !== '' && !date) findings.push(finding('DATE_INVALID', { shown: dateText }, { location: locate(table, row, 'Datum') }));
  if (labelShown !== '' && !entry.label) {
    findings.push(finding('VERSION_INVALID', { shown: labelShown }, { location: locate(table, row, 'Version') }));
  }
  const after = [...history, entry];
  findings.push(...checkVersionHistory(after, table).filter((f) => f.location?.row === row));
  findings.push(...checkDecisionLedger([entry], table));
  if (context.planFindings && latestApproved(after) === entry) {
    findings.push(...checkApprovedWithErrors(after, table, context.planFindings));
  }
  if (!ref) for (const f of findings) delete f.location;
  return { entry, findings };
}

/** Why a decision cannot be recorded: the plan is over its area frame, per year. */
export interface ApprovalRefusal {
  excess: { year: number; excess: Tkr }[];
  /** Swedish, then English: the pane and the CLI say exactly this. */
  message: string;
  messageEn: string;
}

const RULE_SV = 'Beslutsforum fastställer bara en plan som ryms i sin ram; prioritera eller flytta initiativ först.';
const RULE_EN = 'Beslutsforum approves only a plan within its frame; prioritise or defer initiatives first.';

function overFrameYears(planFindings: readonly Finding[]): { year: number; excess: Tkr }[] {
  const byYear = new Map<number, Tkr>();
  for (const f of planFindings) {
    if (f.code === 'OVER_FRAME' && f.year !== undefined && f.excess !== undefined) byYear.set(f.year, Math.max(byYear.get(f.year) ?? 0, f.excess));
  }
  return [...byYear].sort((a, b) => a[0] - b[0]).map(([year, excess]) => ({ year, excess }));
}

const yearsSv = (e: ApprovalRefusal['excess']) => e.map((y) => `${y.year} ${formatTkr(y.excess)} över ram`).join(', ');
const yearsEn = (e: ApprovalRefusal['excess']) => e.map((y) => `${y.year} ${formatTkr(y.excess)} over the frame`).join(', ');

/**
 * A Fastställd at Beslutsforum is refused while the plan is over its area frame in any year (docs/findings.md):
 * before that, being over the frame is the input to prioritisation and only a warning. `planFindings` are
 * the plan's own (its OVER_FRAME findings carry year and excess), so the pane and the CLI refuse alike.
 */
export function overFrameRefusal(intent: Pick<DecisionInput, 'forum' | 'decision'>, planFindings: readonly Finding[]): ApprovalRefusal | null {
  if (intent.forum !== 'BF' || intent.decision !== 'Fastställd') return null;
  const excess = overFrameYears(planFindings);
  if (excess.length === 0) return null;
  return {
    excess,
    message: `Beslutet Fastställd i Beslutsforum registreras inte: planen är över sin ram ${yearsSv(excess)}. ${RULE_SV}`,
    messageEn: `The decision Fastställd at Beslutsforum is not recorded: the plan is over its frame ${yearsEn(excess)}. ${RULE_EN}`,
  };
}

/**
 * APPROVED_OVER_FRAME at the Beslut cell when the history stands at a BF approval (typed in by hand, or made
 * before the frame was cut) and the plan is over its frame: the error that keeps it from being published.
 */
export function checkApprovedOverFrame(history: readonly VersionEntry[], ref: TableRef | null, planFindings: readonly Finding[]): Finding[] {
  const state = planState(history);
  if (state.kind !== 'approved' || state.approved.forum !== 'BF') return [];
  const excess = overFrameYears(planFindings);
  if (excess.length === 0) return [];
  const v = state.approved;
  return [
    finding(
      'APPROVED_OVER_FRAME',
      { version: v.labelShown, years: yearsSv(excess), yearsEn: yearsEn(excess), refusal: RULE_SV, refusalEn: RULE_EN },
      ref ? { location: locate(ref, v.row, 'Beslut') } : {},
    ),
  ];
}
