/**
 * Prioriteringsforum from the library and the forum's documents beside the plans (issues 13 and 14), with
 * the built command against a local library over real HTTPS: `prioritize --library` sees each area's
 * priorities in its published snapshot and proposes exactly what it proposes from the files;
 * `pack --publish` and `prioritize --publish-decision` put the review pack and the decision in
 * `<period>/Forum/`, named for the forum and the meeting, written once and never overwritten; and the
 * controller's pane finds the newest decision there (app/newestDecision).
 */
import path from 'node:path';
import { newestDecision } from '../../src/app/newestDecision';
import { decisionTables, readDecision } from '../../src/workbook/contract/prioritizationTables';
import { frameWorkbookTables, planTables } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { periodOf } from '../../src/domain/period';
import { sha256Hex } from '../../src/publish/hash';
import { libraryArgs, tempDir, TOKEN, useLibrary, withLibrary } from '../publish/helpers';
import { approvedAt, requestFor } from '../publish/plans';
import { cli, type Run } from './helpers';

jest.setTimeout(180_000);

const PERIOD = '2022–2024';

type Row = { nr: number; name: string; development: number[]; maintenance: (number | null)[]; priority: string | null };

async function writePlan(dir: string, area: string, rows: Row[], version = '1.0', date = '2021-12-08'): Promise<string> {
  const wb = new XlsxWorkbook();
  await wb.createTables(planTables({ area, period: periodOf(2022, 2024), owner: 'Controller', initiatives: rows, versions: approvedAt(version, 'PF', date) }));
  const file = path.join(dir, `${area} v${version}.xlsx`);
  await wb.save(file);
  return file;
}

interface PrioritizeJson {
  years: Record<string, unknown>;
  proposal: Record<string, unknown>[];
  after: Record<string, unknown>;
  misses: unknown[];
  initiatives: { area: string; file: string; initiative: string; priority: string | null; development: Record<string, number>; proposed: Record<string, number> }[];
}

withLibrary('Prioriteringsforum from the library, and the forum documents beside the plans', () => {
  const lib = useLibrary();
  let dir: string;
  let files: string[];
  let frame: string;
  beforeAll(async () => {
    dir = tempDir('tjp-forum-');
    files = [
      await writePlan(dir, 'Ekonomi', [
        { nr: 1, name: 'Lagkrav arkiv', development: [1000, 500, 0], maintenance: [0, 50, 50], priority: 'Måste' },
        { nr: 2, name: 'Pott för förstudier', development: [800, 0, 0], maintenance: [0, 0, 0], priority: 'Kan' },
        { nr: 3, name: 'Nytt ekonomisystem', development: [600, 600, 0], maintenance: [0, 0, 100], priority: 'Bör' },
      ]),
      // No maintenance impact stated at all, and one row without a priority.
      await writePlan(dir, 'IT', [
        { nr: 1, name: 'Ny plattform', development: [2000, 1000, 0], maintenance: [null, null, null], priority: null },
        { nr: 2, name: 'Pott för automatisering', development: [300, 300, 300], maintenance: [null, null, null], priority: 'Kan' },
      ]),
    ];
    for (const f of files) expect((await lib.client.library.publish(await requestFor(f))).kind).toBe('published');
    const wb = new XlsxWorkbook();
    await wb.createTables(frameWorkbookTables([], [{ year: 2022, development: 3000, operations: null }]));
    frame = path.join(dir, 'budgetram.xlsx');
    await wb.save(frame);
  });

  const withLib = (...args: string[]) => [...args, ...libraryArgs(lib)];

  describe('prioritize --library', () => {
    let run: Run;
    let fromLibrary: PrioritizeJson;
    let fromFiles: PrioritizeJson;
    beforeAll(async () => {
      run = await cli(withLib('prioritize', '--json', '--frame', frame, '--period', PERIOD, '--out', path.join(dir, 'forslag.xlsx')));
      fromLibrary = JSON.parse(run.stdout) as PrioritizeJson;
      fromFiles = JSON.parse((await cli(['prioritize', '--json', '--frame', frame, ...files])).stdout) as PrioritizeJson;
    });

    it('exits 0 with nothing on stderr, naming each plan by its file in the library', () => {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect([...new Set(fromLibrary.initiatives.map((i) => i.file))]).toEqual([`Ekonomi ${PERIOD} v1.0.xlsx`, `IT ${PERIOD} v1.0.xlsx`]);
    });

    it('sees the priorities the plans state (Måste, Kan, Bör, none) in the published snapshots', () => {
      expect(fromLibrary.initiatives.map((i) => [i.area, i.initiative, i.priority])).toEqual([
        ['Ekonomi', 'Lagkrav arkiv', 'Måste'],
        ['Ekonomi', 'Pott för förstudier', 'Kan'],
        ['Ekonomi', 'Nytt ekonomisystem', 'Bör'],
        ['IT', 'Ny plattform', null],
        ['IT', 'Pott för automatisering', 'Kan'],
      ]);
    });

    it('proposes exactly what it proposes from the files: 4 700 tkr in 2022 brought within 3 000, Måste untouched', () => {
      const strip = (j: PrioritizeJson) => ({ ...j, initiatives: j.initiatives.map(({ file: _f, ...rest }) => rest) });
      expect(strip(fromLibrary)).toEqual(strip(fromFiles));
      expect(fromLibrary.years['2022']).toEqual({ development: 4700, frame: 3000, excess: 1700 });
      expect(fromLibrary.after['2022']).toEqual({ development: 3000, excess: 0 });
      const must = fromLibrary.initiatives.find((i) => i.priority === 'Måste')!;
      expect(must.proposed).toEqual(must.development);
    });

    it('refuses plan files and --library together, and --period without --library', async () => {
      const both = await cli(withLib('prioritize', '--frame', frame, files[0]));
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('inte båda');
      const period = await cli(['prioritize', '--frame', frame, '--period', PERIOD, files[0]]);
      expect(period.stderr).toContain('--period gäller bara med --library');
    });
  });

  describe('pack --publish', () => {
    const NAME = 'Granskningsunderlag PF 2021-03-18.xlsx';
    let first: Run;
    beforeAll(async () => {
      first = await cli(withLib('pack', '--period', PERIOD, '--forum', 'PF', '--publish', '--date', '2021-03-18'));
    });

    it('puts the pack in 2022–2024/Forum, named for the forum and the meeting, and says where members open it', async () => {
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(new RegExp(`^${PERIOD}/Forum/${NAME}: publicerat i biblioteket, granskningsunderlag för PF ${PERIOD}, 2 tjänsteområden.*: https://`));
      const docs = await lib.client.library.listForumDocuments(PERIOD);
      expect(docs.map((d) => [d.kind, d.forum, d.date, d.name])).toEqual([['Granskningsunderlag', 'PF', '2021-03-18', NAME]]);
      expect(first.stdout.trim().endsWith(docs[0].webUrl)).toBe(true);
    });

    it('is a workbook members can open: the pack itself, the same tables as --out writes', async () => {
      const [doc] = await lib.client.library.listForumDocuments(PERIOD);
      const url = `${lib.info.url}/drives/${encodeURIComponent(lib.info.driveId)}/items/${doc.itemId}`;
      const item = (await (await libFetch(url)).json()) as { '@microsoft.graph.downloadUrl': string; size: number };
      const bytes = new Uint8Array(await (await libFetch(item['@microsoft.graph.downloadUrl'], false)).arrayBuffer());
      const published = (await (await XlsxWorkbook.fromBytes(bytes)).readTables()).map((t) => t.name);
      const out = path.join(dir, 'pack.xlsx');
      expect((await cli(withLib('pack', '--period', PERIOD, '--forum', 'PF', '--out', out))).code).toBe(0);
      expect(published).toEqual((await (await XlsxWorkbook.open(out)).readTables()).map((t) => t.name));
      expect(published).toContain('Oversikt');
    });

    it('carries the list columns Planperiod, Forum and Beslutsdatum, no area or version, so it is never taken for a plan', async () => {
      const [doc] = await lib.client.library.listForumDocuments(PERIOD);
      const fields = (await (await libFetch(`${lib.info.url}/drives/${encodeURIComponent(lib.info.driveId)}/items/${doc.itemId}/listItem/fields`)).json()) as Record<string, unknown>;
      expect({ Planperiod: fields.Planperiod, Forum: fields.Forum, Beslutsdatum: String(fields.Beslutsdatum).slice(0, 10) }).toEqual({ Planperiod: PERIOD, Forum: 'PF', Beslutsdatum: '2021-03-18' });
      expect(fields.Tjansteomrade ?? '').toBe('');
      expect(fields.Version ?? '').toBe('');
      expect((await lib.client.library.listVersions(PERIOD)).map((v) => v.fields.Tjansteomrade).sort()).toEqual(['Ekonomi', 'IT']);
    });

    it('the same pack again is recognised (its bytes differ, its tables do not): exit 0, nothing written', async () => {
      const again = await cli(withLib('pack', '--period', PERIOD, '--forum', 'PF', '--publish', '--date', '2021-03-18'));
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`${NAME}: redan publicerat i biblioteket`);
      expect(await lib.client.library.listForumDocuments(PERIOD)).toHaveLength(1);
    });

    it('another pack under the same name is a conflict: exit 1, the first left as it was', async () => {
      const before = await publishedHash(NAME);
      // A newer approved version of IT changes what the pack says.
      const v2 = await writePlan(dir, 'IT', [{ nr: 1, name: 'Ny plattform', development: [1500, 1000, 0], maintenance: [null, null, null], priority: null }], '2.0', '2022-01-10');
      expect((await lib.client.library.publish(await requestFor(v2))).kind).toBe('published');
      const other = await cli(withLib('pack', '--period', PERIOD, '--forum', 'PF', '--publish', '--date', '2021-03-18'));
      expect(other.code).toBe(1);
      expect(other.stderr).toContain(`${PERIOD}/Forum/${NAME} finns redan i biblioteket med annat innehåll; inget skrevs över`);
      expect(await publishedHash(NAME)).toBe(before);
      // Another meeting's pack is a document of its own.
      expect((await cli(withLib('pack', '--period', PERIOD, '--forum', 'PF', '--publish', '--date', '2021-04-15'))).code).toBe(0);
      expect((await lib.client.library.listForumDocuments(PERIOD)).map((d) => d.date).sort()).toEqual(['2021-03-18', '2021-04-15']);
    });

    it('needs --out or --publish, and --date only with --publish', async () => {
      expect((await cli(withLib('pack', '--period', PERIOD, '--forum', 'PF'))).stderr).toContain('ange --out FIL.xlsx, --publish eller båda');
      const date = await cli(withLib('pack', '--period', PERIOD, '--forum', 'PF', '--out', path.join(dir, 'x.xlsx'), '--date', '2021-03-18'));
      expect(date.stderr).toContain('--date gäller bara med --publish');
      expect((await cli(withLib('pack', '--period', PERIOD, '--forum', 'PF', '--publish', '--date', '2021-13-45'))).stderr).toContain('är inget datum');
    });
  });

  describe('prioritize --publish-decision, and the decision the controller applies', () => {
    let decisionFile: string;
    let run: Run;
    beforeAll(async () => {
      // The forum accepts the proposal as it stands: its rows become the decision, saved in a workbook.
      const proposalFile = path.join(dir, 'forslag-beslut.xlsx');
      expect((await cli(withLib('prioritize', '--frame', frame, '--period', PERIOD, '--out', proposalFile))).code).toBe(0);
      const proposal = readDecision(await (await XlsxWorkbook.open(proposalFile)).readTables(), 'Förslag')!;
      const wb = new XlsxWorkbook();
      await wb.createTables(decisionTables({ forum: 'PF', date: '2021-03-18', period: PERIOD, status: 'Beslut' }, proposal.rows, []));
      decisionFile = path.join(dir, 'beslut.xlsx');
      await wb.save(decisionFile);
      run = await cli(withLib('prioritize', '--publish-decision', decisionFile));
    });

    it('puts it beside the pack in 2022–2024/Forum as Prioriteringsbeslut PF 2021-03-18.xlsx', async () => {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^${PERIOD}/Forum/Prioriteringsbeslut PF 2021-03-18.xlsx: publicerat i biblioteket, \\d+ ändrade belopp: https://`));
      expect((await lib.client.library.listForumDocuments(PERIOD)).filter((d) => d.kind === 'Prioriteringsbeslut').map((d) => d.name)).toEqual(['Prioriteringsbeslut PF 2021-03-18.xlsx']);
    });

    it("is found by the controller's pane as the period's newest decision, with exactly the workbook's rows", async () => {
      const found = await newestDecision(lib.client.library, PERIOD);
      const saved = readDecision(await (await XlsxWorkbook.open(decisionFile)).readTables())!;
      expect(found?.document.name).toBe('Prioriteringsbeslut PF 2021-03-18.xlsx');
      expect(found?.decision.info).toEqual({ forum: 'PF', date: '2021-03-18', period: PERIOD, status: 'Beslut' });
      expect(found?.decision.rows).toEqual(saved.rows);
      expect(found!.decision.rows.some((r) => r.area === 'IT')).toBe(true);
      expect(await newestDecision(lib.client.library, '2025–2027')).toBeNull();
    });

    it('the same decision again is already there; another decision of that meeting is a conflict (exit 1)', async () => {
      const again = await cli(withLib('prioritize', '--publish-decision', decisionFile));
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('redan publicerat');
      const saved = readDecision(await (await XlsxWorkbook.open(decisionFile)).readTables())!;
      const wb = new XlsxWorkbook();
      await wb.createTables(decisionTables({ forum: 'PF', date: '2021-03-18', period: PERIOD, status: 'Beslut' }, saved.rows.slice(1), []));
      const other = path.join(dir, 'annat-beslut.xlsx');
      await wb.save(other);
      const conflict = await cli(withLib('prioritize', '--publish-decision', other));
      expect(conflict.code).toBe(1);
      expect(conflict.stderr).toContain('finns redan i biblioteket med ett annat beslut; inget skrevs över');
      expect((await newestDecision(lib.client.library, PERIOD))?.decision.rows).toEqual(saved.rows);
    });

    it('a later meeting decides anew: its decision is the newest', async () => {
      const saved = readDecision(await (await XlsxWorkbook.open(decisionFile)).readTables())!;
      const wb = new XlsxWorkbook();
      await wb.createTables(decisionTables({ forum: 'BF', date: '2021-04-15', period: PERIOD, status: 'Beslut' }, saved.rows.slice(0, 1), []));
      const later = path.join(dir, 'beslut-bf.xlsx');
      await wb.save(later);
      expect((await cli(withLib('prioritize', '--publish-decision', later))).code).toBe(0);
      const found = await newestDecision(lib.client.library, PERIOD);
      expect([found?.document.name, found?.decision.rows.length]).toEqual(['Prioriteringsbeslut BF 2021-04-15.xlsx', 1]);
    });

    it('refuses a workbook without a decision, and --publish-decision without --library', async () => {
      const none = await cli(withLib('prioritize', '--publish-decision', frame));
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('inget Prioriteringsbeslut');
      expect((await cli(['prioritize', '--publish-decision', decisionFile])).stderr).toContain('--publish-decision kräver --library');
    });
  });

  /** Graph on the library with the token; a file URL without it (the file host refuses a token). */
  async function libFetch(url: string, withToken = true): Promise<Response> {
    const { trustingDispatcher } = await import('../simulators/library/helpers');
    const dispatcher = await trustingDispatcher(lib.info.ca);
    try {
      const response = await fetch(url, { headers: withToken ? { authorization: `Bearer ${TOKEN}` } : {}, dispatcher } as RequestInit);
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      await dispatcher.close();
    }
  }

  async function publishedHash(name: string): Promise<string> {
    const doc = (await lib.client.library.listForumDocuments(PERIOD)).find((d) => d.name === name)!;
    const item = (await (await libFetch(`${lib.info.url}/drives/${encodeURIComponent(lib.info.driveId)}/items/${doc.itemId}`)).json()) as { '@microsoft.graph.downloadUrl': string };
    return sha256Hex(new Uint8Array(await (await libFetch(item['@microsoft.graph.downloadUrl'], false)).arrayBuffer()));
  }
});
