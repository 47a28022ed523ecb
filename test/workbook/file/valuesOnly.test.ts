/**
 * Issue 15: the only formulas in a workbook the tool writes are its own. A `{formula}` object that came from
 * data — a parsed snapshot, say — is written as the value it shows; one made by ownFormula is a formula.
 */
import ExcelJS from 'exceljs';
import { ownFormula } from '../../../src/workbook/ownFormula';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';

async function written(rows: ConstructorParameters<typeof Object>[0][][]) {
  const wb = new XlsxWorkbook();
  await wb.createTables([{ sheet: 'Blad', name: 'T', headers: ['A', 'B', 'C'], rows }]);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.toBuffer()) as unknown as ExcelJS.Buffer);
  return back.getWorksheet('Blad')!;
}

describe('XlsxWorkbook writes values only, except its own formulas', () => {
  it('writes a formula object from data as its shown value, and one of its own as a formula', async () => {
    const fromData = JSON.parse('{"formula":"WEBSERVICE(\\"https://x.example\\")","result":42}');
    const dde = JSON.parse('{"formula":"cmd|\' /C calc\'!A0"}');
    const ws = await written([[fromData, dde, ownFormula('A2*2', 84)]]);
    expect(ws.getCell('A2').value).toBe(42);
    expect(ws.getCell('B2').value).toBeNull();
    expect(ws.getCell('C2').formula).toBe('A2*2');
  });

  it('writes text starting with = and objects of no known shape as harmless values', async () => {
    const ws = await written([['=HYPERLINK("https://x.example")', JSON.parse('{"richText":[{"text":"x"}]}'), JSON.parse('{"error":"#REF!"}')]]);
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("https://x.example")');
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('B2').value).toBeNull();
    expect(ws.getCell('C2').value).toEqual({ error: '#REF!' });
  });

  it('a copy of its own formula (a JSON round trip) is no longer its own', async () => {
    const copy = JSON.parse(JSON.stringify(ownFormula('1+1', 2)));
    const ws = await written([[copy, null, null]]);
    expect(ws.getCell('A2').value).toBe(2);
  });
});
