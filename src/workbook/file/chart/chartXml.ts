/**
 * The XML of the three new parts: the chartsheet, its drawing (one absolute anchor with a graphic frame, as Excel
 * writes for a chart sheet) and the chart itself (DrawingML c:chartSpace, element order as in the schema).
 */
import type { CachedValue } from './cells';
import { escapeText, escapeXml, NS, XML_DECLARATION } from './opc';

export interface ChartSeriesXml {
  name: string;
  /** `'Sammanställning'!$B$2:$B$4` */
  formula: string;
  values: CachedValue[];
}

export interface ColumnChartXml {
  title: string;
  categories: { formula: string; values: CachedValue[] };
  series: ChartSeriesXml[];
  yAxisTitle?: string;
  numberFormat?: string;
  /** Language of the chart's texts, e.g. "sv-SE". */
  lang: string;
}

/** Axis ids only have to be unique within the chart; these are the ones every chart part of ours uses. */
export const CATEGORY_AXIS_ID = 500_100_001;
export const VALUE_AXIS_ID = 500_100_002;

/** A chartsheet whose whole page is the drawing; zoomToFit makes the chart follow the window's size. */
/** How a chartsheet prints: paper (SpreadsheetML's paperSize: 9 is A4) and the page's header and footer codes. */
export interface ChartsheetPrint {
  paperSize?: number;
  /** Header and footer codes as a worksheet's (`&L`, `&R`, `&P`…). */
  header?: string;
  footer?: string;
}

export function chartsheetXml(drawingRelId: string, print: ChartsheetPrint = {}): string {
  // CT_Chartsheet's order: sheetPr, sheetViews, pageMargins, pageSetup, headerFooter, drawing (ECMA-376 Part 1, CT_Chartsheet).
  const paper = print.paperSize ? ` paperSize="${print.paperSize}"` : '';
  const header = print.header ? `<oddHeader>${escapeText(print.header)}</oddHeader>` : '';
  const footer = print.footer ? `<oddFooter>${escapeText(print.footer)}</oddFooter>` : '';
  return (
    XML_DECLARATION +
    `<chartsheet xmlns="${NS.main}" xmlns:r="${NS.officeRel}">` +
    '<sheetPr/>' +
    '<sheetViews><sheetView zoomToFit="1" workbookViewId="0"/></sheetViews>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup${paper} orientation="landscape"/>` +
    (header || footer ? `<headerFooter>${header}${footer}</headerFooter>` : '') +
    `<drawing r:id="${escapeXml(drawingRelId)}"/>` +
    '</chartsheet>'
  );
}

/** The drawing of a chartsheet: one xdr:absoluteAnchor holding the chart's graphic frame (Excel's default size). */
export function chartsheetDrawingXml(chartRelId: string, frameName: string): string {
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingml}">` +
    '<xdr:absoluteAnchor>' +
    '<xdr:pos x="0" y="0"/>' +
    '<xdr:ext cx="9308969" cy="6078325"/>' +
    '<xdr:graphicFrame macro="">' +
    '<xdr:nvGraphicFramePr>' +
    `<xdr:cNvPr id="2" name="${escapeXml(frameName)}"/>` +
    '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr>' +
    '</xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.chart}">` +
    `<c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.officeRel}" r:id="${escapeXml(chartRelId)}"/>` +
    '</a:graphicData></a:graphic>' +
    '</xdr:graphicFrame>' +
    '<xdr:clientData/>' +
    '</xdr:absoluteAnchor>' +
    '</xdr:wsDr>'
  );
}

/** A clustered column chart (c:barChart, barDir col) with a category axis, a value axis, a title and a legend. */
export function columnChartXml(chart: ColumnChartXml): string {
  const formatCode = chart.numberFormat ?? 'General';
  const series = chart.series.map((s, i) => seriesXml(s, i, chart.categories, formatCode)).join('');
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.officeRel}">` +
    '<c:date1904 val="0"/>' +
    `<c:lang val="${escapeXml(chart.lang)}"/>` +
    '<c:roundedCorners val="0"/>' +
    '<c:chart>' +
    titleXml(chart.title, chart.lang, 1400) +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea>' +
    '<c:layout/>' +
    '<c:barChart>' +
    '<c:barDir val="col"/>' +
    '<c:grouping val="clustered"/>' +
    '<c:varyColors val="0"/>' +
    series +
    '<c:gapWidth val="150"/>' +
    `<c:axId val="${CATEGORY_AXIS_ID}"/>` +
    `<c:axId val="${VALUE_AXIS_ID}"/>` +
    '</c:barChart>' +
    '<c:catAx>' +
    `<c:axId val="${CATEGORY_AXIS_ID}"/>` +
    '<c:scaling><c:orientation val="minMax"/></c:scaling>' +
    '<c:delete val="0"/>' +
    '<c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/>' +
    '<c:majorTickMark val="out"/>' +
    '<c:minorTickMark val="none"/>' +
    '<c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VALUE_AXIS_ID}"/>` +
    '<c:crosses val="autoZero"/>' +
    '<c:auto val="1"/>' +
    '<c:lblAlgn val="ctr"/>' +
    '<c:lblOffset val="100"/>' +
    '<c:noMultiLvlLbl val="0"/>' +
    '</c:catAx>' +
    '<c:valAx>' +
    `<c:axId val="${VALUE_AXIS_ID}"/>` +
    '<c:scaling><c:orientation val="minMax"/></c:scaling>' +
    '<c:delete val="0"/>' +
    '<c:axPos val="l"/>' +
    '<c:majorGridlines/>' +
    (chart.yAxisTitle ? titleXml(chart.yAxisTitle, chart.lang, 1000, -5_400_000) : '') +
    (chart.numberFormat
      ? `<c:numFmt formatCode="${escapeXml(chart.numberFormat)}" sourceLinked="0"/>`
      : '<c:numFmt formatCode="General" sourceLinked="1"/>') +
    '<c:majorTickMark val="out"/>' +
    '<c:minorTickMark val="none"/>' +
    '<c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/>` +
    '<c:crosses val="autoZero"/>' +
    '<c:crossBetween val="between"/>' +
    '</c:valAx>' +
    '</c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/>' +
    '<c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>'
  );
}

/** A c:title with rich text; `rotation` in 60000ths of a degree (−5400000 turns a value axis title upright). */
function titleXml(text: string, lang: string, size: number, rotation?: number): string {
  const bodyPr = rotation === undefined ? '<a:bodyPr/>' : `<a:bodyPr rot="${rotation}" vert="horz"/>`;
  return (
    '<c:title><c:tx><c:rich>' +
    bodyPr +
    '<a:lstStyle/>' +
    `<a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="${escapeXml(lang)}" sz="${size}" b="1"/><a:t>${escapeText(text)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx>' +
    '<c:overlay val="0"/>' +
    '</c:title>'
  );
}

function seriesXml(s: ChartSeriesXml, index: number, categories: ColumnChartXml['categories'], formatCode: string): string {
  return (
    '<c:ser>' +
    `<c:idx val="${index}"/>` +
    `<c:order val="${index}"/>` +
    `<c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:schemeClr val="accent${(index % 6) + 1}"/></a:solidFill></c:spPr>` +
    '<c:invertIfNegative val="0"/>' +
    `<c:cat>${categoryRefXml(categories.formula, categories.values)}</c:cat>` +
    `<c:val>${numRefXml(s.formula, s.values, formatCode)}</c:val>` +
    '</c:ser>'
  );
}

/** Numeric categories (years) are cached as numbers, anything else as text, as Excel does. */
function categoryRefXml(formula: string, values: CachedValue[]): string {
  const numeric = values.some((v) => v !== undefined) && values.every((v) => v === undefined || typeof v === 'number');
  if (numeric) return numRefXml(formula, values, 'General');
  const points = values
    .map((v, idx) => (v === undefined ? '' : `<c:pt idx="${idx}"><c:v>${escapeText(String(v))}</c:v></c:pt>`))
    .join('');
  return `<c:strRef><c:f>${escapeText(formula)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

/** A c:numRef with its cache; cells without a number (empty, text, errors) get no point, which charts show as a gap. */
function numRefXml(formula: string, values: CachedValue[], formatCode: string): string {
  const points = values
    .map((v, idx) => (typeof v === 'number' ? `<c:pt idx="${idx}"><c:v>${numberText(v)}</c:v></c:pt>` : ''))
    .join('');
  return (
    `<c:numRef><c:f>${escapeText(formula)}</c:f>` +
    `<c:numCache><c:formatCode>${escapeText(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>` +
    '</c:numRef>'
  );
}

/** A number as xsd:double text: JavaScript's shortest round-trip form, with "E" for exponents. */
function numberText(n: number): string {
  return String(n).replace('e+', 'E').replace('e-', 'E-');
}
