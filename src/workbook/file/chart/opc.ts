/**
 * The small part of Open Packaging Conventions (ECMA-376 part 2) that adding a part to an existing .xlsx needs:
 * relationship parts, [Content_Types].xml, part names and XML text escaping. Works on the XML text as it is,
 * so whatever else the package holds is kept byte for byte.
 */

export const NS = {
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  officeRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  drawingml: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  spreadsheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

export const REL = {
  officeDocument: `${NS.officeRel}/officeDocument`,
  worksheet: `${NS.officeRel}/worksheet`,
  chartsheet: `${NS.officeRel}/chartsheet`,
  sharedStrings: `${NS.officeRel}/sharedStrings`,
  drawing: `${NS.officeRel}/drawing`,
  chart: `${NS.officeRel}/chart`,
} as const;

export const CONTENT_TYPE = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  chartsheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// The control characters XML 1.0 forbids (all but tab, line feed and carriage return), and U+FFFE/U+FFFF.
const XML_FORBIDDEN = /(?![\t\n\r\u007F-\u009F])[\p{Cc}\uFFFE\uFFFF]/gu;

/** Text or attribute value → XML, with the characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Element text → XML: like escapeXml but leaves quotes as they are, as Excel writes formulas ('Blad 1'!$A$1). */
export function escapeText(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** XML text → string: the five named entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    switch (ref) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    }
  });
}

/** The attributes of one start tag's attribute text (`name="v" r:id='x'`), unescaped. */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    rels.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
  }
  return rels;
}

export function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${NS.relationships}">${items.join('')}</Relationships>`;
}

/** Adds one relationship to an existing relationship part's XML, keeping everything already there. */
export function appendRelationship(xml: string, rel: { id: string; type: string; target: string }): string {
  const item = `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`;
  const close = /<\/((?:\w+:)?)Relationships\s*>/.exec(xml);
  if (close) {
    const prefixed = close[1] ? item.replace('<Relationship', `<${close[1]}Relationship`) : item;
    return xml.slice(0, close.index) + prefixed + xml.slice(close.index);
  }
  const empty = /<((?:\w+:)?)Relationships\b([^>]*?)\/>/.exec(xml);
  if (empty) {
    const p = empty[1];
    const prefixed = p ? item.replace('<Relationship', `<${p}Relationship`) : item;
    return xml.slice(0, empty.index) + `<${p}Relationships${empty[2]}>${prefixed}</${p}Relationships>` + xml.slice(empty.index + empty[0].length);
  }
  throw new Error('relationsdelen saknar <Relationships>');
}

/** A relationship id no relationship in `rels` has: rId<n> with n one past the highest rId<n> in use. */
export function nextRelationshipId(rels: Relationship[]): string {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.reduce((max, r) => Math.max(max, /^rId(\d+)$/.test(r.id) ? Number(r.id.slice(3)) : 0), 0) + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Part name of the relationship part that belongs to `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship's Target against its source part (zip names, without a leading slash). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return normalize(target.slice(1));
  const dir = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1) : '';
  return normalize(dir + target);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The relative Target from a part to another part, both zip names ("xl/chartsheets/sheet1.xml" → "../drawings/drawing1.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** `dir/prefix<n>.xml` with the lowest n ≥ 1 that no part (case-insensitively, as OPC compares names) has yet. */
export function freePartName(existing: Iterable<string>, dir: string, prefix: string): string {
  const taken = new Set([...existing].map((p) => p.replace(/^\//, '').toLowerCase()));
  for (let n = 1; ; n++) {
    const name = `${dir}/${prefix}${n}.xml`;
    if (!taken.has(name.toLowerCase()) && !taken.has(relsPathOf(name).toLowerCase())) return name;
  }
}

/** Adds an <Override> for a part to [Content_Types].xml, and the rels default when none covers .rels parts. */
export function addContentTypeOverrides(xml: string, overrides: { part: string; contentType: string }[]): string {
  let items = '';
  if (!/<Default\b[^>]*\bExtension\s*=\s*["']rels["']/i.test(xml)) items += `<Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/>`;
  for (const o of overrides) items += `<Override PartName="/${escapeXml(o.part)}" ContentType="${escapeXml(o.contentType)}"/>`;
  const close = xml.lastIndexOf('</Types>');
  if (close < 0) throw new Error('[Content_Types].xml saknar </Types>');
  return xml.slice(0, close) + items + xml.slice(close);
}

/** The content type [Content_Types].xml gives a part: its Override, else its extension's Default; null when none. */
export function contentTypeOf(contentTypesXml: string, part: string): string | null {
  const name = `/${part.replace(/^\//, '')}`.toLowerCase();
  for (const m of contentTypesXml.matchAll(/<Override\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if ((a.PartName ?? '').toLowerCase() === name) return a.ContentType ?? null;
  }
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  for (const m of contentTypesXml.matchAll(/<Default\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if ((a.Extension ?? '').toLowerCase() === ext) return a.ContentType ?? null;
  }
  return null;
}
