/** Excel's behaviour with cells, reproduced by the test host because the adapter must defend against it. */
import { emptyHost, failure, fixtureBytes, hostOf } from './helpers';

async function write(host: Awaited<ReturnType<typeof emptyHost>>, address: string, values: unknown[][], format?: string[][]) {
  await host.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Blad1').getRange(address);
    if (format) range.numberFormat = format;
    range.values = values as never;
    await context.sync();
  });
}

async function read(host: Awaited<ReturnType<typeof emptyHost>>, address: string) {
  return host.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Blad1').getRange(address);
    range.load('values,formulas,valueTypes,numberFormat,text');
    await context.sync();
    return { values: range.values, formulas: range.formulas, types: range.valueTypes, formats: range.numberFormat, text: range.text };
  });
}

describe('values written through the API are read like typed input', () => {
  test("text starting with '=' becomes a formula in a General cell, and stays text in a '@' cell", async () => {
    const host = await emptyHost();
    await write(host, 'A1', [['=SUM(B1:B2)']]);
    await write(host, 'A2', [['=SUM(B1:B2)']], [['@']]);
    await write(host, 'B1:B2', [[2], [3]]);
    const r = await read(host, 'A1:A2');
    expect(r.formulas).toEqual([['=SUM(B1:B2)'], ['=SUM(B1:B2)']]);
    expect(r.values).toEqual([[5], ['=SUM(B1:B2)']]);
    expect(r.types).toEqual([['Double'], ['String']]);
    expect(host.model.getCell('Blad1', 1, 1).formula).toBe('=SUM(B1:B2)');
    expect(host.model.getCell('Blad1', 2, 1).formula).toBeNull();
  });

  test('a numeric-looking string becomes a number in a General cell, text in a @ cell', async () => {
    const host = await emptyHost();
    await write(host, 'A1:A4', [['4500'], ['-12.5'], ['1 000'], ['TRUE']]);
    await write(host, 'B1', [['4500']], [['@']]);
    const r = await read(host, 'A1:B4');
    expect(r.values.map((x) => x[0])).toEqual([4500, -12.5, '1 000', true]);
    expect(r.types.map((x) => x[0])).toEqual(['Double', 'Double', 'String', 'Boolean']);
    expect(r.values[0][1]).toBe('4500');
    expect(r.types[0][1]).toBe('String');
  });

  test('an apostrophe keeps the rest as text; an empty string clears; null leaves a cell as it was', async () => {
    const host = await emptyHost();
    await write(host, 'A1:A3', [["'0123"], ['x'], ['y']]);
    await write(host, 'A1:A3', [[null], [''], [null]]);
    const r = await read(host, 'A1:A3');
    expect(r.values).toEqual([['0123'], [''], ['y']]);
    expect(r.types).toEqual([['String'], ['Empty'], ['String']]);
  });

  test('dates are serial numbers; an ISO date typed into a General cell becomes one with a date format', async () => {
    const host = await emptyHost();
    await write(host, 'A1', [['2022-03-01']]);
    const r = await read(host, 'A1');
    expect(r.values).toEqual([[44621]]);
    expect(r.formats).toEqual([['yyyy-mm-dd']]);
    expect(r.text).toEqual([['2022-03-01']]);
    const plan = await hostOf(await fixtureBytes('tjansteplan-ekonomi-2022-2024.xlsx'));
    const dates = await plan.run(async (context) => {
      const range = context.workbook.tables.getItem('Versionshantering').getDataBodyRange().getColumn(0);
      range.load('values,valueTypes');
      await context.sync();
      return range;
    });
    expect(dates.values[0]).toEqual([44132]); // 2020-10-28
    expect(dates.valueTypes[0]).toEqual(['Double']);
  });

  test('error values read as their text with valueType Error', async () => {
    const host = await emptyHost();
    await write(host, 'A1:A3', [['=1/0'], ['#N/A'], ['=VLOOKUP(1,B1:C2,2,FALSE)']]);
    const r = await read(host, 'A1:A3');
    expect(r.values).toEqual([['#DIV/0!'], ['#N/A'], ['#NAME?']]);
    expect(r.types).toEqual([['Error'], ['Error'], ['Error']]);
    expect(r.formulas[2]).toEqual(['=VLOOKUP(1,B1:C2,2,FALSE)']);
  });

  test('a 2-D input must match the range', async () => {
    const host = await emptyHost();
    const e = await failure(write(host, 'A1:B2', [[1, 2]]));
    expect(e.code).toBe('InvalidArgument');
  });

  test('a cell holds at most 32 767 characters: longer text is refused, not cut, and the cell keeps what it had', async () => {
    const host = await emptyHost();
    await write(host, 'A1', [['x'.repeat(32_767)]], [['@']]);
    expect(((await read(host, 'A1')).values[0][0] as string).length).toBe(32_767);
    const e = await failure(write(host, 'A1', [['y'.repeat(32_768)]]));
    expect(e.code).toBe('InvalidArgument');
    expect(((await read(host, 'A1')).values[0][0] as string).startsWith('x')).toBe(true);
  });

  test('one value for a whole range is written to every cell', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Blad1').getRange('A1:B2');
      r.values = 0 as never;
      r.numberFormat = '0.00' as never;
    });
    const r = await read(host, 'A1:B2');
    expect(r.values).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(r.text[1][1]).toBe('0,00');
  });
});

describe('formulas', () => {
  test('SUM, plain references and SUBTOTAL over a table column are calculated, and recalculated on change', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('A1:B4').values = [
        ['Namn', 'Belopp'],
        ['a', 100],
        ['b', 250],
        ['c', '30'],
      ];
      const t = sheet.tables.add('A1:B4', true);
      t.name = 'Kostnader';
      sheet.getRange('D1:D3').formulas = [['=SUM(B2:B4)'], ['=SUBTOTAL(109,Kostnader[Belopp])'], ['=B3']];
      sheet.getRange('D4').formulas = [["='Blad1'!D1*2"]];
      await context.sync();
    });
    expect((await read(host, 'D1:D4')).values).toEqual([[380], [380], [250], [760]]);
    await write(host, 'B3', [[50]]);
    expect((await read(host, 'D1:D4')).values).toEqual([[180], [180], [50], [360]]);
  });

  test('a table rename rewrites structured references, as Excel does', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      sheet.getRange('A1:A3').values = [['X'], [1], [2]];
      const t = sheet.tables.add('A1:A3', true);
      t.name = 'Första';
      sheet.getRange('C1').formulas = [['=SUM(Första[X])']];
      await context.sync();
      t.name = 'Andra';
      await context.sync();
    });
    expect((await read(host, 'C1')).formulas).toEqual([['=SUM(Andra[X])']]);
    expect((await read(host, 'C1')).values).toEqual([[3]]);
  });

  test('formulas read from a file keep their text and cached result', async () => {
    const model = (await emptyHost()).model;
    const xlsx = model.xlsx!;
    const ws = xlsx.getWorksheet('Blad1')!;
    ws.getCell('A1').value = { formula: 'TODAY()', result: 45000 } as never;
    ws.getCell('A2').value = { formula: 'SUM(B1:B2)', result: 9 } as never;
    const host = await hostOf(new Uint8Array(await xlsx.xlsx.writeBuffer()));
    const r = await read(host, 'A1:A2');
    expect(r.formulas).toEqual([['=TODAY()'], ['=SUM(B1:B2)']]);
    expect(r.values).toEqual([[45000], [9]]);
  });
});

describe('ranges and fills', () => {
  test('addresses quote a sheet name only when Excel does', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
    await host.run(async (context) => {
      context.workbook.worksheets.add('Tjänsteplan 2');
      await context.sync();
      const a = context.workbook.worksheets.getItem('Tjänsteplan').getRange('A1:B6');
      const b = context.workbook.worksheets.getItem('Tjänsteplan 2').getRange('C5:K20');
      const c = context.workbook.worksheets.getItem('Tjänsteplan 2').getRangeByIndexes(4, 2, 16, 9);
      [a, b, c].forEach((r) => r.load('address,rowIndex,columnIndex,rowCount,columnCount'));
      await context.sync();
      expect(a.address).toBe('Tjänsteplan!A1:B6');
      expect(b.address).toBe("'Tjänsteplan 2'!C5:K20");
      expect([c.address, c.rowIndex, c.columnIndex, c.rowCount, c.columnCount]).toEqual(["'Tjänsteplan 2'!C5:K20", 4, 2, 16, 9]);
    });
  });

  test('an unfilled cell reads #FFFFFF; a fill can be set and cleared; mixed fills read null', async () => {
    const host = await emptyHost();
    const colors = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      const a1 = sheet.getRange('A1').format.fill;
      a1.load('color');
      sheet.getRange('B1').format.fill.color = 'yellow';
      sheet.getRange('C1').format.fill.color = '#ffc7ce';
      const b1 = sheet.getRange('B1').format.fill;
      b1.load('color');
      const mixed = sheet.getRange('A1:C1').format.fill;
      mixed.load('color');
      sheet.getRange('C1').format.fill.clear();
      const c1 = sheet.getRange('C1').format.fill;
      c1.load('color');
      await context.sync();
      return [a1.color, b1.color, mixed.color, c1.color];
    });
    expect(colors).toEqual(['#FFFFFF', '#FFFF00', null, '#FFFFFF']);
    expect(host.model.getCellFill('Blad1', 1, 3)).toBeNull();
  });

  test('getResizedRange, getCell, getOffsetRange and the used range', async () => {
    const host = await emptyHost();
    host.model.userEnter('Blad1', 3, 2, 'x');
    host.model.userEnter('Blad1', 6, 4, 'y');
    const out = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Blad1');
      const base = sheet.getRange('B3');
      const ranges = [base.getResizedRange(3, 2), base.getResizedRange(3, 2).getCell(3, 2), base.getOffsetRange(1, 1), sheet.getUsedRange(true)];
      ranges.forEach((r) => r.load('address'));
      await context.sync();
      return ranges.map((r) => r.address);
    });
    expect(out).toEqual(['Blad1!B3:D6', 'Blad1!D6', 'Blad1!C4', 'Blad1!B3:D6']);
  });

  test('select() activates the sheet and selects the range; onChange reports it', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
    const changes: string[][] = [];
    host.model.onChange((c) => changes.push(c.kinds));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Ram').getRange('B3').select();
      await context.sync();
      const selected = context.workbook.getSelectedRange();
      selected.load('address');
      await context.sync();
      expect(selected.address).toBe('Ram!B3');
    });
    expect(host.model.getActiveSheet()).toBe('Ram');
    expect(host.model.getSelection()).toMatchObject({ sheet: 'Ram', address: 'B3', top: 3, left: 2 });
    expect(changes).toEqual([['selection']]);
  });

  test('onChange is not called for a sync that only reads', async () => {
    const host = await emptyHost();
    let calls = 0;
    host.model.onChange(() => calls++);
    await read(host, 'A1:B2');
    expect(calls).toBe(0);
    await write(host, 'A1', [[1]]);
    expect(calls).toBe(1);
  });
});
