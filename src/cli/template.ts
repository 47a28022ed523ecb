/** `tjansteplan template --area A --period 2022–2024 [--frame F] OUT.xlsx`: an empty plan with every table. */
import { promises as fs } from 'node:fs';
import { frameForArea } from '../domain/frame';
import { parsePeriod } from '../domain/period';
import { planTables } from '../workbook/contract/template';
import { writeFileAtomic, writeFileExclusive } from '../node/atomicFile';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';
import { UnreadableWorkbook } from '../workbook/file/unreadable';
import { openFrame } from './files';
import { UsageError } from './usage';

export interface TemplateOptions {
  area: string;
  period: string;
  frame?: string;
  owner?: string;
  force?: boolean;
}

const ALREADY_THERE = 'filen finns redan; välj ett annat namn eller ange --force för att ersätta den';

export async function templateCommand(out: string, options: TemplateOptions, say: (s: string) => void): Promise<number> {
  const period = parsePeriod(options.period);
  if (!period) throw new UsageError(`planperioden "${options.period}" kan inte läsas; skriv t.ex. 2022–2024`);
  if (options.area.trim() === '') throw new UsageError('ange tjänsteområdet med --area');
  if (!options.force && (await exists(out))) {
    throw new UnreadableWorkbook(out, ALREADY_THERE);
  }
  let frame: { year: number; development: number | null; operations: number | null }[] = [];
  if (options.frame) {
    const { frame: city } = await openFrame(options.frame);
    const area = frameForArea(city, options.area);
    if (!area) say(`Varning: ${options.frame} har ingen ram för ${options.area}; tabellen Ram lämnas tom.`);
    else frame = [...area.years.values()];
  }
  const wb = new XlsxWorkbook();
  await wb.createTables(planTables({ area: options.area.trim(), period, owner: options.owner, frame }));
  try {
    // Without --force a file that appeared meanwhile is still not replaced.
    const bytes = await wb.toBuffer();
    await (options.force ? writeFileAtomic(out, bytes) : writeFileExclusive(out, bytes));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UnreadableWorkbook(out, ALREADY_THERE);
    throw e;
  }
  say(`Skapade ${out}: ${options.area.trim()} ${options.period}`);
  return 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
