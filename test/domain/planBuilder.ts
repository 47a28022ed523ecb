/** Builds domain objects by hand for the rule and consolidation tests: no workbook involved. */
import type { CityFrame } from '../../src/domain/frame';
import { areaKey } from '../../src/domain/frame';
import type { TableRef } from '../../src/domain/location';
import type { Tkr } from '../../src/domain/money';
import { periodOf } from '../../src/domain/period';
import { STATED_SUM, type AreaFrame, type FrameYear, type Initiative, type Plan } from '../../src/domain/plan';
import type { VersionEntry } from '../../src/domain/versions';

export const YEARS = [2022, 2023, 2024] as const;

export function makeRef(
  sheet: string,
  table: string,
  headers: readonly string[],
  at: { headerRow?: number; firstColumn?: number; bodyRows?: number } = {},
): TableRef {
  return {
    sheet,
    table,
    headerRow: at.headerRow ?? 1,
    firstColumn: at.firstColumn ?? 1,
    columns: new Map(headers.map((h, i) => [h, i])),
    bodyRows: at.bodyRows ?? 0,
  };
}

export function initiativeHeaders(years: readonly number[] = YEARS): string[] {
  return ['Nr', 'Initiativ', ...years.map((y) => `Utveckling ${y}`), ...years.map((y) => `Vidmakthålla ${y}`), 'Kommentar'];
}

/**
 * The Initiativ table in these tests stands with its header on sheet row 10, first column B:
 * Nr = B, Initiativ = C, Utveckling 2022–2024 = D–F, Vidmakthålla 2022–2024 = G–I, Kommentar = J.
 * Data row r is sheet row 10 + r.
 */
export function initiativeRef(years: readonly number[] = YEARS, bodyRows = 20): TableRef {
  return makeRef('Tjänsteplan', 'Initiativ', initiativeHeaders(years), { headerRow: 10, firstColumn: 2, bodyRows });
}

type Amounts = readonly (Tkr | null)[];

export function initiative(
  row: number,
  name: string,
  development: Amounts,
  maintenance: Amounts = development.map(() => 0),
  nr = '',
): Initiative {
  return {
    row,
    nr,
    name,
    development: [...development],
    maintenance: [...maintenance],
    comment: '',
    isStatedSum: STATED_SUM.test(name),
  };
}

/** The area's Ram table: sheet Ram, header on row 1 from column A (År = A, Utveckling = B, Förvaltning = C). */
export function areaFrame(area: string, development: Record<number, Tkr | null>, at: { headerRow?: number; firstColumn?: number } = {}): AreaFrame {
  const years = new Map<number, FrameYear>();
  Object.entries(development).forEach(([year, dev], i) => {
    years.set(Number(year), { year: Number(year), development: dev, operations: null, row: i + 1 });
  });
  return { area, years, ref: makeRef('Ram', 'Ram', ['År', 'Utveckling', 'Förvaltning'], { ...at, bodyRows: years.size }) };
}

/** Versionshantering on sheet Versioner, header on row 3 from column A: Datum = A, Version = B. */
export function versionRef(): TableRef {
  return makeRef('Versioner', 'Versionshantering', ['Datum', 'Version', 'Beskrivning', 'Ändrat av', 'Forum', 'Beslut'], {
    headerRow: 3,
    firstColumn: 1,
    bodyRows: 10,
  });
}

export function makePlan(opts: {
  area?: string;
  years?: readonly number[];
  initiatives?: Initiative[];
  frame?: AreaFrame | null;
  versions?: VersionEntry[];
}): Plan {
  const years = opts.years ?? YEARS;
  return {
    info: { area: opts.area ?? 'IT', period: periodOf(years[0], years[years.length - 1]), owner: '', securityLevel: '' },
    initiatives: opts.initiatives ?? [],
    initiativeTable: initiativeRef(years),
    frame: opts.frame ?? null,
    versions: opts.versions ?? [],
    versionTable: opts.versions ? versionRef() : null,
  };
}

/**
 * Finance's frame: Budgetram on sheet Budgetram, header on row 1 from column A
 * (Tjänsteområde = A, År = B, Förvaltning = C, Utveckling = D), one row per area and year in the order given;
 * Stadsram on the same sheet with its header on row 20 from column F (År = F, Förvaltning = G, Utveckling = H).
 */
export function cityFrame(areas: Record<string, Record<number, Tkr | null>>, city: Record<number, Tkr | null>): CityFrame {
  const budgetRef = makeRef('Budgetram', 'Budgetram', ['Tjänsteområde', 'År', 'Förvaltning', 'Utveckling']);
  const byArea = new Map<string, AreaFrame>();
  let row = 0;
  for (const [area, years] of Object.entries(areas)) {
    const map = new Map<number, FrameYear>();
    for (const [year, dev] of Object.entries(years)) {
      row++;
      map.set(Number(year), { year: Number(year), development: dev, operations: null, row });
    }
    byArea.set(areaKey(area), { area, years: map, ref: { ...budgetRef, bodyRows: 0 } });
  }
  const cityRef = makeRef('Budgetram', 'Stadsram', ['År', 'Förvaltning', 'Utveckling'], { headerRow: 20, firstColumn: 6 });
  const cityYears = new Map<number, FrameYear>();
  Object.entries(city).forEach(([year, dev], i) => {
    cityYears.set(Number(year), { year: Number(year), development: dev, operations: null, row: i + 1 });
  });
  return { areas: byArea, city: cityYears, cityRef };
}
