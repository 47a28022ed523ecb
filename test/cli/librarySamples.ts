/**
 * The nine sample plans of 2022–2024, published to a local library for `consolidate --library` and `pack`.
 * A plan whose history ends with an approval (IT's 3.0) is published as it is; one with a draft row after
 * its newest approval (Ekonomi, Inköp, …) as it was when approved; one without any a PF approval with the
 * label the workflow suggests, written through the project's template code. Vård och omsorg's stated Summa
 * 2023 is 1 000 more than its rows, and a plan with an error cannot be published: its controller corrects the
 * Summa and PF approves that as a new version (its rows, and so its figures, are unchanged). IT is then
 * approved again by BF as 4.0 with one amount lowered (and its stated sum with it): a second approved version
 * with changed figures.
 *
 * Before and after a forum's cut, from the plan's own earlier tables (test/fixtures/earlier): Kultur och
 * fritid's original 7 040 tkr table approved by TF as 1.0, and HR's Tabell 1 (25 300 tkr) as PF left it at
 * 0.5, are published first; the current tables (2 190 and 16 300 tkr) are then approved by PF as 4.0.
 */
import path from 'node:path';
import { formatPeriod } from '../../src/domain/period';
import { latestApproved, type Forum } from '../../src/domain/versions';
import { planState, suggestNextVersion } from '../../src/domain/workflow';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { planTables, type VersionInput } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { connect, TOKEN, type RunningLibrary } from '../publish/helpers';
import { requestFor } from '../publish/plans';
import { ROOT } from './helpers';

export const PLANS = path.join(ROOT, 'test', 'fixtures', 'plans');
const EARLIER = path.join(ROOT, 'test', 'fixtures', 'earlier');
export const FRAME = path.join(ROOT, 'test', 'fixtures', 'frame', 'budgetram-2022-2024.xlsx');
export const SAMPLE_FILES = [
  'ekonomi',
  'hr',
  'inkop',
  'it',
  'kommunikation',
  'kultur-och-fritid-samt-service',
  'ledning-och-styrning',
  'utbildning',
  'vard-och-omsorg',
].map((a) => path.join(PLANS, `tjansteplan-${a}-2022-2024.xlsx`));

export interface Decision {
  version: string;
  forum: Forum;
  date: string;
  /** Sets one initiative's development in one year (the stated sum below it follows). */
  change?: { nr: string; year: number; development: number };
  /** Every stated Summa set to what its rows add up to (the correction a controller makes). */
  correctSums?: boolean;
}

/**
 * The plan in `source` written anew through planTables with one more row in Versionshantering (or, with no
 * decision, its history cut after its newest approval): the tables read back to the same figures (or with
 * the one change), so only the history differs.
 */
export async function approvedCopy(source: string, dir: string, d: Decision | null): Promise<string> {
  const { plan } = await checkWorkbook(await XlsxWorkbook.open(source));
  if (!plan) throw new Error(`${source} is not a plan`);
  const years = plan.info.period.years;
  const initiatives = plan.initiatives.map((r) => ({ ...r, development: [...r.development], maintenance: [...r.maintenance] }));
  if (d?.change) {
    const i = initiatives.findIndex((r) => r.nr === d.change!.nr && !r.isStatedSum);
    const y = years.indexOf(d.change.year);
    if (i < 0 || y < 0) throw new Error(`no initiative ${d.change.nr} in ${d.change.year}`);
    const delta = d.change.development - initiatives[i].development[y]!;
    initiatives[i].development[y] = d.change.development;
    const sum = initiatives.findIndex((r, k) => k > i && r.isStatedSum);
    if (sum >= 0) initiatives[sum].development[y]! += delta;
  }
  if (d?.correctSums) {
    let from = 0;
    initiatives.forEach((r, k) => {
      if (!r.isStatedSum) return;
      const above = initiatives.slice(from, k);
      r.development = years.map((_, y) => above.reduce((s, x) => s + (x.development[y] ?? 0), 0));
      r.maintenance = years.map((_, y) => above.reduce((s, x) => s + (x.maintenance[y] ?? 0), 0));
      from = k + 1;
    });
  }
  // Without a decision: the history as it stood when its newest approval was made (the rows after it cut).
  const approved = latestApproved(plan.versions);
  const history = d ? plan.versions : plan.versions.slice(0, plan.versions.indexOf(approved!) + 1);
  const versions: VersionInput[] = [
    ...history.map((v) => ({
      date: v.date ?? v.dateShown,
      version: v.labelShown,
      description: v.description,
      changedBy: v.changedBy,
      ...(v.forum ? { forum: v.forum } : {}),
      ...(v.decision ? { decision: v.decision } : {}),
    })),
    ...(d ? [{ date: d.date, version: d.version, description: `Beslutad i ${d.forum}`, changedBy: 'Controller', forum: d.forum, decision: 'Fastställd' as const }] : []),
  ];
  const wb = new XlsxWorkbook();
  await wb.createTables(
    planTables({
      area: plan.info.area,
      period: plan.info.period,
      owner: plan.info.owner,
      securityLevel: plan.info.securityLevel,
      // A plan without maintenance figures keeps those cells empty ("–"), not 0.
      initiatives: initiatives.map((r) => ({
        nr: r.nr === '' ? null : r.nr,
        name: r.name,
        development: r.development,
        maintenance: plan.maintenanceStated === false ? [] : r.maintenance,
        comment: r.comment,
        priority: r.priority ?? null,
      })),
      frame: years.map((year) => ({ year, development: plan.frame?.years.get(year)?.development ?? null, operations: plan.frame?.years.get(year)?.operations ?? null })),
      versions,
    }),
  );
  const file = path.join(dir, `${plan.info.area} ${formatPeriod(plan.info.period)} v${d ? d.version : approved!.labelShown}.xlsx`);
  await wb.save(file);
  return file;
}

export interface PublishedSamples {
  /** The nine plans as first published (IT's v3.0 among them), in the order of SAMPLE_FILES. */
  first: string[];
  /** The earlier approved versions of Kultur och fritid (v1.0) and HR (v0.5), published before `first`. */
  earlier: string[];
  /** IT's second approved version (BF, 4.0). */
  changed: string;
  /** The one change in IT v2.0. */
  change: { area: string; nr: string; name: string; year: number; before: number; after: number };
}

export const CHANGE = { area: 'IT', nr: '14', name: 'Digitalisering med hjälp av automatisering', year: 2023, before: 2000, after: 1500, version: '4.0' };

/**
 * A sample as its controller publishes it: as it is when its history ends with an approval; as it was when
 * approved when a draft row follows (Ekonomi, Inköp); otherwise with a PF approval under the suggested label.
 */
export async function approvedSample(file: string, dir: string): Promise<string> {
  const { plan, findings } = await checkWorkbook(await XlsxWorkbook.open(file));
  if (!plan) throw new Error(`${file} is not a plan`);
  if (findings.some((f) => f.code === 'SUM_MISMATCH')) {
    const version = suggestNextVersion(plan.versions, { forum: 'PF', decision: 'Fastställd' }).text;
    return approvedCopy(file, dir, { version, forum: 'PF', date: '2021-12-08', correctSums: true });
  }
  if (planState(plan.versions).kind === 'approved') return file;
  if (latestApproved(plan.versions)) return approvedCopy(file, dir, null);
  const version = suggestNextVersion(plan.versions, { forum: 'PF', decision: 'Fastställd' }).text;
  return approvedCopy(file, dir, { version, forum: 'PF', date: '2021-12-08' });
}

/** The areas with an earlier table, and how that earlier version was decided. */
const CUTS: { area: string; earlier: string; decision: Decision | null }[] = [
  {
    area: 'kultur-och-fritid-samt-service',
    earlier: 'tjansteplan-kultur-och-fritid-samt-service-2022-2024-v1.0.xlsx',
    decision: { version: '1.0', forum: 'TF', date: '2021-02-01' },
  },
  // Its history already holds PF's 0.5 (2020-11-18): published as it was then.
  { area: 'hr', earlier: 'tjansteplan-hr-2022-2024-v1.0.xlsx', decision: null },
];

/** Publishes the earlier versions, the nine samples (approved as above, the cut ones by PF), then IT's 4.0. */
export async function publishSamples(lib: RunningLibrary, dir: string): Promise<PublishedSamples> {
  const earlier: string[] = [];
  const first: string[] = [];
  for (const file of SAMPLE_FILES) {
    const cut = CUTS.find((c) => file.endsWith(`tjansteplan-${c.area}-2022-2024.xlsx`));
    if (!cut) {
      first.push(await approvedSample(file, dir));
      continue;
    }
    const source = path.join(EARLIER, cut.earlier);
    earlier.push(cut.decision ? await approvedCopy(source, dir, cut.decision) : await approvedSample(source, dir));
    const { plan } = await checkWorkbook(await XlsxWorkbook.open(file));
    const version = suggestNextVersion(plan!.versions, { forum: 'PF', decision: 'Fastställd' }).text;
    first.push(await approvedCopy(file, dir, { version, forum: 'PF', date: '2021-12-08' }));
  }
  const it = first[SAMPLE_FILES.findIndex((f) => f.includes('-it-'))];
  const changed = await approvedCopy(it, dir, { version: CHANGE.version, forum: 'BF', date: '2022-03-15', change: { nr: CHANGE.nr, year: CHANGE.year, development: CHANGE.after } });
  const t = await connect(lib);
  for (const file of [...earlier, ...first, changed]) {
    const outcome = await t.library.publish(await requestFor(file));
    if (outcome.kind !== 'published') throw new Error(`${file}: ${outcome.kind}`);
  }
  return { first, earlier, changed, change: CHANGE };
}

/** The local library's own request counts (GET /_library/stats; DELETE resets them). */
export async function libraryStats(lib: RunningLibrary, method: 'GET' | 'DELETE' = 'GET'): Promise<{ requests: number; steps: number; byRoute: Record<string, number> }> {
  const { readCa, trustedFetch } = await import('../../src/publish/node/trustedFetch');
  const fetch = trustedFetch(await readCa(lib.info.ca));
  const response = await fetch(`${new URL(lib.info.url).origin}/_library/stats`, { method, headers: { Authorization: `Bearer ${TOKEN}` } });
  if (method === 'DELETE') return { requests: 0, steps: 0, byRoute: {} };
  return (await response.json()) as { requests: number; steps: number; byRoute: Record<string, number> };
}
