/**
 * Every kind of cell the contract meets, read by both readers from one hand-written workbook: each cell's
 * value is stated here, and the streaming reader must agree with exceljs on all of them.
 */
import { StreamedWorkbook } from '../../../../src/workbook/file/stream/streamedWorkbook';
import { XlsxWorkbook } from '../../../../src/workbook/file/xlsxWorkbook';
import type { RawTable } from '../../../../src/workbook/host';
import { handMadeWorkbook } from './handMade';

const rows = [
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Titel utanför tabellen</t></is></c></row>',
  '<row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" t="inlineStr"><is><t>Datum</t></is></c><c r="E3" t="s"><v>2</v></c><c r="F3"/></row>',
  // Numbers, shared and rich strings, an inline rich string, booleans, an error, dates by style.
  '<row r="4"><c r="B4"><v>4500</v></c><c r="C4" t="s"><v>3</v></c><c r="D4" s="1"><v>44562</v></c><c r="E4" t="b"><v>1</v></c><c r="F4" t="e"><v>#REF!</v></c></row>',
  '<row r="5"><c r="B5" s="2"><v>-3040.5</v></c><c r="C5" t="inlineStr"><is><r><t>Rik </t></r><r><rPr><b/></rPr><t xml:space="preserve">text</t></r></is></c><c r="D5" s="3"><v>44927.5</v></c><c r="E5" t="b"><v>0</v></c><c r="F5" t="s"><v>4</v></c></row>',
  // Formulas: with a cached number, text, error, boolean; without a cached value; a shared formula and its copies.
  '<row r="6"><c r="B6"><f t="shared" ref="B6:B8" si="0">B4+$B$5</f><v>1459.5</v></c><c r="C6" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D6" s="1"><f>DATE(2022,1,1)</f><v>44562</v></c><c r="E6" t="b"><f>TRUE()</f><v>1</v></c><c r="F6" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
  '<row r="7"><c r="B7"><f t="shared" si="0"/><v>1</v></c><c r="C7"><f>SUM(B4:B5)</f></c><c r="D7" s="1" t="str"><f>"text"</f><v>text</v></c><c r="E7" t="s"><v>5</v></c><c r="F7"><v>0</v></c></row>',
  '<row r="8"><c r="A8"/><c r="B8"><f t="shared" si="0"/><v>2</v></c><c r="C8" t="inlineStr"><is><t>sist</t></is></c><c r="D8" s="1"><v>0</v></c></row>',
  '<row r="9"><c r="B9" t="inlineStr"><is><t>Summa</t></is></c><c r="C9"><f>SUBTOTAL(109,[Belopp])</f><v>3</v></c></row>',
].join('');

const strings = [
  '<si><t>Belopp</t></si>',
  '<si><t>Namn</t></si>',
  '<si><t>Sant</t></si>',
  '<si><t xml:space="preserve"> mellanslag kvar </t></si>',
  '<si><r><t>rik</t></r><r><t>_x0009_tabb</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>',
  '<si><t>Åäö &amp; &lt;tecken&gt;</t></si>',
];

const bytes = handMadeWorkbook(
  [
    { name: 'Tom', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    { name: 'Data', rows, tables: [{ name: 'Blandat', ref: 'B3:F9', columns: ['Belopp', 'Namn', 'Datum', 'Sant', 'Kolumn5'], totalsRow: true }] },
  ],
  { sharedStrings: strings },
);

describe('every cell kind, read by both readers', () => {
  let viaExceljs: RawTable[];
  let viaStream: RawTable[];
  beforeAll(async () => {
    viaExceljs = await (await XlsxWorkbook.fromBytes(Buffer.from(bytes), 'hand.xlsx')).readTables();
    viaStream = await (await StreamedWorkbook.fromBytes(bytes, 'hand.xlsx')).tables;
  });

  it('reads each cell as stated', () => {
    const [t] = viaStream;
    expect(t.name).toBe('Blandat');
    expect(t.sheet).toBe('Data');
    expect([t.headerRow, t.firstColumn]).toEqual([3, 2]);
    // The empty header cell takes the table definition's column name.
    expect(t.headers).toEqual(['Belopp', 'Namn', 'Datum', 'Sant', 'Kolumn5']);
    expect(t.body[0]).toEqual([4500, ' mellanslag kvar ', new Date(Date.UTC(2022, 0, 1)), true, { error: '#REF!' }]);
    expect(t.body[1]).toEqual([-3040.5, 'Rik text', new Date(Date.UTC(2023, 0, 1, 12)), false, 'rik\ttabb']);
    expect(t.body[2]).toEqual([
      { formula: 'B4+$B$5', result: 1459.5 },
      { formula: '"a"&"b"', result: 'ab' },
      { formula: 'DATE(2022,1,1)', result: new Date(Date.UTC(2022, 0, 1)) },
      { formula: 'TRUE()', result: true },
      { formula: '1/0', result: { error: '#DIV/0!' } },
    ]);
    expect(t.body[3]).toEqual([{ formula: 'B5+$B$5', result: 1 }, { formula: 'SUM(B4:B5)' }, { formula: '"text"' }, 'Åäö & <tecken>', 0]);
    expect(t.body[4]).toEqual([{ formula: 'B6+$B$5', result: 2 }, 'sist', new Date(Date.UTC(1899, 11, 30)), null, null]);
    expect(t.totals).toEqual(['Summa', { formula: 'SUBTOTAL(109,[Belopp])', result: 3 }, null, null, null]);
  });

  it('agrees with exceljs on every table and cell', () => {
    expect(viaStream).toEqual(viaExceljs);
  });

  it('reads dates in a workbook set to the 1904 date system as exceljs does', async () => {
    const b1904 = handMadeWorkbook(
      [{ name: 'D', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Datum</t></is></c></row><row r="2"><c r="A2" s="1"><v>43101</v></c></row>', tables: [{ name: 'T', ref: 'A1:A2', columns: ['Datum'] }] }],
      { date1904: true },
    );
    const stream = (await StreamedWorkbook.fromBytes(b1904, 'x.xlsx')).tables;
    expect(stream[0].body[0][0]).toEqual(new Date(Date.UTC(2022, 0, 2)));
    expect(stream).toEqual(await (await XlsxWorkbook.fromBytes(Buffer.from(b1904), 'x.xlsx')).readTables());
  });

  it('reads a number in a date format past any date as #NUM!, as Excel shows it, in both readers', async () => {
    const far = handMadeWorkbook([
      { name: 'D', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Datum</t></is></c></row><row r="2"><c r="A2" s="1"><v>1E+21</v></c></row>', tables: [{ name: 'T', ref: 'A1:A2', columns: ['Datum'] }] },
    ]);
    const stream = (await StreamedWorkbook.fromBytes(far, 'x.xlsx')).tables;
    expect(stream[0].body[0][0]).toEqual({ error: '#NUM!' });
    expect(stream).toEqual(await (await XlsxWorkbook.fromBytes(Buffer.from(far), 'x.xlsx')).readTables());
  });
});
