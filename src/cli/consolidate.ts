/**
 * `tjansteplan consolidate --frame F [--json] [--out X.xlsx] FILE…` or `… --library URL [--period P]`:
 * every area against its frame, and the city against its own. The plans come from workbooks or from the
 * library (each area's newest approved snapshot); both become the same ConsolidationInput and go through the
 * same consolidation, brief, output and workbook.
 * Exit 0 without errors, 1 with errors (a plan or the frame that cannot be read right), 2 when a file, the
 * frame or the library cannot be read. Being over a frame is a warning: the input to prioritisation.
 */
import path from 'node:path';
import { cityAgainstFrame } from '../domain/cityAgainstFrame';
import { figuresOfPlan, type Consolidation, type ConsolidationInput } from '../domain/consolidation';
import { budgetJson, budgetText } from './budgetReport';
import { hasErrors, messageIn, type Finding, type Language } from '../domain/findings';
import type { CityFrame } from '../domain/frame';
import { formatNumber } from '../domain/money';
import { latestApproved, formatVersion } from '../domain/versions';
import { openFrame, readPlanFiles } from './files';
import { briefSentence, type YearBrief } from '../domain/brief';
import type * as LibraryPlans from './libraryPlans';
import type * as FromLibrary from '../app/consolidateFromLibrary';
import { progressBar } from './progress';
import { findingJson, LABEL, where } from './report';
import { UsageError } from './usage';

export interface ConsolidateOptions {
  frame: string;
  json?: boolean;
  out?: string;
  lang: Language;
  /** Read the plans from the library instead of files. */
  library?: string;
  /** The library's period; by default the years of the frame. */
  period?: string;
  token?: string;
  ca?: string;
}

/** The plans to consolidate, and whether any could not be read (exit 2 after the report). */
interface Plans {
  inputs: ConsolidationInput[];
  unreadable: boolean;
}

export async function consolidateCommand(
  files: string[],
  options: ConsolidateOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (options.library && files.length > 0) throw new UsageError('ange antingen tjänsteplaner (FIL…) eller --library, inte båda');
  if (!options.library && files.length === 0) throw new UsageError('ange tjänsteplaner (FIL…) eller --library URL');
  for (const only of ['period', 'token', 'ca'] as const) {
    if (!options.library && options[only] !== undefined) throw new UsageError(`--${only} gäller bara med --library`);
  }
  const { frame, findings: frameFindings } = await openFrame(options.frame);
  let plans: Plans;
  if (options.library) {
    // Loaded only for the library: its Graph client and snapshot schema cost files a tenth of a second.
    const [library, app] = await Promise.all([import('./libraryPlans'), import('../app/consolidateFromLibrary')]);
    try {
      plans = await plansFromLibrary(library, app, options.library, options, frame, err);
    } catch (e) {
      if (!(e instanceof library.LibraryReadError)) throw e;
      err(e.message);
      return 2;
    }
  } else plans = await plansFromFiles(files, err);
  const { consolidation: result, brief, findings } = cityAgainstFrame(plans.inputs, frame, frameFindings);
  // Loaded only to write: reading never loads exceljs.
  if (options.out) await (await import('./consolidationWorkbook')).writeConsolidationWorkbook(options.out, result, brief);
  out(options.json ? consolidationJson(result, brief, findings, options.lang) : consolidationText(result, brief, findings, options.lang));
  // Where the workbook went, as a full path; beside JSON it goes to stderr, so stdout stays one document.
  if (options.out) (options.json ? err : out)(wroteWorkbook(options.out, options.lang));
  if (plans.unreadable) return 2;
  return hasErrors(findings) ? 1 : 0;
}

/** Each file's newest approved version (or its tables as they are, when none is approved). */
async function plansFromFiles(files: readonly string[], err: (s: string) => void): Promise<Plans> {
  const progress = progressBar(files.length);
  const { plans, unreadable } = await readPlanFiles(files, err, (i, file) => progress.update(i, file));
  const inputs: ConsolidationInput[] = plans.map(({ plan, file }) => {
    const approved = latestApproved(plan.versions);
    return { figures: figuresOfPlan(plan), file, ...(approved?.label ? { version: formatVersion(approved.label), decisionDate: approved.date } : {}) };
  });
  progress.done();
  return { inputs, unreadable };
}

/** Each area's newest approved version in the library (libraryPlans.newestApproved), as consolidation's inputs. */
async function plansFromLibrary(
  { newestApproved, periodArg, periodOfFrame }: typeof LibraryPlans,
  { consolidationInputs }: typeof FromLibrary,
  address: string,
  o: ConsolidateOptions,
  frame: CityFrame,
  err: (s: string) => void,
): Promise<Plans> {
  const period = o.period !== undefined ? periodArg(o.period) : periodOfFrame(frame);
  const { read, unreadable } = await newestApproved({ library: address, token: o.token, ca: o.ca }, period, err);
  return { inputs: consolidationInputs(read), unreadable };
}

export function consolidationJson(c: Consolidation, brief: YearBrief[], findings: Finding[], lang: Language): string {
  return JSON.stringify(
    {
      areas: c.areas.map((a) => ({ area: a.area, file: a.file, version: a.version ?? null, years: a.years })),
      city: c.city,
      ...budgetJson(c),
      brief: brief.map((y) => ({ ...y, text: briefSentence(y, lang) })),
      findings: findings.map((f) => findingJson(f, lang)),
    },
    null,
    2,
  );
}

const amount = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));
/** A deviation in words, as a controller says it: "22 342 över ram", "1 000 inom ram"; never a bare sign. */
const deviation = (v: number | null | undefined, lang: Language) =>
  v === null || v === undefined ? '–' : v > 0 ? `${formatNumber(v)} ${lang === 'sv' ? 'över ram' : 'over frame'}` : `${formatNumber(-v)} ${lang === 'sv' ? 'inom ram' : 'within frame'}`;

/** The areas' maintenance impact summed over those that state one; unknown when a stated one is unreadable. */
function maintenanceOf(c: Consolidation, year: number): number | null | undefined {
  const known = c.areas.filter((a) => a.maintenanceStated !== false).map((a) => a.years[year]).filter((y) => y !== undefined);
  if (known.length === 0) return undefined;
  return known.some((y) => y.maintenance === null) ? null : known.reduce((s, y) => s + y.maintenance!, 0);
}

/**
 * One block per year (area, development, maintenance impact, frame and deviation), so that any number of
 * years stays within 100 columns; then the city's whole budget, the frame-gap brief and the findings.
 */
export function consolidationText(c: Consolidation, brief: YearBrief[], findings: Finding[], lang: Language): string {
  const sv = lang === 'sv';
  const lines: string[] = [sv ? 'Ekonomisk sammanställning (tkr)' : 'Financial summary (tkr)'];
  const head = sv
    ? ['Tjänsteområde', 'Utveckling', 'Påverkan vidmakthålla', 'Ram', 'Avvikelse']
    : ['Service area', 'Development', 'Maintenance impact', 'Frame', 'Deviation'];
  const blocks = c.years.map((y) => {
    const rows = c.areas.map((a) => {
      const v = a.years[y];
      return [a.area, amount(v?.development), amount(v?.maintenance), amount(v?.frame), deviation(v?.excess, lang)];
    });
    const city = c.city[y];
    rows.push([sv ? 'Staden totalt' : 'City total', amount(city?.development), amount(maintenanceOf(c, y)), amount(city?.frame), deviation(city?.excess, lang)]);
    return { year: y, rows };
  });
  // The same column widths in every year's block, so the blocks line up under each other.
  const widths = head.map((h, i) => Math.max(h.length, ...blocks.flatMap((b) => b.rows.map((r) => r[i].length))));
  const fmt = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  for (const b of blocks) lines.push('', String(b.year), fmt(head), ...b.rows.map(fmt));
  if (c.areas.some((a) => a.maintenanceStated === false)) {
    lines.push('', sv ? '–: påverkan på vidmakthållande är inte angiven i planen.' : '–: the plan does not state its impact on maintenance.');
  }
  lines.push(...budgetText(c, lang));
  lines.push('', sv ? 'Ramavvikelse' : 'Frame gap', ...brief.map((y) => `  ${briefSentence(y, lang)}`));
  if (findings.length > 0) {
    lines.push('');
    for (const f of findings) lines.push(`${LABEL[lang][f.severity]}  ${f.code}  ${where(f, lang)}\n   ${messageIn(f, lang)}`);
  }
  return lines.join('\n');
}

function wroteWorkbook(file: string, lang: Language): string {
  const where = path.resolve(file);
  return lang === 'en' ? `The Sammanställning workbook was written to ${where}.` : `Arbetsboken Sammanställning är skriven till ${where}.`;
}
