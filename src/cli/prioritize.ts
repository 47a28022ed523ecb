/**
 * `tjansteplan prioritize --frame F [--json] [--out X.xlsx] FILE…` or `… --library URL [--period P]`:
 * Prioriteringsforum's basis. Every initiative of every area with its priority, the city against its frame
 * per year, and a proposal of deferrals and cuts that brings each year within the frame without touching
 * `Måste` (domain/prioritization). The plans come from workbooks or from the library (each area's newest
 * approved snapshot, which carries the priorities: one list query and ⌈areas/20⌉ JSON batches).
 * Exit 0 when the proposal fits every year with a frame, 1 when a year still misses (all that is left
 * there is Måste), 2 when a file, the frame or the library cannot be read.
 *
 * `--library URL --publish-decision BESLUT.xlsx`: the forum's decision, saved from the pane's Prioritering
 * in a workbook, put in the library beside the plans (`<period>/Forum/Prioriteringsbeslut <forum> <date>.xlsx`)
 * where each area's controller's pane finds it. Written once; exit 1 when another decision has that name.
 */
import { formatNumber } from '../domain/money';
import { formatPeriod, periodOf } from '../domain/period';
import type { Language } from '../domain/findings';
import { prioritize, type Prioritization, type YearFigures } from '../domain/prioritization';
import { prioritizationBasis, type PlanSource, type PrioritizationBasis } from '../domain/prioritizationInput';
import type { CityFrame } from '../domain/frame';
import { planSources } from '../app/prioritizationFromLibrary';
import { openFrame, readPlanFiles } from './files';
import { LibraryReadError, newestApproved, periodArg, periodOfFrame } from './libraryPlans';
import { UsageError } from './usage';

export interface PrioritizeOptions {
  /** Required unless `publishDecision`. */
  frame?: string;
  json?: boolean;
  out?: string;
  lang: Language;
  /** Read the plans from the library instead of files. */
  library?: string;
  /** The library's period; by default the years of the frame. */
  period?: string;
  token?: string;
  ca?: string;
  /** A saved Prioriteringsbeslut workbook to publish to the library (nothing else is done). */
  publishDecision?: string;
}

export async function prioritizeCommand(
  files: string[],
  options: PrioritizeOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (options.publishDecision !== undefined) {
    if (!options.library) throw new UsageError('--publish-decision kräver --library');
    if (files.length > 0 || options.frame !== undefined || options.out !== undefined) throw new UsageError('--publish-decision publicerar bara beslutet: ange inga tjänsteplaner, --frame eller --out');
    return (await import('./publishDecision')).publishDecisionCommand(options.publishDecision, { library: options.library, token: options.token, ca: options.ca }, out, err);
  }
  if (options.library && files.length > 0) throw new UsageError('ange antingen tjänsteplaner (FIL…) eller --library, inte båda');
  if (!options.library && files.length === 0) throw new UsageError('ange tjänsteplaner (FIL…) eller --library URL');
  for (const only of ['period', 'token', 'ca'] as const) {
    if (!options.library && options[only] !== undefined) throw new UsageError(`--${only} gäller bara med --library`);
  }
  if (options.frame === undefined) throw new UsageError('ange budgetramen med --frame FIL');
  const { frame } = await openFrame(options.frame);
  let read: { plans: PlanSource[]; unreadable: boolean };
  try {
    read = options.library ? await plansFromLibrary(options.library, options, frame, err) : await readPlanFiles(files, err);
  } catch (e) {
    if (!(e instanceof LibraryReadError)) throw e;
    err(e.message);
    return 2;
  }
  const { plans: sources, unreadable } = read;
  const basis = prioritizationBasis(sources, frame);
  const result = prioritize(basis);
  // Loaded only to write: reading never loads exceljs.
  if (options.out) await (await import('./prioritizeWorkbook')).writePrioritizationWorkbook(options.out, basis, result, periodText(basis), frame);
  out(options.json ? prioritizationJson(basis, result, options.lang) : prioritizationText(basis, result, options.lang));
  if (unreadable) return 2;
  return result.misses.length > 0 ? 1 : 0;
}

/** Each area's newest approved version in the library (libraryPlans.newestApproved), as a plan. */
async function plansFromLibrary(address: string, o: PrioritizeOptions, frame: CityFrame, err: (s: string) => void): Promise<{ plans: PlanSource[]; unreadable: boolean }> {
  const period = o.period !== undefined ? periodArg(o.period) : periodOfFrame(frame);
  const { read, unreadable } = await newestApproved({ library: address, token: o.token, ca: o.ca }, period, err);
  return { plans: planSources(read), unreadable };
}

function periodText(basis: PrioritizationBasis): string {
  return basis.years.length === 0 ? '' : formatPeriod(periodOf(basis.years[0], basis.years[basis.years.length - 1]));
}

const byYear = <T>(years: readonly YearFigures[], f: (y: YearFigures) => T) => Object.fromEntries(years.map((y) => [String(y.year), f(y)]));

export function prioritizationJson(basis: PrioritizationBasis, r: Prioritization, lang: Language): string {
  return JSON.stringify(
    {
      years: byYear(r.before, (y) => ({ development: y.development, frame: y.frame, excess: y.excess })),
      proposal: r.proposal.map((s) => ({
        area: s.area,
        nr: s.nr,
        initiative: s.initiative,
        year: s.year,
        from: s.from,
        to: s.to,
        action: s.action,
        ...(s.toYear === undefined ? {} : { toYear: s.toYear }),
        reason: lang === 'en' ? s.reasonEn : s.reason,
      })),
      after: byYear(r.after, (y) => ({ development: y.development, excess: y.excess })),
      misses: r.misses,
      initiatives: basis.items.map((it, i) => ({
        area: it.area,
        file: basis.sources[basis.sourceOf[i]].file,
        nr: it.nr,
        initiative: it.initiative,
        row: it.row,
        priority: it.priority,
        development: Object.fromEntries(basis.years.map((y, t) => [String(y), it.development[t]])),
        proposed: Object.fromEntries(basis.years.map((y, t) => [String(y), r.amounts[i][t]])),
      })),
    },
    null,
    2,
  );
}

const amount = (v: number | null) => (v === null ? '–' : formatNumber(v));
const signed = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${formatNumber(v)}`);

function table(rows: string[][], leftColumns = 1): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}

export function prioritizationText(basis: PrioritizationBasis, r: Prioritization, lang: Language): string {
  const sv = lang === 'sv';
  const lines: string[] = [sv ? 'Prioriteringsunderlag (tkr)' : 'Prioritisation basis (tkr)', ''];
  lines.push(
    ...table([
      sv ? ['År', 'Utveckling', 'Ram', 'Avvikelse', 'Efter förslaget', 'Avvikelse'] : ['Year', 'Development', 'Frame', 'Deviation', 'After proposal', 'Deviation'],
      ...r.before.map((y, t) => [String(y.year), amount(y.development), amount(y.frame), signed(y.excess), amount(r.after[t].development), signed(r.after[t].excess)]),
    ]),
  );
  lines.push('', sv ? `Förslag (${r.proposal.length} ändringar)` : `Proposal (${r.proposal.length} changes)`);
  const word = { cut: sv ? 'stryks' : 'cut', reduce: sv ? 'minskas' : 'reduce', defer: sv ? 'skjuts' : 'defer' };
  lines.push(
    ...table(
      r.proposal.map((s) => [
        String(s.year),
        s.area,
        s.initiative,
        word[s.action] + (s.toYear ? ` → ${s.toYear}` : ''),
        `${formatNumber(s.from)} → ${formatNumber(s.to)}`,
      ]),
      4,
    ).map((l) => `  ${l}`),
  );
  lines.push('');
  if (r.misses.length === 0) lines.push(sv ? 'Förslaget håller ramen varje år som har en ram.' : 'The proposal keeps within the frame in every year that has one.');
  for (const m of r.misses) {
    lines.push(
      sv
        ? `${m.year}: inget förslag når ramen; ${formatNumber(m.amount)} tkr över även när allt utom Måste är strukket eller uppskjutet.`
        : `${m.year}: no proposal reaches the frame; ${formatNumber(m.amount)} tkr over even with everything but Måste cut or deferred.`,
    );
  }
  const noFrame = r.before.filter((y) => y.frame === null).map((y) => y.year);
  if (noFrame.length > 0) lines.push(sv ? `Ingen stadsram för ${noFrame.join(', ')}: de åren prövas inte.` : `No city frame for ${noFrame.join(', ')}: those years are not tested.`);
  lines.push('', sv ? 'Initiativ (prioritet; utveckling per år, förslaget inom parentes där det ändrar)' : 'Initiatives (priority; development per year, the proposal in brackets where it changes)');
  let area = '';
  basis.items.forEach((it, i) => {
    if (it.area !== area) lines.push(`  ${(area = it.area)}`);
    const cells = basis.years.map((_, t) => {
      const a = it.development[t];
      const p = r.amounts[i][t];
      return a === p ? formatNumber(a) : `${formatNumber(a)} (${formatNumber(p)})`;
    });
    lines.push(`    ${(it.priority ?? '–').padEnd(5)}  ${it.initiative}: ${cells.join(' | ')}`);
  });
  return lines.join('\n');
}
