/**
 * Adding Versionshantering rows the co-authoring-safe way: values below the table (which grows over them)
 * or Table.resize where ExcelApi 1.13 is there — never TableRowCollection.add, which Microsoft warns causes
 * co-authoring merge conflicts — in one sync; rows.add only where the table cannot grow that way.
 */
import { TableRowCollection } from '../../../src/simulators/excel/proxies/tableRows';
import { Table } from '../../../src/simulators/excel/proxies/tables';
import { createExcelTestHost, type ExcelTestHost, type ExcelTestHostOptions } from '../../../src/simulators/excel';
import { planTables } from '../../../src/workbook/contract/template';
import { OfficeHost } from '../../../src/workbook/office/officeHost';
import { periodOf } from '../../../src/domain/period';
import { emptyHost } from '../../simulators/excel/helpers';

const VERSIONS = 'Versionshantering';
const ROW = [new Date('2021-05-20T00:00:00Z'), '1.0', 'Beslutad i PF', 'Jenny', 'PF', 'Fastställd'];

async function planHost(options: ExcelTestHostOptions = {}): Promise<ExcelTestHost> {
  const made = await emptyHost();
  await new OfficeHost(made.run).createTables(planTables({ area: 'IT', period: periodOf(2022, 2024) }));
  return createExcelTestHost(made.model, options);
}

let rowsAdd: jest.SpyInstance;
let restore: (() => void) | null = null;
beforeEach(() => {
  rowsAdd = jest.spyOn(TableRowCollection.prototype, 'add');
});
afterEach(() => {
  rowsAdd.mockRestore();
  restore?.();
  restore = null;
});

/** A host whose Office says which ExcelApi it has, installed as the adapter sees it in Excel. */
async function inExcel(excelApi: string): Promise<ExcelTestHost> {
  const host = await planHost({ excelApi });
  restore = host.installGlobals();
  return host;
}

const versionsAddress = (host: ExcelTestHost) => host.model.getTables('Versioner')[0].address;

test.each(['1.7', '1.12', '1.13'])('ExcelApi %s: one sync, the table grows over the new row, rows.add is never called', async (api) => {
  const host = await inExcel(api);
  const resize = jest.spyOn(Table.prototype, 'resize');
  const before = versionsAddress(host);
  await new OfficeHost(host.run).appendTableRows(VERSIONS, [ROW]);
  expect(host.syncCount).toBe(1);
  expect(rowsAdd).not.toHaveBeenCalled();
  expect(resize).toHaveBeenCalledTimes(api === '1.13' ? 1 : 0);
  resize.mockRestore();
  expect(before).toMatch(/^Versioner!A1:F\d+$/);
  const grown = versionsAddress(host);
  expect(Number(/\d+$/.exec(grown)![0])).toBe(Number(/\d+$/.exec(before)![0]) + 1);
  const [last] = (await new OfficeHost(host.run).readTables()).find((t) => t.name === VERSIONS)!.body.slice(-1);
  expect(last).toEqual(ROW);
});

test('a table showing a totals row cannot grow that way: the row goes in with rows.add instead, nothing left below', async () => {
  for (const api of ['1.12', '1.13']) {
    const host = await inExcel(api);
    const office = new OfficeHost(host.run);
    await host.run(async (context) => {
      context.workbook.tables.getItem('Ram').showTotals = true;
    });
    host.resetCounters();
    const table = host.model.getTables('Ram')[0];
    await office.appendTableRows('Ram', [[2025, 1000, 2000]]);
    expect(rowsAdd).toHaveBeenCalledTimes(1);
    rowsAdd.mockClear();
    // 1.13: Table.resize refused (the host does not resize a table with a totals row), then the write below
    // it that does not grow the table, then rows.add.
    expect(host.syncCount).toBe(api === '1.13' ? 3 : 2);
    const after = host.model.getTables('Ram')[0];
    expect(after.bottom).toBe(table.bottom + 1);
    expect(after.showTotals).toBe(true);
    const ram = (await office.readTables()).find((t) => t.name === 'Ram')!;
    expect(ram.body.at(-1)).toEqual([2025, 1000, 2000]);
    // The totals row is last and nothing stands below it.
    expect(host.model.getCellValue('Ram', after.bottom + 1, 1)).toBeNull();
    restore!();
    restore = null;
  }
});

test('the test host: values set just below a table grow it; an empty row or a block wider than the table do not', async () => {
  const host = await planHost();
  const grow = async (address: string, values: unknown[][]) => {
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Versioner').getRange(address).values = values as never;
    });
    return versionsAddress(host);
  };
  const start = versionsAddress(host);
  const bottom = Number(/\d+$/.exec(start)![0]);
  expect(await grow(`A${bottom + 1}:F${bottom + 1}`, [['', '', '', '', '', '']])).toBe(start);
  expect(await grow(`A${bottom + 1}:G${bottom + 1}`, [['x', '', '', '', '', '', 'y']])).toBe(start);
  await host.run(async (context) => {
    context.workbook.worksheets.getItem('Versioner').getRange(`A${bottom + 1}:G${bottom + 1}`).clear('Contents');
  });
  expect(await grow(`B${bottom + 1}`, [['0.2']])).toBe(`Versioner!A1:F${bottom + 1}`);
});

test('the test host: Table.resize is ExcelApi 1.13 — ApiNotFound before', async () => {
  const host = await planHost({ excelApi: '1.12' });
  const error = await host
    .run(async (context) => {
      const table = context.workbook.tables.getItem(VERSIONS);
      table.resize(table.getRange().getResizedRange(1, 0));
      await context.sync();
    })
    .then(() => null, (e: { code: string }) => e.code);
  expect(error).toBe('ApiNotFound');
});
