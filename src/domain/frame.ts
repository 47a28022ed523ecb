/**
 * Finance's budget frame (budgetram): per service area and year, and the city's totals (stadsram).
 * Areas are matched by name without regard to case or spacing, as people type them.
 */
import type { TableRef } from './location';
import type { Tkr } from './money';
import { periodOf, type Period } from './period';
import type { AreaFrame, FrameYear } from './plan';

/** The indicative budget of a year, which finance compares the final one with. */
export interface IndicativeYear {
  development: Tkr | null;
  operations: Tkr | null;
}

/** Förvaltning of one verksamhetsområde in one year (these group the service areas differently). */
export interface OperationsLine {
  unit: string;
  year: number;
  amount: Tkr | null;
}

export interface CityFrame {
  areas: ReadonlyMap<string, AreaFrame>;
  city: ReadonlyMap<number, FrameYear>;
  cityRef: TableRef | null;
  /** Stadsram's optional Indikativ columns, for the years that fill them. */
  indicative?: ReadonlyMap<number, IndicativeYear>;
  /** The optional Förvaltning table, in its own order. */
  operations?: readonly OperationsLine[];
}

export function areaKey(area: string): string {
  return area.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

export function frameForArea(frame: CityFrame, area: string): AreaFrame | null {
  return frame.areas.get(areaKey(area)) ?? null;
}

/**
 * The period a frame covers, its first to its last year over the city and every area: what the readers take
 * when no period is given. Null when the frame names no year.
 */
export function framePeriod(frame: CityFrame): Period | null {
  const years = [...frame.city.keys(), ...[...frame.areas.values()].flatMap((a) => [...a.years.keys()])];
  return years.length === 0 ? null : periodOf(Math.min(...years), Math.max(...years));
}
