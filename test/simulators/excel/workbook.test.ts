/** Tables, sheets, settings and conditional formats in the test host, and what survives .xlsx. */
import ExcelJS from 'exceljs';
import { WorkbookModel } from '../../../src/simulators/excel';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';
import { emptyHost, failure, fixtureBytes, hostOf } from './helpers';

async function reopen(model: WorkbookModel): Promise<WorkbookModel> {
  return WorkbookModel.fromXlsx(await model.toXlsx());
}

describe('tables', () => {
  test('tables.add makes a real table: headers become unique text, names default to Table1', async () => {
    const host = await emptyHost();
    const out = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('B2:E4').values = [
        ['År', '', 2022, 'år'],
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ];
      const t = sheet.tables.add(sheet.getRange('B2:E4'), true);
      t.load('name,showHeaders,showTotals');
      const header = t.getHeaderRowRange();
      header.load('values,valueTypes');
      const body = t.getDataBodyRange();
      body.load('address');
      await context.sync();
      return { name: t.name, headers: header.values[0], types: header.valueTypes[0], body: body.address, flags: [t.showHeaders, t.showTotals] };
    });
    expect(out).toEqual({
      name: 'Table1',
      headers: ['År', 'Column2', '2022', 'år2'],
      types: ['String', 'String', 'String', 'String'],
      body: 'Blad1!B3:E4',
      flags: [true, false],
    });
    expect(host.model.getTables()).toEqual([
      expect.objectContaining({ name: 'Table1', sheet: 'Blad1', address: 'Blad1!B2:E4', columns: ['År', 'Column2', '2022', 'år2'] }),
    ]);
  });

  test('a table cannot overlap another; a duplicate or invalid name is refused', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const t = context.workbook.worksheets.getItem('Blad1').tables.add('A1:B3', true);
      t.name = 'Ram';
    });
    expect((await failure(host.run(async (context) => void context.workbook.tables.add('Blad1!B2:C4', true)))).code).toBe('InvalidArgument');
    const other = async (name: string) =>
      failure(
        host.run(async (context) => {
          context.workbook.worksheets.getItem('Blad1').tables.add('E1:F3', true).name = name;
        }),
      );
    expect((await other('ram')).code).toBe('InvalidArgument');
    expect((await other('Två ord')).code).toBe('InvalidArgument');
    expect((await other('A1')).code).toBe('InvalidArgument');
  });

  test('showTotals adds a totals row with Excel defaults: a label first, a SUBTOTAL last', async () => {
    const host = await emptyHost();
    const totals = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('A1:C3').values = [
        ['Namn', 'Text', 'Belopp'],
        ['a', 'x', 10],
        ['b', 'y', 20],
      ];
      const t = sheet.tables.add('A1:C3', true);
      t.name = 'T';
      t.showTotals = true;
      const row = t.getTotalRowRange();
      row.load('address,values,formulas');
      await context.sync();
      return row;
    });
    expect(totals.address).toBe('Blad1!A4:C4');
    expect(totals.formulas).toEqual([['Summa', '', '=SUBTOTAL(109,T[Belopp])']]);
    expect(totals.values).toEqual([['Summa', '', 30]]);
    const e = await failure(
      host.run(async (context) => {
        const t = context.workbook.tables.getItem('T');
        t.showTotals = false;
        t.getTotalRowRange().load('address');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(host.model.getCellValue('Blad1', 4, 3)).toBeNull();
  });

  test('a table created through the API is a real Excel table in the saved file', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Ram');
      sheet.getRange('A1:C3').values = [
        ['År', 'Utveckling', 'Förvaltning'],
        [2022, 100, 200],
        [2023, 150, 250],
      ];
      const t = sheet.tables.add('A1:C3', true);
      t.name = 'Ram';
      t.showTotals = true;
      t.getTotalRowRange().getCell(0, 1).formulas = [['=SUBTOTAL(109,Ram[Utveckling])']];
    });
    const bytes = await host.model.toXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const table = (wb.getWorksheet('Ram') as unknown as { tables: Record<string, { table: { tableRef: string; totalsRow: boolean; columns: { name: string; totalsRowFunction?: string }[] } }> }).tables.Ram.table;
    expect(table.tableRef).toBe('A1:C4');
    expect(table.totalsRow).toBe(true);
    expect(table.columns.map((c) => [c.name, c.totalsRowFunction])).toEqual([
      ['År', undefined],
      ['Utveckling', 'sum'],
      ['Förvaltning', 'sum'],
    ]);
    const raw = await (await XlsxWorkbook.fromBytes(bytes)).readTables();
    expect(raw).toEqual([
      {
        name: 'Ram',
        sheet: 'Ram',
        headerRow: 1,
        firstColumn: 1,
        headers: ['År', 'Utveckling', 'Förvaltning'],
        body: [
          [2022, 100, 200],
          [2023, 150, 250],
        ],
        totals: ['Summa', { formula: 'SUBTOTAL(109,Ram[Utveckling])', result: 250 }, { formula: 'SUBTOTAL(109,Ram[Förvaltning])', result: 450 }],
      },
    ]);
  });
});

describe('sheets', () => {
  test('add, rename, hide and delete like Excel, with its errors', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add();
      added.load('name');
      await context.sync();
      expect(added.name).toBe('Blad2');
      added.name = 'Ram';
      sheets.getItem('Blad1').visibility = 'Hidden';
      await context.sync();
    });
    expect(host.model.getSheetNames()).toEqual(['Ram']);
    expect(host.model.getSheetNames({ includeHidden: true })).toEqual(['Blad1', 'Ram']);
    expect(host.model.getActiveSheet()).toBe('Ram');
    expect((await failure(host.run(async (context) => void context.workbook.worksheets.add('ram')))).code).toBe('ItemAlreadyExists');
    expect((await failure(host.run(async (context) => void (context.workbook.worksheets.getItem('Ram').name = 'a/b')))).code).toBe('InvalidArgument');
    expect((await failure(host.run(async (context) => context.workbook.worksheets.getItem('Ram').delete()))).code).toBe('InvalidOperation');
    const reopened = await reopen(host.model);
    expect(reopened.getSheetNames({ includeHidden: true })).toEqual(['Blad1', 'Ram']);
    expect(reopened.getActiveSheet()).toBe('Ram');
  });
});

describe('settings', () => {
  test('add, read, replace and delete', async () => {
    const host = await emptyHost();
    const out = await host.run(async (context) => {
      const settings = context.workbook.settings;
      settings.add('a', { marks: [1, 2] });
      settings.add('b', 'text');
      settings.add('b', 'replaced');
      const a = settings.getItem('a');
      a.load('key,value');
      settings.load('items/key');
      await context.sync();
      const keys = settings.items.map((s) => s.key);
      a.delete();
      const gone = settings.getItemOrNullObject('a');
      gone.load('value');
      await context.sync();
      return { keys, a: a.value, gone: gone.isNullObject };
    });
    expect(out).toEqual({ keys: ['a', 'b'], a: { marks: [1, 2] }, gone: true });
    expect(host.model.getSettings()).toEqual({ b: 'replaced' });
  });

  test('settings are saved with the workbook and read back, in a sheet neither Excel nor the API shows', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-hr-2022-2024.xlsx'));
    await host.run(async (context) => {
      context.workbook.settings.add('tjansteplan.test', { version: '0.2', list: ['x', 'y'] });
    });
    const bytes = await host.model.toXlsx();
    const again = await hostOf(bytes);
    const value = await again.run(async (context) => {
      const s = context.workbook.settings.getItem('tjansteplan.test');
      s.load('value');
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return { value: s.value, sheets: sheets.items.map((w) => w.name) };
    });
    expect(value).toEqual({ value: { version: '0.2', list: ['x', 'y'] }, sheets: ['Tjänsteplan', 'Ram', 'Versioner'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.getWorksheet('_ExcelTestHostSettings')?.state).toBe('veryHidden');
    // The .xlsx adapter still reads the same tables.
    expect((await (await XlsxWorkbook.fromBytes(bytes)).readTables()).map((t) => t.name)).toEqual(['Planuppgifter', 'Initiativ', 'Ram', 'Versionshantering']);
  });
});

describe('saving', () => {
  test('a fixture saved unchanged reads back to the same tables', async () => {
    const bytes = await fixtureBytes('tjansteplan-inkop-2022-2024.xlsx');
    const host = await hostOf(bytes);
    const before = await (await XlsxWorkbook.fromBytes(bytes)).readTables();
    const after = await (await XlsxWorkbook.fromBytes(await host.model.toXlsx())).readTables();
    expect(after).toEqual(before);
  });

  test('fills, number formats and widths are saved; a cell sharing a style in the file is not recoloured with another', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
    // C9 and C10 share one style in the file (#,##0); exceljs shares the style object between them.
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Tjänsteplan');
      sheet.getRange('C9').format.fill.color = '#FFC7CE';
      sheet.getRange('J9').numberFormat = [['@']];
      sheet.getRange('A8:I26').format.autofitColumns();
    });
    const reopened = await reopen(host.model);
    expect(reopened.getCell('Tjänsteplan', 9, 3)).toMatchObject({ fill: '#FFC7CE', numberFormat: '#,##0' });
    expect(reopened.getCell('Tjänsteplan', 10, 3)).toMatchObject({ fill: null, numberFormat: '#,##0' });
    expect(reopened.getCellNumberFormat('Tjänsteplan', 9, 10)).toBe('@');
    expect(reopened.getColumnWidth('Tjänsteplan', 2)).toBeGreaterThan(30);
  });

  test('conditional formats are drawn over the fill, listed through the API and saved', async () => {
    const host = await emptyHost();
    host.model.userFill('Blad1', 2, 2, '#00FF00');
    await host.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('Blad1').getRange('B2').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=ISTEXT("x")';
      cf.custom.format.fill.color = '#FFC7CE';
    });
    expect(host.model.getCell('Blad1', 2, 2)).toMatchObject({ fill: '#00FF00', displayFill: '#FFC7CE' });
    const reopened = await reopen(host.model);
    expect(reopened.getCell('Blad1', 2, 2)).toMatchObject({ fill: '#00FF00', displayFill: '#FFC7CE' });
    const again = await hostOf(await reopened.toXlsx());
    const listed = await again.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem('Blad1').getRange().conditionalFormats;
      cfs.load('items/type,items/custom/rule/formula,items/custom/format/fill/color');
      await context.sync();
      return cfs.items.map((c) => [c.type, c.custom.rule.formula, c.custom.format.fill.color]);
    });
    expect(listed).toEqual([['Custom', '=ISTEXT("x")', '#FFC7CE']]);
  });
});
