/**
 * Builds the sample workbooks in test/fixtures from ../shared/samples with the project's own template code,
 * so the fixtures always follow the workbook format. Run: `npm run fixtures [-- path/to/samples.json]`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePeriod } from '../src/domain/period';
import { frameWorkbookTables, planTables, type InitiativeInput, type PlanInput, type VersionInput } from '../src/workbook/contract/template';
import { XlsxWorkbook } from '../src/workbook/file/xlsxWorkbook';

interface SampleRow {
  nr: number | null;
  initiativ: string;
  utveckling: (number | null)[];
  vidmakthalla: (number | null)[];
}
interface SampleVersion {
  datum: string;
  version: string;
  beskrivning: string;
  andratAv: string;
}
interface Samples {
  period: string;
  areas: Record<string, { rows: SampleRow[]; versions?: SampleVersion[] }>;
  statedDevelopmentTotals: Record<string, number[] | string>;
  cityFrame: { rows: { ar: number; forvaltning: number; utveckling: number }[] };
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
 * The source states who decided in Beskrivning only ("Beslutad i tjänsteforum"); the add-in's Forum and
 * Beslut columns are filled from those words so that the samples have approved versions.
 */
export function decisionFromDescription(text: string): Pick<VersionInput, 'forum' | 'decision'> {
  const t = text.toLowerCase();
  if (t.includes('återremitter')) return {};
  if (/beslutad i tjänsteforum/.test(t)) return { forum: 'TF', decision: 'Fastställd' };
  if (/beslutad.*prioriteringsforum/.test(t)) return { forum: 'PF', decision: 'Fastställd' };
  if (/enligt beslut i beslutsforum/.test(t)) return { forum: 'BF', decision: 'Fastställd' };
  return {};
}

export function samplePlans(samples: Samples): PlanInput[] {
  const period = parsePeriod(samples.period);
  if (!period) throw new Error(`Planperioden ${samples.period} kan inte läsas`);
  const totals = samples.statedDevelopmentTotals;
  return Object.keys(totals)
    .filter((area) => Array.isArray(totals[area]))
    .map((area) => {
      const source = samples.areas[area];
      const stated = totals[area] as number[];
      const initiatives: InitiativeInput[] = source
        ? source.rows.map((r) => ({ nr: r.nr, name: r.initiativ, development: r.utveckling, maintenance: r.vidmakthalla }))
        : [
            {
              name: 'Utvecklingsinitiativ enligt tjänsteplanen',
              development: stated,
              maintenance: [null, null, null],
              comment: 'Källan anger bara områdets summa; initiativen finns i tjänsteplanens text.',
            },
            { name: 'Summa', development: stated, maintenance: [null, null, null] },
          ];
      return {
        area,
        period,
        owner: source?.versions?.at(-1)?.andratAv ?? '',
        initiatives,
        // Invented for the fixtures: the source has no frame per area. Each area's frame is its own stated
        // development, so every area is within its frame and the gap shows where it is real: at city level.
        frame: period.years.map((year, i) => ({ year, development: stated[i], operations: null })),
        versions: (source?.versions ?? []).map((v) => ({
          date: v.datum,
          version: v.version,
          description: v.beskrivning,
          changedBy: v.andratAv,
          ...decisionFromDescription(v.beskrivning),
        })),
      };
    });
}

async function main() {
  const file = process.argv[2] ?? path.join(ROOT, '..', 'shared', 'samples', 'tjansteplan-2022-2024.json');
  const text = await fs.readFile(file, 'utf8');
  const samples = JSON.parse(text) as Samples;
  // The tests read the real figures and histories from this copy, so they never depend on ../shared.
  await fs.mkdir(path.join(OUT, 'samples'), { recursive: true });
  await fs.writeFile(path.join(OUT, 'samples', 'tjansteplan-2022-2024.json'), text);
  const plans = samplePlans(samples);
  await fs.mkdir(path.join(OUT, 'plans'), { recursive: true });
  await fs.mkdir(path.join(OUT, 'frame'), { recursive: true });
  for (const plan of plans) {
    const wb = new XlsxWorkbook();
    await wb.createTables(planTables(plan));
    const name = `tjansteplan-${slug(plan.area)}-2022-2024.xlsx`;
    await wb.save(path.join(OUT, 'plans', name));
    console.log(`test/fixtures/plans/${name}`);
  }
  const frame = new XlsxWorkbook();
  await frame.createTables(
    frameWorkbookTables(
      plans.map((p) => ({ area: p.area, years: p.frame ?? [] })),
      samples.cityFrame.rows
        .filter((r) => r.ar >= plans[0].period.first && r.ar <= plans[0].period.last)
        .map((r) => ({ year: r.ar, development: r.utveckling, operations: r.forvaltning })),
    ),
  );
  await frame.save(path.join(OUT, 'frame', 'budgetram-2022-2024.xlsx'));
  console.log('test/fixtures/frame/budgetram-2022-2024.xlsx');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
