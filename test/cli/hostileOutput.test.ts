/**
 * Issue 15, printed text: cell text with ESC and BEL sequences never reaches the terminal as control
 * characters, and a cell's huge cached text is echoed cut short, saying so and how long it was.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { frameWorkbookTables } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { measuredCli, planFile, planInput, tempDir } from './hostile/build';

jest.setTimeout(60_000);

// In the file a cell's control characters are `_xHHHH_` escapes (XML cannot carry them); both readers
// decode them, as Excel does. exceljs writes the escape text as it is, so this is what the plan holds.
const ESC_TITLE = '_x001B_]0;pwned_x0007_';
const ESC_COLOUR = '_x001B_[31m';
// eslint-disable-next-line no-control-regex -- the characters the output must not hold
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('printed text from cells', () => {
  it('consolidate prints an area name and an initiative with terminal sequences without them', async () => {
    const input = planInput(`Ekonomi${ESC_TITLE}${ESC_COLOUR}`);
    input.initiatives![0].name = `Stort${ESC_COLOUR} system_x0007_`;
    // Over the frame, so the brief names the initiative.
    input.initiatives![0].development = [9000, 500, 0];
    const plan = await planFile(path.join(dir, 'esc.xlsx'), input);
    const frame = path.join(dir, 'ram.xlsx');
    const wb = new XlsxWorkbook();
    const years = [2022, 2023, 2024].map((year) => ({ year, development: 5000, operations: null }));
    await wb.createTables(frameWorkbookTables([{ area: input.area, years }], years));
    await wb.save(frame);

    const run = await measuredCli(['consolidate', '--frame', frame, plan]);
    expect(run.stdout).toContain('Ekonomi]0;pwned[31m');
    expect(run.stdout).toContain('Stort[31m system');
    expect(run.stdout).not.toMatch(CONTROLS);
    expect(run.stderr).not.toMatch(CONTROLS);
  });

  it('validate echoes a formula whose cached result is 5 MB of text cut short, with its length', async () => {
    const huge = 'x'.repeat(5_000_000);
    const plan = await planFile(path.join(dir, 'lang.xlsx'), planInput(), (wb) => {
      // The first initiative's Utveckling 2022: Nr, Initiativ, then the amounts.
      const table = wb.workbook.getWorksheet('Tjänsteplan')!.getTable('Initiativ') as unknown as { table: { tableRef: string } };
      const top = Number(/\d+/.exec(table.table.tableRef)![0]);
      wb.workbook.getWorksheet('Tjänsteplan')!.getCell(top + 1, 3).value = { formula: 'REPT("x",5000000)', result: huge };
    });
    const run = await measuredCli(['validate', plan]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('NOT_A_NUMBER');
    expect(run.stdout).toMatch(/… \(5\s000\s000 tecken\)/);
    expect(run.stdout.length).toBeLessThan(10_000);

    const json = await measuredCli(['validate', '--json', '--lang', 'en', plan]);
    expect(json.stdout).toMatch(/… \(5\s000\s000 characters\)/);
    expect(json.stdout.length).toBeLessThan(10_000);
  });
});
