/**
 * `consolidate --out X.xlsx`: the Sammanställning workbook with its chart sheet, written atomically. Every
 * sheet prints on A4 landscape, one page wide, with a title and the period in the page header and the
 * first table's header row repeated on every page.
 */
import type ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import type { YearBrief } from '../domain/brief';
import type { Consolidation } from '../domain/consolidation';
import { a1 } from '../domain/location';
import { CITY_TABLE, consolidationTables, SHEET_BRIEF, SHEET_BUDGET_SUMMARY, SHEET_SUMMARY } from '../workbook/contract/consolidationTables';
import { addColumnChart } from '../workbook/file/chart';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';

const TITLES: Record<string, string> = {
  [SHEET_SUMMARY]: 'Ekonomisk sammanställning – utveckling mot ram per tjänsteområde',
  [SHEET_BRIEF]: 'Ekonomisk sammanställning – ramavvikelse',
  [SHEET_BUDGET_SUMMARY]: 'Ekonomisk sammanställning – förvaltning och utveckling',
};
const A4 = 9;

/** Header and footer codes: `&L` left, `&R` right, `&P`/`&N` page and pages; a `&` in a text is doubled. */
const escape = (s: string) => s.replace(/&/g, '&&');

function printSetup(ws: ExcelJS.Worksheet, period: string) {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const title = TITLES[ws.name] ?? ws.name;
  ws.headerFooter = {
    oddHeader: `&L&"-,Bold"${escape(title)}&R${escape(`Planperiod ${period} (tkr)`)}`,
    oddFooter: `&L${escape(ws.name)}&RSida &P av &N`,
  };
}

/** The Ramavvikelse sheet reads as text: the sentences wrap in their column, every row from the top. */
function briefAsPage(ws: ExcelJS.Worksheet) {
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      cell.alignment = { ...cell.alignment, vertical: 'top', ...(Number(cell.col) === 2 ? { wrapText: true } : {}) };
    });
  });
}

export async function writeConsolidationWorkbook(file: string, c: Consolidation, brief: YearBrief[]): Promise<void> {
  const wb = new XlsxWorkbook();
  await wb.createTables(consolidationTables(c, brief));
  const period = c.years.length > 0 ? `${c.years[0]}–${c.years[c.years.length - 1]}` : '';
  for (const ws of wb.workbook.worksheets) {
    printSetup(ws, period);
    if (ws.name === SHEET_BRIEF) briefAsPage(ws);
  }
  let bytes: Uint8Array = await wb.toBuffer();
  // The chart reads the city table's own cells, so it follows any frame finance adjusts in the workbook.
  const city = (await wb.readTables()).find((t) => t.name === CITY_TABLE);
  if (city && city.body.length > 0) {
    const column = (header: string) => city.firstColumn + city.headers.indexOf(header);
    const range = (header: string) => `${a1(city.headerRow + 1, column(header))}:${a1(city.headerRow + city.body.length, column(header))}`;
    bytes = await addColumnChart(bytes, {
      sheetName: 'Diagram',
      title: 'Utveckling mot stadens ram per år',
      yAxisTitle: 'tkr',
      numberFormat: '#,##0',
      categories: { sheet: city.sheet, range: range('År') },
      series: [
        { name: 'Utveckling', sheet: city.sheet, range: range('Utveckling') },
        { name: 'Ram', sheet: city.sheet, range: range('Ram') },
      ],
    });
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
}
