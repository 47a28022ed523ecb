/**
 * Issue 15, files: a zip bomb, a directory that lies about sizes, a named pipe, a link to /dev/zero and an
 * oversized file are each refused with one line and exit 2, quickly and in bounded memory, and the good plan
 * given beside them is still reported.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CAPS } from '../../src/workbook/file/zip';
import { deflatedSheet, measuredCli, planFile, planWithSheet, tempDir, type Measured } from './hostile/build';
import type { ValidateJson } from './helpers';

jest.setTimeout(120_000);

let dir: string;
let good: string;
let bomb: { data: Buffer; size: number };

beforeAll(async () => {
  dir = await tempDir();
  good = await planFile(path.join(dir, 'god.xlsx'));
  // Just past the cap for one part: about 170 KB on disk.
  bomb = await deflatedSheet(DEFAULT_CAPS.part + 32 * 1024 * 1024);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The hostile file refused in one stderr line naming it, the good one still checked, exit 2. */
function expectRefusedBesideGood(run: Measured, hostile: string, fragment: RegExp) {
  expect(run.killed).toBe(false);
  expect(run.code).toBe(2);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`${hostile}: `)).toBe(true);
  expect(lines[0]).toMatch(fragment);
  const json = JSON.parse(run.stdout) as ValidateJson;
  expect(json.files.map((f) => [f.file, Boolean(f.error)])).toEqual([
    [hostile, true],
    [good, false],
  ]);
  // Well under 1 GB: the part is never held whole.
  expect(run.peakMb).toBeLessThan(400);
}

describe('validate refuses hostile files and still reports the others', () => {
  it('a zip bomb: refused from the zip directory, before inflating', async () => {
    const file = path.join(dir, 'bomb.xlsx');
    await fs.writeFile(file, planWithSheet(await fs.readFile(good), bomb, bomb.size));
    expect((await fs.stat(file)).size).toBeLessThan(1024 * 1024);
    const run = await measuredCli(['validate', '--json', file, good], 60_000, { NODE_OPTIONS: '--max-old-space-size=400' });
    expectRefusedBesideGood(run, file, /packas upp till mer än/);
  });

  it('a zip whose directory lies about the size: refused while inflating', async () => {
    const file = path.join(dir, 'ljuger.xlsx');
    await fs.writeFile(file, planWithSheet(await fs.readFile(good), bomb, 1000));
    const run = await measuredCli(['validate', '--json', file, good], 60_000, { NODE_OPTIONS: '--max-old-space-size=400' });
    expectRefusedBesideGood(run, file, /packas upp till mer än/);
  });

  it('a named pipe: refused at once, not waited on', async () => {
    const file = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [file]);
    const run = await measuredCli(['validate', '--json', file, good], 20_000);
    expectRefusedBesideGood(run, file, /ingen vanlig fil \(en namngiven pipe\)/);
  });

  it('a link to /dev/zero: refused, not read without end', async () => {
    const file = path.join(dir, 'noll.xlsx');
    await fs.symlink('/dev/zero', file);
    const run = await measuredCli(['validate', '--json', file, good], 20_000);
    expectRefusedBesideGood(run, file, /ingen vanlig fil \(en enhet\)/);
  });

  it('a file over the size cap: refused by its size', async () => {
    const file = path.join(dir, 'stor.xlsx');
    // Sparse: 101 MB stated, nothing written.
    const handle = await fs.open(file, 'w');
    await handle.truncate(101 * 1024 * 1024);
    await handle.close();
    const run = await measuredCli(['validate', '--json', file, good], 20_000);
    expectRefusedBesideGood(run, file, /mer än de 100 MB som läses/);
  });
});
