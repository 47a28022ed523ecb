/** `tjansteplan consolidate --frame F [--json] FILE…`: every area against its frame, and the city against its own. */
import { consolidate, figuresOfPlan, type Consolidation, type ConsolidationInput } from '../domain/consolidation';
import { bySeverity, hasErrors, messageIn, type Finding, type Language } from '../domain/findings';
import { formatNumber } from '../domain/money';
import { latestApproved, formatVersion } from '../domain/versions';
import { checkWorkbook } from '../workbook/checkPlan';
import { openFrame, openWorkbook } from './files';
import { briefSentence, frameGapBrief, type YearBrief } from '../domain/brief';
import { progressBar } from './progress';
import { findingJson, LABEL, where } from './report';
import { writeConsolidationWorkbook } from './consolidationWorkbook';

export interface ConsolidateOptions {
  frame: string;
  json?: boolean;
  out?: string;
  lang: Language;
}

export async function consolidateCommand(
  files: string[],
  options: ConsolidateOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const { frame, findings: frameFindings } = await openFrame(options.frame);
  const inputs: ConsolidationInput[] = [];
  let unreadable = false;
  const progress = progressBar(files.length);
  for (const [i, file] of files.entries()) {
    progress.update(i, file);
    const opened = await openWorkbook(file);
    if (!opened.ok) {
      err(`${file}: ${opened.reason}`);
      unreadable = true;
      continue;
    }
    const { plan } = await checkWorkbook(opened.workbook);
    if (!plan) {
      err(`${file}: planen kan inte läsas; kör \`tjansteplan validate ${file}\` för detaljer`);
      unreadable = true;
      continue;
    }
    const approved = latestApproved(plan.versions);
    inputs.push({ figures: figuresOfPlan(plan), file, ...(approved?.label ? { version: formatVersion(approved.label), decisionDate: approved.date } : {}) });
  }
  progress.done();
  const result = consolidate(inputs, frame);
  const brief = frameGapBrief(result);
  const findings = [...frameFindings, ...result.findings].sort(bySeverity);
  if (options.out) await writeConsolidationWorkbook(options.out, result, brief);
  out(options.json ? consolidationJson(result, brief, findings, options.lang) : consolidationText(result, brief, findings, options.lang));
  if (unreadable) return 2;
  return hasErrors(findings) ? 1 : 0;
}

export function consolidationJson(c: Consolidation, brief: YearBrief[], findings: Finding[], lang: Language): string {
  return JSON.stringify(
    {
      areas: c.areas.map((a) => ({ area: a.area, file: a.file, version: a.version ?? null, years: a.years })),
      city: c.city,
      brief: brief.map((y) => ({ ...y, text: briefSentence(y) })),
      findings: findings.map((f) => findingJson(f, lang)),
    },
    null,
    2,
  );
}

const amount = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));

export function consolidationText(c: Consolidation, brief: YearBrief[], findings: Finding[], lang: Language): string {
  const sv = lang === 'sv';
  const lines: string[] = [];
  const head = [sv ? 'Tjänsteområde' : 'Service area', ...c.years.flatMap((y) => [`Utv ${y}`, `Ram ${y}`])];
  const rows = c.areas.map((a) => [a.area, ...c.years.flatMap((y) => [amount(a.years[y]?.development), amount(a.years[y]?.frame)])]);
  rows.push([sv ? 'Staden totalt' : 'City total', ...c.years.flatMap((y) => [amount(c.city[y]?.development), amount(c.city[y]?.frame)])]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  lines.push(sv ? 'Ekonomisk sammanställning (tkr)' : 'Financial summary (tkr)', '', fmt(head), ...rows.slice(0, -1).map(fmt), fmt(rows[rows.length - 1]));
  lines.push('', sv ? 'Ramavvikelse' : 'Frame gap', ...brief.map((y) => `  ${briefSentence(y)}`));
  if (findings.length > 0) {
    lines.push('');
    for (const f of findings) lines.push(`${LABEL[lang][f.severity]}  ${f.code}  ${where(f, lang)}\n   ${messageIn(f, lang)}`);
  }
  return lines.join('\n');
}
