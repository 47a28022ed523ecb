/**
 * `npm start` until the workbench lands: the nine sample plans of 2022–2024 checked one by one and then
 * consolidated against the sample frame, showing the city-level gap the real plan did not.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Language } from '../domain/findings';
import { consolidateCommand } from './consolidate';
import { validateCommand } from './validate';

// From dist/src/cli or the bundle's dist/bundle/cli alike (webpack.cli.js keeps the depth).
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

export async function demoCommand(lang: Language, out: (s: string) => void): Promise<number> {
  const dir = path.join(FIXTURES, 'plans');
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
  const frame = path.join(FIXTURES, 'frame', 'budgetram-2022-2024.xlsx');
  const rel = (f: string) => path.relative(process.cwd(), f);
  out(lang === 'sv' ? '== Kontroll av varje tjänsteplan ==' : '== Each service plan checked ==');
  await validateCommand(files.map(rel), { frame: rel(frame), lang }, out, out);
  out('');
  await consolidateCommand(files.map(rel), { frame: rel(frame), lang }, out, out);
  return 0;
}
