/**
 * A sheet large enough to be inflated piece by piece (issue 19: each piece is parsed while zlib inflates the
 * next): read exactly as exceljs reads it, characters split between pieces included, and refused with the
 * part named when its XML breaks far into it, leaving nothing behind for the next file.
 */
import { readCentralDirectory } from '../../../../src/workbook/file/zip';
import { StreamedWorkbook } from '../../../../src/workbook/file/stream/streamedWorkbook';
import { UnreadableWorkbook } from '../../../../src/workbook/file/unreadable';
import { XlsxWorkbook } from '../../../../src/workbook/file/xlsxWorkbook';
import { handMadeWorkbook } from './handMade';

jest.setTimeout(60_000);

const ROWS = 20_000;

function rows(broken: boolean): string {
  const out = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'];
  for (let r = 2; r <= ROWS; r++) {
    // Two-byte, three-byte and four-byte characters and entities, so that some fall across two pieces.
    const text = `Initiativ ${r} åäö € 😀 &amp; &lt;${r % 7}&gt;`;
    const cells = `<c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r}"><v>${r * 3}</v></c><c r="C${r}" t="s"><v>${3 + (r % 2)}</v></c>`;
    out.push(broken && r === Math.floor(ROWS * 0.75) ? `<row r="${r}">${cells}</rad>` : `<row r="${r}">${cells}</row>`);
  }
  return out.join('');
}

const workbook = (broken: boolean) =>
  handMadeWorkbook([{ name: 'Stort', rows: rows(broken), tables: [{ name: 'Stor', ref: `A1:C${ROWS}`, columns: ['Namn', 'Belopp', 'Text'] }] }], {
    sharedStrings: ['<si><t>Namn</t></si>', '<si><t>Belopp</t></si>', '<si><t>Text</t></si>', '<si><t>jämn</t></si>', '<si><t xml:space="preserve"> udda </t></si>'],
  });

describe('a sheet inflated in pieces', () => {
  it('is larger than the parts inflated in one call, so it is read piece by piece', () => {
    const entry = readCentralDirectory(workbook(false), 'stor.xlsx').get('xl/worksheets/sheet1.xml');
    expect(entry?.size).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('is read cell for cell as exceljs reads it', async () => {
    const bytes = workbook(false);
    const stream = (await StreamedWorkbook.fromBytes(bytes, 'stor.xlsx')).tables;
    expect(stream[0].body).toHaveLength(ROWS - 1);
    expect(stream[0].body[0]).toEqual(['Initiativ 2 åäö € 😀 & <2>', 6, 'jämn']);
    expect(stream[0].body[ROWS - 2]).toEqual([`Initiativ ${ROWS} åäö € 😀 & <${ROWS % 7}>`, ROWS * 3, 'jämn']);
    expect(stream[0].body[ROWS - 3][2]).toBe(' udda ');
    expect(stream).toEqual(await (await XlsxWorkbook.fromBytes(Buffer.from(bytes), 'stor.xlsx')).readTables());
  });

  it('is refused, naming the part, when its XML breaks three quarters in', async () => {
    const refusal = await StreamedWorkbook.fromBytes(workbook(true), 'trasig.xlsx').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UnreadableWorkbook);
    expect((refusal as Error).message).toMatch(/^trasig\.xlsx: .*delen xl\/worksheets\/sheet1\.xml är inte läsbar XML/);
    // Parsers and decoders are reused between parts: nothing of the broken one reaches the next file.
    const after = (await StreamedWorkbook.fromBytes(workbook(false), 'stor.xlsx')).tables;
    expect(after[0].body[0]).toEqual(['Initiativ 2 åäö € 😀 & <2>', 6, 'jämn']);
    expect(after[0].body).toHaveLength(ROWS - 1);
  });
});
