/**
 * The open workbook as .xlsx bytes through `Office.context.document.getFileAsync(Compressed)`, where the
 * platform gives it. Microsoft's documentation of getFileAsync lists no file type for Excel on iPad and
 * only Pdf for Excel on the web, while the requirement-set pages list CompressedFile for the web; so the
 * add-in asks the platform (`isSetSupported('CompressedFile')`) and says plainly when it cannot have the
 * file, instead of failing with Office's bare "Internal Error". Slices are 4 MB, or 64 KB on iPad, the
 * most each platform gives ("For add-ins on iPad, file slice is supported up to 65536 (64 KB)";
 * a larger slice size fails with "Internal Error").
 */
/// <reference types="office-js" />
import { OfficeRefusal, platform } from './platform';

const SLICE = 4_194_304;
const IOS_SLICE = 65_536;

export function cannotGiveFile(detail?: string): OfficeRefusal {
  const where = platform() === 'iOS' ? { sv: 'Excel på iPad', en: 'Excel on iPad' } : { sv: 'Den här Excel-versionen', en: 'This version of Excel' };
  return new OfficeRefusal(
    `${where.sv} lämnar inte ut arbetsboken som fil, så den kan inte publiceras härifrån. Öppna arbetsboken i Excel för Windows eller Mac (eller Excel på webben) och publicera därifrån, eller publicera filen med kommandoraden (tjansteplan publish).${detail ? ` (${detail})` : ''}`,
    `${where.en} does not give the workbook as a file, so it cannot be published from here. Open the workbook in Excel for Windows or Mac (or Excel on the web) and publish from there, or publish the file with the command line (tjansteplan publish).${detail ? ` (${detail})` : ''}`,
  );
}

export async function workbookBytes(): Promise<Uint8Array> {
  if (!Office.context.requirements.isSetSupported('CompressedFile')) throw cannotGiveFile();
  const sliceSize = platform() === 'iOS' ? IOS_SLICE : SLICE;
  const file = await new Promise<Office.File>((resolve, reject) =>
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize }, (r) =>
      r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(cannotGiveFile(r.error.message)),
    ),
  );
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await new Promise<Office.Slice>((resolve, reject) =>
        file.getSliceAsync(i, (r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error.message)))),
      );
      const data = slice.data as unknown;
      parts.push(data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : Uint8Array.from(data as number[]));
    }
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.byteLength;
    }
    return bytes;
  } finally {
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}
