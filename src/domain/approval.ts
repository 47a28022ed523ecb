/**
 * The approved version as the workbook itself remembers it (fastställd version): which version, which forum
 * decided and when, the canonical form of the tables it decided on and their fingerprint. The add-in records
 * it when a forum's Fastställd is entered (or an approved version is published without one) and every check
 * compares the tables with it, so a later edit is seen even after the file was saved, closed and reopened,
 * and without any library at hand. Nothing is locked: the comparison only tells.
 */
import { canonicalForm, changedCells, fingerprint, normalizeText, CANONICAL_SCHEMA, type CanonicalPlan, type ChangedCells } from './fingerprint';
import { formatPeriod } from './period';
import { finding, type Finding } from './findings';
import type { Plan } from './plan';
import { SNAPSHOT_SCHEMA, type PlanSnapshot } from './snapshot';
import { compareVersions, formatVersion, parseVersionLabel, type VersionEntry } from './versions';
import { planState } from './workflow';

export const APPROVAL_SCHEMA = 'tjansteplan.approval/1';

export interface ApprovalRecord {
  schema: typeof APPROVAL_SCHEMA;
  /** As published: `1.0`, never `1,0`. */
  version: string;
  forum: string | null;
  /** ISO date of the decision, when the history gives one. */
  date: string | null;
  /** SHA-256 of the canonical text of `tables` (fingerprint.ts): the same value the published snapshot carries. */
  fingerprint: string;
  tables: CanonicalPlan;
}

/** The record of `approved` (a Fastställd row of the plan's history) with the tables as they are now. */
export async function approvalOf(plan: Plan, approved: VersionEntry): Promise<ApprovalRecord> {
  return {
    schema: APPROVAL_SCHEMA,
    version: approved.label ? formatVersion(approved.label) : approved.labelShown,
    forum: approved.forum ?? null,
    date: approved.date ?? null,
    fingerprint: await fingerprint(plan),
    tables: canonicalForm(plan),
  };
}

/** A record read back from the workbook, checked field by field; null when it is not one (edited, cut short). */
export function approvalFrom(value: unknown): ApprovalRecord | null {
  if (!isRecord(value) || value.schema !== APPROVAL_SCHEMA) return null;
  const { version, forum, date, fingerprint: fp, tables } = value;
  if (typeof version !== 'string' || version === '' || typeof fp !== 'string' || !/^[0-9a-f]{64}$/.test(fp)) return null;
  if (!(forum === null || typeof forum === 'string') || !(date === null || typeof date === 'string')) return null;
  if (!isCanonicalPlan(tables)) return null;
  return { schema: APPROVAL_SCHEMA, version, forum, date, fingerprint: fp, tables };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAmount = (v: unknown) => v === null || Number.isSafeInteger(v);
const isAmounts = (v: unknown, n: number) => Array.isArray(v) && v.length === n && v.every(isAmount);

/** The shape `changedCells` reads, checked field by field: a damaged record must not pass for a plan. */
function isCanonicalPlan(v: unknown): v is CanonicalPlan {
  if (!isRecord(v) || v.schema !== CANONICAL_SCHEMA || v.unit !== 'tkr') return false;
  if (typeof v.area !== 'string' || typeof v.period !== 'string') return false;
  if (!Array.isArray(v.years) || !v.years.every((y) => Number.isInteger(y))) return false;
  const n = v.years.length;
  const initiativesOk =
    Array.isArray(v.initiatives) &&
    v.initiatives.every(
      (r) =>
        isRecord(r) &&
        typeof r.nr === 'string' &&
        typeof r.name === 'string' &&
        typeof r.comment === 'string' &&
        typeof r.isStatedSum === 'boolean' &&
        isAmounts(r.development, n) &&
        isAmounts(r.maintenance, n),
    );
  const frameOk =
    Array.isArray(v.frame) && v.frame.every((f) => isRecord(f) && Number.isInteger(f.year) && isAmount(f.development) && isAmount(f.operations));
  return initiativesOk && frameOk;
}

/**
 * Whether a record is this plan's: the same area and period, and a version its history approved. A record
 * that came along when last period's workbook was copied to start the next one is not, and is not compared
 * (it is replaced the next time a Fastställd decision is recorded).
 */
export function recordApplies(record: ApprovalRecord, plan: Plan): boolean {
  const area = normalizeText(plan.info.area).toLocaleLowerCase('sv');
  if (record.tables.area.toLocaleLowerCase('sv') !== area || record.tables.period !== formatPeriod(plan.info.period)) return false;
  const label = parseVersionLabel(record.version);
  return label !== null && plan.versions.some((v) => v.decision === 'Fastställd' && v.label !== null && compareVersions(v.label, label) === 0);
}

/**
 * CHANGED_SINCE_APPROVAL when the workbook's tables differ from an approved version (the workbook's own
 * record or a published snapshot), located at the first differing cell (`changedCells` gives them all; a
 * caller that has them passes them in).
 * Info while the plan is a new draft, where changes are the point; a warning when the history says the
 * workbook IS that approved version (its newest row approves it), because then the tables no longer show
 * what the forum decided.
 */
export function checkChangedSinceApproval(
  approved: ApprovalRecord | PlanSnapshot,
  plan: Plan,
  changed: ChangedCells = changedCells(approved.schema === SNAPSHOT_SCHEMA ? approved : approved.tables, plan),
): Finding[] {
  const { count, cells } = changed;
  if (count === 0) return [];
  const location = cells.find((l) => l.address) ?? cells[0];
  const severity = isStillThatVersion(approved.version, plan) ? 'warning' : 'info';
  return [finding('CHANGED_SINCE_APPROVAL', { count, version: approved.version }, { location, severity })];
}

/** Whether the history's newest row approves exactly this version. */
export function isStillThatVersion(version: string, plan: Plan): boolean {
  const state = planState(plan.versions);
  const label = parseVersionLabel(version);
  return state.kind === 'approved' && label !== null && state.approved.label !== null && compareVersions(state.approved.label, label) === 0;
}
