/**
 * The Sammanställning workbook as finance prints it: A4 landscape, one page wide, a title and the period on
 * every page, the header row repeated; the Summa never adds years together; deviations read in words; the
 * Ramavvikelse sheet reads as a page; and the city's whole budget on its own sheet (real figures of 2022).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEVIATION_FORMAT } from '../../src/workbook/contract/consolidationTables';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { cli, loadManifest } from './helpers';

jest.setTimeout(120_000);

const samples = loadManifest().consolidate.find((c) => c.name === 'nio-exempelplaner')!;

describe('consolidate --out: the Sammanställning workbook', () => {
  let dir: string;
  let out: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tjp-sammanstallning-'));
    out = path.join(dir, 'sammanstallning.xlsx');
    const run = await cli(['consolidate', '--out', out, '--frame', samples.frame, ...samples.files]);
    expect(run.code).toBe(0);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every sheet on A4 landscape, one page wide, with title, period and repeated header row', () => {
    const sheets = ['Sammanställning', 'Ramavvikelse', 'Budget'];
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(sheets));
    for (const name of sheets) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(ws.headerFooter.oddHeader).toContain('Ekonomisk sammanställning');
      expect(ws.headerFooter.oddHeader).toContain('Planperiod 2022–2024 (tkr)');
      expect(ws.headerFooter.oddFooter).toContain('Sida &P av &N');
    }
  });

  it('the area table: Påverkan vidmakthålla, deviations in words, and no Summa adding the years together', async () => {
    const tables = await (await XlsxWorkbook.open(out)).readTables();
    const area = tables.find((t) => t.name === 'Omradesniva')!;
    expect(area.headers).toEqual(['Tjänsteområde', 'Version', 'År', 'Utveckling', 'Påverkan vidmakthålla', 'Ram', 'Avvikelse']);
    expect(area.totals).toBeNull();
    const ws = wb.getWorksheet('Sammanställning')!;
    expect(ws.getCell(area.headerRow + 1, 7).numFmt).toBe(DEVIATION_FORMAT);
    // Kommunikation states no maintenance impact: the cell stays empty, never 0.
    const kommunikation = area.body.filter((r) => r[0] === 'Kommunikation');
    expect(kommunikation.map((r) => r[4])).toEqual([null, null, null]);
    // The city per year, each year on its own row: 143 942 in 2022.
    const city = tables.find((t) => t.name === 'Stadsniva')!;
    expect(city.body.map((r) => [r[0], (r[1] as { result: number }).result])).toEqual([
      [2022, 143942],
      [2023, 131261],
      [2024, 105400],
    ]);
  });

  it('the Ramavvikelse sheet reads as a page: the sentence and the initiatives in one wide, wrapped column', () => {
    const ws = wb.getWorksheet('Ramavvikelse')!;
    expect(ws.getCell('B1').value).toBe('Ramavvikelse');
    expect(String(ws.getCell('B2').value)).toContain('2022: utveckling 143 942 tkr är 22,3 mkr (22 342 tkr) över stadens ram 121 600 tkr.');
    expect(ws.getCell('B2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(60);
    const head = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(2).value === 'Initiativ')!;
    expect(head.getCell(1).value).toBe('År');
    expect(ws.getCell(head.number + 1, 2).value).toBe('Utveckla tjänster för huvudmannaprocesser, skoladministration samt undervisning');
    // The 2022 sentence (183 characters) wraps to three lines in the 70-wide column: its row is three lines
    // high, so the viewer (LibreOffice keeps a row one line high) never prints it over 2023's sentence.
    expect(ws.getRow(2).height).toBe(45);
    expect(ws.getRow(3).height ?? 15).toBe(15);
  });

  it('a column two tables share is wide enough for both; a year reads as a label, at the left of its column', async () => {
    const ws = wb.getWorksheet('Sammanställning')!;
    const city = (await (await XlsxWorkbook.open(out)).readTables()).find((t) => t.name === 'Stadsniva')!;
    // Under the areas' År (7 wide) stands the city's Ram, 121 600; under Version (9) its Utveckling, 143 942.
    expect(ws.getColumn(city.firstColumn + 2).width).toBeGreaterThanOrEqual('121 600'.length + 2);
    expect(ws.getColumn(city.firstColumn + 1).width).toBeGreaterThanOrEqual('Utveckling'.length + 3);
    expect(ws.getColumn(city.firstColumn + 3).width).toBeGreaterThanOrEqual('22 342 över ram'.length + 2);
    expect(ws.getCell(city.headerRow + 1, city.firstColumn).alignment).toMatchObject({ horizontal: 'left' });
  });

  it('the chart sheet prints on A4 with the same page header, and its title names the period', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const chartsheet = await zip.file('xl/chartsheets/sheet1.xml')!.async('string');
    expect(chartsheet).toMatch(/<pageSetup paperSize="9" orientation="landscape"\/>/);
    expect(chartsheet).toContain('<oddHeader>&amp;L&amp;"-,Bold"Ekonomisk sammanställning – utveckling mot stadens ram&amp;RPlanperiod 2022–2024 (tkr)</oddHeader>');
    expect(chartsheet).toContain('<oddFooter>&amp;LDiagram&amp;RSida &amp;P av &amp;N</oddFooter>');
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('Utveckling mot stadens ram per år, 2022–2024');
  });

  it('the Budget sheet: förvaltning + utveckling = 1 105 600 against the indicative budget, and förvaltning per verksamhetsområde', async () => {
    const tables = await (await XlsxWorkbook.open(out)).readTables();
    const budget = tables.find((t) => t.name === 'Stadsbudget')!;
    expect(budget.headers).toEqual(['År', 'Förvaltning', 'Utveckling', 'Summa', 'Indikativ förvaltning', 'Indikativ utveckling', 'Indikativ summa']);
    const [row] = budget.body;
    // A formula's cached result, however the reader hands it over.
    const result = (v: unknown) => (typeof v === 'object' && v !== null && 'result' in v ? (v as { result: number }).result : v);
    expect([row[0], row[1], row[2], result(row[3]), row[4], row[5], result(row[6])]).toEqual([2022, 984000, 121600, 1105600, 954000, 151600, 1105600]);
    const ops = tables.find((t) => t.name === 'Forvaltning_per_omrade')!;
    expect(ops.headers).toEqual(['Verksamhetsområde', 'Budget 2021', 'Budget 2022', 'Förändring']);
    const it = ops.body.find((r) => r[0] === 'IT')!;
    expect([it[1], it[2], result(it[3])]).toEqual([458022, 523483, 65461]);
    // The totals row adds the verksamhetsområden per year, never one year to another.
    expect(ops.totals?.[0]).toBe('Summa');
    expect((ops.totals?.[2] as { formula: string }).formula).toContain('[Budget 2022]');
  });
});
