/**
 * The one reading of approved versions (src/app/approvedVersions.ts) that consolidation, prioritisation, the
 * summary and the review pack share: which listed versions count as approved and in which order, which one a
 * forum compares with, and — against the local library over HTTPS — one list query, snapshots in batches of
 * 20 with progress per batch, and a bad list item or snapshot left out with its reason while the rest is read.
 */
import { rmSync } from 'node:fs';
import { approvedByArea, listApproved, newestFirst, previousFor, readSnapshots, type Skipped } from '../../src/app/approvedVersions';
import { newestApproved } from '../../src/app/consolidateFromLibrary';
import type { PublishedFields, PublishedVersion } from '../../src/publish/planLibrary';
import { connect, editListFields, startLibrary, tempDir, withLibrary, type RunningLibrary, type TestLibrary } from '../publish/helpers';
import { publishPlan, SCHEMA_BROKEN, type Craft } from '../publish/plans';

jest.setTimeout(180_000);

let item = 0;
function listed(fields: Partial<PublishedFields>): PublishedVersion {
  return {
    fields: { Tjansteomrade: 'IT', Planperiod: '2022–2024', Version: '1.0', Forum: 'PF', Beslut: 'Fastställd', Beslutsdatum: '2021-12-08', ...fields },
    itemId: String(++item),
    webUrl: '',
  };
}
const labels = (vs: readonly PublishedVersion[]) => vs.map((v) => `${v.fields.Version} ${v.fields.Forum}`);

describe('which versions are approved, newest first', () => {
  test('only Fastställd: a version sent to or returned by a forum, or an item without a Beslut, is never what a reader takes', () => {
    const areas = approvedByArea([
      listed({ Version: '1.0' }),
      listed({ Version: '1.1', Beslut: 'Inskickad' }),
      listed({ Version: '1.2', Beslut: 'Återremitterad' }),
      listed({ Version: '2.0', Beslut: '' }),
      listed({ Tjansteomrade: 'HR', Version: '0.5', Beslut: '' }),
    ]);
    expect(areas.map((a) => [a.area, labels(a.versions)])).toEqual([['IT', ['1.0 PF']]]);
  });

  test('areas as the frame names them (case and spaces), in Swedish order; labels part by part (0.10 after 0.9), then the later decision', () => {
    const areas = approvedByArea([
      listed({ Tjansteomrade: 'Vård och omsorg', Version: '0.9' }),
      listed({ Tjansteomrade: ' vård  och omsorg', Version: '0.10' }),
      listed({ Tjansteomrade: 'Ekonomi', Version: '1.0', Forum: 'TF', Beslutsdatum: '2021-02-01' }),
      listed({ Tjansteomrade: 'Ekonomi', Version: '1.0', Forum: 'BF', Beslutsdatum: '2021-03-01' }),
      listed({ Tjansteomrade: 'Ärenden', Version: '1.0' }),
    ]);
    expect(areas.map((a) => [a.area, labels(a.versions)])).toEqual([
      ['Ekonomi', ['1.0 BF', '1.0 TF']],
      ['vård  och omsorg', ['0.10 PF', '0.9 PF']],
      ['Ärenden', ['1.0 PF']],
    ]);
    expect(newestFirst(listed({ Version: '0.10' }), listed({ Version: '0.9' }))).toBeLessThan(0);
  });

  test('a forum compares with the newest earlier version it approved itself, else the newest earlier one; nothing for an area’s first', () => {
    const [it] = approvedByArea([
      listed({ Version: '4.0', Forum: 'BF' }),
      listed({ Version: '3.0', Forum: 'PF' }),
      listed({ Version: '2.0', Forum: 'TF' }),
      listed({ Version: '1.0', Forum: 'PF' }),
    ]);
    expect(labels([previousFor(it.versions, 'PF')!])).toEqual(['3.0 PF']);
    expect(labels([previousFor(it.versions, 'TF')!])).toEqual(['2.0 TF']);
    expect(labels([previousFor(it.versions, 'BF')!])).toEqual(['3.0 PF']);
    expect(previousFor(it.versions.slice(3), 'PF')).toBeNull();
  });
});

withLibrary('reading the library', () => {
  let lib: RunningLibrary;
  let dir: string;
  let t: TestLibrary;
  const AREAS = Array.from({ length: 21 }, (_, i) => `Område ${String(i + 1).padStart(2, '0')}`);
  beforeAll(async () => {
    lib = await startLibrary();
    dir = tempDir('tjp-approved-');
    t = await connect(lib);
    const publish = (area: string, craft?: Craft) => publishPlan(t.library, dir, { area }, craft);
    for (const area of AREAS) await publish(area);
    // A snapshot that does not follow the schema, and a list item anyone edited into a path.
    await publish('Trasig', SCHEMA_BROKEN);
    const edited = await publish('Redigerad');
    await editListFields(lib, edited.itemId, { Tjansteomrade: '../Ekonomi' });
  });
  afterAll(async () => {
    await lib?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('one list query; an item whose columns cannot name a file is left out with the column that says why', async () => {
    const skipped: Skipped[] = [];
    t.reset();
    const areas = await listApproved(t.library, '2022–2024', (why) => skipped.push(why));
    expect(areas.map((a) => a.area)).toEqual([...AREAS, 'Trasig']);
    expect(skipped).toEqual([{ kind: 'unreadable-item', itemId: expect.any(String), field: 'Tjansteomrade' }]);
    expect(t.requests.filter((r) => r.method === 'GET' && /\/items\?/.test(r.url))).toHaveLength(1);
  });

  test('22 snapshots in two batches, progress before each; the bad one read alone, left out with its file and reason, the rest read', async () => {
    const newest = (await listApproved(t.library, '2022–2024')).map((a) => a.versions[0]);
    const skipped: Skipped[] = [];
    const batches: [number, number][] = [];
    t.reset();
    const snapshots = await readSnapshots(t.library, newest, { skip: (why) => skipped.push(why), onBatch: (done, total) => batches.push([done, total]) });
    expect(batches).toEqual([
      [0, 22],
      [20, 22],
    ]);
    expect(snapshots.map((s) => s?.area ?? null)).toEqual([...AREAS, null]);
    expect(skipped).toEqual([{ kind: 'unreadable-snapshot', version: newest[21], fileName: 'Trasig 2022–2024 v1.0.xlsx', reason: expect.any(String) }]);
    // The batch with the bad snapshot is read again one by one (2 of its versions); the first batch once.
    const batchRequests = t.requests.filter((r) => r.method === 'POST' && r.url.endsWith('$batch'));
    expect(batchRequests).toHaveLength(2 + 2);
  });

  test('newestApproved: each area’s newest approved version with its snapshot, what consolidation and prioritisation start from', async () => {
    const skipped: Skipped['kind'][] = [];
    const read = await newestApproved(t.library, '2022–2024', { skip: (why) => skipped.push(why.kind) });
    expect(read.map((r) => [r.version.fields.Tjansteomrade, r.snapshot.area, r.snapshot.version])).toEqual(AREAS.map((a) => [a, a, '1.0']));
    expect(skipped).toEqual(['unreadable-item', 'unreadable-snapshot']);
    expect(await newestApproved(t.library, '2031–2033')).toEqual([]);
  });
});
