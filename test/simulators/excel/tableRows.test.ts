/**
 * Table rows in the test host (Excel.TableRowCollection, TableRow) and the Range methods that look around a
 * table: rows.add inserts as Excel does — the table grows, what stands below in its columns moves down and
 * formulas follow — with Excel's errors, and the result survives .xlsx.
 */
import ExcelJS from 'exceljs';
import { createExcelTestHost, WorkbookModel, type ExcelTestHost } from '../../../src/simulators/excel';
import { shiftRowsIn } from '../../../src/simulators/excel/formulas';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';
import { emptyHost, failure } from './helpers';

/** Blad1: table T at A1:C3 (Namn text column formatted @, Belopp numbers), optionally with a totals row. */
async function withTable(options: { totals?: boolean } = {}): Promise<ExcelTestHost> {
  const host = await emptyHost();
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Blad1');
    sheet.getRange('A2:A3').numberFormat = [['@'], ['@']];
    sheet.getRange('A1:C3').values = [
      ['Namn', 'Kod', 'Belopp'],
      ['a', 'x', 10],
      ['b', 'y', 20],
    ];
    const t = sheet.tables.add('A1:C3', true);
    t.name = 'T';
    if (options.totals) t.showTotals = true;
  });
  return createExcelTestHost(host.model); // counting from here
}

function column(host: ExcelTestHost, col: number, from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, i) => host.model.getCellValue('Blad1', from + i, col));
}

describe('TableRowCollection', () => {
  test('count, getCount, items and getItemAt give the body rows, not the header or totals row', async () => {
    const host = await withTable({ totals: true });
    const out = await host.run(async (context) => {
      const rows = context.workbook.tables.getItem('T').rows;
      rows.load('count');
      const n = rows.getCount();
      const second = rows.getItemAt(1);
      second.load('index,values');
      const all = context.workbook.tables.getItem('T').rows;
      all.load('items/index,items/values');
      await context.sync();
      return { count: rows.count, n: n.value, second: [second.index, second.values], items: all.items.map((r) => r.values[0]) };
    });
    expect(out).toEqual({ count: 2, n: 2, second: [1, [['b', 'y', 20]]], items: [['a', 'x', 10], ['b', 'y', 20]] });
    const e = await failure(
      host.run(async (context) => {
        context.workbook.tables.getItem('T').rows.getItemAt(2).load('index');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
  });

  test('loading only count does not load the items', async () => {
    const host = await withTable();
    await host.run(async (context) => {
      const rows = context.workbook.tables.getItem('T').rows;
      rows.load('count');
      await context.sync();
      expect(rows.count).toBe(2);
      expect(() => rows.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('add at the end grows the table; values are read like Range.values in the formats of the row above', async () => {
    const host = await withTable();
    const row = await host.run(async (context) => {
      const added = context.workbook.tables.getItem('T').rows.add(undefined, [
        ['=1+1', '=1+1', '4500'],
        ['c', '4500', 30],
      ]);
      added.load('index,values');
      const range = added.getRange();
      range.load('address');
      await context.sync();
      return { index: added.index, values: added.values, address: range.address };
    });
    expect(row).toEqual({ index: 2, values: [['=1+1', 2, 4500]], address: 'Blad1!A4:C4' });
    expect(host.syncCount).toBe(1);
    expect(host.model.getTables()[0]).toMatchObject({ address: 'Blad1!A1:C5', columns: ['Namn', 'Kod', 'Belopp'] });
    // Namn is formatted @ in the row above: the new cells are too, so text stays text there.
    expect(host.model.getCell('Blad1', 4, 1)).toMatchObject({ value: '=1+1', formula: null, valueType: 'String', numberFormat: '@' });
    expect(host.model.getCell('Blad1', 4, 2)).toMatchObject({ value: 2, formula: '=1+1' });
    expect(column(host, 3, 2, 5)).toEqual([10, 20, 4500, 30]);
  });

  test('index null, undefined and -1 all mean the end; one value fills a row; no values adds one empty row', async () => {
    for (const index of [null, undefined, -1]) {
      const host = await withTable();
      await host.run(async (context) => {
        context.workbook.tables.getItem('T').rows.add(index as number, 7);
      });
      expect(column(host, 3, 2, 4)).toEqual([10, 20, 7]);
      expect(host.model.getCellValue('Blad1', 4, 2)).toBe(7);
    }
    const host = await withTable();
    await host.run(async (context) => void context.workbook.tables.getItem('T').rows.add());
    expect(host.model.getTables()[0].address).toBe('Blad1!A1:C4');
    expect(column(host, 1, 4, 4)).toEqual([null]);
  });

  test('add at an index inserts inside the body; the rows after it move down', async () => {
    const host = await withTable();
    await host.run(async (context) => {
      const added = context.workbook.tables.getItem('T').rows.add(0, [['ny', 'z', 5]]);
      added.load('index');
      await context.sync();
      expect(added.index).toBe(0);
    });
    expect(column(host, 1, 1, 4)).toEqual(['Namn', 'ny', 'a', 'b']);
    expect(column(host, 3, 2, 4)).toEqual([5, 10, 20]);
    expect(host.model.getTables()[0].address).toBe('Blad1!A1:C4');
  });

  test('a totals row moves down below the new rows and its SUBTOTAL counts them', async () => {
    const host = await withTable({ totals: true });
    expect(host.model.getTables()[0].address).toBe('Blad1!A1:C4');
    await host.run(async (context) => {
      context.workbook.tables.getItem('T').rows.add(null as unknown as number, [
        ['c', 'z', 30],
        ['d', 'w', 40],
      ]);
    });
    expect(host.model.getTables()[0]).toMatchObject({ address: 'Blad1!A1:C6', showTotals: true });
    expect(host.model.getCell('Blad1', 6, 3)).toMatchObject({ formula: '=SUBTOTAL(109,T[Belopp])', value: 100 });
    expect(host.model.getCellValue('Blad1', 6, 1)).toBe('Summa');
    expect(column(host, 3, 2, 5)).toEqual([10, 20, 30, 40]);
  });

  test("the table's columns move down below it, even past empty rows; other columns stay; references follow", async () => {
    const host = await withTable();
    host.model.userEnter('Blad1', 6, 1, 'anteckning'); // two empty rows below the table, then a note
    host.model.userEnter('Blad1', 6, 2, '=C2+1');
    host.model.userEnter('Blad1', 6, 4, 'bredvid'); // outside the table's columns
    host.model.userEnter('Blad1', 1, 5, '=A6'); // follows the note
    host.model.userEnter('Blad1', 2, 5, '=SUM(C2:C3)'); // ends just above the new row: stays
    host.model.userEnter('Blad1', 3, 5, '=SUM(C2:C7)'); // spans the insertion: grows
    host.model.userEnter('Blad1', 4, 5, '=SUM(B2:D3)'); // only partly in the table's columns: stays
    host.model.userEnter('Blad1', 5, 5, '=$A$6&Blad1!A2');
    await host.run(async (context) => void context.workbook.tables.getItem('T').rows.add(undefined, [['c', 'z', 30]]));
    expect(column(host, 1, 4, 7)).toEqual(['c', null, null, 'anteckning']);
    expect(host.model.getCell('Blad1', 7, 2)).toMatchObject({ formula: '=C2+1', value: 11 });
    expect(host.model.getCellValue('Blad1', 6, 4)).toBe('bredvid');
    expect([1, 2, 3, 4, 5].map((r) => host.model.getCell('Blad1', r, 5).formula)).toEqual(['=A7', '=SUM(C2:C3)', '=SUM(C2:C8)', '=SUM(B2:D3)', '=$A$7&Blad1!A2']);
    expect(host.model.getCellValue('Blad1', 1, 5)).toBe('anteckning');
    expect(host.model.getCellValue('Blad1', 3, 5)).toBe(60);
  });

  test('a table below within the columns moves with them; one only partly within them is not cut: InsertDeleteConflict', async () => {
    const host = await withTable();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('B6:C7').values = [
        ['År', 'Ram'],
        [2022, 5],
      ];
      sheet.tables.add('B6:C7', true).name = 'Inom';
    });
    await host.run(async (context) => void context.workbook.tables.getItem('T').rows.add(undefined, [['c', 'z', 30]]));
    expect(host.model.getTables().map((t) => t.address)).toEqual(['Blad1!A1:C4', 'Blad1!B7:C8']);

    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('C10:D11').values = [
        ['Vid', 'Sidan'],
        [1, 2],
      ];
      sheet.tables.add('C10:D11', true).name = 'Bredare';
    });
    const before = await host.model.toXlsx();
    const e = await failure(host.run(async (context) => void context.workbook.tables.getItem('T').rows.add(undefined, [['d', 'w', 40]])));
    expect(e.code).toBe('InsertDeleteConflict');
    expect(host.model.getTables().map((t) => t.address)).toEqual(['Blad1!A1:C4', 'Blad1!B7:C8', 'Blad1!C10:D11']);
    const unchanged = await WorkbookModel.fromXlsx(before);
    expect(column(host, 1, 1, 12)).toEqual(Array.from({ length: 12 }, (_, i) => unchanged.getCellValue('Blad1', i + 1, 1)));
  });

  test('values that do not fit the columns, text over 32 767 characters or a bad index: InvalidArgument, nothing added', async () => {
    const host = await withTable();
    const add = (index: number | undefined, values: unknown) =>
      failure(host.run(async (context) => void context.workbook.tables.getItem('T').rows.add(index, values as string[][])));
    for (const values of [[['a', 'b']], [['a', 'b', 'c', 'd']], [], ['a', 'b', 'c'], [['a', 'b', 'c'], ['d']], [['x'.repeat(32_768), '', 1]], [[{}, '', 1]]]) {
      expect((await add(undefined, values)).code).toBe('InvalidArgument');
    }
    expect((await add(3, [['a', 'b', 1]])).code).toBe('InvalidArgument');
    expect((await add(-2, [['a', 'b', 1]])).code).toBe('InvalidArgument');
    expect(host.model.getTables()[0].address).toBe('Blad1!A1:C3');
    expect(host.model.getUsedSize('Blad1')).toEqual({ rows: 3, columns: 3 });
  });

  test('alwaysInsert false grows the table into empty rows below it without moving what stands further down', async () => {
    const host = await withTable();
    host.model.userEnter('Blad1', 6, 1, 'anteckning');
    await host.run(async (context) => void context.workbook.tables.getItem('T').rows.add(undefined, [['c', 'z', 30]], false));
    expect(host.model.getTables()[0].address).toBe('Blad1!A1:C4');
    expect(host.model.getCellValue('Blad1', 6, 1)).toBe('anteckning');
  });

  test('a conditional format below moves down; the change is reported once, for the tables and values of the sheet', async () => {
    const host = await withTable();
    await host.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('Blad1').getRange('A6:C6').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#FFC7CE';
    });
    const changes: { kinds: string[]; sheets: string[] }[] = [];
    host.model.onChange((c) => changes.push(c));
    await host.run(async (context) => void context.workbook.tables.getItem('T').rows.add(undefined, [['c', 'z', 30]]));
    expect(changes).toHaveLength(1);
    expect(changes[0].kinds).toEqual(expect.arrayContaining(['tables', 'values', 'formats', 'conditionalFormats']));
    expect(changes[0].sheets).toEqual(['Blad1']);
    expect(host.model.getCell('Blad1', 7, 2).displayFill).toBe('#FFC7CE');
    expect(host.model.getCell('Blad1', 6, 2).displayFill).toBeNull();
  });

  test('the grown table, the moved cells and the totals row are what the saved .xlsx holds', async () => {
    const host = await withTable({ totals: true });
    host.model.userEnter('Blad1', 7, 1, 'anteckning');
    await host.run(async (context) => void context.workbook.tables.getItem('T').rows.add(undefined, [['=c', 'z', 30]]));
    const bytes = await host.model.toXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.getWorksheet('Blad1')!;
    const table = (ws as unknown as { tables: Record<string, { table: { tableRef: string; totalsRow: boolean } }> }).tables.T.table;
    expect(table).toMatchObject({ tableRef: 'A1:C5', totalsRow: true });
    expect(ws.getCell('A7').value).toBeNull();
    expect(ws.getCell('A8').value).toBe('anteckning');
    expect(await (await XlsxWorkbook.fromBytes(bytes)).readTables()).toEqual([
      {
        name: 'T',
        sheet: 'Blad1',
        headerRow: 1,
        firstColumn: 1,
        headers: ['Namn', 'Kod', 'Belopp'],
        body: [
          ['a', 'x', 10],
          ['b', 'y', 20],
          ['=c', 'z', 30],
        ],
        totals: ['Summa', null, { formula: 'SUBTOTAL(109,T[Belopp])', result: 60 }],
      },
    ]);
    const reopened = await WorkbookModel.fromXlsx(bytes);
    expect(reopened.getTables()[0]).toMatchObject({ address: 'Blad1!A1:C5', showTotals: true });
  });
});

describe('ranges around a table', () => {
  test('getRowsBelow, getRowsAbove, getLastRow, getBoundingRect, getIntersection and getUsedRange', async () => {
    const host = await withTable();
    host.model.userEnter('Blad1', 5, 2, 'x');
    const out = await host.run(async (context) => {
      const whole = context.workbook.tables.getItem('T').getRange();
      const ranges = [
        whole.getRowsBelow(),
        whole.getRowsBelow(2),
        whole.getRowsBelow(-1),
        whole.getRowsAbove(-2),
        whole.getLastRow(),
        whole.getLastColumn(),
        whole.getBoundingRect('E9'),
        whole.getIntersection('B2:D9'),
        whole.getBoundingRect(whole.getRowsBelow(2)).getUsedRange(true),
        whole.getRowsBelow(1).getUsedRangeOrNullObject(),
        whole.getIntersectionOrNullObject('E1'),
      ];
      ranges.forEach((r) => r.load('address'));
      await context.sync();
      return ranges.map((r) => (r.isNullObject ? null : r.address));
    });
    expect(out).toEqual(['Blad1!A4:C4', 'Blad1!A4:C5', 'Blad1!A3:C3', 'Blad1!A1:C2', 'Blad1!A3:C3', 'Blad1!C1:C3', 'Blad1!A1:E9', 'Blad1!B2:C3', 'Blad1!A1:C5', null, null]);
    for (const make of [
      (r: Excel.Range) => r.getIntersection('E1:F2'),
      (r: Excel.Range) => r.getRowsBelow(1).getUsedRange(),
    ]) {
      const e = await failure(
        host.run(async (context) => {
          make(context.workbook.tables.getItem('T').getRange()).load('address');
          await context.sync();
        }),
      );
      expect(e.code).toBe('ItemNotFound');
    }
    const other = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.add('Annat');
        context.workbook.tables.getItem('T').getRange().getBoundingRect(context.workbook.worksheets.getItem('Annat').getRange('A1')).load('address');
        await context.sync();
      }),
    );
    expect(other.code).toBe('InvalidArgument');
  });
});

describe('references after rows are inserted (shiftRowsIn)', () => {
  const shift = { sheet: 'Tjänsteplan 2', top: 10, left: 2, right: 4, count: 3 };
  test.each([
    ['B10', 'B13'],
    ['$B$10+A10+E10+B9', '$B$13+A10+E10+B9'],
    ['SUM(B5:D20)', 'SUM(B5:D23)'],
    ['SUM(B10:C11)', 'SUM(B13:C14)'],
    ['SUM(A5:D20)', 'SUM(A5:D20)'],
    ['SUM(B5:B9)', 'SUM(B5:B9)'],
    ["'Tjänsteplan 2'!C12*Blad1!C12", "'Tjänsteplan 2'!C15*Blad1!C12"],
    ['T[Belopp]&"B10"', 'T[Belopp]&"B10"'],
    ['B1048575', '#REF!'],
  ])('%s on the same sheet becomes %s', (before, after) => {
    expect(shiftRowsIn(before, 'Tjänsteplan 2', shift)).toBe(after);
  });

  test('on another sheet, only references naming the sheet move', () => {
    expect(shiftRowsIn('B10+\'Tjänsteplan 2\'!B10', 'Blad1', shift)).toBe("B10+'Tjänsteplan 2'!B13");
  });
});
