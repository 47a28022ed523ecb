/**
 * What is published under an approved number must be provably that version: the workbook's record of the
 * approval, or a history whose newest row is that approval. Everything else is refused with its reason.
 */
import path from 'node:path';
import { approvalOf } from '../../src/domain/approval';
import type { Plan } from '../../src/domain/plan';
import { latestApproved, parseVersionLabel, type VersionEntry } from '../../src/domain/versions';
import { preparePublication, versionToPublish } from '../../src/publish/prepare';
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
