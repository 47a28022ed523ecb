/** A service plan (tjänsteplan) for one service area (tjänsteområde) and period, as read from its tables. */
import type { TableRef } from './location';
import type { Tkr } from './money';
import type { Period } from './period';
import type { VersionEntry } from './versions';
import type { Priority } from './prioritizationClass';

export interface PlanInfo {
  /** Tjänsteområde. */
  area: string;
  period: Period;
  /** Dokumentansvarig. */
  owner: string;
  /** Säkerhetsnivå (optional). */
  securityLevel: string;
}

/**
 * One row of the Initiativ table: a development initiative (utvecklingsinitiativ) or a stated sum.
 * Amounts are indexed like `period.years`; null marks a cell that could not be read (already reported),
 * so that no check builds on a guessed number.
 */
export interface Initiative {
  /** 1-based row in the table body. */
  row: number;
  nr: string;
  name: string;
  development: (Tkr | null)[];
  /** Påverkan på vidmakthållande: may be negative (savings). */
  maintenance: (Tkr | null)[];
  comment: string;
  /** Prioritet, when the table has the column and the cell holds one of its words. */
  priority?: Priority | null;
  /** The Prioritet cell as typed (empty when the column is absent). */
  priorityShown?: string;
  /** A `Summa…` row: the stated sum of the rows above it, back to the previous stated sum. */
  isStatedSum: boolean;
}

/** The frame (ram) for one year, in tkr; null where the cell is empty or unreadable. */
export interface FrameYear {
  year: number;
  development: Tkr | null;
  /** Förvaltning. */
  operations: Tkr | null;
  /** 1-based row in the table the frame was read from. */
  row: number;
}

export interface AreaFrame {
  area: string;
  years: ReadonlyMap<number, FrameYear>;
  ref: TableRef;
}

export interface Plan {
  info: PlanInfo;
  initiatives: Initiative[];
  initiativeTable: TableRef;
  /** The area's own Ram table, when the workbook has one. */
  frame: AreaFrame | null;
  versions: VersionEntry[];
  versionTable: TableRef | null;
}

export const STATED_SUM = /^\s*summa/i;

export function developmentColumn(year: number): string {
  return `Utveckling ${year}`;
}
export function maintenanceColumn(year: number): string {
  return `Vidmakthålla ${year}`;
}

/** Development cost per year of the plan's initiatives (stated sums excluded); null if a cell is unknown. */
export function developmentPerYear(plan: Plan): (Tkr | null)[] {
  return totalsPerYear(plan, 'development');
}

export function maintenancePerYear(plan: Plan): (Tkr | null)[] {
  return totalsPerYear(plan, 'maintenance');
}

function totalsPerYear(plan: Plan, field: 'development' | 'maintenance'): (Tkr | null)[] {
  const totals: (Tkr | null)[] = plan.info.period.years.map(() => 0);
  for (const row of plan.initiatives) {
    if (row.isStatedSum) continue;
    const amounts = row[field];
    for (let i = 0; i < totals.length; i++) {
      const a = amounts[i];
      const t = totals[i];
      totals[i] = a === null || t === null ? null : t + a;
    }
  }
  return totals;
}
