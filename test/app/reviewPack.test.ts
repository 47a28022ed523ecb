/**
 * The review pack as one action (src/app/reviewPack.ts), against a local library over HTTPS holding the nine
 * samples (IT approved by PF as 3.0, then by BF as 4.0 with one change; Kultur och fritid and HR with an
 * earlier approval): per area the presented version and the one the forum compares with, the workbook's
 * bytes through the write port (titled sheets, real tables), and publishing it once beside the plans —
 * the same pack again recognised, another under its name a conflict, never an overwrite.
 */
import ExcelJS from 'exceljs';
import { rmSync } from 'node:fs';
import { LibraryUnavailable } from '../../src/publish/errors';
import { buildReviewPack, type ReviewPackOutcome } from '../../src/app/reviewPack';
import type { PackSheet } from '../../src/workbook/contract/reviewPackTables';
import { sheetsToXlsx } from '../../src/workbook/file/tablesToXlsx';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { connect, faultSpec, startLibrary, tempDir, withLibrary, type RunningLibrary, type TestLibrary } from '../publish/helpers';
import { approvedAt, requestFor, writePlan } from '../publish/plans';
import { CHANGE, publishSamples } from '../cli/librarySamples';

jest.setTimeout(180_000);

const PERIOD = '2022–2024';
type Built = Extract<ReviewPackOutcome, { kind: 'built' }>;

withLibrary('the review pack action', () => {
  let lib: RunningLibrary;
  let dir: string;
  let t: TestLibrary;
  const written: (readonly PackSheet[])[] = [];
  const write = (sheets: readonly PackSheet[]) => {
    written.push(sheets);
    return sheetsToXlsx(sheets);
  };
  beforeAll(async () => {
    lib = await startLibrary();
    dir = tempDir('tjp-app-pack-');
    await publishSamples(lib, dir);
    t = await connect(lib);
  });
  afterAll(async () => {
    await lib?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('PF: every area’s newest approved version, each compared with what PF approved before; IT’s one change as a note', async () => {
    const outcome = (await buildReviewPack({ forum: 'PF', period: PERIOD }, { library: t.library, write })) as Built;
    expect(outcome.kind).toBe('built');
    expect(outcome.publication).toBeUndefined();
    const { pack } = outcome;
    expect(pack.areas).toHaveLength(9);
    const it = pack.areas.find((a) => a.area === CHANGE.area)!;
    expect([it.presented.version, it.presented.forum, it.previous?.version, it.previous?.forum]).toEqual(['4.0', 'BF', '3.0', 'PF']);
    expect(it.notes).toHaveLength(1);
    expect(it.notes[0]).toContain(CHANGE.name);
    // HR's earlier version was PF's own 0.5: what PF saw last time.
    expect(pack.areas.find((a) => a.area === 'HR')!.previous).toMatchObject({ version: '0.5', forum: 'PF' });
    // An area approved once has nothing to compare with.
    expect(pack.areas.find((a) => a.area === 'Ekonomi')!.previous).toBeNull();
    expect(outcome.changed).toBe(pack.areas.filter((a) => a.notes.length > 0).length);
    expect(outcome.changed).toBeGreaterThanOrEqual(3);
    expect(written.at(-1)).toBe(pack.sheets);
  });

  test('the bytes are the workbook members open: each sheet’s title bold in A1, the pack’s tables below it, as written', async () => {
    const { pack, bytes } = (await buildReviewPack({ forum: 'TF', period: PERIOD }, { library: t.library, write })) as Built;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(pack.sheets.map((s) => s.name));
    for (const sheet of pack.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      expect([ws.getCell('A1').value, ws.getCell('A1').font?.bold]).toEqual([sheet.title, true]);
      // The first table's header below the title, with an empty row between.
      expect([ws.getCell('A2').value, ws.getCell('A3').value]).toEqual([null, sheet.tables[0].headers[0]]);
    }
    const tables = await (await XlsxWorkbook.fromBytes(bytes)).readTables();
    expect(tables.map((x) => [x.sheet, x.name, x.headers])).toEqual(pack.sheets.flatMap((s) => s.tables.map((x) => [s.name, x.name, x.headers])));
    expect(tables.find((x) => x.name === 'Oversikt')!.body.map((r) => r[0])).toEqual(pack.areas.map((a) => a.area));
  });

  test('published once beside the plans; the same pack again is recognised; another pack under that name is a conflict and nothing is overwritten', async () => {
    const request = { forum: 'PF' as const, period: PERIOD, publish: { date: '2022-03-18' } };
    const first = (await buildReviewPack(request, { library: t.library, write })) as Built;
    expect(first.publication).toMatchObject({ kind: 'published', document: { name: 'Granskningsunderlag PF 2022-03-18.xlsx', webUrl: expect.stringMatching(/^https:/) } });
    const again = (await buildReviewPack(request, { library: t.library, write })) as Built;
    expect(again.publication).toMatchObject({ kind: 'already-published', document: { name: 'Granskningsunderlag PF 2022-03-18.xlsx' } });

    // A newer approved version changes what the pack says.
    const newer = await writePlan(dir, { area: 'Ekonomi', versions: approvedAt('9.0', 'BF', '2022-03-01'), development: 4321 });
    expect((await t.library.publish(await requestFor(newer))).kind).toBe('published');
    const other = (await buildReviewPack(request, { library: t.library, write })) as Built;
    expect(other.publication).toMatchObject({ kind: 'conflict', existing: { name: 'Granskningsunderlag PF 2022-03-18.xlsx' } });
    expect((await t.library.listForumDocuments(PERIOD)).map((d) => d.name)).toEqual(['Granskningsunderlag PF 2022-03-18.xlsx']);
  });

  test('a period without an approved version: nothing built, nothing written, nothing published', async () => {
    const before = written.length;
    const outcome = await buildReviewPack({ forum: 'BF', period: '2031–2033', publish: { date: '2030-03-18' } }, { library: t.library, write });
    expect(outcome).toEqual({ kind: 'nothing-approved', period: '2031–2033' });
    expect(written).toHaveLength(before);
    expect(await t.library.listForumDocuments('2031–2033')).toEqual([]);
  });

  test('the library out of reach: the action throws LibraryUnavailable (the pane says so, the command exits 2), nothing written', async () => {
    const gone = await startLibrary();
    const unreachable = await connect(gone);
    await gone.stop();
    const before = written.length;
    await expect(buildReviewPack({ forum: 'PF', period: PERIOD, publish: { date: '2022-03-18' } }, { library: unreachable.library, write })).rejects.toBeInstanceOf(LibraryUnavailable);
    expect(written).toHaveLength(before);
  });

  test('the library refusing the pack’s upload: the pack is built all the same, the publication says it failed and why', async () => {
    const refusing = await startLibrary({ faults: faultSpec({ method: 'PUT', path: 'Granskningsunderlag', status: 403, times: 100 }) });
    try {
      const r = await connect(refusing);
      expect((await r.library.publish(await requestFor(await writePlan(dir, { area: 'Ekonomi', versions: approvedAt('1.0') })))).kind).toBe('published');
      const outcome = (await buildReviewPack({ forum: 'PF', period: PERIOD, publish: { date: '2022-03-18' } }, { library: r.library, write })) as Built;
      expect(outcome.pack.areas.map((a) => a.area)).toEqual(['Ekonomi']);
      expect(outcome.publication).toEqual({ kind: 'failed', message: expect.stringMatching(/\S/) });
      expect(await r.library.listForumDocuments(PERIOD)).toEqual([]);
    } finally {
      await refusing.stop();
    }
  });
});
