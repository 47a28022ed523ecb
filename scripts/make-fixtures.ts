/**
 * Builds the sample workbooks in test/fixtures from ../shared/samples with the project's own template code,
 * so the fixtures always follow the workbook format. Run: `npm run fixtures [-- path/to/samples.json]`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePeriod, type Period } from '../src/domain/period';
import {
  frameWorkbookTables,
  planTables,
  type InitiativeInput,
  type OperationsInput,
  type PlanInput,
  type VersionInput,
} from '../src/workbook/contract/template';
import { XlsxWorkbook } from '../src/workbook/file/xlsxWorkbook';

type Amount = number | null;
interface SampleRow {
  nr: number | null;
  initiativ: string;
  utveckling: Amount[];
  /** null for the whole row where the source table has no maintenance columns. */
  vidmakthalla: Amount[] | null;
  prioritet?: string;
}
interface SampleVersion {
  datum: string;
  version: string;
  beskrivning: string;
  andratAv: string;
}
interface SampleTable {
  label: string;
  rows: SampleRow[];
}
export interface SampleArea {
  rows: SampleRow[];
  versions?: SampleVersion[];
  earlierTables?: SampleTable[];
}
export interface Samples {
  period: string;
  areas: Record<string, SampleArea>;
  statedDevelopmentTotals: Record<string, Amount[] | string>;
  cityFrame: { rows: { ar: number; forvaltning: number; utveckling: number }[]; indicative2022?: { forvaltning: number; utveckling: number } };
  forvaltningByVerksamhetsomrade?: { columns: string[]; rows: [string, Amount, Amount, Amount][] };
}

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test', 'fixtures');

export function slug(area: string): string {
  return area
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The source states who decided in Beskrivning only ("Beslutad i tjänsteforum", "Prioforum ställer sig
 * bakom"); the add-in's Forum and Beslut columns are filled from those words so that the samples have
 * approved versions. A plan "remissad till tjänsteforum och prioriteringsforum" without comments and then
 * "satt i version" is the forums' decision by the city's own rules (riktlinjer för styrning).
 */
export function decisionFromDescription(text: string): Pick<VersionInput, 'forum' | 'decision'> {
  const t = text.toLowerCase();
  if (t.includes('återremitter')) return {};
  if (/enligt beslut i beslutsforum/.test(t)) return { forum: 'BF', decision: 'Fastställd' };
  if (/till beslutsforum/.test(t)) return { forum: 'BF', decision: 'Inskickad' };
  if (/för fastställande i tjänsteforum/.test(t)) return { forum: 'TF', decision: 'Inskickad' };
  if (/remissad till tjänsteforum och prioriteringsforum.*sätts i version/.test(t)) return { forum: 'PF', decision: 'Fastställd' };
  if (/(beslutad.*prioriteringsforum|ställningstagande av prioriteringsforum|prio(riterings)?forum ställer sig bakom)/.test(t)) {
    return { forum: 'PF', decision: 'Fastställd' };
  }
  if (/(beslutad i tjänsteforum|tjänsteforum fastställer|ställningstagande av tjänsteforum|tjänsteforum ställer sig bakom)/.test(t)) {
    return { forum: 'TF', decision: 'Fastställd' };
  }
  return {};
}

const NO_AMOUNTS: Amount[] = [];

function initiativesOf(rows: readonly SampleRow[]): InitiativeInput[] {
  return rows.map((r) => ({
    nr: r.nr,
    name: r.initiativ,
    development: r.utveckling,
    // No maintenance columns in the source: the cells stay empty and reports say "–", never 0.
    maintenance: r.vidmakthalla ?? NO_AMOUNTS,
    // The plan's own words on priority; the Prioritet column (Måste/Bör/Kan) is the controller's to set.
    ...(r.prioritet ? { comment: r.prioritet } : {}),
  }));
}

/** Development of the rows (stated sums left out), as the add-in adds them. */
function rowSums(rows: readonly SampleRow[], years: number): number[] {
  return Array.from({ length: years }, (_, i) =>
    rows.filter((r) => !/^\s*summa/i.test(r.initiativ)).reduce((s, r) => s + (r.utveckling[i] ?? 0), 0),
  );
}

function versionsOf(versions: readonly SampleVersion[]): VersionInput[] {
  return versions.map((v) => ({
    date: v.datum,
    version: v.version,
    description: v.beskrivning,
    changedBy: v.andratAv,
    ...decisionFromDescription(v.beskrivning),
  }));
}

/**
 * Invented for the fixtures: the source has no frame per area. Each area's frame is its own stated
 * development (its rows' sum where it states none, as Kultur och fritid samt service for 2023–2024), so every
 * area is within its frame and the gap shows where it is real: at city level.
 */
function inventedFrame(period: Period, stated: readonly Amount[], rows: readonly SampleRow[]) {
  const sums = rowSums(rows, period.years.length);
  return period.years.map((year, i) => ({ year, development: stated[i] ?? sums[i], operations: null }));
}

export function samplePlans(samples: Samples): PlanInput[] {
  const period = parsePeriod(samples.period);
  if (!period) throw new Error(`Planperioden ${samples.period} kan inte läsas`);
  return Object.entries(samples.areas).map(([area, source]) => {
    const stated = samples.statedDevelopmentTotals[area];
    const versions = source.versions ?? [];
    return {
      area,
      period,
      owner: versions.at(-1)?.andratAv ?? '',
      initiatives: initiativesOf(source.rows),
      frame: inventedFrame(period, Array.isArray(stated) ? stated : [], source.rows),
      versions: versionsOf(versions),
    };
  });
}

/**
 * A superseded table as the plan stood before the forum's cut: the same area and frame with the earlier rows
 * and the history up to (and including) the version `until`. For diff, change notes and review-pack tests.
 */
export interface EarlierPlan {
  file: string;
  area: string;
  until: string;
  table: number;
}
export const EARLIER: readonly EarlierPlan[] = [
  // Kultur och fritid: 7 040 in 2022 as sent to PF on 2021-02-11, before PF declined two initiatives.
  { file: 'tjansteplan-kultur-och-fritid-samt-service-2022-2024-v1.0.xlsx', area: 'Kultur och fritid samt service', until: '1.0', table: 0 },
  // HR: Tabell 1 (both scenarios, 25 300) as sent to Beslutsforum before the spring 2021 reduction.
  { file: 'tjansteplan-hr-2022-2024-v1.0.xlsx', area: 'HR', until: '1.0', table: 0 },
];

export function earlierPlan(samples: Samples, e: EarlierPlan): PlanInput {
  const plan = samplePlans(samples).find((p) => p.area === e.area);
  const source = samples.areas[e.area];
  const table = source?.earlierTables?.[e.table];
  if (!plan || !source || !table) throw new Error(`Ingen tidigare tabell ${e.table} för ${e.area}`);
  const versions = source.versions ?? [];
  const last = versions.findIndex((v) => v.version === e.until);
  // The frame stays the (invented) frame of the current plan: the earlier table was over it, which is why the
  // forums cut it.
  return { ...plan, initiatives: initiativesOf(table.rows), versions: versionsOf(versions.slice(0, last + 1)) };
}

/** Finance's figures: the real city budget of the period (final and indicative) and förvaltning per verksamhetsområde. */
export function cityBudget(samples: Samples, period: Period) {
  const indicative = samples.cityFrame.indicative2022;
  const city = samples.cityFrame.rows
    .filter((r) => r.ar >= period.first && r.ar <= period.last)
    .map((r) => ({
      year: r.ar,
      development: r.utveckling,
      operations: r.forvaltning,
      ...(r.ar === 2022 && indicative ? { indicativeDevelopment: indicative.utveckling, indicativeOperations: indicative.forvaltning } : {}),
    }));
  const table = samples.forvaltningByVerksamhetsomrade;
  const operations: OperationsInput[] = [];
  if (table) {
    // Budget 2021 and 2022 per verksamhetsområde; the source's Summa rows are what the add-in adds up itself.
    const years = table.columns.slice(0, 2).map((c) => Number(/\d{4}/.exec(c)?.[0]));
    for (const [unit, ...amounts] of table.rows) {
      if (/^\s*summa/i.test(unit)) continue;
      years.forEach((year, i) => operations.push({ unit, year, amount: amounts[i] }));
    }
  }
  return { city, operations };
}

/** exceljs stamps files with the time of writing; a fixed stamp makes a second run write the same bytes. */
const STAMP = new Date('2021-11-15T00:00:00Z');
function stampedWorkbook(): XlsxWorkbook {
  const wb = new XlsxWorkbook();
  wb.workbook.created = STAMP;
  wb.workbook.modified = STAMP;
  return wb;
}

async function writePlan(input: PlanInput, file: string) {
  const wb = stampedWorkbook();
  await wb.createTables(planTables(input));
  await wb.save(file);
  console.log(path.relative(ROOT, file));
}

async function main() {
  const file = process.argv[2] ?? path.join(ROOT, '..', 'shared', 'samples', 'tjansteplan-2022-2024.json');
  const text = await fs.readFile(file, 'utf8');
  const samples = JSON.parse(text) as Samples;
  // The tests read the real figures and histories from this copy, so they never depend on ../shared.
  await fs.mkdir(path.join(OUT, 'samples'), { recursive: true });
  await fs.writeFile(path.join(OUT, 'samples', 'tjansteplan-2022-2024.json'), text);
  const plans = samplePlans(samples);
  for (const dir of ['plans', 'frame', 'earlier']) await fs.mkdir(path.join(OUT, dir), { recursive: true });
  for (const plan of plans) await writePlan(plan, path.join(OUT, 'plans', `tjansteplan-${slug(plan.area)}-2022-2024.xlsx`));
  for (const e of EARLIER) await writePlan(earlierPlan(samples, e), path.join(OUT, 'earlier', e.file));
  const { city, operations } = cityBudget(samples, plans[0].period);
  const frame = stampedWorkbook();
  await frame.createTables(frameWorkbookTables(plans.map((p) => ({ area: p.area, years: p.frame ?? [] })), city, operations));
  await frame.save(path.join(OUT, 'frame', 'budgetram-2022-2024.xlsx'));
  console.log('test/fixtures/frame/budgetram-2022-2024.xlsx');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
