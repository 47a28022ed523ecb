/**
 * Workbooks written XML by hand, for what the generated fixtures never hold: inline and rich strings,
 * phonetic runs, `_xHHHH_` escapes, shared formulas, cached errors and booleans, dates by style.
 */
import { zipSync, strToU8 } from 'fflate';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface HandMadeSheet {
  name: string;
  /** `<sheetData>` content. */
  rows: string;
  tables?: { name: string; ref: string; columns: string[]; totalsRow?: boolean }[];
}

export function handMadeWorkbook(sheets: HandMadeSheet[], extra: { sharedStrings?: string[]; date1904?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, xml: string) => (files[name] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`));
  put('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>');
  put('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put(
    'xl/workbook.xml',
    `<workbook ${NS}>${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  const n = sheets.length;
  put(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}` +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  // Style 1: a date; 2: a tkr number; 3: a custom date format with quoted text.
  put(
    'xl/styles.xml',
    `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="# ##0"/><numFmt numFmtId="165" formatCode="yyyy&quot;-&quot;mm&quot;-&quot;dd"/></numFmts>` +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>',
  );
  const strings = extra.sharedStrings ?? [];
  put('xl/sharedStrings.xml', `<sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`);
  let tableNo = 0;
  sheets.forEach((s, i) => {
    const tables = s.tables ?? [];
    const ids = tables.map(() => ++tableNo);
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<worksheet ${NS}><sheetData>${s.rows}</sheetData>${tables.length ? `<tableParts count="${tables.length}">${ids.map((_, k) => `<tablePart r:id="rIdT${k + 1}"/>`).join('')}</tableParts>` : ''}</worksheet>`,
    );
    if (tables.length === 0) return;
    put(
      `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((id, k) => `<Relationship Id="rIdT${k + 1}" Type="${REL}/table" Target="../tables/table${id}.xml"/>`).join('')}</Relationships>`,
    );
    tables.forEach((t, k) =>
      put(
        `xl/tables/table${ids[k]}.xml`,
        `<table ${NS} id="${ids[k]}" name="${t.name}" displayName="${t.name}" ref="${t.ref}"${t.totalsRow ? ' totalsRowCount="1"' : ''}><tableColumns count="${t.columns.length}">${t.columns.map((c, j) => `<tableColumn id="${j + 1}" name="${c}"/>`).join('')}</tableColumns></table>`,
      ),
    );
  });
  return zipSync(files);
}
