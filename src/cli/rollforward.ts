/**
 * `tjansteplan rollforward --to 2023–2025 FILE OUT.xlsx`: next period's plan from this one's approved version.
 * Refused (exit 1, one line) when the file holds no approved version whose tables it can show are the ones
 * decided; exit 2 when it cannot be read or OUT already exists (never overwritten).
 */
import { promises as fs } from 'node:fs';
import { formatPeriod, parsePeriod } from '../domain/period';
import { checkWorkbook } from '../workbook/checkPlan';
import { rollForwardFrom } from '../workbook/rollForwardFrom';
import { writeFileExclusive } from '../node/atomicFile';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';
import { openWorkbook } from './files';
import { UsageError } from './usage';

export interface RollForwardOptions {
  to: string;
  /** ISO date of the new history's row; today by default. */
  date?: string;
}

export async function rollForwardCommand(file: string, out: string, o: RollForwardOptions, say: (s: string) => void, err: (s: string) => void): Promise<number> {
  const to = parsePeriod(o.to);
  if (!to) throw new UsageError(`planperioden "${o.to}" kan inte läsas; skriv t.ex. 2023–2025`);
  if (await exists(out)) {
    err(`${out}: filen finns redan; den skrivs aldrig över. Välj ett annat namn.`);
    return 2;
  }
  const opened = await openWorkbook(file);
  if (!opened.ok) {
    err(`${file}: ${opened.reason}`);
    return 2;
  }
  // The same checks, in the same order, as the pane's "Ny period…" (one function for both).
  const result = rollForwardFrom(await checkWorkbook(opened.workbook), to, o.date ?? new Date().toISOString().slice(0, 10));
  if (!result.ok) {
    switch (result.kind) {
      case 'unreadable':
        err(`${file}: planen kan inte läsas; kör \`tjansteplan validate ${file}\` för detaljer`);
        return 2;
      case 'no-approved':
        err(`${file}: planen har ingen fastställd version att utgå från; registrera forumets beslut först.`);
        return 1;
      case 'moved-on':
        err(`${file}: historiken har gått vidare efter version ${result.version}, så tabellerna kan inte visas vara den fastställda versionen; utgå från den publicerade filen.`);
        return 1;
      case 'not-later':
        err(`--to ${formatPeriod(to)} börjar inte efter ${formatPeriod(result.from)}; rulla fram till en senare period.`);
        return 1;
      case 'no-overlap':
        err(`--to ${formatPeriod(to)} har inget år gemensamt med ${formatPeriod(result.from)}; inget att föra över.`);
        return 1;
    }
  }
  const { rolled, from, version: label } = result;
  const wb = new XlsxWorkbook();
  await wb.createTables(result.tables);
  // A file that appeared meanwhile is still not overwritten.
  try {
    await writeFileExclusive(out, await wb.toBuffer());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    err(`${out}: filen finns redan; den skrivs aldrig över. Välj ett annat namn.`);
    return 2;
  }
  say(`${out}: ${rolled.area} ${formatPeriod(to)} v0.1, upprättad från ${formatPeriod(from)} v${label} (${rolled.indicative.length} initiativ med indikativa belopp).`);
  return 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
