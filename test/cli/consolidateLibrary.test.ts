/**
 * `tjansteplan consolidate --library` (the built command, spawned) against a local library over real HTTPS:
 * each area's newest approved snapshot, read with one list query and ⌈areas/20⌉ JSON batches — counted by
 * the library itself (GET /_library/stats) — and the same consolidation as from the files.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { parsePeriod } from '../../src/domain/period';
import { frameWorkbookTables } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { connect, libraryArgs, startLibrary, tempDir, TOKEN, useLibrary, withLibrary } from '../publish/helpers';
import { approvedAt, requestFor, writePlan } from '../publish/plans';
import { cli, type ConsolidateJson, type Run } from './helpers';
import { CHANGE, FRAME, libraryStats, publishSamples, SAMPLE_FILES, type PublishedSamples } from './librarySamples';

jest.setTimeout(180_000);

/** Requests that reached Graph itself: not the steps inside a batch, not the pre-authenticated downloads. */
function graphRequests(byRoute: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(byRoute).filter(([k]) => !k.startsWith('step ') && !/^\w+ (download|upload)$/.test(k)));
}

const withoutFile = (j: ConsolidateJson) => ({ ...j, areas: j.areas.map(({ file: _file, ...rest }) => rest) });

withLibrary('consolidate --library against the local library', () => {
  const lib = useLibrary();
  let dir: string;
  let samples: PublishedSamples;
  beforeAll(async () => {
    dir = tempDir('tjp-consolidate-');
    samples = await publishSamples(lib, dir);
  });

  const fromLibrary = (...extra: string[]) => cli(['consolidate', '--json', '--frame', FRAME, ...libraryArgs(lib), ...extra]);
  const parse = (run: Run) => JSON.parse(run.stdout) as ConsolidateJson;

  describe('the nine samples, IT approved twice', () => {
    let run: Run;
    let json: ConsolidateJson;
    let stats: Awaited<ReturnType<typeof libraryStats>>;
    let files: ConsolidateJson;
    beforeAll(async () => {
      await libraryStats(lib, 'DELETE');
      run = await fromLibrary();
      stats = await libraryStats(lib);
      json = parse(run);
      files = parse(await cli(['consolidate', '--json', '--frame', FRAME, ...samples.first]));
    });

    it('exits 0 (the city over its frame is a warning) with nothing on stderr', () => {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    });

    it('reads one list query and one JSON batch for nine areas, counted by the library', () => {
      expect(graphRequests(stats.byRoute)).toEqual({ 'GET listItems': 1, 'POST batch': Math.ceil(9 / 20) });
      expect(stats.byRoute['step GET item/content']).toBe(9);
      expect(stats.steps).toBe(9);
      // Anything else went to the pre-authenticated download URLs the batch steps point to, outside Graph.
      expect(stats.requests - 2).toBeLessThanOrEqual(9);
    });

    it('gives the unchanged areas exactly the figures of their files, and the same versions', () => {
      expect(json.areas).toHaveLength(9);
      for (const a of json.areas.filter((x) => x.area !== CHANGE.area)) {
        const f = files.areas.find((x) => x.area === a.area)!;
        expect({ area: a.area, version: a.version, years: a.years }).toEqual({ area: f.area, version: f.version, years: f.years });
        expect(a.file).toBe(`${a.area} 2022–2024 v${a.version}.xlsx`);
      }
    });

    it('uses IT v4.0 (BF), not v3.0: its 2023 development is 500 tkr lower', () => {
      const it = json.areas.find((a) => a.area === CHANGE.area)!;
      const before = files.areas.find((a) => a.area === CHANGE.area)!;
      expect(before.version).toBe('3.0');
      expect(it.version).toBe('4.0');
      expect(it.file).toBe('IT 2022–2024 v4.0.xlsx');
      expect(it.years['2023'].development).toBe(before.years['2023'].development! - 500);
      expect(it.years['2022']).toEqual(before.years['2022']);
    });

    it('2022: 143 942 tkr against 121 600 → CITY_OVER_FRAME 22 342 (a warning), as from the files; 2023 is 500 tkr lower', () => {
      expect(json.city['2022']).toEqual({ development: 143942, frame: 121600, excess: 22342 });
      expect(json.city['2022']).toEqual(files.city['2022']);
      expect(json.city['2023'].development).toBe(files.city['2023'].development! - 500);
      expect(json.findings).toHaveLength(1);
      expect(json.findings[0]).toMatchObject({ code: 'CITY_OVER_FRAME', severity: 'warning', year: 2022, excess: 22342 });
      expect(json.findings).toEqual(files.findings);
    });

    it('is the consolidation of the files that are the newest approved versions (IT v4.0 among them), but for the file names', async () => {
      const newest = parse(await cli(['consolidate', '--json', '--frame', FRAME, ...samples.first.map((f, i) => (SAMPLE_FILES[i].includes('-it-') ? samples.changed : f))]));
      const sorted = (j: ConsolidateJson) => ({ ...withoutFile(j), areas: withoutFile(j).areas.sort((a, b) => a.area.localeCompare(b.area, 'sv')) });
      expect(sorted(json)).toEqual(sorted(newest));
    });
  });

  it('prints the readable summary and writes the Sammanställning workbook with --out, as for files', async () => {
    const out = path.join(dir, 'sammanstallning.xlsx');
    const run = await cli(['consolidate', '--out', out, '--frame', FRAME, ...libraryArgs(lib), '--period', '2022-2024']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Staden totalt\s+143 942\s+7 770\s+121 600\s+22 342 över ram$/m);
    // 131 261 from the files, IT 500 lower in its v4.0.
    expect(run.stdout).toMatch(/^Staden totalt\s+130 761\s+\d[\d ]*\s+–\s+–$/m);
    expect(run.stdout).toMatch(/VARNING\s+CITY_OVER_FRAME\s+Budgetram!C31/);
    // The city budget comes from the frame workbook, whichever way the plans are read.
    expect(run.stdout).toContain('2022: 1 105,6 mkr = 984,0 mkr förvaltning + 121,6 mkr utveckling.');
    // It says where the workbook went, as a full path.
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`Arbetsboken Sammanställning är skriven till ${path.resolve(out)}.`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(Object.keys((wb.getWorksheet('Sammanställning') as unknown as { tables: object }).tables).sort()).toEqual(['Omradesniva', 'Stadsniva']);
    const itRow = wb.getWorksheet('Sammanställning')!.getRows(2, 40)!.find((r) => r.getCell(1).value === 'IT' && r.getCell(3).value === 2023)!;
    expect(itRow.getCell(2).value).toBe('4.0');
  });

  it('45 areas in another period: still one list query, and ⌈45/20⌉ = 3 batches; the period comes from the frame', async () => {
    const period = '2025–2027';
    const years = parsePeriod(period)!.years;
    const areas = Array.from({ length: 45 }, (_, i) => `Område ${String(i + 1).padStart(2, '0')}`);
    const t = await connect(lib);
    for (const area of areas) await t.library.publish(await requestFor(await writePlan(dir, { area, period, versions: approvedAt('1.0') })));
    const frame = new XlsxWorkbook();
    await frame.createTables(
      frameWorkbookTables(
        areas.map((area) => ({ area, years: years.map((year) => ({ year, development: 10_000, operations: 50_000 })) })),
        years.map((year) => ({ year, development: 50_000, operations: 2_250_000 })),
      ),
    );
    const frameFile = path.join(dir, 'budgetram-2025-2027.xlsx');
    await frame.save(frameFile);

    await libraryStats(lib, 'DELETE');
    const run = await cli(['consolidate', '--json', '--frame', frameFile, ...libraryArgs(lib)]);
    const stats = await libraryStats(lib);
    expect(run.stderr).toBe('');
    expect(graphRequests(stats.byRoute)).toEqual({ 'GET listItems': 1, 'POST batch': 3 });
    expect(stats.steps).toBe(45);
    const json = parse(run);
    expect(json.areas.map((a) => a.area)).toEqual(areas);
    // writePlan: 1 000 + 200 tkr of development in the first year, 45 areas against the city's 50 000.
    expect(json.city['2025']).toEqual({ development: 54_000, frame: 50_000, excess: 4_000 });
    expect(run.code).toBe(0);
  });

  describe('what it refuses', () => {
    it('files and --library together, or neither: exit 2 with one line', async () => {
      const both = await cli(['consolidate', '--frame', FRAME, '--library', lib.address, '--token', TOKEN, samples.first[0]]);
      expect(both.code).toBe(2);
      expect(both.stderr.trim().split('\n')).toHaveLength(1);
      expect(both.stderr).toContain('inte båda');
      const neither = await cli(['consolidate', '--frame', FRAME]);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toContain('--library');
    });

    it('a frame it cannot read: exit 2 before the library is asked', async () => {
      await libraryStats(lib, 'DELETE');
      const run = await cli(['consolidate', '--frame', path.join(dir, 'finns-inte.xlsx'), ...libraryArgs(lib)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('filen finns inte');
      expect((await libraryStats(lib)).requests).toBe(0);
    });

    it('a wrong token: exit 2 with one line', async () => {
      const run = await cli(['consolidate', '--frame', FRAME, '--library', lib.address, '--token', 'fel', '--ca', lib.info.ca]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('401');
    });

    it('an unreachable library: exit 2 after the retries, one line, no stack trace', async () => {
      const gone = await startLibrary();
      await gone.stop();
      const run = await cli(['consolidate', '--json', '--frame', FRAME, ...libraryArgs(gone)]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^tjansteplan: --library https:\/\/localhost:\d+\/v1\.0\/\S+: .*biblioteket svarar inte/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    });
  });

  describe('a throttled and unsteady library', () => {
    it('gives the same consolidation through 429 and 503 answers (Retry-After honoured)', async () => {
      await libraryStats(lib, 'DELETE');
      const clean = parse(await fromLibrary());
      const cleanStats = await libraryStats(lib);
      const { readCa, trustedFetch } = await import('../../src/publish/node/trustedFetch');
      const fetch = trustedFetch(await readCa(lib.info.ca));
      // The list query is throttled once and the first batch answered 503 once; the command must retry both.
      const set = await fetch(`${new URL(lib.info.url).origin}/_library/faults`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
        body: '429:GET:/items:1:retry-after=1;503:POST:/$batch:1:retry-after=1',
      });
      expect(set.status).toBeLessThan(300);
      await libraryStats(lib, 'DELETE');
      const run = await fromLibrary();
      const stats = await libraryStats(lib);
      expect(run.code).toBe(0);
      expect(withoutFile(parse(run))).toEqual(withoutFile(clean));
      // Both faults fired and each was followed by exactly one retry.
      expect(stats.requests).toBe(cleanStats.requests + 2);
    });
  });
});
