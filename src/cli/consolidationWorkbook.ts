/**
 * `consolidate --out X.xlsx`: the Sammanställning workbook with its chart sheet, written atomically. Every
 * sheet prints on A4 landscape, one page wide, with a title and the period in the page header and the
 * first table's header row repeated on every page; the chart sheet on A4 too, with the same header.
 * `scripts/print-consolidation.sh` makes the PDF LibreOffice prints, to look at.
 */
import type ExcelJS from 'exceljs';
import type { YearBrief } from '../domain/brief';
import type { CellValue } from '../domain/cell';
import type { Consolidation } from '../domain/consolidation';
import { a1 } from '../domain/location';
import { CITY_TABLE, consolidationTables, SHEET_BRIEF, SHEET_BUDGET_SUMMARY, SHEET_SUMMARY } from '../workbook/contract/consolidationTables';
import type { RawTable } from '../workbook/host';
import { addColumnChart } from '../workbook/file/chart';
import { writeFileAtomic } from '../node/atomicFile';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';

const CHART_SHEET = 'Diagram';

const TITLES: Record<string, string> = {
  [SHEET_SUMMARY]: 'Ekonomisk sammanställning – utveckling mot ram per tjänsteområde',
  [SHEET_BRIEF]: 'Ekonomisk sammanställning – ramavvikelse',
  [SHEET_BUDGET_SUMMARY]: 'Ekonomisk sammanställning – förvaltning och utveckling',
  [CHART_SHEET]: 'Ekonomisk sammanställning – utveckling mot stadens ram',
};
const A4 = 9;

/** Header and footer codes: `&L` left, `&R` right, `&P`/`&N` page and pages; a `&` in a text is doubled. */
const escape = (s: string) => s.replace(/&/g, '&&');

/** The page's header (title left, period right) and footer (sheet left, page right), as every sheet prints them. */
function pageCodes(sheet: string, period: string): { header: string; footer: string } {
  const title = TITLES[sheet] ?? sheet;
  return {
    header: `&L&"-,Bold"${escape(title)}&R${escape(`Planperiod ${period} (tkr)`)}`,
    footer: `&L${escape(sheet)}&RSida &P av &N`,
  };
}

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
  const { header, footer } = pageCodes(ws.name, period);
  ws.headerFooter = { oddHeader: header, oddFooter: footer };
}

/** Calibri 11's row (points), the height Excel and LibreOffice give a line of text. */
const LINE_HEIGHT = 15;
/** The Ramavvikelse sheet's wide column, where sentences and initiatives' names wrap. */
const WRAPPED_COLUMN = 2;

/**
 * The Ramavvikelse sheet reads as text: the sentences wrap in their column, every row from the top, and each
 * row is as tall as its lines. The height is set, not left to the viewer: LibreOffice keeps a row one line
 * high and prints the rest of a wrapped sentence over the rows below it.
 */
function briefAsPage(ws: ExcelJS.Worksheet) {
  const width = ws.getColumn(WRAPPED_COLUMN).width ?? 10;
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell) => {
      const wrap = Number(cell.col) === WRAPPED_COLUMN;
      cell.alignment = { ...cell.alignment, vertical: 'top', ...(wrap ? { wrapText: true } : {}) };
      if (wrap && typeof cell.value === 'string') lines = Math.max(lines, wrappedLines(cell.value, width));
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  });
}

/**
 * The lines a text takes wrapped at word boundaries in a column `width` characters wide. A column's width
 * counts the font's widest digit, which is wider than most letters: the count errs on the side of a line
 * too many (some space below), never one too few (text cut off).
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= room) used = need;
      else {
        // A word longer than the line breaks across lines of its own.
        lines += used === 0 ? 0 : 1;
        lines += Math.ceil(word.length / room) - 1;
        used = word.length % room || room;
      }
    }
  }
  return lines;
}

/** What a cell shows, in characters: a number with its thousands separators and a format's words ("över ram"). */
function shownLength(value: CellValue, numFmt: string | undefined): number {
  const v = value !== null && typeof value === 'object' && 'result' in value ? value.result : value;
  if (typeof v === 'number') {
    const grouped = numFmt?.includes('#,##0') ? Math.round(Math.abs(v)).toLocaleString('sv-SE').length : String(Math.abs(v)).length;
    const words = Math.max(0, ...Array.from(numFmt?.matchAll(/"([^"]*)"/g) ?? [], (m) => m[1].length));
    return grouped + (v < 0 ? 1 : 0) + words;
  }
  return v === null || v === undefined ? 0 : String(v).length;
}

/**
 * Two tables share a sheet's columns, so a column sized for the first can be too narrow for the second (the
 * city's Ram under the areas' narrow År): every column is widened to what any table shows in it, header
 * and filter button included. The wrapped column keeps its width.
 */
function fitColumns(ws: ExcelJS.Worksheet, tables: readonly RawTable[]) {
  for (const t of tables) {
    t.headers.forEach((header, i) => {
      const col = t.firstColumn + i;
      if (ws.name === SHEET_BRIEF && col === WRAPPED_COLUMN) return;
      const numFmt = ws.getCell(t.headerRow + 1, col).numFmt;
      const widest = Math.max(header.length + 3, ...t.body.map((r) => shownLength(r[i], numFmt) + 2), ...(t.totals ? [shownLength(t.totals[i], numFmt) + 2] : []));
      const column = ws.getColumn(col);
      // exceljs takes a width of exactly 9 for its default and writes no width at all (Excel then shows 8.43).
      if (!column.width || column.width < widest) column.width = Math.min(widest === 9 ? 10 : widest, 60);
    });
  }
}

/** A year is a label, not an amount: left under its header, not pushed to the far edge of a wide column. */
function yearsAsLabels(ws: ExcelJS.Worksheet, tables: readonly RawTable[]) {
  for (const t of tables) {
    const i = t.headers.indexOf('År');
    if (i < 0) continue;
    for (let r = t.headerRow; r <= t.headerRow + t.body.length; r++) {
      const cell = ws.getCell(r, t.firstColumn + i);
      cell.alignment = { ...cell.alignment, horizontal: 'left' };
    }
  }
}

export async function writeConsolidationWorkbook(file: string, c: Consolidation, brief: YearBrief[]): Promise<void> {
  const wb = new XlsxWorkbook();
  await wb.createTables(consolidationTables(c, brief));
  const period = c.years.length > 0 ? `${c.years[0]}–${c.years[c.years.length - 1]}` : '';
  const tables = await wb.readTables();
  for (const ws of wb.workbook.worksheets) {
    const own = tables.filter((t) => t.sheet === ws.name);
    printSetup(ws, period);
    fitColumns(ws, own);
    yearsAsLabels(ws, own);
    if (ws.name === SHEET_BRIEF) briefAsPage(ws);
  }
  let bytes: Uint8Array = await wb.toBuffer();
  // The chart reads the city table's own cells, so it follows any frame finance adjusts in the workbook.
  const city = tables.find((t) => t.name === CITY_TABLE);
  if (city && city.body.length > 0) {
    const column = (header: string) => city.firstColumn + city.headers.indexOf(header);
    const range = (header: string) => `${a1(city.headerRow + 1, column(header))}:${a1(city.headerRow + city.body.length, column(header))}`;
    bytes = await addColumnChart(bytes, {
      sheetName: CHART_SHEET,
      title: `Utveckling mot stadens ram per år, ${period}`,
      yAxisTitle: 'tkr',
      numberFormat: '#,##0',
      categories: { sheet: city.sheet, range: range('År') },
      series: [
        { name: 'Utveckling', sheet: city.sheet, range: range('Utveckling') },
        { name: 'Ram', sheet: city.sheet, range: range('Ram') },
      ],
      print: { paperSize: A4, ...pageCodes(CHART_SHEET, period) },
    });
  }
  await writeFileAtomic(file, bytes);
}
