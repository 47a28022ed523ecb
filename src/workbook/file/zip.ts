/**
 * The zip container of an .xlsx, read with hostile files in mind: the central directory is read first and
 * a part whose stated size is over the caps is refused before a byte is inflated; inflating then counts
 * every byte and stops at the same caps, so a directory that lies about sizes cannot get further.
 * This file only walks the zip's own records; inflating is zlib's.
 */
import zlib from 'node:zlib';
import { UnreadableWorkbook } from './unreadable';

export interface ZipCaps {
  /** The most one part may inflate to, in bytes. */
  part: number;
  /** The most all parts together may inflate to, in bytes. */
  total: number;
}

/**
 * Far above any real plan (real ones have a few hundred rows; a generated 50 000-row plan's sheet inflates
 * to 15 MB and its shared strings to 2.6 MB) and far below what would exhaust memory: a part's text may
 * reach the XML parser whole (one text node), so the part cap bounds that too.
 */
export const DEFAULT_CAPS: ZipCaps = { part: 64 * 1024 * 1024, total: 128 * 1024 * 1024 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const MB = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString('sv-SE')} MB`;

/** Sizes in one-line Swedish, for refusals. */
export function tooLarge(what: string, size: number, cap: number): string {
  return `${what} packas upp till mer än ${MB(cap)} (${size === Infinity ? 'okänd storlek' : MB(size)}); filen läses inte`;
}

/** Every entry of the central directory, refused whole when one entry or all together pass the caps. */
export function readCentralDirectory(bytes: Uint8Array, file: string, caps: ZipCaps = DEFAULT_CAPS): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string) => new UnreadableWorkbook(file, `filen kunde inte läsas som .xlsx (${why}: den är skadad eller inte fullständig)`);
  const end = findEndRecord(view);
  if (end < 0) throw broken('zip-katalogen saknas');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw broken('zip-katalogen är trasig');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const localHeader = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 sizes only occur past 4 GB: far past any cap, so the marker alone is reason enough.
    if (size === ZIP64_MARK || compressedSize === ZIP64_MARK) throw new UnreadableWorkbook(file, tooLarge(`Delen ${name}`, Infinity, caps.part));
    if (size > caps.part) throw new UnreadableWorkbook(file, tooLarge(`Delen ${name}`, size, caps.part));
    total += size;
    if (total > caps.total) throw new UnreadableWorkbook(file, tooLarge('Arbetsbokens delar', total, caps.total));
    entries.set(name, { name, method, compressedSize, size, localHeader });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function findEndRecord(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65 535.
  const last = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= last; at--) if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}

/** Counts inflated bytes across the parts of one file, against the caps. */
export class InflateBudget {
  private used = 0;
  constructor(
    readonly file: string,
    readonly caps: ZipCaps = DEFAULT_CAPS,
  ) {}

  take(entry: ZipEntry, partUsed: number, more: number): void {
    this.used += more;
    if (partUsed > this.caps.part) throw new UnreadableWorkbook(this.file, tooLarge(`Delen ${entry.name}`, partUsed, this.caps.part));
    if (this.used > this.caps.total) throw new UnreadableWorkbook(this.file, tooLarge('Arbetsbokens delar', this.used, this.caps.total));
  }
}

const SLICE = 64 * 1024;
/** Parts up to this size (as the directory states it) are inflated in one call. */
const SMALL_PART = 1024 * 1024;

/**
 * Inflates one entry, handing each piece to `onData` as it comes; rejects with UnreadableWorkbook as soon
 * as the budget is passed, so at most one piece more than the cap is ever produced. Inflate is Node's own
 * zlib (native): in a fresh process it is several times faster than any inflate written in JavaScript,
 * which pays for its JIT warm-up on every run of the command.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, onData: (chunk: Uint8Array) => void): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    return Promise.reject(new UnreadableWorkbook(budget.file, `filen kunde inte läsas som .xlsx (delen ${entry.name} saknas: den är skadad eller inte fullständig)`));
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  let produced = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    // More than the directory stated: it lied, and what else it says cannot be trusted either.
    if (produced > entry.size) throw new UnreadableWorkbook(budget.file, `delen ${entry.name} packas upp till mer än zip-katalogen anger (${entry.size} byte); filen läses inte`);
    budget.take(entry, produced, chunk.length);
    onData(chunk);
  };
  if (entry.method === 0) {
    try {
      for (let i = 0; i < data.length; i += SLICE) take(data.subarray(i, i + SLICE));
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }
  if (entry.method !== 8) return Promise.reject(new UnreadableWorkbook(budget.file, `delen ${entry.name} är packad på ett sätt som inte stöds (metod ${entry.method})`));
  if (entry.size <= SMALL_PART) {
    // A small part in one native call, which may not produce more than the directory stated: a stream's
    // setup costs more than the inflating of the dozen small parts every workbook has. Its output is one
    // buffer of the stated size, not 16 KB pieces joined at the end (issue 19: inflating the parts of the
    // bench's 100 plans took ~100 ms instead of ~125 ms, and 4 MB less memory at its peak).
    try {
      const whole = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size), chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, entry.size) });
      for (let i = 0; i < whole.length; i += SLICE) take(whole.subarray(i, i + SLICE));
      return Promise.resolve();
    } catch (e) {
      if (e instanceof UnreadableWorkbook) return Promise.reject(e);
      const tooLong = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      return Promise.reject(
        new UnreadableWorkbook(
          budget.file,
          tooLong
            ? `delen ${entry.name} packas upp till mer än zip-katalogen anger (${entry.size} byte); filen läses inte`
            : `filen kunde inte läsas som .xlsx (delen ${entry.name} kan inte packas upp: ${String((e as Error).message).split('\n')[0]})`,
        ),
      );
    }
  }
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: SLICE });
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(e instanceof UnreadableWorkbook ? e : new UnreadableWorkbook(budget.file, `filen kunde inte läsas som .xlsx (delen ${entry.name} kan inte packas upp: ${String((e as Error)?.message ?? e).split('\n')[0]})`));
    };
    inflate.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        take(chunk);
      } catch (e) {
        fail(e);
      }
    });
    inflate.on('error', fail);
    inflate.on('end', () => {
      if (!failed) resolve();
    });
    inflate.end(data);
  });
}

/**
 * Inflates every entry without keeping anything: for a reader (exceljs) that would inflate a part whole
 * before anyone could count it.
 */
export async function checkInflatedSizes(bytes: Uint8Array, file: string, caps: ZipCaps = DEFAULT_CAPS): Promise<void> {
  const entries = readCentralDirectory(bytes, file, caps);
  const budget = new InflateBudget(file, caps);
  for (const entry of entries.values()) await inflateEntry(bytes, entry, budget, () => undefined);
}
