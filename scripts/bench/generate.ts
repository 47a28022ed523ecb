/**
 * Realistic plans of any size for the benchmarks, built deterministically (seeded) with the project's own
 * template code: planTables() gives the tables a new plan is written with, the same TableWrite[] becomes
 * an .xlsx through XlsxWorkbook or RawTable[] in memory, laid out on the sheets as XlsxWorkbook lays it out.
 */
import type { CellValue } from '../../src/domain/cell';
import { formatNumber } from '../../src/domain/money';
import { periodOf, type Period } from '../../src/domain/period';
import type { RawTable, TableWrite } from '../../src/workbook/host';
import { planTables, type InitiativeInput, type PlanInput, type VersionInput } from '../../src/workbook/contract/template';
import { TABLES } from '../../src/workbook/contract/tables';

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Införa', 'Uppgradera', 'Ersätta', 'Utveckla', 'Automatisera', 'Konsolidera', 'Digitalisera', 'Avveckla', 'Upphandla', 'Säkra'];
const OBJECTS = [
  'e-tjänst för bygglov',
  'ekonomisystemet',
  'lönesystemet',
  'ärendehanteringen',
  'e-arkivet',
  'kundtjänstens telefoni',
  'integrationsplattformen',
  'beslutsstöd för skolan',
  'inköpsportalen',
  'identitetshanteringen',
  'GIS-plattformen',
  'dokumenthanteringen',
];
const AREAS = ['Ekonomi', 'HR', 'Inköp', 'Skola', 'Samhällsbyggnad'];
const COMMENTS = ['Beslutad i PF', 'Förstudie pågår', 'Samfinansieras med regionen', 'Avvaktar upphandling', 'Del av digitaliseringsprogrammet'];

export const BENCH_PERIOD: Period = periodOf(2022, 2024);

/** Share of the filled amount cells written as text (`1 500`), as people paste them. */
const TEXT_SHARE = 0.02;
/** A stated `Summa …` row after every this many rows. */
const GROUP = 20;

/**
 * A plan with `rows` rows in its Initiativ table (initiatives plus a `Summa …` row every ~20 rows), a Ram
 * frame and a version history of 10 rows. Mostly clean, with the few findings a real plan has: an odd
 * duplicate Nr, a stated sum that no longer adds up, a year over the frame.
 */
export function benchPlanInput(rows: number, seed = 2022): PlanInput {
  const r = rng(seed);
  const years = BENCH_PERIOD.years;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const initiatives: InitiativeInput[] = [];
  let nr = 0;
  let groupNo = 1;
  let groupDev = years.map(() => 0);
  let groupMnt = years.map(() => 0);
  const totalDev = years.map(() => 0);
  while (initiatives.length < rows) {
    if (initiatives.length % GROUP === GROUP - 1) {
      // Roughly one stated sum in 40 is stale: it misses a later change of one row.
      const stale = r() < 0.025 ? 10 * (1 + Math.floor(r() * 20)) : 0;
      initiatives.push({
        name: `Summa delprogram ${groupNo++}`,
        development: groupDev.map((v, i) => (i === 0 ? v + stale : v)),
        maintenance: groupMnt.slice(),
      });
      groupDev = years.map(() => 0);
      groupMnt = years.map(() => 0);
      continue;
    }
    nr++;
    const development = years.map((_, i) => {
      if (r() < 0.3) return null;
      const v = 10 * (5 + Math.floor(r() * 500));
      groupDev[i] += v;
      totalDev[i] += v;
      return v;
    });
    const maintenance = years.map((_, i) => {
      if (r() < 0.6) return null;
      const v = 10 * (Math.floor(r() * 130) - 50);
      groupMnt[i] += v;
      return v;
    });
    initiatives.push({
      // One Nr in 500 repeats the one before it (a copied row).
      nr: r() < 0.002 && nr > 1 ? nr - 1 : nr,
      name: `${pick(VERBS)} ${pick(OBJECTS)} (${nr})`,
      development,
      maintenance,
      comment: r() < 0.2 ? pick(COMMENTS) : undefined,
    });
  }
  // Frame: 8 % above the plan's development, except the middle year, which is 3 % below (OVER_FRAME).
  const frame = years.map((year, i) => ({
    year,
    development: Math.round((totalDev[i] * (i === 1 ? 0.97 : 1.08)) / 100) * 100,
    operations: 50_000 + 1_000 * i,
  }));
  const versions: VersionInput[] = [];
  for (let i = 0; i < 10; i++) {
    const month = String(1 + i).padStart(2, '0');
    const decided = i === 4 || i === 9;
    versions.push({
      // Two dates typed the way controllers type them (YYMMDD), the rest real dates.
      date: i === 2 || i === 6 ? `21${month}15` : `2021-${month}-15`,
      version: i === 9 ? '1.0' : `0.${i + 1}`,
      description: decided ? 'Beslutad i tjänsteforum' : `Uppdaterade belopp, omgång ${i + 1}`,
      changedBy: pick(['Anna Berg', 'Erik Lind', 'Sara Holm']),
      ...(decided ? { forum: 'TF', decision: 'Fastställd' } : {}),
    });
  }
  return {
    area: AREAS[seed % AREAS.length],
    period: BENCH_PERIOD,
    owner: 'Anna Berg',
    securityLevel: 'Intern',
    initiatives,
    frame,
    versions,
  };
}

/** The plan's tables as the template writes them, with ~2 % of the filled amount cells as text. */
export function benchPlanWrites(rows: number, seed = 2022): TableWrite[] {
  const writes = planTables(benchPlanInput(rows, seed));
  const initiatives = writes.find((t) => t.name === TABLES.initiatives.name)!;
  const r = rng(seed ^ 0x5eed);
  const amountColumns = BENCH_PERIOD.years.length * 2;
  for (const row of initiatives.rows) {
    for (let c = 2; c < 2 + amountColumns; c++) {
      const v = row[c];
      if (typeof v === 'number' && r() < TEXT_SHARE) row[c] = formatNumber(v).replace('\u2212', '-');
    }
  }
  return writes;
}

/**
 * RawTable[] as XlsxWorkbook.readTables() would return them for these writes: each table below the one
 * before it on its sheet with an empty row between, starting in A1.
 */
export function rawTablesOf(writes: readonly TableWrite[]): RawTable[] {
  const nextTop = new Map<string, number>();
  return writes.map((t) => {
    const top = nextTop.get(t.sheet) ?? 1;
    const rows: CellValue[][] = t.rows.length > 0 ? t.rows : [t.headers.map(() => null)];
    nextTop.set(t.sheet, top + rows.length + (t.totals ? 1 : 0) + 2);
    return {
      name: t.name,
      sheet: t.sheet,
      headerRow: top,
      firstColumn: 1,
      headers: [...t.headers],
      body: rows.map((row) => row.slice()),
      totals: null,
    };
  });
}

export function benchRawTables(rows: number, seed = 2022): RawTable[] {
  return rawTablesOf(benchPlanWrites(rows, seed));
}
