/**
 * The workbook as a file, where the platform gives it: the bytes Excel on Windows, Mac or the web give, a
 * plain refusal in the display language where it cannot (Excel on iPad; a web that follows the
 * getFileAsync table), and slices of at most 64 KB on iPad.
 */
import JSZip from 'jszip';
import { createExcelTestHost, WorkbookModel, type ExcelTestHostOptions } from '../../../src/simulators/excel';
import { OfficeHost } from '../../../src/workbook/office/officeHost';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function officeOn(options: ExcelTestHostOptions) {
  const model = await WorkbookModel.create();
  model.userEnter(model.getActiveSheet(), 1, 1, 'Tjänsteplan');
  const host = createExcelTestHost(model, options);
  restore = host.installGlobals();
  const getFile = jest.spyOn(host.Office.context.document, 'getFileAsync');
  return { office: new OfficeHost(host.run), host, getFile };
}

test.each(['PC', 'Mac', 'OfficeOnline'])('%s: the workbook as .xlsx, in 4 MB slices, the file closed after', async (platform) => {
  const { office, host, getFile } = await officeOn({ platform });
  const bytes = await office.fileBytes();
  expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toContain('xl/workbook.xml');
  expect(getFile.mock.calls[0][1]).toMatchObject({ sliceSize: 4_194_304 });
  expect(host.Office.openFiles).toBe(0);
});

test('Excel on iPad gives no file: refused in Swedish, and in English for an English display language', async () => {
  for (const [displayLanguage, text] of [
    ['sv-SE', 'Excel på iPad lämnar inte ut arbetsboken som fil, så den kan inte publiceras härifrån.'],
    ['en-GB', 'Excel on iPad does not give the workbook as a file, so it cannot be published from here.'],
  ]) {
    const { office, getFile } = await officeOn({ platform: 'iOS', displayLanguage });
    await expect(office.fileBytes()).rejects.toThrow(text);
    // Asked first: Office is never called for a file it cannot give.
    expect(getFile).not.toHaveBeenCalled();
    restore!();
    restore = null;
  }
});

test('where iPad gives the file, it comes in 64 KB slices, the most iPad allows', async () => {
  const { office, host, getFile } = await officeOn({ platform: 'iOS', compressedFile: true });
  // Text that does not compress away (a fixed pseudo-random sequence), so the file needs several slices.
  let seed = 11;
  const noise = () => Array.from({ length: 24 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('');
  for (let row = 1; row <= 3000; row++) host.model.userEnter(host.model.getActiveSheet(), row, 2, `Initiativ ${row} ${noise()}`);
  const bytes = await office.fileBytes();
  expect(bytes.length).toBeGreaterThan(65_536);
  expect(getFile.mock.calls[0][1]).toMatchObject({ sliceSize: 65_536 });
  expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toContain('xl/workbook.xml');
});

test('a web that gives no compressed file: the same plain refusal, naming no iPad', async () => {
  const { office } = await officeOn({ platform: 'OfficeOnline', compressedFile: false });
  await expect(office.fileBytes()).rejects.toThrow('Den här Excel-versionen lämnar inte ut arbetsboken som fil');
});

test('the test host: a 4 MB slice on iPad fails as Office says, with "Internal Error"', async () => {
  const { host } = await officeOn({ platform: 'iOS', compressedFile: true });
  const result = await new Promise<{ status: string; error?: { code: number; name: string } }>((resolve) =>
    host.Office.context.document.getFileAsync('compressed', { sliceSize: 4_194_304 }, resolve),
  );
  expect(result).toMatchObject({ status: 'failed', error: { code: 5001, name: 'Internal Error' } });
});
