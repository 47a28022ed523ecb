/** The Office shim: the document as .xlsx slices, language, theme, onReady, events. */
import ExcelJS from 'exceljs';
import type { AsyncResult, OfficeFile, OfficeShim, Slice } from '../../../src/simulators/excel';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';
import { emptyHost, fixtureBytes, hostOf } from './helpers';

function getFile(office: OfficeShim, sliceSize?: number): Promise<AsyncResult<OfficeFile>> {
  return new Promise((resolve) => office.context.document.getFileAsync(office.FileType.Compressed, sliceSize === undefined ? {} : { sliceSize }, resolve));
}

function getSlice(file: OfficeFile, index: number): Promise<AsyncResult<Slice>> {
  return new Promise((resolve) => file.getSliceAsync(index, resolve));
}

function close(file: OfficeFile): Promise<AsyncResult<void>> {
  return new Promise((resolve) => file.closeAsync(resolve));
}

/** What an add-in does: read every slice in order and put the bytes together. */
async function readWhole(file: OfficeFile): Promise<Uint8Array> {
  const parts: number[][] = [];
  for (let i = 0; i < file.sliceCount; i++) {
    const r = await getSlice(file, i);
    expect(r.status).toBe('succeeded');
    expect(r.value.index).toBe(i);
    parts.push(r.value.data);
  }
  return Uint8Array.from(parts.flat());
}

test('getFileAsync gives the workbook as .xlsx slices that reassemble to a file exceljs opens', async () => {
  const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
  await host.run(async (context) => {
    context.workbook.worksheets.getItem('Ram').getRange('C2').values = [[1234]];
  });
  const result = await getFile(host.Office, 4096);
  expect(result.status).toBe('succeeded');
  const file = result.value;
  expect(file.sliceCount).toBe(Math.ceil(file.size / 4096));
  expect(file.sliceCount).toBeGreaterThan(1);
  const first = await getSlice(file, 0);
  expect(first.value.size).toBe(4096);
  expect(Array.isArray(first.value.data)).toBe(true);
  const bytes = await readWhole(file);
  expect(bytes.length).toBe(file.size);
  expect((await close(file)).status).toBe('succeeded');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  expect(wb.getWorksheet('Ram')!.getCell('C2').value).toBe(1234);
  const tables = await (await XlsxWorkbook.fromBytes(bytes)).readTables();
  expect(tables.map((t) => t.name)).toEqual(['Planuppgifter', 'Initiativ', 'Ram', 'Versionshantering']);
});

test('one slice by default (4 MB); Office limits: slice size, open files, slice index, file type', async () => {
  const host = await emptyHost();
  const office = host.Office;
  const a = await getFile(office);
  expect(a.value.sliceCount).toBe(1);
  // "specifying file slice size of above permitted limit will result in an 'Internal Error' failure"
  expect((await getFile(office, 4_194_305)).error?.code).toBe(5001);
  const b = await getFile(office, 1024);
  expect(office.openFiles).toBe(2);
  const third = await getFile(office);
  expect(third.status).toBe('failed');
  expect(third.error).toMatchObject({ code: 5001, name: 'Internal Error' });
  expect((await getSlice(b.value, b.value.sliceCount)).status).toBe('failed');
  await close(a.value);
  await close(b.value);
  expect((await getSlice(b.value, 0)).status).toBe('failed');
  expect(office.openFiles).toBe(0);
  expect((await getFile(office)).status).toBe('succeeded');
  const pdf = await new Promise<AsyncResult<OfficeFile>>((resolve) => office.context.document.getFileAsync(office.FileType.Pdf, resolve));
  expect(pdf.status).toBe('failed');
});

test('asyncContext comes back unchanged; callbacks run after getFileAsync returns', async () => {
  const host = await emptyHost();
  let returned = false;
  const result = await new Promise<AsyncResult<OfficeFile>>((resolve) => {
    host.Office.context.document.getFileAsync('compressed', { asyncContext: { id: 7 } }, (r) => {
      expect(returned).toBe(true);
      resolve(r);
    });
    returned = true;
  });
  expect(result.asyncContext).toEqual({ id: 7 });
});

test('language, theme (switchable to dark, with an event), onReady and requirement sets', async () => {
  const host = await emptyHost({ theme: 'light' });
  const office = host.Office;
  expect(office.context.displayLanguage).toBe('sv-SE');
  expect(office.context.officeTheme.isDarkTheme).toBe(false);
  const events: unknown[] = [];
  office.context.document.addHandlerAsync(office.EventType.OfficeThemeChanged, (e) => events.push(e));
  office.setOfficeTheme('dark');
  expect(office.context.officeTheme).toMatchObject({ isDarkTheme: true, bodyBackgroundColor: '#262626' });
  await new Promise((r) => setTimeout(r, 5));
  expect(events).toHaveLength(1);
  office.setDisplayLanguage('en-US');
  expect(office.context.displayLanguage).toBe('en-US');
  const seen: string[] = [];
  const info = await office.onReady((i) => seen.push(i.host));
  expect(info).toEqual({ host: 'Excel', platform: 'OfficeOnline' });
  expect(seen).toEqual(['Excel']);
  expect(office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
  expect(office.context.requirements.isSetSupported('ExcelApi', '9.0')).toBe(false);
  const dialog = await new Promise<AsyncResult<unknown>>((resolve) => office.context.ui.displayDialogAsync('https://login.example', {}, resolve));
  expect(dialog.status).toBe('failed');
});

test('DocumentSelectionChanged fires when the selection moves', async () => {
  const host = await emptyHost();
  let calls = 0;
  host.Office.context.document.addHandlerAsync(host.Office.EventType.DocumentSelectionChanged, () => calls++);
  await host.run(async (context) => context.workbook.worksheets.getItem('Blad1').getRange('C3').select());
  host.model.userSelect('Blad1', 'D4');
  await new Promise((r) => setTimeout(r, 5));
  expect(calls).toBe(2);
});
