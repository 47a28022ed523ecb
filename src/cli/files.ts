/**
 * Opening workbooks for the CLI's reading: one unreadable file is reported and never stops the others.
 * Reading goes through the streaming reader, which does not load exceljs (commands that write load it).
 */
import type { Plan } from '../domain/plan';
import { readCityFrame } from '../workbook/contract/readFrame';
import { readPlan } from '../workbook/contract/readPlan';
import type { CityFrame } from '../domain/frame';
import type { Finding } from '../domain/findings';
import { StreamedWorkbook } from '../workbook/file/stream/streamedWorkbook';
import { UnreadableWorkbook } from '../workbook/file/unreadable';
import { printable } from './printable';

export type Opened = { ok: true; workbook: StreamedWorkbook } | { ok: false; reason: string };

export async function openWorkbook(file: string): Promise<Opened> {
  try {
    return { ok: true, workbook: await StreamedWorkbook.open(file) };
  } catch (e) {
    // Whatever a hostile file makes the reader throw stays one line about that file.
    return { ok: false, reason: e instanceof UnreadableWorkbook ? e.reason : `oväntat fel: ${printable(String((e as Error)?.message ?? e).split('\n')[0])}` };
  }
}

export interface FrameFile {
  frame: CityFrame;
  findings: Finding[];
}

/** Finance's frame workbook; throws UnreadableWorkbook when it cannot be used at all. */
export async function openFrame(file: string): Promise<FrameFile> {
  const opened = await openWorkbook(file);
  if (!opened.ok) throw new UnreadableWorkbook(file, opened.reason);
  const reading = readCityFrame(await opened.workbook.readTables());
  if (reading.frame.areas.size === 0 && reading.frame.city.size === 0) {
    throw new UnreadableWorkbook(file, 'ingen budgetram hittades (tabellerna Budgetram och Stadsram saknas eller är tomma)');
  }
  return reading;
}

export interface ReadPlans {
  plans: { plan: Plan; file: string }[];
  /** Some file could not be opened or read as a plan (it had one line on stderr; the command ends with 2). */
  unreadable: boolean;
}

/** Each file's plan, in order: one that cannot be opened or read as a plan gets one line and is left out. */
export async function readPlanFiles(files: readonly string[], err: (s: string) => void, onFile?: (i: number, file: string) => void): Promise<ReadPlans> {
  const plans: ReadPlans['plans'] = [];
  let unreadable = false;
  for (const [i, file] of files.entries()) {
    onFile?.(i, file);
    const opened = await openWorkbook(file);
    if (!opened.ok) {
      err(`${file}: ${opened.reason}`);
      unreadable = true;
      continue;
    }
    // Only the plan is wanted here: validation (validate's job) is not run and thrown away.
    const { plan } = readPlan(await opened.workbook.readTables());
    if (!plan) {
      err(`${file}: planen kan inte läsas; kör \`tjansteplan validate ${file}\` för detaljer`);
      unreadable = true;
      continue;
    }
    plans.push({ plan, file });
  }
  return { plans, unreadable };
}
