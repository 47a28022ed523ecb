/**
 * The real 2022–2024 plans as they stood before Prioriteringsforum cut them, built from the samples with the
 * project's own template code: the areas' current tables, except HR (its table with both scenarios) and
 * Kultur och fritid samt service (its original 7 040 table), which come from `earlierTables`. Priorities come
 * from the plans' own words (`prioritet`): "kan inte/ej prioriteras bort" is Måste, "hög prioritet" is Bör,
 * and a pot (an initiative named `Pott …`) is Kan. The city frame is the real one (2022 only); no area frame
 * is in the source, so the frame workbook has none.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { periodOf } from '../../src/domain/period';
import { frameWorkbookTables, planTables } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { ROOT } from './helpers';

/** Beside the clone, as CI places it; TJANSTEPLAN_SAMPLES points elsewhere (a git worktree has no ../shared). */
export const SAMPLES_JSON = process.env.TJANSTEPLAN_SAMPLES ?? path.resolve(ROOT, '..', 'shared', 'samples', 'tjansteplan-2022-2024.json');

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
  const frameWb = new XlsxWorkbook();
  const city = samples.cityFrame.rows.filter((r) => r.ar >= 2022).map((r) => ({ year: r.ar, development: r.utveckling, operations: r.forvaltning }));
  await frameWb.createTables(frameWorkbookTables([], city));
  const frame = path.join(dir, 'budgetram.xlsx');
  await frameWb.save(frame);
  return { files, frame };
}
