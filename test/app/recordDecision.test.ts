/**
 * Registrera beslut as one action (src/app/recordDecision.ts): the row it writes, the refusals, the approval's
 * kept tables, and a version sent to a forum published as such — its columns and file name say Inskickad and
 * the forum, and nothing under its name is ever overwritten.
 */
import { recordDecision } from '../../src/app/recordDecision';
import { approvedByArea, listApproved } from '../../src/app/approvedVersions';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { useLibrary, withLibrary } from '../publish/helpers';
import { approvedAt } from '../publish/plans';
import { historyRows, newOutbox, openPlan } from './helpers';

const SUBMIT = { date: '2022-01-20', version: '1.1', description: 'Till prioriteringsforum', changedBy: 'Controller', forum: 'PF', decision: 'Inskickad' } as const;

describe('recordDecision without a library', () => {
  test('a draft row with neither date nor version gets the next draft label and the clock’s day, in the table’s columns', async () => {
    const { office } = await openPlan({ area: 'Ekonomi', versions: approvedAt('1.0') });
    const r = await recordDecision({ description: 'Ändringsnotering', changedBy: '', forum: null, decision: 'Utkast' }, { workbook: office, clock: () => new Date(2022, 2, 4, 15, 30) });
    expect(r).toMatchObject({ kind: 'recorded', entry: { labelShown: '1.1', date: '2022-03-04', decision: 'Utkast' }, publication: null });
    expect((await historyRows(office)).slice(-1)).toEqual([[new Date('2022-03-04T00:00:00Z'), '1.1', 'Ändringsnotering', null, null, 'Utkast']]);
  });

  test('an approval keeps its tables in the workbook; an approval of a plan with errors is refused and nothing is written', async () => {
    const ok = await openPlan({ area: 'Ekonomi', versions: approvedAt('1.0') });
    const approved = await recordDecision({ ...SUBMIT, version: '2.0', decision: 'Fastställd' }, { workbook: ok.office });
    expect(approved).toMatchObject({ kind: 'recorded', approvalNotKept: null, publication: null });
    expect((await checkWorkbook(ok.office)).approval).toMatchObject({ version: '2.0' });

    const broken = await openPlan({ area: 'Ekonomi', versions: approvedAt('1.0'), broken: true });
    const before = await historyRows(broken.office);
    expect(await recordDecision({ ...SUBMIT, version: '2.0', decision: 'Fastställd' }, { workbook: broken.office })).toMatchObject({ kind: 'approve-with-errors', errors: 1 });
    expect(await historyRows(broken.office)).toEqual(before);
  });

  test('Inskickad without a configured library is recorded and published nowhere', async () => {
    const { office } = await openPlan({ area: 'Ekonomi', versions: approvedAt('1.0') });
    expect(await recordDecision(SUBMIT, { workbook: office, publishing: null })).toMatchObject({ kind: 'recorded', publication: null });
  });
});

withLibrary('recordDecision with the local library', () => {
  const lib = useLibrary();

  test('Inskickad to PF puts the version in the library as submitted: Beslut Inskickad, the forum, the row’s date, a name that says so', async () => {
    const { office } = await openPlan({ area: 'Ekonomi', versions: approvedAt('1.0') });
    const outbox = newOutbox();
    const r = await recordDecision(SUBMIT, { workbook: office, publishing: { library: lib.client.library, outbox } });
    expect(r).toMatchObject({ kind: 'recorded', publication: { kind: 'sent', fileName: 'Ekonomi 2022–2024 v1.1 inskickad till PF.xlsx', entry: { state: 'landed' } } });
    const listed = await lib.client.library.listVersions('2022–2024');
    expect(listed.map((v) => v.fields)).toEqual([{ Tjansteomrade: 'Ekonomi', Planperiod: '2022–2024', Version: '1.1', Forum: 'PF', Beslut: 'Inskickad', Beslutsdatum: expect.stringMatching(/^2022-01-20/) }]);
    // The published file is the workbook with the row that sends it: its snapshot says so.
    const [snapshot] = await lib.client.library.readSnapshots(listed);
    expect(snapshot).toMatchObject({ version: '1.1', forum: 'PF', decision: 'Inskickad', decisionDate: '2022-01-20' });
  });

  test('Återremitterad is published as its own item; another Inskickad under a taken name is a conflict, and the item there keeps its fields', async () => {
    const { office } = await openPlan({ area: 'Inköp', versions: approvedAt('1.0') });
    await recordDecision(SUBMIT, { workbook: office, publishing: { library: lib.client.library, outbox: newOutbox() } });
    const returned = await recordDecision({ ...SUBMIT, date: '2022-02-01', version: '1.2', decision: 'Återremitterad' }, { workbook: office, publishing: { library: lib.client.library, outbox: newOutbox() } });
    expect(returned).toMatchObject({ kind: 'recorded', publication: { kind: 'sent', fileName: 'Inköp 2022–2024 v1.2 återremitterad av PF.xlsx', entry: { state: 'landed' } } });

    // Another workbook (other figures) sends a version under the same label to the same forum: never an overwrite.
    const other = await openPlan({ area: 'Inköp', versions: approvedAt('1.0'), development: 4242 });
    const clash = await recordDecision(SUBMIT, { workbook: other.office, publishing: { library: lib.client.library, outbox: newOutbox() } });
    expect(clash).toMatchObject({ kind: 'recorded', publication: { kind: 'sent', entry: { state: 'failed', reason: expect.stringMatching(/skrivs aldrig över/) } } });
    const items = (await lib.client.library.listVersions('2022–2024')).filter((v) => v.fields.Tjansteomrade === 'Inköp');
    expect(items.map((v) => [v.fields.Version, v.fields.Beslut, v.fields.Forum]).sort()).toEqual([
      ['1.1', 'Inskickad', 'PF'],
      ['1.2', 'Återremitterad', 'PF'],
    ]);
  });

  test('a newer version sent to a forum is never what consolidation, the summary or prioritisation takes: only Fastställd versions are', async () => {
    const { office } = await openPlan({ area: 'HR', versions: approvedAt('1.0') });
    const outbox = newOutbox();
    const { publishVersion } = await import('../../src/app/publishVersion');
    const approved = await publishVersion({ workbook: office, fileBytes: () => office.fileBytes(), library: lib.client.library, outbox, keepApproval: true });
    expect(approved).toMatchObject({ kind: 'sent', fileName: 'HR 2022–2024 v1.0.xlsx', entry: { state: 'landed' } });
    await recordDecision({ ...SUBMIT, version: '1.1' }, { workbook: office, publishing: { library: lib.client.library, outbox } });

    const hr = (await lib.client.library.listVersions('2022–2024')).filter((v) => v.fields.Tjansteomrade === 'HR');
    expect(hr.map((v) => `${v.fields.Version} ${v.fields.Beslut}`).sort()).toEqual(['1.0 Fastställd', '1.1 Inskickad']);
    // What every reader of the library (consolidation, the summary, prioritisation, the pack) takes: approved only.
    const areas = await listApproved(lib.client.library, '2022–2024');
    expect(areas.find((a) => a.area === 'HR')!.versions.map((v) => v.fields.Version)).toEqual(['1.0']);
    expect(approvedByArea(hr).map((a) => a.versions.map((v) => v.fields.Version))).toEqual([['1.0']]);
  });
});
