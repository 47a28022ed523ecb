/**
 * From a checked workbook to what the library receives: the newest approved version (the last Fastställd
 * row of Versionshantering), its list-item columns, the file name and the snapshot. A plan with an error
 * finding, without an approved version, or whose tables cannot be shown to be that version (see
 * versionToPublish) is not published. Also a version sent to a forum or returned by one, as the row that
 * records it is written (prepareForumVersion). Used by src/app/publishVersion.ts and recordDecision.ts.
 */
import { isStillThatVersion, type ApprovalRecord } from '../domain/approval';
import { changedCells, fingerprint } from '../domain/fingerprint';
import { hasErrors, type Finding } from '../domain/findings';
import { formatPeriod } from '../domain/period';
import type { Plan } from '../domain/plan';
import { snapshotOf } from '../domain/snapshot';
import { formatVersion, latestApproved, type VersionEntry, type VersionLabel } from '../domain/versions';
import { sha256Hex } from './hash';
import { fileNameOf, type PublishedFields, type PublishRequest } from './planLibrary';

export type Preparation = { ok: true; request: PublishRequest; approved: VersionEntry } | Refusal;

/** Why a version is not published: `message` in Swedish, `messageEn` in English (as findings have them). */
export type Refusal = {
  ok: false;
  reason: 'errors' | 'not-approved' | 'changed' | 'moved-on' | 'record-unreadable' | 'no-version';
  message: string;
  messageEn: string;
};

export interface Publishable {
  ok: true;
  approved: VersionEntry & { label: VersionLabel };
  /**
   * True when the workbook keeps no record of this approval yet, and its history says the tables are that
   * version (its newest row approves it): the add-in records it before the file is taken.
   */
  recordNeeded: boolean;
}

/**
 * The version a publication would carry, or why there is none to publish. The tables must be provably the
 * approved ones: equal to the workbook's record of that approval, or, without a record, the history's
 * newest row must be that approval. A history that has moved on (a draft row after it) with no record
 * cannot show that the tables are still what the forum decided, so it is refused, never guessed.
 */
function errorsRefusal(findings: readonly Finding[]): Refusal {
  const n = findings.filter((f) => f.severity === 'error').length;
  return {
    ok: false,
    reason: 'errors',
    message: `planen har ${n} fel och kan inte publiceras; rätta dem först (tjansteplan validate)`,
    messageEn: `the plan has ${n} ${n === 1 ? 'error' : 'errors'} and cannot be published; fix them first (tjansteplan validate)`,
  };
}

export function versionToPublish(plan: Plan, findings: readonly Finding[], approval: ApprovalRecord | null): Publishable | Refusal {
  if (hasErrors(findings)) return errorsRefusal(findings);
  const approved = latestApproved(plan.versions);
  if (!approved || !approved.label) {
    return {
      ok: false,
      reason: 'not-approved',
      message: 'planen har ingen fastställd version (Beslut Fastställd i Versionshantering) att publicera',
      messageEn: 'the plan has no approved version (decision Fastställd in Versionshantering) to publish',
    };
  }
  const version = formatVersion(approved.label);
  const entry = { ...approved, label: approved.label };
  if (approval && approval.version === version) {
    const { count } = changedCells(approval.tables, plan);
    if (count === 0) return { ok: true, approved: entry, recordNeeded: false };
    return {
      ok: false,
      reason: 'changed',
      message: `${count} ${count === 1 ? 'cell' : 'celler'} i tabellerna skiljer sig från den fastställda versionen ${version}, så de visar inte längre det forumet fastställde. Ångra ändringarna, eller registrera ett nytt beslut och publicera den nya versionen`,
      messageEn: `${count} ${count === 1 ? 'cell in the tables differs' : 'cells in the tables differ'} from the approved version ${version}, so they no longer show what the forum approved. Undo the changes, or record a new decision and publish the new version`,
    };
  }
  if (findings.some((f) => f.code === 'APPROVAL_UNREADABLE')) {
    return {
      ok: false,
      reason: 'record-unreadable',
      message: `arbetsbokens sparade uppgifter om den fastställda versionen går inte att läsa, så det går inte att visa att tabellerna är version ${version}. Registrera beslutet Fastställd på nytt för det som står i tabellerna`,
      messageEn: `the workbook's saved record of the approved version cannot be read, so it cannot be shown that the tables are version ${version}. Record the decision Fastställd again for what the tables hold`,
    };
  }
  if (!isStillThatVersion(version, plan)) {
    const newest = plan.versions[plan.versions.length - 1];
    return {
      ok: false,
      reason: 'moved-on',
      message: `versionshistoriken har gått vidare efter version ${version} (senaste raden: ${newest.labelShown || 'utan version'}${newest.decision ? `, ${newest.decision}` : ''}) och arbetsboken har inga sparade tabeller från fastställandet, så det går inte att visa att tabellerna fortfarande är version ${version}. Publicera filen som den såg ut när ${version} fastställdes, eller registrera ett nytt beslut för det som står i tabellerna nu`,
      messageEn: `the version history has moved on after version ${version} (newest row: ${newest.labelShown || 'no version'}${newest.decision ? `, ${newest.decision}` : ''}) and the workbook has no tables saved at the approval, so it cannot be shown that the tables are still version ${version}. Publish the file as it was when ${version} was approved, or record a new decision for what the tables hold now`,
    };
  }
  return { ok: true, approved: entry, recordNeeded: true };
}

export async function preparePublication(plan: Plan, findings: readonly Finding[], approval: ApprovalRecord | null, file: Uint8Array): Promise<Preparation> {
  const publishable = versionToPublish(plan, findings, approval);
  if (!publishable.ok) return publishable;
  const { approved } = publishable;
  const planFingerprint = await fingerprint(plan);
  // The record's own fingerprint must be that of its tables, which equal the plan's here: a record that
  // disagrees with itself was altered by hand, and proves nothing.
  if (!publishable.recordNeeded && approval && approval.fingerprint !== planFingerprint) {
    return {
      ok: false,
      reason: 'record-unreadable',
      message: 'arbetsbokens sparade uppgifter om den fastställda versionen stämmer inte med sig själva (fingeravtrycket); registrera beslutet Fastställd på nytt',
      messageEn: "the workbook's saved record of the approved version does not agree with itself (its fingerprint); record the decision Fastställd again",
    };
  }
  return { ok: true, approved, request: await versionRequest(plan, approved, approved.label, 'Fastställd', findings, file, planFingerprint) };
}

/**
 * What the library is sent for one history row: its columns (`decision` where the row names none), the file
 * name they give (fileNameOf: the state in the name for a version before a forum), the file's hash and the
 * snapshot.
 */
async function versionRequest(plan: Plan, entry: VersionEntry, label: VersionLabel, decision: string, findings: readonly Finding[], file: Uint8Array, planFingerprint: string): Promise<PublishRequest> {
  const fields: PublishedFields = {
    Tjansteomrade: plan.info.area,
    Planperiod: formatPeriod(plan.info.period),
    // The label as a number (0,5 → 0.5): one name per version, however the history writes its comma.
    Version: formatVersion(label),
    Forum: entry.forum ?? '',
    Beslut: entry.decision ?? decision,
    Beslutsdatum: entry.date ?? '',
  };
  const fileSha256 = await sha256Hex(file);
  const snapshot = snapshotOf(plan, entry, [...findings], { fingerprint: planFingerprint, fileSha256 });
  return { fields, fileName: fileNameOf(fields), file, fileSha256, snapshot };
}

export type ForumPreparation = { ok: true; request: PublishRequest; entry: VersionEntry } | Refusal;

/**
 * A version sent to a forum (Inskickad) or returned by it (Återremitterad), from the row that records it
 * and the workbook as it is when that row is written: what the forum has in front of it (docs/graph.md §1).
 * Its columns say the decision and the forum, its file name the state (publishedFileName), so it is never
 * taken for, nor shares a name with, an approved version. A plan with errors is not published.
 */
export async function prepareForumVersion(plan: Plan, findings: readonly Finding[], entry: VersionEntry, file: Uint8Array): Promise<ForumPreparation> {
  if (hasErrors(findings)) return errorsRefusal(findings);
  if (!entry.label) {
    return {
      ok: false,
      reason: 'no-version',
      message: `raden har ingen läsbar version (${entry.labelShown || 'tom'}), så den publiceras inte`,
      messageEn: `the row has no readable version (${entry.labelShown || 'empty'}), so it is not published`,
    };
  }
  return { ok: true, entry, request: await versionRequest(plan, entry, entry.label, '', findings, file, await fingerprint(plan)) };
}
