/**
 * What `npm start` prints beside its URLs: the command lines that reach the workbench's own library, with its
 * token and the CA its certificate is signed with, ready to paste (quoted for a POSIX shell).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface WorkbenchLibraryAccess {
  /** The library's Graph address, e.g. https://localhost:3001/v1.0 (its own origin, beside the workbench's). */
  url: string;
  token: string;
  caPath: string;
  /** Where the commands are run from (for the sample frame's path); the current folder by default. */
  cwd?: string;
}

const SAMPLE_FRAME = path.join('test', 'fixtures', 'frame', 'budgetram-2022-2024.xlsx');

/** A word as a shell reads it back unchanged: bare when it is safe, otherwise in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./–-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function workbenchCommands(access: WorkbenchLibraryAccess): string[] {
  const frame = existsSync(path.join(access.cwd ?? process.cwd(), SAMPLE_FRAME)) ? SAMPLE_FRAME : 'budgetram.xlsx';
  const reach = ['--library', access.url, '--token', access.token, '--ca', access.caPath].map(shellWord).join(' ');
  return [
    'Kommandoraden mot arbetsbänkens bibliotek / the command line against the workbench library:',
    `  npx tjansteplan publish ${reach} plan.xlsx`,
    `  npx tjansteplan consolidate --frame ${shellWord(frame)} ${reach} --period 2022–2024 --out sammanstallning.xlsx`,
    `  npx tjansteplan pack ${reach} --period 2022–2024 --forum PF --out granskning.xlsx`,
  ];
}
