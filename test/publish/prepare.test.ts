/**
 * What is published under an approved number must be provably that version: the workbook's record of the
 * approval, or a history whose newest row is that approval. Everything else is refused with its reason.
 */
import path from 'node:path';
import { approvalOf } from '../../src/domain/approval';
import { finding } from '../../src/domain/findings';
import type { Plan } from '../../src/domain/plan';
import { latestApproved, parseVersionLabel, type VersionEntry } from '../../src/domain/versions';
import { prepareForumVersion, preparePublication, versionToPublish } from '../../src/publish/prepare';
import { checkTables, checkWorkbook } from '../../src/workbook/checkPlan';
import { approvalTable } from '../../src/workbook/contract/approvalTable';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';

const FIXTURES = path.resolve(__dirname, '../fixtures');
/** Ekonomi's base plan: its newest history row approves 1.0 (PF), no findings. */
const BASE = path.join(FIXTURES, 'broken/00-grund-utan-fel.xlsx');

const draftAfter = (versions: VersionEntry[]): VersionEntry => ({
  row: versions.length + 1, date: '2021-01-10', dateShown: '', label: parseVersionLabel('1.1'), labelShown: '1.1', description: 'Nästa utkast', changedBy: 'Jenny', forum: null, decision: 'Utkast',
});

/**
 * The base plan with an approval recorded as the add-in records it (of the plan as `recordOf` makes it,
 * the plan itself by default), then read back as the pane reads it.
 */
async function recorded(recordOf: (p: Plan) => Plan = (p) => p) {
  const wb = await XlsxWorkbook.open(BASE);
  const { plan } = await checkWorkbook(wb);
  await wb.writeHiddenTable(approvalTable(await approvalOf(recordOf(plan!), latestApproved(plan!.versions)!)));
  return checkTables(await (await XlsxWorkbook.fromBytes(await wb.toBuffer())).readTables());
}

describe('versionToPublish', () => {
  it('publishes a version whose newest history row approves it, and asks for the record to be kept', async () => {
    const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.open(BASE));
    expect(approval).toBeNull();
    expect(versionToPublish(plan!, findings, approval)).toMatchObject({ ok: true, recordNeeded: true, approved: { labelShown: '1.0', forum: 'PF' } });
  });

  it('publishes the recorded version with unchanged tables, also after a new draft row', async () => {
    const { plan, findings, approval } = await recorded();
    expect(versionToPublish(plan!, findings, approval)).toMatchObject({ ok: true, recordNeeded: false });
    plan!.versions.push(draftAfter(plan!.versions));
    expect(versionToPublish(plan!, findings, approval)).toMatchObject({ ok: true, recordNeeded: false });
  });

  it('refuses the recorded version once a cell has changed, whether or not a draft row follows', async () => {
    const { plan, findings, approval } = await recorded();
    plan!.initiatives[0].comment = 'Upphandlas 2023';
    plan!.versions.push(draftAfter(plan!.versions));
    expect(versionToPublish(plan!, findings, approval)).toEqual({
      ok: false,
      reason: 'changed',
      message:
        '1 cell i tabellerna skiljer sig från den fastställda versionen 1.0, så de visar inte längre det forumet fastställde. Ångra ändringarna, eller registrera ett nytt beslut och publicera den nya versionen',
      messageEn:
        '1 cell in the tables differs from the approved version 1.0, so they no longer show what the forum approved. Undo the changes, or record a new decision and publish the new version',
    });
  });

  it('refuses a version the history has moved on from when no record shows the tables are still it', async () => {
    const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.open(path.join(FIXTURES, 'plans/tjansteplan-ekonomi-2022-2024.xlsx')));
    const r = versionToPublish(plan!, findings, approval);
    expect(r).toMatchObject({ ok: false, reason: 'moved-on' });
    expect(!r.ok && r.message).toMatch(/^versionshistoriken har gått vidare efter version 2\.0 \(senaste raden: 3\.0\)/);
  });

  it('refuses while the record cannot be read', async () => {
    const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.open(path.join(FIXTURES, 'broken/44-faststalld-version-olaslig.xlsx')));
    expect(versionToPublish(plan!, findings, approval)).toMatchObject({ ok: false, reason: 'record-unreadable' });
  });

  it('does not compare with a record of another plan (a workbook copied to start the next period)', async () => {
    const copied = await recorded((p) => ({ ...p, info: { ...p.info, area: 'HR' } }));
    expect(copied.approval).toBeNull();
    expect(copied.findings).toEqual([]);
    expect(versionToPublish(copied.plan!, copied.findings, copied.approval)).toMatchObject({ ok: true, recordNeeded: true });
  });
});

describe('preparePublication', () => {
  it('refuses a record whose fingerprint is not that of its own tables', async () => {
    const { plan, findings, approval } = await recorded();
    const tampered = { ...approval!, fingerprint: '0'.repeat(64) };
    expect(await preparePublication(plan!, findings, tampered, new Uint8Array([1]))).toMatchObject({ ok: false, reason: 'record-unreadable' });
    const prepared = await preparePublication(plan!, findings, approval, new Uint8Array([1]));
    expect(prepared.ok && prepared.request.snapshot.fingerprint).toBe(approval!.fingerprint);
  });
});

describe('refusals in English (messageEn), beside the Swedish', () => {
  const refusal = (r: Awaited<ReturnType<typeof preparePublication>> | ReturnType<typeof versionToPublish>) => {
    if (r.ok) throw new Error('expected a refusal');
    return r;
  };

  it('says how many errors the plan has, singular and plural', async () => {
    const { plan, approval } = await checkWorkbook(await XlsxWorkbook.open(BASE));
    const error = finding('TABLE_MISSING', { table: 'Ram', sheet: 'Ram' });
    expect(refusal(versionToPublish(plan!, [error], approval))).toMatchObject({
      reason: 'errors',
      message: 'planen har 1 fel och kan inte publiceras; rätta dem först (tjansteplan validate)',
      messageEn: 'the plan has 1 error and cannot be published; fix them first (tjansteplan validate)',
    });
    expect(refusal(versionToPublish(plan!, [error, error], approval)).messageEn).toBe(
      'the plan has 2 errors and cannot be published; fix them first (tjansteplan validate)',
    );
  });

  it('says there is no approved version', async () => {
    const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.open(BASE));
    const drafts = { ...plan!, versions: plan!.versions.filter((v) => v.decision !== 'Fastställd') };
    expect(refusal(versionToPublish(drafts, findings, approval))).toMatchObject({
      reason: 'not-approved',
      messageEn: 'the plan has no approved version (decision Fastställd in Versionshantering) to publish',
    });
  });

  it('counts changed cells in the plural', async () => {
    const { plan, findings, approval } = await recorded();
    plan!.initiatives[0].comment = 'Upphandlas 2023';
    plan!.initiatives[1].comment = 'Skjuts upp';
    expect(refusal(versionToPublish(plan!, findings, approval))).toMatchObject({
      reason: 'changed',
      message: expect.stringMatching(/^2 celler i tabellerna skiljer sig från den fastställda versionen 1\.0/),
      messageEn:
        '2 cells in the tables differ from the approved version 1.0, so they no longer show what the forum approved. Undo the changes, or record a new decision and publish the new version',
    });
  });

  it('says the history has moved on, naming the newest row', async () => {
    const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.open(path.join(FIXTURES, 'plans/tjansteplan-ekonomi-2022-2024.xlsx')));
    expect(refusal(versionToPublish(plan!, findings, approval)).messageEn).toBe(
      'the version history has moved on after version 2.0 (newest row: 3.0) and the workbook has no tables saved at the approval, so it cannot be shown that the tables are still version 2.0. Publish the file as it was when 2.0 was approved, or record a new decision for what the tables hold now',
    );
  });

  it('says the record cannot be read', async () => {
    const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.open(path.join(FIXTURES, 'broken/44-faststalld-version-olaslig.xlsx')));
    expect(refusal(versionToPublish(plan!, findings, approval)).messageEn).toBe(
      "the workbook's saved record of the approved version cannot be read, so it cannot be shown that the tables are version 1.0. Record the decision Fastställd again for what the tables hold",
    );
  });

  it('says a record that disagrees with itself proves nothing', async () => {
    const { plan, findings, approval } = await recorded();
    const tampered = { ...approval!, fingerprint: '0'.repeat(64) };
    expect(refusal(await preparePublication(plan!, findings, tampered, new Uint8Array([1])))).toMatchObject({
      reason: 'record-unreadable',
      message: 'arbetsbokens sparade uppgifter om den fastställda versionen stämmer inte med sig själva (fingeravtrycket); registrera beslutet Fastställd på nytt',
      messageEn: "the workbook's saved record of the approved version does not agree with itself (its fingerprint); record the decision Fastställd again",
    });
  });
});

describe('prepareForumVersion', () => {
  const sent = (versions: VersionEntry[], label = '1.1'): VersionEntry => ({ ...draftAfter(versions), label: parseVersionLabel(label), labelShown: label, forum: 'PF', decision: 'Inskickad' });

  it('a version sent to PF: its columns say Inskickad, the forum and the row’s date, its name the state', async () => {
    const { plan, findings } = await checkWorkbook(await XlsxWorkbook.open(BASE));
    const entry = sent(plan!.versions);
    const r = await prepareForumVersion(plan!, findings, entry, new Uint8Array([1, 2, 3]));
    expect(r).toMatchObject({
      ok: true,
      request: {
        fileName: `${plan!.info.area} 2022–2024 v1.1 inskickad till PF.xlsx`,
        fields: { Version: '1.1', Forum: 'PF', Beslut: 'Inskickad', Beslutsdatum: '2021-01-10' },
        snapshot: { version: '1.1', decision: 'Inskickad' },
      },
    });
  });

  it('refuses a plan with errors and a row without a readable version', async () => {
    const { plan, findings } = await checkWorkbook(await XlsxWorkbook.open(BASE));
    const error = finding('NEGATIVE_DEVELOPMENT', { amount: -1, year: 2022 });
    await expect(prepareForumVersion(plan!, [...findings, error], sent(plan!.versions), new Uint8Array())).resolves.toMatchObject({ ok: false, reason: 'errors' });
    await expect(prepareForumVersion(plan!, findings, sent(plan!.versions, 'nästa'), new Uint8Array())).resolves.toMatchObject({ ok: false, reason: 'no-version' });
  });
});
