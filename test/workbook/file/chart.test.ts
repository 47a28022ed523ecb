import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addChartToAppProperties, addColumnChart, quoteSheetName, type ColumnChartSpec } from '../../../src/workbook/file/chart';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A sheet like the consolidation's: table Stadsniva (År, Utveckling, Ram) on Sammanställning, one more sheet. */
async function sourceWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sammanställning');
  ws.addTable({
    name: 'Stadsniva',
    ref: 'A1',
    columns: [{ name: 'År' }, { name: 'Utveckling' }, { name: 'Ram' }],
    rows: [
      [2025, 1200, 1500],
      [2026, 1800.5, 1600],
      [2027, 900, { formula: 'C3+100', result: 1700 }],
    ],
  });
  ws.getColumn(2).numFmt = '#,##0';
  const other = wb.addWorksheet('Övrigt blad');
  other.getCell('A1').value = 'Område';
  other.getCell('A2').value = 'Kultur & fritid';
  other.getCell('A3').value = 'Skola <grund>';
  other.getCell('A4').value = 'Vård';
  other.getCell('B2').value = 10;
  other.getCell('B4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  other.getCell('C2').value = 'text';
  other.getCell('C3').value = 7;
  other.getCell('C4').value = 8;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const spec: ColumnChartSpec = {
  sheetName: 'Diagram',
  title: 'Utveckling och ram per år (tkr)',
  categories: { sheet: 'Sammanställning', range: 'A2:A4' },
  series: [
    { name: 'Utveckling', sheet: 'Sammanställning', range: 'B2:B4' },
    { name: 'Ram', sheet: 'Sammanställning', range: '$C$2:$C$4' },
  ],
  yAxisTitle: 'Tusen kronor',
  numberFormat: '#,##0',
};

async function loadExcel(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell value of every worksheet, by sheet name and address. */
function allValues(wb: ExcelJS.Workbook): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => (cells[cell.address] = cell.value)));
    out[ws.name] = cells;
  });
  return out;
}

function tablesOf(wb: ExcelJS.Workbook): { sheet: string; name: string; ref: string; columns: string[] }[] {
  const out: { sheet: string; name: string; ref: string; columns: string[] }[] = [];
  wb.eachSheet((ws) => {
    const found = (ws as unknown as { tables?: Record<string, { table: { name: string; tableRef: string; columns: { name: string }[] } }> }).tables ?? {};
    for (const t of Object.values(found)) out.push({ sheet: ws.name, name: t.table.name, ref: t.table.tableRef, columns: t.table.columns.map((c) => c.name) });
  });
  return out;
}

// --- a small reading of the package, independent of the code under test ---

function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)="([^"]*)"/g)) out[m[1]] = m[2].replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return out;
}

function unescape(text: string): string {
  return text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Throws unless the text is well-formed XML as far as tags, attributes, entities and nesting go. */
function assertWellFormed(xml: string, part: string): void {
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  let pos = 0;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  while (pos < body.length) {
    const lt = body.indexOf('<', pos);
    const text = body.slice(pos, lt < 0 ? undefined : lt);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`${part}: bare & in text near ${pos}`);
    if (stack.length === 0 && text.trim() !== '') throw new Error(`${part}: text outside the root element`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`${part}: malformed tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[3])) throw new Error(`${part}: bare & in attribute`);
    const names = [...m[3].matchAll(/([\w:.-]+)\s*=/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) throw new Error(`${part}: duplicate attribute in <${m[2]}>`);
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`${part}: </${m[2]}> does not close the open element`);
    } else if (!m[4]) {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    } else if (stack.length === 0) roots++;
    pos = tag.lastIndex;
  }
  if (stack.length) throw new Error(`${part}: unclosed <${stack.join('><')}>`);
  if (roots !== 1) throw new Error(`${part}: ${roots} root elements`);
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function rels(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship\b([^>]*)\/>/g)].map((m) => {
    const a = attrs(m[1]);
    return { id: a.Id, type: a.Type, target: a.Target };
  });
}

function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

class Package {
  constructor(
    readonly zip: JSZip,
    readonly texts: Map<string, string>,
  ) {}

  static async open(bytes: Buffer): Promise<Package> {
    const zip = await JSZip.loadAsync(bytes);
    const texts = new Map<string, string>();
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) texts.set(name, await zip.file(name)!.async('string'));
    return new Package(zip, texts);
  }

  text(part: string): string {
    const t = this.texts.get(part);
    if (t === undefined) throw new Error(`no part ${part}`);
    return t;
  }

  parts(): string[] {
    return [...this.texts.keys()];
  }

  relsOf(part: string): Rel[] {
    const slash = part.lastIndexOf('/');
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    return this.texts.has(relsPart) ? rels(this.text(relsPart)) : [];
  }

  /** The one internal relationship of a type from a part, resolved to a part name. */
  follow(part: string, type: string): string {
    const found = this.relsOf(part).filter((r) => r.type === `${REL}/${type}`);
    expect(found).toHaveLength(1);
    return resolve(part, found[0].target);
  }

  contentType(part: string): string | undefined {
    const types = this.text('[Content_Types].xml');
    for (const m of types.matchAll(/<Override\b([^>]*)\/>/g)) {
      const a = attrs(m[1]);
      if (a.PartName.toLowerCase() === `/${part}`.toLowerCase()) return a.ContentType;
    }
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const m of types.matchAll(/<Default\b([^>]*)\/>/g)) {
      const a = attrs(m[1]);
      if (a.Extension.toLowerCase() === ext) return a.ContentType;
    }
    return undefined;
  }

  sheets(): { name: string; sheetId: string; rId: string }[] {
    return [...this.text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/>/g)].map((m) => {
      const a = attrs(m[1]);
      return { name: a.name, sheetId: a.sheetId, rId: a['r:id'] };
    });
  }

  /** Every check a consumer of the package makes before it looks inside the parts. */
  assertConsistent(): void {
    const parts = this.parts();
    for (const part of parts) {
      if (part.endsWith('.xml') || part.endsWith('.rels')) assertWellFormed(this.text(part), part);
      if (part !== '[Content_Types].xml') expect({ part, type: this.contentType(part) }).toEqual({ part, type: expect.any(String) });
    }
    for (const m of this.text('[Content_Types].xml').matchAll(/<Override\b([^>]*)\/>/g)) {
      const name = attrs(m[1]).PartName.slice(1);
      expect({ override: name, exists: this.texts.has(name) }).toEqual({ override: name, exists: true });
    }
    for (const relsPart of parts.filter((p) => p.endsWith('.rels'))) {
      const source = relsPart.replace(/_rels\/([^/]*)\.rels$/, '$1');
      if (relsPart !== '_rels/.rels') expect({ relsPart, sourceExists: this.texts.has(source) }).toEqual({ relsPart, sourceExists: true });
      const list = rels(this.text(relsPart));
      expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
      for (const r of list) {
        if (/TargetMode="External"/.test(this.text(relsPart))) continue;
        const target = resolve(relsPart === '_rels/.rels' ? '' : source, r.target);
        expect({ relsPart, target, exists: this.texts.has(target) }).toEqual({ relsPart, target, exists: true });
      }
    }
    const sheets = this.sheets();
    expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(sheets.length);
    expect(new Set(sheets.map((s) => s.name.toLowerCase())).size).toBe(sheets.length);
    const wbRels = this.relsOf('xl/workbook.xml');
    for (const s of sheets) expect(wbRels.some((r) => r.id === s.rId && /\/(worksheet|chartsheet)$/.test(r.type))).toBe(true);
  }

  /** Chartsheet → drawing → chart, checking each hop's relationship type and content type. */
  chartOf(sheetName: string): { chartsheet: string; drawing: string; chart: string; xml: string } {
    const sheet = this.sheets().find((s) => s.name === sheetName)!;
    expect(sheet).toBeDefined();
    const rel = this.relsOf('xl/workbook.xml').find((r) => r.id === sheet.rId)!;
    expect(rel.type).toBe(`${REL}/chartsheet`);
    const chartsheet = resolve('xl/workbook.xml', rel.target);
    expect(this.contentType(chartsheet)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml');
    const drawingRelId = /<drawing r:id="([^"]+)"\/>/.exec(this.text(chartsheet))![1];
    expect(this.relsOf(chartsheet).find((r) => r.id === drawingRelId)?.type).toBe(`${REL}/drawing`);
    const drawing = this.follow(chartsheet, 'drawing');
    expect(this.contentType(drawing)).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    const chartRelId = /<c:chart\b[^>]*r:id="([^"]+)"/.exec(this.text(drawing))![1];
    expect(this.relsOf(drawing).find((r) => r.id === chartRelId)?.type).toBe(`${REL}/chart`);
    const chart = this.follow(drawing, 'chart');
    expect(this.contentType(chart)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    return { chartsheet, drawing, chart, xml: this.text(chart) };
  }
}

interface SeriesRead {
  name: string;
  catFormula: string;
  catKind: 'num' | 'str';
  cat: { count: number; points: Record<number, string> };
  valFormula: string;
  val: { count: number; formatCode: string; points: Record<number, string> };
}

function readCache(xml: string): { count: number; formatCode: string; points: Record<number, string> } {
  const points: Record<number, string> = {};
  for (const m of xml.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) points[Number(m[1])] = unescape(m[2]);
  return {
    count: Number(/<c:ptCount val="(\d+)"\/>/.exec(xml)![1]),
    formatCode: unescape(/<c:formatCode>([^<]*)<\/c:formatCode>/.exec(xml)?.[1] ?? ''),
    points,
  };
}

function readSeries(chartXml: string): SeriesRead[] {
  return [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
    const ser = m[1];
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)![1];
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)![1];
    const c = readCache(cat);
    return {
      name: unescape(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(ser)![1]),
      catFormula: unescape(/<c:f>([^<]*)<\/c:f>/.exec(cat)![1]),
      catKind: cat.startsWith('<c:numRef>') ? 'num' : 'str',
      cat: { count: c.count, points: c.points },
      valFormula: unescape(/<c:f>([^<]*)<\/c:f>/.exec(val)![1]),
      val: readCache(val),
    };
  });
}

function texts(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1]));
}

describe('addColumnChart', () => {
  let source: Buffer;
  let result: Buffer;

  beforeAll(async () => {
    source = await sourceWorkbook();
    result = await addColumnChart(source, spec);
  });

  it('returns an .xlsx that exceljs still loads with every sheet, table and value it had', async () => {
    const before = await loadExcel(source);
    const after = await loadExcel(result);
    expect(after.worksheets.map((w) => w.name)).toEqual(['Sammanställning', 'Övrigt blad']);
    expect(tablesOf(after)).toEqual(tablesOf(before));
    expect(tablesOf(after)).toEqual([{ sheet: 'Sammanställning', name: 'Stadsniva', ref: 'A1:C4', columns: ['År', 'Utveckling', 'Ram'] }]);
    expect(allValues(after)).toEqual(allValues(before));
    expect(after.getWorksheet('Sammanställning')!.getCell('C4').value).toEqual({ formula: 'C3+100', result: 1700 });
    expect(after.getWorksheet('Sammanställning')!.getCell('B3').numFmt).toBe('#,##0');
  });

  it("reads the same tables through the project's XlsxWorkbook", async () => {
    const before = await (await XlsxWorkbook.fromBytes(source)).readTables();
    const after = await (await XlsxWorkbook.fromBytes(result)).readTables();
    expect(after).toEqual(before);
  });

  it('keeps every part of the original package byte for byte except the four it must extend', async () => {
    const a = await Package.open(source);
    const b = await Package.open(result);
    const changed = a.parts().filter((p) => a.text(p) !== b.text(p));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'docProps/app.xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
    expect(b.parts().filter((p) => !a.texts.has(p)).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/chartsheets/_rels/sheet1.xml.rels',
      'xl/chartsheets/sheet1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/drawing1.xml',
    ]);
  });

  it('writes a consistent package: rel targets exist, content types cover every part, XML is well-formed', async () => {
    const pkg = await Package.open(result);
    pkg.assertConsistent();
  });

  it('lists the chartsheet last in the workbook under a new sheetId and relationship id', async () => {
    const pkg = await Package.open(result);
    const sheets = pkg.sheets();
    expect(sheets.map((s) => s.name)).toEqual(['Sammanställning', 'Övrigt blad', 'Diagram']);
    expect(sheets[2].sheetId).toBe('3');
    const before = rels((await Package.open(source)).text('xl/_rels/workbook.xml.rels')).map((r) => r.id);
    expect(before).not.toContain(sheets[2].rId);
    // The chartsheet's sheetView names workbook view 0: exceljs wrote no <bookViews>, so one is added before <sheets>.
    expect(pkg.text('xl/workbook.xml')).toMatch(/<workbookPr [^>]*\/><bookViews><workbookView\/><\/bookViews><sheets>/);
    expect(pkg.chartOf('Diagram')).toMatchObject({
      chartsheet: 'xl/chartsheets/sheet1.xml',
      drawing: 'xl/drawings/drawing1.xml',
      chart: 'xl/charts/chart1.xml',
    });
  });

  it('writes a chartsheet whose drawing anchors one graphic frame holding the chart', async () => {
    const pkg = await Package.open(result);
    const { chartsheet, drawing } = pkg.chartOf('Diagram');
    const cs = pkg.text(chartsheet);
    expect(cs).toMatch(/^<\?xml[^>]*\?>\s*<chartsheet xmlns="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main"/);
    // CT_Chartsheet's order: sheetPr, sheetViews, …, pageMargins, pageSetup, …, drawing.
    const order = ['<sheetPr', '<sheetViews', '<pageMargins', '<pageSetup', '<drawing'].map((t) => cs.indexOf(t));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    expect(cs).toContain('workbookViewId="0"');
    const d = pkg.text(drawing);
    expect(d.match(/<xdr:absoluteAnchor>/g)).toHaveLength(1);
    expect(d).toMatch(/<xdr:absoluteAnchor><xdr:pos x="0" y="0"\/><xdr:ext cx="\d+" cy="\d+"\/><xdr:graphicFrame macro="">/);
    expect(d).toContain('<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">');
    expect(d).toMatch(/<xdr:clientData\/><\/xdr:absoluteAnchor><\/xdr:wsDr>$/);
  });

  it('draws a clustered column chart with linked axes, a legend and Swedish titles', async () => {
    const pkg = await Package.open(result);
    const xml = pkg.chartOf('Diagram').xml;
    expect(xml).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(xml).toContain('<c:lang val="sv-SE"/>');
    expect(xml).toContain('<c:legend><c:legendPos val="b"/>');
    expect(texts(xml)).toEqual(['Utveckling och ram per år (tkr)', 'Tusen kronor']);
    // The chart's title is the one in c:chart, the axis title the one in c:valAx.
    expect(texts(/<c:chart>(<c:title>[\s\S]*?<\/c:title>)/.exec(xml)![1])).toEqual(['Utveckling och ram per år (tkr)']);
    expect(texts(/<c:valAx>([\s\S]*?)<\/c:valAx>/.exec(xml)![1])).toEqual(['Tusen kronor']);
    const barAxes = [.../<c:barChart>[\s\S]*<\/c:barChart>/.exec(xml)![0].matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
    const catAx = /<c:catAx><c:axId val="(\d+)"\/>[\s\S]*?<c:crossAx val="(\d+)"\/>/.exec(xml)!;
    const valAx = /<c:valAx><c:axId val="(\d+)"\/>[\s\S]*?<c:crossAx val="(\d+)"\/>/.exec(xml)!;
    expect(barAxes).toEqual([catAx[1], valAx[1]]);
    expect(catAx[1]).not.toBe(valAx[1]);
    expect(catAx[2]).toBe(valAx[1]);
    expect(valAx[2]).toBe(catAx[1]);
    expect(xml).toContain('<c:numFmt formatCode="#,##0" sourceLinked="0"/>');
  });

  it("points each series at its cells with quoted sheet names and caches the cells' values", async () => {
    const pkg = await Package.open(result);
    const series = readSeries(pkg.chartOf('Diagram').xml);
    expect(series).toEqual([
      {
        name: 'Utveckling',
        catFormula: "'Sammanställning'!$A$2:$A$4",
        catKind: 'num',
        cat: { count: 3, points: { 0: '2025', 1: '2026', 2: '2027' } },
        valFormula: "'Sammanställning'!$B$2:$B$4",
        val: { count: 3, formatCode: '#,##0', points: { 0: '1200', 1: '1800.5', 2: '900' } },
      },
      {
        name: 'Ram',
        catFormula: "'Sammanställning'!$A$2:$A$4",
        catKind: 'num',
        cat: { count: 3, points: { 0: '2025', 1: '2026', 2: '2027' } },
        valFormula: "'Sammanställning'!$C$2:$C$4",
        // C4 is a formula: its cached result is what the chart caches.
        val: { count: 3, formatCode: '#,##0', points: { 0: '1500', 1: '1600', 2: '1700' } },
      },
    ]);
  });

  it('caches text categories as strings and leaves gaps for empty, text and error cells', async () => {
    const out = await addColumnChart(source, {
      sheetName: 'Per område',
      title: 'Område',
      categories: { sheet: 'Övrigt blad', range: 'A2:A4' },
      series: [
        { name: 'B', sheet: 'Övrigt blad', range: 'B2:B4' },
        { name: 'C', sheet: 'övrigt BLAD', range: 'C2:C4' },
      ],
    });
    const pkg = await Package.open(out);
    pkg.assertConsistent();
    const xml = pkg.chartOf('Per område').xml;
    const [b, c] = readSeries(xml);
    expect(b.catKind).toBe('str');
    expect(b.catFormula).toBe("'Övrigt blad'!$A$2:$A$4");
    expect(b.cat).toEqual({ count: 3, points: { 0: 'Kultur & fritid', 1: 'Skola <grund>', 2: 'Vård' } });
    expect(b.val).toEqual({ count: 3, formatCode: 'General', points: { 0: '10' } });
    // The sheet is named as the workbook spells it, whatever case the spec used.
    expect(c.valFormula).toBe("'Övrigt blad'!$C$2:$C$4");
    expect(c.val.points).toEqual({ 1: '7', 2: '8' });
    expect(xml).toContain('<c:numFmt formatCode="General" sourceLinked="1"/>');
    // No y-axis title asked for: the value axis has none.
    expect(/<c:valAx>[\s\S]*?<\/c:valAx>/.exec(xml)![0]).not.toContain('<c:title>');
  });

  it('keeps the workbook views a workbook has', async () => {
    const wb = new ExcelJS.Workbook();
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
    wb.addWorksheet('Data').addRow([2025, 1]);
    wb.addWorksheet('Mer').addRow([1]);
    const out = await addColumnChart(Buffer.from(await wb.xlsx.writeBuffer()), {
      sheetName: 'Diagram',
      title: 'Vyer',
      categories: { sheet: 'Data', range: 'A1' },
      series: [{ name: 'Ett', sheet: 'Data', range: 'B1' }],
    });
    const xml = (await Package.open(out)).text('xl/workbook.xml');
    expect(xml.match(/<bookViews>/g)).toHaveLength(1);
    expect(xml).toMatch(/<workbookView [^>]*activeTab="1"/);
    expect((await loadExcel(out)).views[0]).toMatchObject({ activeTab: 1 });
  });

  it('takes a row range as well as a column range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['', 2025, 2026]);
    ws.addRow(['Ram', 5, 6]);
    const out = await addColumnChart(Buffer.from(await wb.xlsx.writeBuffer()), {
      sheetName: 'Diagram',
      title: 'Rad',
      categories: { sheet: 'Data', range: 'B1:C1' },
      series: [{ name: 'Ram', sheet: 'Data', range: 'B2:C2' }],
    });
    const [s] = readSeries((await Package.open(out)).chartOf('Diagram').xml);
    expect(s.catFormula).toBe('Data!$B$1:$C$1');
    expect(s.valFormula).toBe('Data!$B$2:$C$2');
    expect(s.val.points).toEqual({ 0: '5', 1: '6' });
  });

  it('adds a second chart next to the first with parts, ids and names of its own', async () => {
    const twice = await addColumnChart(result, { ...spec, sheetName: 'Diagram 2', title: 'Andra' });
    const pkg = await Package.open(twice);
    pkg.assertConsistent();
    expect(pkg.sheets().map((s) => [s.name, s.sheetId])).toEqual([
      ['Sammanställning', '1'],
      ['Övrigt blad', '2'],
      ['Diagram', '3'],
      ['Diagram 2', '4'],
    ]);
    expect(pkg.chartOf('Diagram 2')).toMatchObject({
      chartsheet: 'xl/chartsheets/sheet2.xml',
      drawing: 'xl/drawings/drawing2.xml',
      chart: 'xl/charts/chart2.xml',
    });
    expect(texts(pkg.chartOf('Diagram').xml)[0]).toBe('Utveckling och ram per år (tkr)');
    expect(texts(pkg.chartOf('Diagram 2').xml)[0]).toBe('Andra');
    const after = await loadExcel(twice);
    expect(after.worksheets.map((w) => w.name)).toEqual(['Sammanställning', 'Övrigt blad']);
  });

  it("names the chartsheet in docProps/app.xml's Charts group", async () => {
    const app = (await Package.open(result)).text('docProps/app.xml');
    expect(app).toContain(
      '<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>Charts</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>',
    );
    expect(app).toContain(
      '<TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Sammanställning</vt:lpstr><vt:lpstr>Övrigt blad</vt:lpstr><vt:lpstr>Diagram</vt:lpstr></vt:vector></TitlesOfParts>',
    );
  });

  it('refuses a sheet name in use, a missing sheet, a block, ranges of different length and a bad name', async () => {
    await expect(addColumnChart(source, { ...spec, sheetName: 'sammanställning' })).rejects.toThrow(/redan ett blad som heter Sammanställning/);
    await expect(addColumnChart(source, { ...spec, categories: { sheet: 'Saknas', range: 'A2:A4' } })).rejects.toThrow(/inget blad som heter Saknas/);
    await expect(addColumnChart(source, { ...spec, series: [{ name: 'X', sheet: 'Sammanställning', range: 'B2:C4' }] })).rejects.toThrow(/en enda rad eller kolumn/);
    await expect(addColumnChart(source, { ...spec, series: [{ name: 'X', sheet: 'Sammanställning', range: 'B2:B3' }] })).rejects.toThrow(/lika långa/);
    await expect(addColumnChart(source, { ...spec, series: [{ name: 'X', sheet: 'Sammanställning', range: 'Stadsniva[Ram]' }] })).rejects.toThrow(/inte ett cellområde/);
    await expect(addColumnChart(source, { ...spec, sheetName: 'Ram/Utveckling' })).rejects.toThrow(/får inte innehålla/);
    await expect(addColumnChart(source, { ...spec, sheetName: 'x'.repeat(32) })).rejects.toThrow(/1–31 tecken/);
    await expect(addColumnChart(source, { ...spec, series: [] })).rejects.toThrow(/minst en serie/);
    await expect(addColumnChart(Buffer.from('inte en zip'), spec)).rejects.toThrow(/kunde inte läsas som .xlsx/);
  });

  it('quotes sheet names in formulas as Excel does', async () => {
    expect(quoteSheetName('Data')).toBe('Data');
    expect(quoteSheetName('Blad_1.a')).toBe('Blad_1.a');
    expect(quoteSheetName('Sammanställning')).toBe("'Sammanställning'");
    expect(quoteSheetName('Övrigt blad')).toBe("'Övrigt blad'");
    expect(quoteSheetName("Kvartal's data")).toBe("'Kvartal''s data'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(quoteSheetName('2025')).toBe("'2025'");

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Kvartal's data");
    ws.addRow(['Q1', 1]);
    const out = await addColumnChart(Buffer.from(await wb.xlsx.writeBuffer()), {
      sheetName: 'Åäö & diagram',
      title: 'Kvartal',
      categories: { sheet: "Kvartal's data", range: 'A1' },
      series: [{ name: 'Värde "ett"', sheet: "Kvartal's data", range: 'B1' }],
    });
    const pkg = await Package.open(out);
    pkg.assertConsistent();
    const [s] = readSeries(pkg.chartOf('Åäö & diagram').xml);
    expect(s).toMatchObject({ name: 'Värde "ett"', catFormula: "'Kvartal''s data'!$A$1", valFormula: "'Kvartal''s data'!$B$1", val: { points: { 0: '1' } } });
  });

  it('works on a workbook saved by XlsxWorkbook, the way the CLI writes them', async () => {
    const wb = new XlsxWorkbook();
    await wb.createTables([
      {
        name: 'Stadsniva',
        sheet: 'Sammanställning',
        headers: ['År', 'Utveckling', 'Ram'],
        rows: [
          [2025, 100, 200],
          [2026, 300, 400],
        ],
        numberFormats: [undefined, '# ##0', '# ##0'],
        totals: { label: 'Summa', sum: [false, true, true] },
      },
    ]);
    const bytes = await wb.toBuffer();
    const out = await addColumnChart(bytes, {
      ...spec,
      categories: { sheet: 'Sammanställning', range: 'A2:A3' },
      series: [{ name: 'Ram', sheet: 'Sammanställning', range: 'C2:C3' }],
    });
    const pkg = await Package.open(out);
    pkg.assertConsistent();
    expect(readSeries(pkg.chartOf('Diagram').xml)[0].val.points).toEqual({ 0: '200', 1: '400' });
    expect(await (await XlsxWorkbook.fromBytes(out)).readTables()).toEqual(await (await XlsxWorkbook.fromBytes(bytes)).readTables());
  });
});

describe('addChartToAppProperties', () => {
  const app = (pairs: string, titles: string[]) =>
    `<Properties xmlns:vt="v"><HeadingPairs><vt:vector size="${(pairs.match(/<vt:variant>/g) ?? []).length}" baseType="variant">${pairs}</vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;
  const pair = (name: string, n: number) => `<vt:variant><vt:lpstr>${name}</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;

  it('adds to an existing Charts group, before the named ranges', () => {
    const before = app(pair('Worksheets', 1) + pair('Charts', 1) + pair('Named Ranges', 1), ['Blad1', 'Diagram1', 'Namn']);
    expect(addChartToAppProperties(before, 'Nytt')).toBe(app(pair('Worksheets', 1) + pair('Charts', 2) + pair('Named Ranges', 1), ['Blad1', 'Diagram1', 'Nytt', 'Namn']));
  });

  it('adds a Charts group right after the worksheets', () => {
    const before = app(pair('Worksheets', 2) + pair('Named Ranges', 1), ['A', 'B', 'Namn']);
    expect(addChartToAppProperties(before, 'Nytt')).toBe(app(pair('Worksheets', 2) + pair('Charts', 1) + pair('Named Ranges', 1), ['A', 'B', 'Nytt', 'Namn']));
  });

  it('leaves lists that do not add up as they are', () => {
    const before = app(pair('Worksheets', 3), ['A']);
    expect(addChartToAppProperties(before, 'Nytt')).toBe(before);
    expect(addChartToAppProperties('<Properties/>', 'Nytt')).toBe('<Properties/>');
  });
});
