/**
 * Finance's consolidation (ekonomisk sammanställning): every area's newest approved plan against its frame,
 * and all areas together against the city's frame, per year. Plans come from workbooks or from the
 * snapshots published to the library; both are reduced to the same figures first.
 */
import { finding, type Finding } from './findings';
import { areaKey, type CityFrame } from './frame';
import { locate, type Location, type TableRef } from './location';
import type { Tkr } from './money';
import { developmentColumn, developmentPerYear, maintenancePerYear, type Plan } from './plan';
import type { PlanSnapshot } from './snapshot';
import { newestApprovedFirst } from './versions';

/** What consolidation needs of one area's plan. */
export interface AreaFigures {
  area: string;
  years: readonly number[];
  development: (Tkr | null)[];
  maintenance: (Tkr | null)[];
  /** Development initiatives (stated sums left out), for the frame-gap brief. */
  initiatives: { nr: string; name: string; development: (Tkr | null)[] }[];
  /** The plan's Initiativ table, when read from a workbook: findings without a frame cell point here. */
  table?: TableRef;
  /** False when every maintenance cell is empty: reports say "–" (not stated), never 0. */
  maintenanceStated?: boolean;
}

export function figuresOfPlan(plan: Plan): AreaFigures {
  return {
    area: plan.info.area,
    years: plan.info.period.years,
    development: developmentPerYear(plan),
    maintenance: maintenancePerYear(plan),
    initiatives: plan.initiatives.filter((r) => !r.isStatedSum).map((r) => ({ nr: r.nr, name: r.name, development: r.development })),
    table: plan.initiativeTable,
    ...(plan.maintenanceStated === false ? { maintenanceStated: false } : {}),
  };
}

export function figuresOfSnapshot(s: PlanSnapshot): AreaFigures {
  return {
    area: s.area,
    years: s.years,
    development: s.years.map((y) => s.totals[String(y)]?.development ?? null),
    maintenance: s.years.map((y) => s.totals[String(y)]?.maintenance ?? null),
    initiatives: s.initiatives.filter((r) => !r.isStatedSum).map((r) => ({ nr: r.nr, name: r.name, development: r.development })),
    // Snapshots say whether the plan states maintenance impact; older ones keep amounts, not empty cells, so
    // a plan with no maintenance figure other than 0 anywhere is taken as one that states none (Kommunikation,
    // Vård och omsorg), and it shows "–" as from its workbook.
    ...((s.maintenanceStated ?? !s.initiatives.every((r) => r.maintenance.every((m) => m === 0))) ? {} : { maintenanceStated: false }),
  };
}

export interface ConsolidationInput {
  figures: AreaFigures;
  /** Where the plan came from (file name or library item). */
  file: string;
  /** The approved version consolidated, when known. */
  version?: string;
  /** ISO date of that approval, when known: breaks ties between two plans of one area. */
  decisionDate?: string | null;
}

export interface AreaYear {
  development: Tkr | null;
  maintenance: Tkr | null;
  frame: Tkr | null;
  /** Development over the frame (positive) or left within it (negative); null without a frame. */
  excess: Tkr | null;
}

export interface AreaSummary {
  area: string;
  file: string;
  version?: string;
  /** Present and false when the plan states no maintenance impact at all (its `maintenance` is then null). */
  maintenanceStated?: boolean;
  years: Record<number, AreaYear>;
}

export interface CityYear {
  development: Tkr | null;
  frame: Tkr | null;
  excess: Tkr | null;
}

export interface Consolidation {
  years: number[];
  areas: AreaSummary[];
  city: Record<number, CityYear>;
  findings: Finding[];
  /** The figures behind each area summary (same order), for the brief. */
  figures: AreaFigures[];
  /** The city's whole budget per year of the period that Stadsram gives: förvaltning and utveckling. */
  budget: BudgetYear[];
  /** Förvaltning per verksamhetsområde, when the frame workbook has it. */
  operations: OperationsByUnit | null;
}

export interface BudgetHalves {
  operations: Tkr | null;
  development: Tkr | null;
  /** Förvaltning + utveckling; null unless both are known. */
  total: Tkr | null;
}

export interface BudgetYear extends BudgetHalves {
  year: number;
  /** The indicative budget the final one is compared with, when Stadsram has it for the year. */
  indicative: BudgetHalves | null;
}

export interface OperationsUnit {
  unit: string;
  amounts: Record<number, Tkr | null>;
}

export interface OperationsByUnit {
  /** Every year the table gives, the year before the period included: the change needs it. */
  years: number[];
  units: OperationsUnit[];
  totals: Record<number, Tkr | null>;
}

const halves = (operations: Tkr | null, development: Tkr | null): BudgetHalves => ({
  operations,
  development,
  total: operations === null || development === null ? null : operations + development,
});

function cityBudget(years: readonly number[], frame: CityFrame): BudgetYear[] {
  return years.flatMap((year) => {
    const y = frame.city.get(year);
    const ind = frame.indicative?.get(year);
    if (!y && !ind) return [];
    return [{ year, ...halves(y?.operations ?? null, y?.development ?? null), indicative: ind ? halves(ind.operations, ind.development) : null }];
  });
}

function operationsByUnit(frame: CityFrame): OperationsByUnit | null {
  const lines = frame.operations ?? [];
  if (lines.length === 0) return null;
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const units = new Map<string, OperationsUnit>();
  for (const l of lines) {
    const key = areaKey(l.unit);
    const unit = units.get(key) ?? { unit: l.unit, amounts: {} };
    const had = unit.amounts[l.year];
    // A verksamhetsområde listed twice for a year adds up; an unreadable amount makes the sum unknown.
    unit.amounts[l.year] = had === undefined ? l.amount : had === null || l.amount === null ? null : had + l.amount;
    units.set(key, unit);
  }
  const totals: Record<number, Tkr | null> = {};
  for (const year of years) {
    let total: Tkr | null = 0;
    for (const u of units.values()) {
      const a = u.amounts[year];
      if (a === undefined) continue;
      total = a === null || total === null ? null : total + a;
    }
    totals[year] = total;
  }
  return { years, units: [...units.values()], totals };
}

/** The change from the year before, when both years are known. */
export function changeFromYearBefore(amounts: Record<number, Tkr | null>, year: number): Tkr | null {
  const now = amounts[year];
  const before = amounts[year - 1];
  return now === undefined || now === null || before === undefined || before === null ? null : now - before;
}

export function consolidate(inputs: readonly ConsolidationInput[], frame: CityFrame): Consolidation {
  const findings: Finding[] = [];
  const chosen = newestPerArea(inputs, findings);
  const years = [...new Set(chosen.flatMap((i) => i.figures.years))].sort((a, b) => a - b);
  const areas = chosen.map((input) => summarise(input, frame, findings));
  missingAreas(chosen, frame, findings);

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
    const excess = limit === null || development === null ? null : development - limit;
    city[year] = { development, frame: limit, excess };
    if (excess !== null && excess > 0 && frame.cityRef && cy) {
      findings.push(
        finding('CITY_OVER_FRAME', { year, development: development!, frame: limit!, excess }, { location: locate(frame.cityRef, cy.row, 'Utveckling'), year, excess }),
      );
    }
  }
  return { years, areas, city, findings, figures: chosen.map((c) => c.figures), budget: cityBudget(years, frame), operations: operationsByUnit(frame) };
}

function summarise(input: ConsolidationInput, frame: CityFrame, findings: Finding[]): AreaSummary {
  const { figures, file, version } = input;
  const area = figures.area;
  const areaFrame = frame.areas.get(areaKey(area)) ?? null;
  const stated = figures.maintenanceStated !== false;
  const summary: AreaSummary = { area, file, ...(version ? { version } : {}), ...(stated ? {} : { maintenanceStated: false }), years: {} };
  figures.years.forEach((year, i) => {
    const fy = areaFrame?.years.get(year);
    const limit = fy?.development ?? null;
    const dev = figures.development[i];
    const excess = limit === null || dev === null ? null : dev - limit;
    summary.years[year] = { development: dev, maintenance: stated ? figures.maintenance[i] : null, frame: limit, excess };
    const where: Location | undefined =
      fy && areaFrame ? locate(areaFrame.ref, fy.row, 'Utveckling') : figures.table ? locate(figures.table, 0, developmentColumn(year)) : undefined;
    const extras = { year, area, ...(where ? { location: where } : {}) };
    if (limit === null) findings.push(finding('FRAME_MISSING', { area, year }, extras));
    else if (excess !== null && excess > 0) {
      findings.push(finding('OVER_FRAME', { area, year, development: dev!, frame: limit, excess }, { ...extras, excess }));
    }
  });
  return summary;
}

/** Two plans for one area: the newest approved version wins, and finance is told which was left out. */
function newestPerArea(inputs: readonly ConsolidationInput[], findings: Finding[]): ConsolidationInput[] {
  const byArea = new Map<string, ConsolidationInput[]>();
  for (const input of inputs) {
    const key = areaKey(input.figures.area);
    byArea.set(key, [...(byArea.get(key) ?? []), input]);
  }
  const chosen: ConsolidationInput[] = [];
  for (const group of byArea.values()) {
    const best = group.reduce((a, b) => (newer(b, a) ? b : a));
    chosen.push(best);
    if (group.length > 1) {
      const others = group.filter((g) => g !== best).map((g) => `${g.file}${g.version ? ` (v${g.version})` : ''}`);
      findings.push(
        finding('AREA_DUPLICATE', { area: best.figures.area, chosen: `${best.file}${best.version ? ` (v${best.version})` : ''}`, others: others.join(', ') }, { area: best.figures.area }),
      );
    }
  }
  return inputs.filter((i) => chosen.includes(i));
}

function newer(a: ConsolidationInput, b: ConsolidationInput): boolean {
  return newestApprovedFirst(a, b) < 0;
}

/** An area finance set a frame for but that sent no plan. */
function missingAreas(chosen: readonly ConsolidationInput[], frame: CityFrame, findings: Finding[]) {
  const present = new Set(chosen.map((c) => areaKey(c.figures.area)));
  for (const [key, areaFrame] of frame.areas) {
    if (present.has(key)) continue;
    const first = [...areaFrame.years.values()].sort((a, b) => a.year - b.year)[0];
    findings.push(
      finding('AREA_PLAN_MISSING', { area: areaFrame.area }, { area: areaFrame.area, ...(first ? { location: locate(areaFrame.ref, first.row, 'Tjänsteområde') } : {}) }),
    );
  }
}
