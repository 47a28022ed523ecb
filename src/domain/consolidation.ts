/**
 * Finance's consolidation (ekonomisk sammanställning): every area's plan against its frame, and all areas
 * together against the city's frame, per year.
 */
import { finding, type Finding } from './findings';
import { areaKey, type CityFrame } from './frame';
import { locate, type Location } from './location';
import type { Tkr } from './money';
import { developmentPerYear, maintenancePerYear, type Plan } from './plan';

export interface ConsolidationInput {
  plan: Plan;
  /** Where the plan came from (file name or library item). */
  file: string;
  /** The version label consolidated, when known. */
  version?: string;
}

export interface AreaYear {
  development: Tkr | null;
  maintenance: Tkr | null;
  frame: Tkr | null;
}

export interface AreaSummary {
  area: string;
  file: string;
  version?: string;
  years: Record<number, AreaYear>;
}

export interface CityYear {
  development: Tkr | null;
  frame: Tkr | null;
}

export interface Consolidation {
  years: number[];
  areas: AreaSummary[];
  city: Record<number, CityYear>;
  findings: Finding[];
}

export function consolidate(inputs: readonly ConsolidationInput[], frame: CityFrame): Consolidation {
  const findings: Finding[] = [];
  const years = [...new Set(inputs.flatMap((i) => i.plan.info.period.years))].sort((a, b) => a - b);
  const areas: AreaSummary[] = inputs.map(({ plan, file, version }) => {
    const area = plan.info.area;
    const areaFrame = frame.areas.get(areaKey(area)) ?? null;
    const dev = developmentPerYear(plan);
    const mnt = maintenancePerYear(plan);
    const summary: AreaSummary = { area, file, ...(version ? { version } : {}), years: {} };
    plan.info.period.years.forEach((year, i) => {
      const fy = areaFrame?.years.get(year);
      const limit = fy?.development ?? null;
      summary.years[year] = { development: dev[i], maintenance: mnt[i], frame: limit };
      const where: Location = fy && areaFrame ? locate(areaFrame.ref, fy.row, 'Utveckling') : locate(plan.initiativeTable, 0, `Utveckling ${year}`);
      if (limit === null) {
        findings.push(finding('FRAME_MISSING', { area, year }, { location: where, year, area }));
      } else if (dev[i] !== null && dev[i]! > limit) {
        const excess = dev[i]! - limit;
        findings.push(finding('OVER_FRAME', { area, year, development: dev[i]!, frame: limit, excess }, { location: where, year, excess, area }));
      }
    });
    return summary;
  });

  const city: Record<number, CityYear> = {};
  for (const year of years) {
    let development: Tkr | null = 0;
    for (const a of areas) {
      const d = a.years[year]?.development;
      if (d === undefined) continue;
      development = d === null || development === null ? null : development + d;
    }
    const cy = frame.city.get(year);
    const limit = cy?.development ?? null;
    city[year] = { development, frame: limit };
    if (limit !== null && development !== null && development > limit && frame.cityRef && cy) {
      const excess = development - limit;
      findings.push(
        finding('CITY_OVER_FRAME', { year, development, frame: limit, excess }, { location: locate(frame.cityRef, cy.row, 'Utveckling'), year, excess }),
      );
    }
  }
  return { years, areas, city, findings };
}
