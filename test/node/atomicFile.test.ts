/**
 * Every file the command writes is there whole or not at all: a failure on the way leaves what was at the
 * target as it was, no temporary file beside it, and the failure itself is what the caller is told.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic, writeFileExclusive } from '../../src/node/atomicFile';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tjp-write-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it('replaces a file with the new content, leaving nothing else in the folder', async () => {
  const file = path.join(dir, 'ut.xlsx');
  await fs.writeFile(file, 'gammalt');
  await writeFileAtomic(file, 'nytt');
  expect(await fs.readFile(file, 'utf8')).toBe('nytt');
  expect(await fs.readdir(dir)).toEqual(['ut.xlsx']);
});

it('exclusive: never touches a file already there (EEXIST), writes a new one, and leaves no temporary file', async () => {
  const file = path.join(dir, 'ut.xlsx');
  await fs.writeFile(file, 'användarens');
  await expect(writeFileExclusive(file, 'nytt')).rejects.toMatchObject({ code: 'EEXIST' });
  expect(await fs.readFile(file, 'utf8')).toBe('användarens');
  await writeFileExclusive(path.join(dir, 'ny.xlsx'), 'nytt');
  expect(await fs.readFile(path.join(dir, 'ny.xlsx'), 'utf8')).toBe('nytt');
  expect((await fs.readdir(dir)).sort()).toEqual(['ny.xlsx', 'ut.xlsx']);
});

it('fails on a folder named as the file without a trace: the folder and its content as they were, no temporary file', async () => {
  const folder = path.join(dir, 'ut.xlsx');
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, 'inne.txt'), 'kvar');
  await expect(writeFileAtomic(folder, 'nytt')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
  expect(await fs.readdir(dir)).toEqual(['ut.xlsx']);
  expect(await fs.readFile(path.join(folder, 'inne.txt'), 'utf8')).toBe('kvar');
});

it('a path through a file: the caller is told the write’s own failure (ENOTDIR on open), not the clean-up’s', async () => {
  await fs.writeFile(path.join(dir, 'en-fil'), 'x');
  const target = path.join(dir, 'en-fil', 'ut.xlsx');
  const refusal = await writeFileAtomic(target, 'nytt').catch((e: NodeJS.ErrnoException) => e);
  expect(refusal).toMatchObject({ code: 'ENOTDIR', syscall: 'open' });
  expect((refusal as Error).message).toContain(target);
});
