/** Why a file is not a workbook we can read, said in one line a controller understands. */
export class UnreadableWorkbook extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableWorkbook';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Recognises the usual wrong files by their first bytes; null when the file looks like an .xlsx (a zip). */
export function classifyUnreadable(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'filen är tom';
  if (startsWith(bytes, OLE)) {
    // Encrypted OOXML lives in an OLE container with an EncryptionInfo stream (named in UTF-16LE).
    const name = Buffer.from('EncryptionInfo', 'utf16le');
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name)
      ? 'arbetsboken är lösenordsskyddad; spara den utan lösenord och försök igen'
      : 'filen är i det gamla .xls-formatet; spara den som .xlsx i Excel';
  }
  if (!startsWith(bytes, ZIP)) return 'filen är inte en Excel-arbetsbok (.xlsx)';
  return null;
}
