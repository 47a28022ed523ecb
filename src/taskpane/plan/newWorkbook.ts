/**
 * A workbook the pane made, handed to the user without touching the open one. Where Excel can
 * (`Excel.createWorkbook`, ExcelApi 1.8) it opens as a new, unsaved workbook: in a new window on Windows and
 * Mac (on Mac it may open behind the current one), in a new browser tab on the web after Excel asks the user
 * to allow it. The add-in is not loaded there and keeps running beside the workbook it was in
 * ("Work with workbooks using the Excel JavaScript API", Create a workbook). Where Excel cannot (older
 * builds without ExcelApi 1.8), the file is downloaded instead, for the user to open.
 */
export type Delivery = 'created' | 'downloaded';

export async function deliverWorkbook(bytes: Uint8Array, fileName: string): Promise<Delivery> {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.8')) {
    await Excel.createWorkbook(toBase64(bytes));
    return 'created';
  }
  download(bytes, fileName);
  return 'downloaded';
}

/** The bytes as base64, which createWorkbook takes: chunked, as String.fromCharCode takes only so many arguments. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked once the browser has had time to start the download it was asked for.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
