/**
 * A workbook the command writes is there whole or not at all: a failure on the way leaves what was at the
 * target as it was, and no temporary file beside it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeWhole } from '../../../src/workbook/file/writeWhole';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tjp-write-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);

it('replaces a file with the new content, leaving nothing else in the folder', async () => {
  const file = path.join(dir, 'ut.xlsx');
  await fs.writeFile(file, 'gammalt');
  await writeWhole(file, bytes('nytt'), { replace: true });
  expect(await fs.readFile(file, 'utf8')).toBe('nytt');
  expect(await fs.readdir(dir)).toEqual(['ut.xlsx']);
});

it('without replace, never touches a file already there (EEXIST), and leaves no temporary file', async () => {
  const file = path.join(dir, 'ut.xlsx');
  await fs.writeFile(file, 'användarens');
  await expect(writeWhole(file, bytes('nytt'), { replace: false })).rejects.toMatchObject({ code: 'EEXIST' });
  expect(await fs.readFile(file, 'utf8')).toBe('användarens');
  expect(await fs.readdir(dir)).toEqual(['ut.xlsx']);
  await writeWhole(path.join(dir, 'ny.xlsx'), bytes('nytt'), { replace: false });
  expect(await fs.readFile(path.join(dir, 'ny.xlsx'), 'utf8')).toBe('nytt');
  expect((await fs.readdir(dir)).sort()).toEqual(['ny.xlsx', 'ut.xlsx']);
});

it('fails on a folder named as the file without a trace: the folder and its content as they were, no temporary file', async () => {
  const folder = path.join(dir, 'ut.xlsx');
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, 'inne.txt'), 'kvar');
  await expect(writeWhole(folder, bytes('nytt'), { replace: true })).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
  expect(await fs.readdir(dir)).toEqual(['ut.xlsx']);
  expect(await fs.readFile(path.join(folder, 'inne.txt'), 'utf8')).toBe('kvar');
});
