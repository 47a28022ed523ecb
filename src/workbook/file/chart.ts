/**
 * Adds a clustered column chart to an .xlsx (Node only; exceljs cannot write charts). The chart gets a chartsheet
 * of its own — Excel's "Flytta diagram → Nytt blad" — whose series are formulas on the workbook's cells, so the
 * bars follow the numbers when they change in Excel, with the values the cells hold now cached in the chart for
 * viewers that do not recalculate (previews, LibreOffice). Every other part of the package is kept as it was.
 *
 * Why a chartsheet and not a worksheet with a drawing over it: the chart fills its sheet and scales with the
 * window without any cell anchors to size, and exceljs skips chartsheets when it loads a workbook, so reading the
 * result with XlsxWorkbook sees exactly the worksheets it saw before. (Saving the result again through exceljs
 * drops the chart either way: add the chart last.)
 */
import JSZip from 'jszip';
import { cellsOf, parseRange, parseSharedStrings, rangeFormula, readCells, type CachedValue } from './chart/cells';
import { chartsheetDrawingXml, chartsheetXml, columnChartXml, type ChartsheetPrint } from './chart/chartXml';
import {
  addContentTypeOverrides,
  appendRelationship,
  attributes,
  CONTENT_TYPE,
  escapeText,
  escapeXml,
  freePartName,
  NS,
  nextRelationshipId,
  parseRelationships,
  REL,
  relationshipsXml,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  unescapeXml,
} from './chart/opc';

export { quoteSheetName } from './chart/cells';
export type { ChartsheetPrint } from './chart/chartXml';

export interface CellRangeRef {
  /** The worksheet's name as the workbook lists it, e.g. "Sammanställning". */
  sheet: string;
  /** A one-row or one-column A1 range, e.g. "A2:A4" (dollar signs optional). */
  range: string;
}

export interface ColumnChartSpec {
  /** The name of the new chartsheet that holds the chart, e.g. "Diagram". */
  sheetName: string;
  title: string;
  categories: CellRangeRef;
  /** One series per entry, each with as many cells as the categories. */
  series: { name: string; sheet: string; range: string }[];
  yAxisTitle?: string;
  /** Number format of the value axis and the cached values, e.g. '#,##0'. */
  numberFormat?: string;
  /** How the chartsheet prints (paper, header, footer); Excel's defaults otherwise. */
  print?: ChartsheetPrint;
}

const CHART_LANG = 'sv-SE';

/** A new .xlsx: `xlsx` with a chartsheet named `spec.sheetName`, placed last, holding a clustered column chart. */
export async function addColumnChart(xlsx: Uint8Array, spec: ColumnChartSpec): Promise<Buffer> {
  checkSpec(spec);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(xlsx);
  } catch (e) {
    throw new Error(`Filen kunde inte läsas som .xlsx (${String((e as Error).message).split('\n')[0]})`);
  }
  const read = async (part: string): Promise<string | null> => (await zip.file(part)?.async('string')) ?? null;

  const rootRels = parseRelationships((await read('_rels/.rels')) ?? '');
  const officeDoc = rootRels.find((r) => r.type === REL.officeDocument && !r.external);
  const workbookPart = officeDoc ? resolveTarget('', officeDoc.target) : 'xl/workbook.xml';
  const workbookXml = await read(workbookPart);
  if (workbookXml === null) throw new Error('Filen är inte en Excel-arbetsbok: arbetsboksdelen saknas');
  const workbookRelsPart = relsPathOf(workbookPart);
  const workbookRelsXml = (await read(workbookRelsPart)) ?? relationshipsXml([]);
  const workbookRels = parseRelationships(workbookRelsXml);
  const sheets = parseSheets(workbookXml);

  const taken = sheets.find((s) => s.name.toLowerCase() === spec.sheetName.toLowerCase());
  if (taken) throw new Error(`Arbetsboken har redan ett blad som heter ${taken.name}`);

  // The cached values, read from the worksheets the ranges point into.
  const sharedRel = workbookRels.find((r) => r.type === REL.sharedStrings && !r.external);
  const sharedXml = sharedRel ? await read(resolveTarget(workbookPart, sharedRel.target)) : null;
  const sharedStrings = sharedXml ? parseSharedStrings(sharedXml) : [];
  const sheetXmlCache = new Map<string, string>();
  const resolveRef = async (ref: CellRangeRef, label: string): Promise<{ formula: string; values: CachedValue[] }> => {
    const sheet = findSheet(sheets, ref.sheet);
    const rel = workbookRels.find((r) => r.id === sheet.relId);
    if (!rel || rel.type !== REL.worksheet) throw new Error(`${label}: bladet ${sheet.name} är inte ett kalkylblad`);
    const part = resolveTarget(workbookPart, rel.target);
    if (!sheetXmlCache.has(part)) {
      const xml = await read(part);
      if (xml === null) throw new Error(`${label}: bladet ${sheet.name} saknas i filen (${part})`);
      sheetXmlCache.set(part, xml);
    }
    const range = parseRange(ref.range);
    const cells = cellsOf(range, label);
    const found = readCells(sheetXmlCache.get(part)!, sharedStrings, new Set(cells));
    return { formula: rangeFormula(sheet.name, range), values: cells.map((c) => found.get(c)) };
  };
  const categories = await resolveRef(spec.categories, 'Kategorierna');
  const series = [];
  for (const s of spec.series) {
    const resolved = await resolveRef(s, `Serien ${s.name}`);
    if (resolved.values.length !== categories.values.length) {
      throw new Error(
        `Serien ${s.name} har ${resolved.values.length} värden men kategorierna ${categories.values.length}; områdena måste vara lika långa`,
      );
    }
    series.push({ name: s.name, ...resolved });
  }

  // The new parts: chartsheet → drawing → chart.
  const existing = Object.keys(zip.files);
  const chartsheetPart = freePartName(existing, 'xl/chartsheets', 'sheet');
  const drawingPart = freePartName(existing, 'xl/drawings', 'drawing');
  const chartPart = freePartName(existing, 'xl/charts', 'chart');
  zip.file(chartsheetPart, chartsheetXml('rId1', spec.print));
  zip.file(relsPathOf(chartsheetPart), relationshipsXml([{ id: 'rId1', type: REL.drawing, target: relativeTarget(chartsheetPart, drawingPart) }]));
  zip.file(drawingPart, chartsheetDrawingXml('rId1', 'Diagram 1'));
  zip.file(relsPathOf(drawingPart), relationshipsXml([{ id: 'rId1', type: REL.chart, target: relativeTarget(drawingPart, chartPart) }]));
  zip.file(
    chartPart,
    columnChartXml({ title: spec.title, categories, series, yAxisTitle: spec.yAxisTitle, numberFormat: spec.numberFormat, lang: CHART_LANG }),
  );

  // The workbook lists the chartsheet last, under a new sheetId and relationship id.
  const relId = nextRelationshipId(workbookRels);
  const sheetId = sheets.reduce((max, s) => Math.max(max, s.sheetId), 0) + 1;
  zip.file(workbookPart, addSheetEntry(workbookXml, spec.sheetName, sheetId, relId));
  zip.file(workbookRelsPart, appendRelationship(workbookRelsXml, { id: relId, type: REL.chartsheet, target: relativeTarget(workbookPart, chartsheetPart) }));

  const contentTypes = await read('[Content_Types].xml');
  if (contentTypes === null) throw new Error('Filen är inte en Excel-arbetsbok: [Content_Types].xml saknas');
  zip.file(
    '[Content_Types].xml',
    addContentTypeOverrides(contentTypes, [
      { part: chartsheetPart, contentType: CONTENT_TYPE.chartsheet },
      { part: drawingPart, contentType: CONTENT_TYPE.drawing },
      { part: chartPart, contentType: CONTENT_TYPE.chart },
    ]),
  );

  const appPart = rootRels.find((r) => r.type.endsWith('/extended-properties') && !r.external);
  const appPath = appPart ? resolveTarget('', appPart.target) : null;
  const appXml = appPath ? await read(appPath) : null;
  if (appPath && appXml !== null) zip.file(appPath, addChartToAppProperties(appXml, spec.sheetName));

  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

function checkSpec(spec: ColumnChartSpec): void {
  const name = spec.sheetName;
  if (!name || name.length > 31) throw new Error(`Bladnamnet "${name}" måste ha 1–31 tecken`);
  if (/[\\/?*:[\]]/.test(name)) throw new Error(`Bladnamnet "${name}" får inte innehålla \\ / ? * : [ ]`);
  if (name.startsWith("'") || name.endsWith("'")) throw new Error(`Bladnamnet "${name}" får inte börja eller sluta med '`);
  if (name.toLowerCase() === 'history') throw new Error('Bladnamnet History är reserverat i Excel');
  if (spec.series.length === 0) throw new Error('Diagrammet behöver minst en serie');
}

interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
}

function parseSheets(workbookXml: string): SheetEntry[] {
  const relPrefix = relationshipPrefix(workbookXml);
  const sheets: SheetEntry[] = [];
  const block = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml)?.[1] ?? '';
  for (const m of block.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    sheets.push({ name: a.name ?? '', sheetId: Number(a.sheetId ?? 0) || 0, relId: a[`${relPrefix ?? 'r'}:id`] ?? '' });
  }
  return sheets;
}

/** The prefix the workbook binds to the officeDocument relationships namespace ("r" in practice); null if none. */
function relationshipPrefix(xml: string): string | null {
  for (const m of xml.matchAll(/xmlns:(\w+)\s*=\s*["']([^"']*)["']/g)) if (unescapeXml(m[2]) === NS.officeRel) return m[1];
  return null;
}

/** The sheet a range names: exactly, else as Excel compares names (case-insensitively). */
function findSheet(sheets: SheetEntry[], name: string): SheetEntry {
  const sheet = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw new Error(`Arbetsboken har inget blad som heter ${name}`);
  return sheet;
}

function addSheetEntry(workbookXml: string, name: string, sheetId: number, relId: string): string {
  const close = /<\/((?:\w+:)?)sheets>/.exec(workbookXml);
  if (!close) throw new Error('Arbetsboken saknar <sheets>');
  const prefix = relationshipPrefix(workbookXml);
  const rel = prefix ? `${prefix}:id="${escapeXml(relId)}"` : `xmlns:r="${NS.officeRel}" r:id="${escapeXml(relId)}"`;
  const entry = `<${close[1]}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rel}/>`;
  const withSheet = workbookXml.slice(0, close.index) + entry + workbookXml.slice(close.index);
  return withWorkbookView(withSheet);
}

/**
 * The chartsheet's sheetView names workbook view 0. exceljs leaves <bookViews> out unless views were set, so a
 * default view is added before <sheets> (its place in CT_Workbook) when the workbook has none.
 */
function withWorkbookView(workbookXml: string): string {
  if (/<(?:\w+:)?bookViews\b/.test(workbookXml)) return workbookXml;
  const open = /<((?:\w+:)?)sheets\b/.exec(workbookXml);
  if (!open) return workbookXml;
  const p = open[1];
  return workbookXml.slice(0, open.index) + `<${p}bookViews><${p}workbookView/></${p}bookViews>` + workbookXml.slice(open.index);
}

/**
 * docProps/app.xml lists the sheets by kind (HeadingPairs: "Worksheets" n, "Charts" m, …) and by name
 * (TitlesOfParts, in the same order). The chartsheet's name goes last in the charts group, which is added right
 * after the worksheets when there is none. Left as it is when its lists do not add up: Excel rewrites it on save.
 */
export function addChartToAppProperties(appXml: string, sheetName: string): string {
  const pairsMatch = /(<HeadingPairs>\s*<vt:vector\b[^>]*>)([\s\S]*?)(<\/vt:vector>\s*<\/HeadingPairs>)/.exec(appXml);
  const titlesMatch = /(<TitlesOfParts>\s*<vt:vector\b[^>]*>)([\s\S]*?)(<\/vt:vector>\s*<\/TitlesOfParts>)/.exec(appXml);
  if (!pairsMatch || !titlesMatch || pairsMatch.index > titlesMatch.index) return appXml;
  const variants = [...pairsMatch[2].matchAll(/<vt:variant>\s*<vt:(lpstr|i4)>([\s\S]*?)<\/vt:\1>\s*<\/vt:variant>/g)];
  if (variants.length === 0 || variants.length % 2 !== 0) return appXml;
  const groups: { name: string; count: number }[] = [];
  for (let i = 0; i < variants.length; i += 2) {
    if (variants[i][1] !== 'lpstr' || variants[i + 1][1] !== 'i4') return appXml;
    groups.push({ name: variants[i][2], count: Number(variants[i + 1][2]) });
  }
  const titles = [...titlesMatch[2].matchAll(/<vt:lpstr>[\s\S]*?<\/vt:lpstr>|<vt:lpstr\/>/g)].map((m) => m[0]);
  if (groups.some((g) => !Number.isInteger(g.count)) || groups.reduce((sum, g) => sum + g.count, 0) !== titles.length) return appXml;

  let at = groups.findIndex((g) => g.name === 'Charts' || g.name === 'Diagram');
  if (at < 0) {
    at = 1;
    groups.splice(at, 0, { name: 'Charts', count: 0 });
  }
  const titleIndex = groups.slice(0, at + 1).reduce((sum, g) => sum + g.count, 0);
  groups[at].count++;
  titles.splice(titleIndex, 0, `<vt:lpstr>${escapeText(sheetName)}</vt:lpstr>`);

  const pairs = groups.map((g) => `<vt:variant><vt:lpstr>${g.name}</vt:lpstr></vt:variant><vt:variant><vt:i4>${g.count}</vt:i4></vt:variant>`).join('');
  const pairsOpen = pairsMatch[1].replace(/\bsize\s*=\s*["']\d+["']/, `size="${groups.length * 2}"`);
  const titlesOpen = titlesMatch[1].replace(/\bsize\s*=\s*["']\d+["']/, `size="${titles.length}"`);
  // Titles first: it comes after HeadingPairs, so replacing it leaves the HeadingPairs match's offsets valid.
  const out = appXml.slice(0, titlesMatch.index) + titlesOpen + titles.join('') + titlesMatch[3] + appXml.slice(titlesMatch.index + titlesMatch[0].length);
  return out.slice(0, pairsMatch.index) + pairsOpen + pairs + pairsMatch[3] + out.slice(pairsMatch.index + pairsMatch[0].length);
}
