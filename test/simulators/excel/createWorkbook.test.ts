/**
 * Excel.createWorkbook(base64) in the test host: a new workbook from the file the add-in passes, kept apart
 * from the open one (which the add-in keeps working on), refused as Excel would where the platform lacks
 * ExcelApi 1.8 or the argument is not a Base64-encoded .xlsx.
 */
import { createExcelTestHost, WorkbookModel } from '../../../src/simulators/excel';
import { checkWorkbook } from '../../../src/workbook/checkPlan';
import { OfficeHost } from '../../../src/workbook/office/officeHost';
import { emptyHost, failure, fixtureBytes, hostOf } from './helpers';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

test('a new workbook from the bytes passed: the open one unchanged, the add-in still working on it', async () => {
  const host = await emptyHost();
  const it = await fixtureBytes('tjansteplan-it-2022-2024.xlsx');
  const seen: string[] = [];
  host.onWorkbookCreated((c) => seen.push(c.name));
  const before = host.model.getSheetNames();

  await host.Excel.createWorkbook(base64(it));

  expect(seen).toEqual(['Mapp1']);
  const [created] = host.createdWorkbooks;
  expect(created.name).toBe('Mapp1');
  expect(Buffer.from(created.bytes).equals(it)).toBe(true);
  expect(created.model.getSheetNames()).toEqual(['Tjänsteplan', 'Ram', 'Versioner']);
  expect(created.model).not.toBe(host.model);
  // Excel.run still reaches the workbook the add-in was opened in, as it was.
  expect(host.model.getSheetNames()).toEqual(before);
  expect((await checkWorkbook(new OfficeHost(host.run))).plan).toBeNull();
});

test('without a file: an empty workbook, named and with a sheet in Excel’s language', async () => {
  const sv = await emptyHost();
  await sv.Excel.createWorkbook();
  await sv.Excel.createWorkbook();
  expect(sv.createdWorkbooks.map((c) => c.name)).toEqual(['Mapp1', 'Mapp2']);
  expect(sv.createdWorkbooks[0].model.getSheetNames()).toEqual(['Blad1']);
  const en = createExcelTestHost(await WorkbookModel.create({ language: 'en-US' }), { displayLanguage: 'en-US' });
  await en.Excel.createWorkbook(null);
  expect(en.createdWorkbooks.map((c) => [c.name, c.model.getSheetNames()])).toEqual([['Book1', ['Sheet1']]]);
});

test('refused with InvalidArgument: a data URL, line breaks, bytes that are no .xlsx; nothing is created', async () => {
  const host = await emptyHost();
  const it = base64(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
  for (const arg of [`data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${it}`, `${it.slice(0, 76)}\n${it.slice(76)}`, base64(new TextEncoder().encode('inte en arbetsbok'))]) {
    const e = await failure(host.Excel.createWorkbook(arg));
    expect(e.code).toBe('InvalidArgument');
  }
  expect(host.createdWorkbooks).toEqual([]);
});

test('a platform without ExcelApi 1.8 says so in isSetSupported, and the call fails with ApiNotFound', async () => {
  const host = await emptyHost({ excelApi: '1.7' });
  expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
  const e = await failure(host.Excel.createWorkbook(base64(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'))));
  expect(e.code).toBe('ApiNotFound');
  expect(host.createdWorkbooks).toEqual([]);
});

test('a file over the request limit fails as a request that large does (Excel on the web: 5 MB)', async () => {
  const it = await fixtureBytes('tjansteplan-it-2022-2024.xlsx');
  const host = await hostOf(it, { payloadLimitBytes: 1024 });
  const e = await failure(host.Excel.createWorkbook(base64(it)));
  expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
  const desktop = await hostOf(it, { payloadLimitBytes: null });
  await desktop.Excel.createWorkbook(base64(it));
  expect(desktop.createdWorkbooks).toHaveLength(1);
});
