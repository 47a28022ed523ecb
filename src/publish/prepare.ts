/**
 * From a checked workbook to what the library receives: the newest approved version (the last Fastställd
 * row of Versionshantering), its list-item columns, the file name and the snapshot. A plan with an error
 * finding, without an approved version, or with tables changed since the workbook recorded that version's
 * approval, is not published. Shared by the CLI and the task pane.
 */
import { fingerprint } from '../domain/fingerprint';
import { hasErrors, type Finding } from '../domain/findings';
import { formatPeriod } from '../domain/period';
import type { Plan } from '../domain/plan';
import { snapshotOf } from '../domain/snapshot';
import { formatVersion, latestApproved, type VersionEntry, type VersionLabel } from '../domain/versions';
import { sha256Hex } from './hash';
import { publishedFileName, type PublishedFields, type PublishRequest } from './planLibrary';

export type Preparation = { ok: true; request: PublishRequest; approved: VersionEntry } | Refusal;

export type Refusal = { ok: false; reason: 'errors' | 'not-approved' | 'changed'; message: string };

/** The version a publication would carry, or why there is none to publish. */
export function versionToPublish(plan: Plan, findings: readonly Finding[]): { ok: true; approved: VersionEntry & { label: VersionLabel } } | Refusal {
  if (hasErrors(findings)) {
    const n = findings.filter((f) => f.severity === 'error').length;
    return { ok: false, reason: 'errors', message: `planen har ${n} fel och kan inte publiceras; rätta dem först (tjansteplan validate)` };
  }
  const approved = latestApproved(plan.versions);
  if (!approved || !approved.label) {
    return { ok: false, reason: 'not-approved', message: 'planen har ingen fastställd version (Beslut Fastställd i Versionshantering) att publicera' };
  }
  // The workbook records what the forum approved; tables changed since then are not that version any more.
  const changed = findings.find((f) => f.code === 'CHANGED_SINCE_APPROVAL' && f.severity !== 'info');
  if (changed) {
    return {
      ok: false,
      reason: 'changed',
      message: `${changed.message} Det är inte längre den version forumet fastställde: ångra ändringarna, eller registrera ett nytt beslut och publicera den nya versionen`,
    };
  }
  return { ok: true, approved: { ...approved, label: approved.label } };
}

export async function preparePublication(plan: Plan, findings: readonly Finding[], file: Uint8Array): Promise<Preparation> {
  const publishable = versionToPublish(plan, findings);
  if (!publishable.ok) return publishable;
  const { approved } = publishable;
  const period = formatPeriod(plan.info.period);
  // The label as a number (0,5 → 0.5): one name per version, however the history writes its comma.
  const version = formatVersion(approved.label);
  const fields: PublishedFields = {
    Tjansteomrade: plan.info.area,
    Planperiod: period,
    Version: version,
    Forum: approved.forum ?? '',
    Beslut: approved.decision ?? 'Fastställd',
    Beslutsdatum: approved.date ?? '',
  };
  const fileSha256 = await sha256Hex(file);
  const snapshot = snapshotOf(plan, approved, [...findings], { fingerprint: await fingerprint(plan), fileSha256 });
  return { ok: true, approved, request: { fields, fileName: publishedFileName(plan.info.area, period, version), file, fileSha256, snapshot } };
}
