/**
 * The real 2022–2024 plans as they stood before Prioriteringsforum cut them, built from the samples with the
 * project's own template code: the areas' current tables, except HR (its table with both scenarios) and
 * Kultur och fritid samt service (its original 7 040 table), which come from `earlierTables`. Priorities come
 * from the plans' own words (`prioritet`): "kan inte/ej prioriteras bort" is Måste, "hög prioritet" is Bör,
 * and a pot (an initiative named `Pott …`) is Kan. The city frame is the real one (2022 only); no area frame
 * is in the source, so the frame workbook has none.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { periodOf } from '../../src/domain/period';
import { frameWorkbookTables, planTables } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { ROOT } from './helpers';

/**
 * Beside the clone, as CI places it. A git worktree lives elsewhere: then beside the main checkout it belongs
 * to (its `.git` file names it); TJANSTEPLAN_SAMPLES overrides both.
 */
export const SAMPLES_JSON = process.env.TJANSTEPLAN_SAMPLES ?? samplesBeside([ROOT, mainCheckout()]);

function samplesBeside(roots: (string | null)[]): string {
  const candidates = roots.filter((r): r is string => r !== null).map((r) => path.resolve(r, '..', 'shared', 'samples', 'tjansteplan-2022-2024.json'));
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}

function mainCheckout(): string | null {
  const dotGit = path.join(ROOT, '.git');
  if (!existsSync(dotGit) || !statSync(dotGit).isFile()) return null;
  const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
  // <main>/.git/worktrees/<name>
  return m ? path.resolve(m[1].trim(), '..', '..', '..') : null;
}

export interface SampleRow {
  nr: number | null;
  initiativ: string;
  utveckling: (number | null)[];
  vidmakthalla: (number | null)[] | null;
  prioritet?: string;
}
interface SampleArea {
  rows: SampleRow[];
  earlierTables?: { label: string; rows: SampleRow[] }[];
}
export interface Samples {
  areas: Record<string, SampleArea>;
  cityFrame: { rows: { ar: number; forvaltning: number; utveckling: number }[] };
  statedDevelopmentTotals: Record<string, (number | null)[]>;
}

export function loadSamples(): Samples {
  return JSON.parse(readFileSync(SAMPLES_JSON, 'utf8')) as Samples;
}

/** The areas whose table before the cut is an earlier table of the samples (the first one listed). */
export const BEFORE_THE_CUT = ['HR', 'Kultur och fritid samt service'];

export function priorityFromWords(row: SampleRow): 'Måste' | 'Bör' | 'Kan' | null {
  if (/^pott\b/i.test(row.initiativ.trim())) return 'Kan';
  if (!row.prioritet) return null;
  if (/(kan inte|kan ej|ej kan) prioriteras bort/i.test(row.prioritet)) return 'Måste';
  if (/hög prioritet/i.test(row.prioritet)) return 'Bör';
  return null;
}

export function rowsBeforeTheCut(samples: Samples, area: string): SampleRow[] {
  const a = samples.areas[area];
  return BEFORE_THE_CUT.includes(area) ? a.earlierTables![0].rows : a.rows;
}

/** Writes one plan per area and the frame workbook into `dir`; returns their paths. */
export async function writeSamplePlans(dir: string): Promise<{ files: string[]; frame: string }> {
  const samples = loadSamples();
  const period = periodOf(2022, 2024);
  const files: string[] = [];
  for (const area of Object.keys(samples.areas)) {
    const rows = rowsBeforeTheCut(samples, area);
    const wb = new XlsxWorkbook();
    await wb.createTables(
      planTables({
        area,
        period,
        initiatives: rows.map((r) => ({
          nr: r.nr,
          name: r.initiativ,
          development: r.utveckling,
          maintenance: r.vidmakthalla ?? [null, null, null],
          priority: /^\s*summa/i.test(r.initiativ) ? null : priorityFromWords(r),
        })),
        versions: [{ date: '2021-02-01', version: '0.1', description: 'Före prioriteringsforum', changedBy: 'Test' }],
      }),
    );
    const file = path.join(dir, `${area.toLowerCase().replace(/[^a-zåäö]+/g, '-')}.xlsx`);
    await wb.save(file);
    files.push(file);
  }
  const city = samples.cityFrame.rows.find((r) => r.ar === 2022)!;
  return { files, frame: await writeCityFrame(dir, city.utveckling, city.forvaltning) };
}

/** A frame workbook with only the city's 2022 development frame (as the source gives it) and no area frames. */
export async function writeCityFrame(dir: string, development: number, operations: number | null = null): Promise<string> {
  const wb = new XlsxWorkbook();
  await wb.createTables(frameWorkbookTables([], [{ year: 2022, development, operations }]));
  const file = path.join(dir, `budgetram-${development}.xlsx`);
  await wb.save(file);
  return file;
}
