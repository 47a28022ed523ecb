/**
 * Hostile files built inside the tests (small on disk, removed afterwards): plans with chosen content, zips
 * whose parts inflate far past what they look like, and a runner that reports a command's peak memory and
 * kills it when it hangs.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import { periodOf } from '../../../src/domain/period';
import { planTables, type PlanInput } from '../../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';
import { ROOT } from '../helpers';

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'tjansteplan-hostile-'));
}

export function planInput(area = 'Ekonomi'): PlanInput {
  return {
    area,
    period: periodOf(2022, 2024),
    owner: 'Åsa',
    initiatives: [
      { nr: 1, name: 'Nytt ekonomisystem', development: [1000, 500, 0], maintenance: [0, 100, 100] },
      { nr: 2, name: 'E-fakturor', development: [200, 0, 0], maintenance: [0, 0, 0] },
    ],
    frame: [
      { year: 2022, development: 5000, operations: null },
      { year: 2023, development: 5000, operations: null },
      { year: 2024, development: 5000, operations: null },
    ],
    versions: [{ date: '2021-03-01', version: '0.1', description: 'Utkast', changedBy: 'Åsa' }],
  };
}

/** A plan workbook; `edit` may change cells through exceljs before it is written. */
export async function planFile(file: string, input: PlanInput = planInput(), edit?: (wb: XlsxWorkbook) => void): Promise<string> {
  const wb = new XlsxWorkbook();
  await wb.createTables(planTables(input));
  edit?.(wb);
  await fs.writeFile(file, await wb.toBuffer());
  return file;
}

/** Raw deflate of `size` bytes of spaces inside a worksheet's XML: about 1 KB per MB. */
export async function deflatedSheet(size: number): Promise<{ data: Buffer; size: number }> {
  const head = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  deflate.write(head);
  let left = size - head.length - tail.length;
  while (left > 0) {
    const piece = spaces.subarray(0, Math.min(left, spaces.length));
    left -= piece.length;
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end(tail);
  await done;
  return { data: Buffer.concat(out), size };
}

interface RawEntry {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  /** What the zip's records say the entry inflates to. */
  declared: number;
  crc: number;
}

/** A zip written record by record, so an entry's stated size can be anything. */
export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A real plan whose first worksheet is replaced by `sheet` (deflated), stating `declared` as its size:
 * the true size makes an honest zip bomb, a small one a zip whose directory lies.
 */
export function planWithSheet(planBytes: Uint8Array, sheet: { data: Buffer }, declared: number): Buffer {
  const parts = unzipSync(planBytes);
  return writeZip(
    Object.entries(parts).map(([name, data]) =>
      name === 'xl/worksheets/sheet1.xml'
        ? { name, method: 8 as const, data: sheet.data, declared, crc: 0 }
        : { name, method: 0 as const, data, declared: data.length, crc: zlib.crc32(data) },
    ),
  );
}

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the command, in MB (from /usr/bin/time). */
  peakMb: number;
  killed: boolean;
}

/** `tjansteplan ARGS`, killed after `limitMs` (a hang is a failure, not a wait). */
export function measuredCli(args: string[], limitMs = 20_000, env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_KB=%M', process.execPath, path.join(ROOT, 'bin', 'tjansteplan.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, limitMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const peak = /PEAK_KB=(\d+)/.exec(stderr);
      stderr = stderr.replace(/(Command exited with non-zero status \d+\n)?PEAK_KB=\d+\n?/, '');
      resolve({ code: killed ? null : code, stdout, stderr, peakMb: peak ? Number(peak[1]) / 1024 : NaN, killed });
    });
  });
}
