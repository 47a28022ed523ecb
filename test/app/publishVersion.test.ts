/**
 * Publicera as one action (src/app/publishVersion.ts), as the pane and the CLI call it: the approval's
 * record kept first where the caller may write the workbook, the newest approved version delivered through
 * the outbox once, a twin in the library (same tables, other bytes) never uploaded again, refusals with
 * their reason.
 */
import { publishVersion } from '../../src/app/publishVersion';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { useLibrary, withLibrary } from '../publish/helpers';
import { approvedAt } from '../publish/plans';
import { newOutbox, openPlan } from './helpers';

withLibrary('publishVersion', () => {
  const lib = useLibrary();

  test('the pane’s way: the approval is recorded in the workbook, then published once; the same again is already there', async () => {
    const { office } = await openPlan({ area: 'Ekonomi', versions: approvedAt('1.0') });
    expect((await checkWorkbook(office)).approval).toBeNull();
    const outbox = newOutbox();
    const ports = { workbook: office, fileBytes: () => office.fileBytes(), library: lib.client.library, outbox, keepApproval: true };
    const first = await publishVersion(ports);
    expect(first).toMatchObject({ kind: 'sent', fileName: 'Ekonomi 2022–2024 v1.0.xlsx', entry: { state: 'landed', outcome: 'published' } });
    expect((await checkWorkbook(office)).approval).toMatchObject({ version: '1.0' });
    const [listed] = await lib.client.library.listVersions('2022–2024');
    expect(listed.fields).toMatchObject({ Version: '1.0', Forum: 'PF', Beslut: 'Fastställd' });

    // The outbox knows the file it delivered; a save with other bytes (a later second in the package) has the
    // same tables, so the library's copy is found by its snapshot's fingerprint. Either way nothing is written.
    const written = () => lib.client.requests.filter((r) => r.method !== 'GET' && !r.url.endsWith('/$batch'));
    lib.client.reset();
    const again = await publishVersion(ports);
    expect(again).toMatchObject({ kind: 'already-published', fileName: 'Ekonomi 2022–2024 v1.0.xlsx', webUrl: listed.webUrl });
    expect(written()).toEqual([]);

    // Another outbox (another computer): the same.
    lib.client.reset();
    const twin = await publishVersion({ ...ports, outbox: newOutbox() });
    expect(twin).toMatchObject({ kind: 'already-published', webUrl: listed.webUrl });
    expect(written()).toEqual([]);
    expect(await lib.client.library.listVersions('2022–2024')).toHaveLength(1);
  });

  test('the CLI’s way: the file is published as it is and never written; a plan with errors is refused with the reason', async () => {
    const { office } = await openPlan({ area: 'IT', versions: approvedAt('2.0') });
    const published = await publishVersion({ workbook: office, fileBytes: () => office.fileBytes(), library: () => Promise.resolve(lib.client.library), outbox: newOutbox() });
    expect(published).toMatchObject({ kind: 'sent', fileName: 'IT 2022–2024 v2.0.xlsx', entry: { state: 'landed' } });
    expect((await checkWorkbook(office)).approval).toBeNull();

    const broken = await openPlan({ area: 'HR', versions: approvedAt('2.0'), broken: true });
    const outbox = newOutbox();
    const refused = await publishVersion({ workbook: broken.office, fileBytes: () => broken.office.fileBytes(), library: lib.client.library, outbox });
    expect(refused).toMatchObject({ kind: 'refused', refusal: { reason: 'errors', message: expect.stringMatching(/1 fel/) } });
    expect(await outbox.entries()).toEqual([]);
  });

  test('a library that cannot be reached keeps the version in the outbox', async () => {
    const { office } = await openPlan({ area: 'Kultur', versions: approvedAt('1.0') });
    const outbox = newOutbox();
    const r = await publishVersion({ workbook: office, fileBytes: () => office.fileBytes(), library: () => Promise.reject(new Error('ingen token')), outbox });
    expect(r).toMatchObject({ kind: 'no-library', fileName: 'Kultur 2022–2024 v1.0.xlsx' });
    expect((await outbox.entries()).map((e) => [e.fileName, e.state])).toEqual([['Kultur 2022–2024 v1.0.xlsx', 'waiting']]);
  });
});
