/**
 * The data snapshot published beside each approved workbook: the plan's figures, its history and findings,
 * and the file's hash. Consolidation reads these instead of opening every workbook.
 */
import type { Finding } from './findings';
import { formatPeriod } from './period';
import { developmentPerYear, maintenancePerYear, type Plan } from './plan';
import type { Priority } from './prioritizationClass';
import type { VersionEntry } from './versions';

export const SNAPSHOT_SCHEMA = 'tjansteplan.snapshot/1';

export interface SnapshotInitiative {
  row: number;
  nr: string;
  name: string;
  development: (number | null)[];
  maintenance: (number | null)[];
  comment: string;
  isStatedSum: boolean;
  /**
   * Prioritet (docs/domain.md §3), so Prioriteringsforum can work from the library: present when the plan
   * has the column (null for an empty or unreadable cell), absent when it has none and in snapshots written
   * before it was added. Both read as "not stated", as in a workbook.
   */
  priority?: Priority | null;
}

/** One row of the area's Ram table. */
export interface SnapshotFrameYear {
  year: number;
  development: number | null;
  operations: number | null;
}

export interface PlanSnapshot {
  schema: typeof SNAPSHOT_SCHEMA;
  area: string;
  period: string;
  years: number[];
  version: string;
  forum: string | null;
  decision: string | null;
  decisionDate: string | null;
  /** Per year: development, maintenance impact and frame, in tkr. */
  totals: Record<string, { development: number | null; maintenance: number | null; frame: number | null }>;
  initiatives: SnapshotInitiative[];
  /**
   * The area's Ram table, year by year (both halves), so the approved tables can be compared cell by cell
   * (fingerprint.ts). Absent in snapshots written before it was added; `totals[year].frame` still holds
   * the development frame there.
   */
  frame?: SnapshotFrameYear[];
  /**
   * Whether the plan states maintenance impact at all (false when every Vidmakthålla cell is empty), so
   * reports show "–", never 0, for such an area read from the library too. Absent in snapshots written
   * before it was added: readers then guess from the amounts (consolidation.ts figuresOfSnapshot).
   */
  maintenanceStated?: boolean;
  versions: Omit<VersionEntry, 'label'>[];
  findings: Finding[];
  /** SHA-256 (hex) of the canonical plan tables: see fingerprint.ts. */
  fingerprint: string;
  /** SHA-256 (hex) of the published .xlsx file. */
  fileSha256: string;
}

export function snapshotOf(
  plan: Plan,
  approved: VersionEntry,
  findings: Finding[],
  hashes: { fingerprint: string; fileSha256: string },
): PlanSnapshot {
  const dev = developmentPerYear(plan);
  const mnt = maintenancePerYear(plan);
  const totals: PlanSnapshot['totals'] = {};
  plan.info.period.years.forEach((y, i) => {
    totals[String(y)] = { development: dev[i], maintenance: mnt[i], frame: plan.frame?.years.get(y)?.development ?? null };
  });
  return {
    schema: SNAPSHOT_SCHEMA,
    area: plan.info.area,
    period: formatPeriod(plan.info.period),
    years: [...plan.info.period.years],
    version: approved.labelShown,
    forum: approved.forum,
    decision: approved.decision,
    decisionDate: approved.date,
    totals,
    initiatives: plan.initiatives.map(({ row, nr, name, development, maintenance, comment, isStatedSum, priority }) => ({
      row,
      nr,
      name,
      development,
      maintenance,
      comment,
      isStatedSum,
      ...(priority === undefined ? {} : { priority }),
    })),
    frame: [...(plan.frame?.years.values() ?? [])]
      .sort((a, b) => a.year - b.year)
      .map(({ year, development, operations }) => ({ year, development, operations })),
    maintenanceStated: plan.maintenanceStated !== false,
    versions: plan.versions.map(({ label: _label, ...rest }) => rest),
    findings,
    fingerprint: hashes.fingerprint,
    fileSha256: hashes.fileSha256,
  };
}
