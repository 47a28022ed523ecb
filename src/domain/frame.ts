/**
 * Finance's budget frame (budgetram): per service area and year, and the city's totals (stadsram).
 * Areas are matched by name without regard to case or spacing, as people type them.
 */
import type { TableRef } from './location';
import type { AreaFrame, FrameYear } from './plan';

export interface CityFrame {
  areas: ReadonlyMap<string, AreaFrame>;
  city: ReadonlyMap<number, FrameYear>;
  cityRef: TableRef | null;
}

export function areaKey(area: string): string {
  return area.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

export function frameForArea(frame: CityFrame, area: string): AreaFrame | null {
  return frame.areas.get(areaKey(area)) ?? null;
}
