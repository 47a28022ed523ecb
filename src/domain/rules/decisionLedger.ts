/**
 * The decision ledger: the Forum and Beslut columns of the version history read as a record of who decided
 * what. The history-only checks (`checkDecisionLedger`) run in validatePlan; the two that need data from
 * elsewhere (the plan's findings, the library's published versions) are separate so that validation stays
 * a function of the workbook alone.
 *
 * All but APPROVED_WITH_ERRORS are warnings: real histories predate the Forum and Beslut columns and are
 * untidy, and a draft is valid before anyone has decided on it. An approved plan with errors is an error
 * because docs/findings.md says such a plan must not be approved.
 */
import { finding, hasErrors, type Finding, type FindingExtras } from '../findings';
import { locate, type TableRef } from '../location';
import { compareVersions, latestApproved, parseVersionLabel, type VersionEntry, type VersionLabel } from '../versions';

const FORUM = 'Forum';
const DECISION = 'Beslut';
const VERSION = 'Version';

/** A forum's decision, as opposed to the controller's own Utkast / Inskickad. */
export function isForumDecision(v: Pick<VersionEntry, 'decision'>): boolean {
  return v.decision === 'Fastställd' || v.decision === 'Återremitterad';
}

function at(ref: TableRef | null, row: number, column: string): FindingExtras {
  return ref ? { location: locate(ref, row, column) } : {};
}

/** Row by row: a decision needs a forum and a version, and a forum needs a decision. */
export function checkDecisionLedger(history: readonly VersionEntry[], ref: TableRef | null): Finding[] {
  const findings: Finding[] = [];
  for (const v of history) {
    // A Forum or Beslut that could not be read is reported as DECISION_INVALID where it stands, not again here.
    if (isForumDecision(v) && v.forum === null && !v.forumShown) {
      findings.push(finding('DECISION_WITHOUT_FORUM', { decision: v.decision ?? '', version: v.labelShown || '–' }, at(ref, v.row, FORUM)));
    }
    if (v.forum !== null && v.decision === null && !v.decisionShown) {
      findings.push(finding('FORUM_WITHOUT_DECISION', { forum: v.forum, version: v.labelShown || '–' }, at(ref, v.row, DECISION)));
    }
    // An unreadable label is VERSION_INVALID already; only an empty one is this ledger's to report.
    if (isForumDecision(v) && v.labelShown.trim() === '') {
      findings.push(finding('DECISION_WITHOUT_VERSION', { decision: v.decision ?? '' }, at(ref, v.row, VERSION)));
    }
  }
  return findings;
}

/**
 * APPROVED_WITH_ERRORS at the Beslut cell of the newest approved version, when `approvedFindings` (the
 * findings of that version's plan: the workbook's own when it is still at that version, or the published
 * snapshot's) hold an error.
 */
export function checkApprovedWithErrors(
  history: readonly VersionEntry[],
  ref: TableRef | null,
  approvedFindings: readonly Finding[],
): Finding[] {
  const approved = latestApproved(history);
  if (!approved || !hasErrors(approvedFindings)) return [];
  const count = approvedFindings.filter((f) => f.severity === 'error').length;
  return [finding('APPROVED_WITH_ERRORS', { version: approved.labelShown, count }, at(ref, approved.row, DECISION))];
}

/**
 * DECISION_UNPUBLISHED for every approved version whose label is not among `publishedLabels` (the library's
 * `Version` column for this area and period; finding them is the publisher's business). Labels compare as
 * versions, so `0,5` in the workbook is `0.5` in the library. When two forums approved the same version it
 * is one file, so one finding, at the newest row that approved it.
 */
export function checkDecisionsPublished(
  history: readonly VersionEntry[],
  ref: TableRef | null,
  publishedLabels: Iterable<string>,
): Finding[] {
  const published: VersionLabel[] = [];
  for (const text of publishedLabels) {
    const label = parseVersionLabel(text);
    if (label) published.push(label);
  }
  const isPublished = (label: VersionLabel) => published.some((p) => compareVersions(p, label) === 0);
  const newestRowOf = new Map<string, VersionEntry>();
  for (const v of history) {
    if (v.decision !== 'Fastställd' || !v.label || isPublished(v.label)) continue;
    const key = `${v.label.major}.${v.label.minor}`;
    newestRowOf.set(key, v);
  }
  return [...newestRowOf.values()]
    .sort((a, b) => a.row - b.row)
    .map((v) => finding('DECISION_UNPUBLISHED', { version: v.labelShown, forum: v.forum ?? undefined }, at(ref, v.row, VERSION)));
}
