import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { periodOf } from '../../../src/domain/period';
import { readPlan } from '../../../src/workbook/contract/readPlan';
import { readCityFrame } from '../../../src/workbook/contract/readFrame';
import { frameWorkbookTables, planTables, type PlanInput } from '../../../src/workbook/contract/template';
import { planInitiativeHeaders, TKR_FORMAT } from '../../../src/workbook/contract/tables';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';
import { UnreadableWorkbook } from '../../../src/workbook/file/unreadable';
import type { RawTable } from '../../../src/workbook/host';

const input: PlanInput = {
  area: 'Kultur och fritid samt service',
  period: periodOf(2022, 2024),
  owner: 'Åsa Öberg',
  securityLevel: 'Intern',
  initiatives: [
    { nr: 1, name: 'Ny bokningsplattform', development: [4500, 3040, 1105], maintenance: [0, -3040, -1200], comment: 'Ersätter två system' },
    { nr: '2', name: 'Digitala kvitton', development: [999_999_999, 0, null], maintenance: [null, 250, 250] },
    { nr: null, name: 'Summa', development: [1_000_004_499, 3040, 1105], maintenance: [0, -2790, -950] },
  ],
  frame: [
    { year: 2022, development: 121_600, operations: 1_105_600 },
    { year: 2023, development: 130_000, operations: null },
  ],
  versions: [
    { date: '2021-03-01', version: '0.1', description: 'Första utkast', changedBy: 'Åsa Öberg' },
    { date: '2021-05-03', version: '0.5', description: 'Beslutad i tjänsteforum', changedBy: 'Åsa Öberg', forum: 'TF', decision: 'Fastställd' },
    { date: new Date(Date.UTC(2021, 8, 30)), version: '1.0', description: 'Beslutsforum', changedBy: 'Bo', forum: 'BF', decision: 'Fastställd' },
  ],
};

async function roundTrip(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBytes(await wb.toBuffer(), 'test.xlsx');
}

async function written(plan: PlanInput = input): Promise<XlsxWorkbook> {
  const wb = new XlsxWorkbook();
  await wb.createTables(planTables(plan));
  return wb;
}

const table = (tables: RawTable[], name: string) => tables.find((t) => t.name === name)!;

describe('XlsxWorkbook round trip through .xlsx bytes', () => {
  let tables: RawTable[];
  beforeAll(async () => {
    tables = await (await roundTrip(await written())).readTables();
  });

  it('gives back every table on its sheet with the exact headers', () => {
    const writes = planTables(input);
    expect(tables.map((t) => [t.name, t.sheet, t.headers])).toEqual(writes.map((w) => [w.name, w.sheet, w.headers]));
    expect(table(tables, 'Initiativ').headers).toEqual(planInitiativeHeaders([2022, 2023, 2024]));
  });

  it('reads back exactly the same plan, without findings', () => {
    const { plan, findings } = readPlan(tables);
    expect(findings).toEqual([]);
    expect(plan!.info).toEqual({ area: input.area, period: periodOf(2022, 2024), owner: 'Åsa Öberg', securityLevel: 'Intern' });
    expect(plan!.initiatives.map((r) => [r.nr, r.name, r.development, r.maintenance, r.comment, r.isStatedSum])).toEqual([
      ['1', 'Ny bokningsplattform', [4500, 3040, 1105], [0, -3040, -1200], 'Ersätter två system', false],
      ['2', 'Digitala kvitton', [999_999_999, 0, 0], [0, 250, 250], '', false],
      ['', 'Summa', [1_000_004_499, 3040, 1105], [0, -2790, -950], '', true],
    ]);
    expect([...plan!.frame!.years.values()]).toEqual([
      { year: 2022, development: 121_600, operations: 1_105_600, row: 1 },
      { year: 2023, development: 130_000, operations: null, row: 2 },
      { year: 2024, development: null, operations: null, row: 3 },
    ]);
  });

  it('reads back the version history with dates as ISO, forums and decisions', () => {
    const { plan } = readPlan(tables);
    expect(plan!.versions.map((v) => [v.row, v.date, v.labelShown, v.description, v.changedBy, v.forum, v.decision])).toEqual([
      [1, '2021-03-01', '0.1', 'Första utkast', 'Åsa Öberg', null, null],
      [2, '2021-05-03', '0.5', 'Beslutad i tjänsteforum', 'Åsa Öberg', 'TF', 'Fastställd'],
      [3, '2021-09-30', '1.0', 'Beslutsforum', 'Bo', 'BF', 'Fastställd'],
    ]);
  });

  it('keeps the version labels as text, so 1.0 stays 1.0 and 0.10 stays 0.10', async () => {
    const wb = await roundTrip(
      await written({ ...input, versions: [{ date: '2021-03-01', version: '0.10', description: '', changedBy: '' }, { date: null, version: '1.0', description: '', changedBy: '' }] }),
    );
    const versions = table(await wb.readTables(), 'Versionshantering');
    expect(versions.body.map((r) => r[1])).toEqual(['0.10', '1.0']);
  });

  it('writes a text starting with = as text, never as a formula', async () => {
    const plan: PlanInput = {
      ...input,
      area: '=HYPERLINK("http://example.com","IT")',
      initiatives: [{ nr: '=1+1', name: '=SUM(C2:C9)', development: [1, 2, 3], maintenance: [0, 0, 0], comment: '=cmd|" /C calc"!A0', priority: '=IF(1,"Måste")' }],
    };
    const back = await roundTrip(await written(plan));
    const t = await back.readTables();
    expect(table(t, 'Initiativ').body[0]).toEqual(['=1+1', '=SUM(C2:C9)', 1, 2, 3, 0, 0, 0, '=cmd|" /C calc"!A0', '=IF(1,"Måste")']);
    expect(table(t, 'Planuppgifter').body[0]).toEqual(['Tjänsteområde', '=HYPERLINK("http://example.com","IT")']);
    const { plan: read } = readPlan(t);
    expect(read!.info.area).toBe('=HYPERLINK("http://example.com","IT")');
    // And in the file itself: no cell of the sheet holds a formula.
    const ws = back.workbook.getWorksheet('Tjänsteplan')!;
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('formats the amount columns as #,##0 and nothing else', async () => {
    const back = await roundTrip(await written());
    const t = await back.readTables();
    expect(TKR_FORMAT).toBe('#,##0');
    for (const name of ['Initiativ', 'Ram']) {
      const raw = table(t, name);
      const ws = back.workbook.getWorksheet(raw.sheet)!;
      raw.headers.forEach((header, c) => {
        const isAmount = /^(Utveckling|Vidmakthålla|Förvaltning)/.test(header);
        raw.body.forEach((_, r) => {
          const numFmt = ws.getCell(raw.headerRow + 1 + r, raw.firstColumn + c).numFmt;
          if (isAmount) expect([header, numFmt]).toEqual([header, '#,##0']);
          else expect([header, numFmt]).not.toEqual([header, '#,##0']);
        });
      });
    }
  });

  it('round-trips finance\'s frame workbook', async () => {
    const wb = new XlsxWorkbook();
    await wb.createTables(
      frameWorkbookTables(
        [
          { area: 'IT', years: [{ year: 2022, development: 30_000, operations: 200_000 }] },
          { area: 'HR', years: [{ year: 2022, development: 5_000, operations: null }] },
        ],
        [{ year: 2022, development: 121_600, operations: 1_105_600 }],
      ),
    );
    const { frame, findings } = readCityFrame(await (await roundTrip(wb)).readTables());
    expect(findings).toEqual([]);
    expect(frame.areas.get('it')!.years.get(2022)).toMatchObject({ development: 30_000, operations: 200_000 });
    expect(frame.areas.get('hr')!.years.get(2022)).toMatchObject({ development: 5_000, operations: null });
    expect(frame.city.get(2022)).toMatchObject({ development: 121_600, operations: 1_105_600 });
  });

  it('writes a totals row of formulas that reads back as formulas', async () => {
    const [, initiativ] = planTables(input);
    const wb = new XlsxWorkbook();
    await wb.createTables([
      { ...initiativ, totals: { label: 'Totalt', sum: initiativ.headers.map((h) => /^(Utveckling|Vidmakthålla)/.test(h)) } },
    ]);
    const raw = table(await (await roundTrip(wb)).readTables(), 'Initiativ');
    expect(raw.body).toHaveLength(3);
    expect(raw.totals![0]).toBe('Totalt');
    for (let c = 2; c < 8; c++) expect(raw.totals![c]).toMatchObject({ formula: expect.stringMatching(/^SUBTOTAL\(109,/) });
    const { plan, findings } = readPlan([table(tables, 'Planuppgifter'), raw]);
    expect(findings.filter((f) => f.code === 'TOTALS_NOT_FORMULA')).toEqual([]);
    expect(plan!.initiatives).toHaveLength(3);
  });
});

describe('XlsxWorkbook.createTables never writes over anything', () => {
  it('refuses a table name that exists (in any case) and leaves the workbook intact', async () => {
    const wb = await written();
    const before = await wb.readTables();
    const bytesBefore = JSON.stringify(await (await roundTrip(wb)).readTables());
    await expect(wb.createTables(planTables(input))).rejects.toThrow('Tabellen Planuppgifter finns redan');
    const [, initiativ] = planTables(input);
    await expect(wb.createTables([{ ...initiativ, name: 'INITIATIV' }])).rejects.toThrow(/finns redan/);
    expect(await wb.readTables()).toEqual(before);
    expect(JSON.stringify(await (await roundTrip(wb)).readTables())).toBe(bytesBefore);
  });

  it('writes nothing at all when one table of the batch is refused', async () => {
    const wb = await written();
    const before = await wb.readTables();
    const extra = { sheet: 'Tjänsteplan', name: 'Extra', headers: ['A', 'B'], rows: [['x', 1]] };
    await expect(wb.createTables([extra, planTables(input)[1]])).rejects.toThrow('Tabellen Initiativ finns redan');
    expect(await wb.readTables()).toEqual(before);
  });

  it('places tables below the content a sheet already holds, leaving it as it was', async () => {
    const wb = new XlsxWorkbook();
    const ws = wb.workbook.addWorksheet('Tjänsteplan');
    ws.getCell('A1').value = 'Tjänsteplan 2022–2024';
    ws.getCell('C3').value = 4500;
    ws.getCell('K6').value = 'Anteckning långt till höger';
    await wb.createTables(planTables(input));
    const back = await roundTrip(wb);
    const sheet = back.workbook.getWorksheet('Tjänsteplan')!;
    expect(sheet.getCell('A1').value).toBe('Tjänsteplan 2022–2024');
    expect(sheet.getCell('C3').value).toBe(4500);
    expect(sheet.getCell('K6').value).toBe('Anteckning långt till höger');
    const t = await back.readTables();
    const info = table(t, 'Planuppgifter');
    const initiativ = table(t, 'Initiativ');
    expect(info.headerRow).toBeGreaterThan(6);
    // The second table on the sheet goes below the first, not over it.
    expect(initiativ.headerRow).toBeGreaterThan(info.headerRow + info.body.length);
    expect(readPlan(t).findings).toEqual([]);
  });

  it('places a table created later below the tables already on the sheet', async () => {
    const wb = await written();
    await wb.createTables([{ sheet: 'Tjänsteplan', name: 'Anteckningar', headers: ['Text'], rows: [['a'], ['b']] }]);
    const t = await (await roundTrip(wb)).readTables();
    const initiativ = table(t, 'Initiativ');
    const notes = table(t, 'Anteckningar');
    expect(notes.headerRow).toBeGreaterThan(initiativ.headerRow + initiativ.body.length);
    expect(readPlan(t).plan!.initiatives).toHaveLength(3);
  });
});

describe('XlsxWorkbook.writeHiddenTable', () => {
  const own = (rows: string[][]) => ({ sheet: 'Tjänsteplan fastställd', name: 'Fastställd', headers: ['Uppgift', 'Värde'], rows, numberFormats: ['@', '@'] });

  it('writes the table on a very hidden sheet that survives the file, and replaces it whole', async () => {
    const wb = await written();
    await wb.writeHiddenTable(own([['Version', '1.0'], ['Tabeller', '=A1'], ['Tabeller', 'mer']]));
    const once = await roundTrip(wb);
    expect(once.workbook.getWorksheet('Tjänsteplan fastställd')?.state).toBe('veryHidden');
    expect(table(await once.readTables(), 'Fastställd').body).toEqual([['Version', '1.0'], ['Tabeller', '=A1'], ['Tabeller', 'mer']]);
    await once.writeHiddenTable(own([['Version', '2.0']]));
    const twice = await roundTrip(once);
    expect((await twice.readTables()).filter((t) => t.sheet === 'Tjänsteplan fastställd').map((t) => t.body)).toEqual([[['Version', '2.0']]]);
    // The plan's own tables are untouched by it.
    expect(readPlan(await twice.readTables()).findings).toEqual(readPlan(await (await roundTrip(await written())).readTables()).findings);
  });

  it("refuses a sheet of that name that is the user's", async () => {
    const wb = await written();
    wb.workbook.addWorksheet('Tjänsteplan fastställd').getCell('A1').value = 'mina anteckningar';
    await expect(wb.writeHiddenTable(own([['Version', '1.0']]))).rejects.toThrow('är inte tilläggets eget');
    expect(wb.workbook.getWorksheet('Tjänsteplan fastställd')?.getCell('A1').value).toBe('mina anteckningar');
  });
});

describe('XlsxWorkbook reads what Excel writes', () => {
  it('reads error values and formulas with and without cached results', async () => {
    const wb = await roundTrip(await written());
    const initiativ = table(await wb.readTables(), 'Initiativ');
    const ws = wb.workbook.getWorksheet('Tjänsteplan')!;
    const row = initiativ.headerRow + 1; // data row 1
    const col = (header: string) => initiativ.firstColumn + initiativ.headers.indexOf(header);
    ws.getCell(row, col('Utveckling 2022')).value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell(row, col('Utveckling 2023')).value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
    ws.getCell(row, col('Utveckling 2024')).value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
    ws.getCell(row, col('Vidmakthålla 2022')).value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell(row, col('Vidmakthålla 2023')).value = '4 500';
    const back = table(await (await roundTrip(wb)).readTables(), 'Initiativ');
    expect(back.body[0].slice(2, 7)).toEqual([
      { error: '#REF!' },
      { formula: 'SUM(1,2)', result: 3 },
      { formula: 'A1*2' },
      { formula: '1/0', result: { error: '#DIV/0!' } },
      '4 500',
    ]);
  });

  it('reads formulas filled down (shared formulas) with their own text and result', async () => {
    const wb = await roundTrip(await written());
    const initiativ = table(await wb.readTables(), 'Initiativ');
    const ws = wb.workbook.getWorksheet('Tjänsteplan')!;
    const top = initiativ.headerRow + 1;
    const c = initiativ.firstColumn + initiativ.headers.indexOf('Kommentar');
    const letter = ws.getColumn(c).letter;
    ws.getCell(top, c).value = { formula: `LEN(B${top})`, result: 20, shareType: 'shared', ref: `${letter}${top}:${letter}${top + 1}` } as ExcelJS.CellSharedFormulaValue & { shareType: string; ref: string };
    ws.getCell(top + 1, c).value = { sharedFormula: `${letter}${top}`, result: 16 } as ExcelJS.CellSharedFormulaValue;
    const back = table(await (await roundTrip(wb)).readTables(), 'Initiativ');
    expect(back.body[0][8]).toEqual({ formula: `LEN(B${top})`, result: 20 });
    expect(back.body[1][8]).toEqual({ formula: `LEN(B${top + 1})`, result: 16 });
  });

  it('reports the cells a file holds: FORMULA_ERROR and FORMULA_NOT_CALCULATED at their addresses', async () => {
    const wb = await roundTrip(await written());
    const initiativ = table(await wb.readTables(), 'Initiativ');
    const ws = wb.workbook.getWorksheet('Tjänsteplan')!;
    const row = initiativ.headerRow + 2; // data row 2
    ws.getCell(row, initiativ.firstColumn + 3).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell(row, initiativ.firstColumn + 4).value = { formula: 'C1*2' } as ExcelJS.CellFormulaValue;
    const { findings } = readPlan(await (await roundTrip(wb)).readTables());
    const letter = (i: number) => ws.getColumn(initiativ.firstColumn + i).letter;
    expect(findings.map((f) => [f.code, f.location?.row, f.location?.address])).toEqual([
      ['FORMULA_ERROR', 2, `${letter(3)}${row}`],
      ['FORMULA_NOT_CALCULATED', 2, `${letter(4)}${row}`],
    ]);
  });
});

describe('XlsxWorkbook with formulas in date-formatted cells', () => {
  it('reads an error or text result that exceljs cannot give back as not calculated, never crashing the check', async () => {
    const wb = await written();
    const ws = wb.workbook.getWorksheet('Tjänsteplan')!;
    // Initiativ's first body row is 9: C = Utveckling 2022, D = Utveckling 2023.
    ws.getCell('C9').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('D9').value = { formula: '"x"&"y"', result: 'xy' } as ExcelJS.CellFormulaValue;
    for (const a of ['C9', 'D9']) ws.getCell(a).numFmt = 'yyyy-mm-dd';
    const tables = await (await roundTrip(wb)).readTables();
    expect(table(tables, 'Initiativ').body[0].slice(2, 4)).toEqual([{ formula: '1/0' }, { formula: '"x"&"y"' }]);
    const { findings } = readPlan(tables);
    expect(findings.filter((f) => f.location?.address === 'C9' || f.location?.address === 'D9').map((f) => [f.code, f.location?.address])).toEqual([
      ['FORMULA_NOT_CALCULATED', 'C9'],
      ['FORMULA_NOT_CALCULATED', 'D9'],
    ]);
  });
});

describe('XlsxWorkbook refuses what is no .xlsx, with a Swedish reason', () => {
  const refused = async (bytes: Uint8Array): Promise<UnreadableWorkbook> => {
    try {
      await XlsxWorkbook.fromBytes(bytes, 'plan.xlsx');
    } catch (e) {
      expect(e).toBeInstanceOf(UnreadableWorkbook);
      return e as UnreadableWorkbook;
    }
    throw new Error('fromBytes accepted the bytes');
  };

  it('refuses empty bytes', async () => {
    const e = await refused(new Uint8Array());
    expect(e.reason).toBe('filen är tom');
    expect(e.file).toBe('plan.xlsx');
    expect(e.message).toBe('plan.xlsx: filen är tom');
  });

  it('refuses text', async () => {
    expect((await refused(Buffer.from('Tjänsteområde;Planperiod\nIT;2022–2024\n', 'utf8'))).reason).toBe('filen är inte en Excel-arbetsbok (.xlsx)');
  });

  it('refuses an old .xls (an OLE container)', async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect((await refused(ole)).reason).toBe('filen är i det gamla .xls-formatet; spara den som .xlsx i Excel');
  });

  it('refuses a password-protected workbook (OLE with EncryptionInfo)', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1200);
    expect((await refused(ole)).reason).toBe('arbetsboken är lösenordsskyddad; spara den utan lösenord och försök igen');
  });

  it('refuses a broken zip', async () => {
    const e = await refused(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
    expect(e.reason).toMatch(/^filen kunde inte läsas som \.xlsx \(/);
  });

  it('opens a saved file and refuses a missing one or a folder', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tjansteplan-'));
    try {
      const file = path.join(dir, 'plan.xlsx');
      await (await written()).save(file);
      expect(await fs.readdir(dir)).toEqual(['plan.xlsx']);
      expect(readPlan(await (await XlsxWorkbook.open(file)).readTables()).findings).toEqual([]);
      await expect(XlsxWorkbook.open(path.join(dir, 'saknas.xlsx'))).rejects.toMatchObject({ name: 'UnreadableWorkbook', reason: 'filen finns inte' });
      await expect(XlsxWorkbook.open(dir)).rejects.toMatchObject({ reason: 'det är en mapp, inte en fil' });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
