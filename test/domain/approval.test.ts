/** The approved version the workbook records: built from a plan, read back strictly, compared with the tables. */
import { approvalFrom, approvalOf, checkChangedSinceApproval, recordApplies, type ApprovalRecord } from '../../src/domain/approval';
import { canonicalForm, fingerprint } from '../../src/domain/fingerprint';
import { parseVersionLabel, type VersionEntry } from '../../src/domain/versions';
import { areaFrame, initiative, makePlan } from './planBuilder';

function approvedEntry(labelShown: string, forum: VersionEntry['forum'] = 'PF'): VersionEntry {
  return { row: 2, date: '2022-03-10', dateShown: '2022-03-10', label: parseVersionLabel(labelShown), labelShown, description: '', changedBy: 'Jenny', forum, decision: 'Fastställd' };
}

function plan() {
  return makePlan({
    area: 'Ekonomi',
    initiatives: [initiative(1, 'Nytt ekonomisystem', [1500, 3000, 500], [0, 200, 400], '1'), initiative(2, 'E-arkiv', [400, 0, 0], [0, 50, 50], '2')],
    frame: areaFrame('Ekonomi', { 2022: 2000, 2023: 3000, 2024: 1000 }),
  });
}

/** A record as it comes back from the workbook: plain JSON, no prototype, nothing shared with the plan. */
const roundTrip = (r: ApprovalRecord): unknown => JSON.parse(JSON.stringify(r));

describe('approvalOf', () => {
  it('records the version as published (1,0 → 1.0), the forum, the date and the tables with their fingerprint', async () => {
    const p = plan();
    const record = await approvalOf(p, approvedEntry('1,0'));
    expect(record).toEqual({
      schema: 'tjansteplan.approval/1',
      version: '1.0',
      forum: 'PF',
      date: '2022-03-10',
      fingerprint: await fingerprint(p),
      tables: canonicalForm(p),
    });
    expect(approvalFrom(roundTrip(record))).toEqual(record);
  });
});

describe('approvalFrom', () => {
  const damaged: [string, (r: Record<string, unknown> & { tables: Record<string, unknown> }) => void][] = [
    ['another schema', (r) => (r.schema = 'tjansteplan.approval/0')],
    ['no version', (r) => (r.version = '')],
    ['a fingerprint that is not SHA-256 hex', (r) => (r.fingerprint = 'abc')],
    ['a decimal amount', (r) => ((r.tables.initiatives as { development: unknown[] }[])[0].development[1] = 3000.5)],
    ['an amount as text', (r) => ((r.tables.initiatives as { maintenance: unknown[] }[])[1].maintenance[0] = '0')],
    ['a row with one year too few', (r) => ((r.tables.initiatives as { development: unknown[] }[])[0].development.pop())],
    ['no initiatives', (r) => delete r.tables.initiatives],
    ['a frame year that is not a year', (r) => ((r.tables.frame as { year: unknown }[])[0].year = '2022')],
    ['a forum that is a number', (r) => (r.forum = 3)],
  ];
  it.each(damaged)('refuses a record with %s', async (_, damage) => {
    const record = roundTrip(await approvalOf(plan(), approvedEntry('1.0'))) as Record<string, unknown> & { tables: Record<string, unknown> };
    damage(record);
    expect(approvalFrom(record)).toBeNull();
  });

  it('refuses what is not a record at all', () => {
    for (const v of [null, 'text', 42, [], {}]) expect(approvalFrom(v)).toBeNull();
  });
});

describe('checkChangedSinceApproval with the workbook record', () => {
  it('is silent while the tables are those approved', async () => {
    const record = await approvalOf(plan(), approvedEntry('1.0'));
    expect(checkChangedSinceApproval(record, plan())).toEqual([]);
  });

  it('warns at the first changed cell when the history still says the workbook is that version', async () => {
    const record = await approvalOf(plan(), approvedEntry('1.0'));
    const now = plan();
    now.versions = [approvedEntry('1.0')];
    now.initiatives[1].development[0] = 450; // D12
    now.frame!.years.get(2024)!.development = 1200; // Ram B4
    expect(checkChangedSinceApproval(record, now)).toEqual([
      {
        code: 'CHANGED_SINCE_APPROVAL',
        severity: 'warning',
        message: '2 celler skiljer sig från den fastställda versionen 1.0.',
        messageEn: '2 cells differ from the approved version 1.0.',
        location: { sheet: 'Tjänsteplan', table: 'Initiativ', row: 2, column: 'Utveckling 2022', address: 'D12' },
      },
    ]);
  });

  it('only informs once a newer draft is being written', async () => {
    const record = await approvalOf(plan(), approvedEntry('1.0'));
    const now = plan();
    now.versions = [approvedEntry('1.0'), { ...approvedEntry('1.1'), row: 3, decision: 'Utkast', forum: null }];
    now.initiatives[0].comment = 'Upphandlas 2023';
    expect(checkChangedSinceApproval(record, now).map((f) => [f.severity, f.message])).toEqual([
      ['info', '1 cell skiljer sig från den fastställda versionen 1.0.'],
    ]);
  });
});

describe('recordApplies', () => {
  it("is this plan's record when area, period and an approved version of its history agree", async () => {
    const record = await approvalOf(plan(), approvedEntry('1,0'));
    const now = plan();
    now.versions = [approvedEntry('1.0')];
    expect(recordApplies(record, now)).toBe(true);
    now.info.area = ' ekonomi ';
    expect(recordApplies(record, now)).toBe(true);
  });

  it('is not, for another area or period, or a version this history never approved', async () => {
    const record = await approvalOf(plan(), approvedEntry('1.0'));
    const other = plan();
    other.versions = [approvedEntry('1.0')];
    other.info.area = 'HR';
    expect(recordApplies(record, other)).toBe(false);
    const next = makePlan({ area: 'Ekonomi', years: [2023, 2024, 2025], versions: [approvedEntry('1.0')] });
    expect(recordApplies(record, next)).toBe(false);
    const unapproved = plan();
    unapproved.versions = [{ ...approvedEntry('1.0'), decision: 'Inskickad' }];
    expect(recordApplies(record, unapproved)).toBe(false);
  });
});
