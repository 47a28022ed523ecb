/** The contract's tables for a new plan (and for finance's frame workbook), filled with what is known. */
import type { CellValue } from '../../domain/cell';
import { formatPeriod, type Period } from '../../domain/period';
import type { TableWrite } from '../host';
import { INFO_ITEMS, planInitiativeHeaders, PRIORITY_HEADER, TABLES, TKR_FORMAT } from './tables';

type Amount = number | null;

export interface InitiativeInput {
  nr?: string | number | null;
  name: string;
  development: readonly Amount[];
  maintenance: readonly Amount[];
  comment?: string;
  /** Prioritet as the area writes it (`Måste`, `Bör`, `Kan`); empty when not stated. */
  priority?: string | null;
}

export interface FrameInput {
  year: number;
  development: Amount;
  operations: Amount;
}

export interface VersionInput {
  /** ISO date, or a value as a person typed it. */
  date: string | Date | number | null;
  version: string;
  description: string;
  changedBy: string;
  forum?: string;
  decision?: string;
}

export interface PlanInput {
  area: string;
  period: Period;
  owner?: string;
  securityLevel?: string;
  initiatives?: readonly InitiativeInput[];
  frame?: readonly FrameInput[];
  versions?: readonly VersionInput[];
}

const DATE_FORMAT = 'yyyy-mm-dd';

export function planTables(input: PlanInput): TableWrite[] {
  const years = input.period.years;
  const headers = planInitiativeHeaders(years);
  const amountCount = years.length * 2;
  return [
    {
      sheet: TABLES.planInfo.sheet,
      name: TABLES.planInfo.name,
      headers: [...TABLES.planInfo.headers],
      rows: [
        [INFO_ITEMS.area, input.area],
        [INFO_ITEMS.period, formatPeriod(input.period)],
        [INFO_ITEMS.unit, 'tkr'],
        [INFO_ITEMS.owner, input.owner ?? ''],
        [INFO_ITEMS.securityLevel, input.securityLevel ?? ''],
      ],
      widths: [22, 40],
    },
    {
      sheet: TABLES.initiatives.sheet,
      name: TABLES.initiatives.name,
      headers,
      rows: (input.initiatives ?? []).map((r) => [
        r.nr === undefined || r.nr === null ? null : r.nr,
        r.name,
        ...years.map((_, i) => r.development[i] ?? null),
        ...years.map((_, i) => r.maintenance[i] ?? null),
        r.comment ?? null,
        r.priority ?? null,
      ]),
      numberFormats: headers.map((_, i) => (i >= 2 && i < 2 + amountCount ? TKR_FORMAT : undefined)),
      widths: headers.map((h, i) => (i === 1 ? 50 : i === 0 ? 6 : h === 'Kommentar' ? 40 : h === PRIORITY_HEADER ? 10 : 16)),
    },
    {
      sheet: TABLES.frame.sheet,
      name: TABLES.frame.name,
      headers: [...TABLES.frame.headers],
      rows: years.map((year) => {
        const f = input.frame?.find((x) => x.year === year);
        return [year, f?.development ?? null, f?.operations ?? null];
      }),
      numberFormats: [undefined, TKR_FORMAT, TKR_FORMAT],
      widths: [8, 16, 16],
    },
    {
      sheet: TABLES.versions.sheet,
      name: TABLES.versions.name,
      headers: [...TABLES.versions.headers],
      rows: (input.versions ?? []).map((v) => [
        toDateCell(v.date),
        v.version,
        v.description,
        v.changedBy,
        v.forum ?? null,
        v.decision ?? null,
      ]),
      numberFormats: [DATE_FORMAT],
      widths: [12, 9, 60, 24, 8, 14],
    },
  ];
}

function toDateCell(d: VersionInput['date']): CellValue {
  if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) return new Date(`${d}T00:00:00Z`);
  return d;
}

export interface AreaFrameInput {
  area: string;
  years: readonly FrameInput[];
}

/** Finance's frame workbook: Budgetram per area and year, Stadsram per year. */
export function frameWorkbookTables(areas: readonly AreaFrameInput[], city: readonly FrameInput[]): TableWrite[] {
  return [
    {
      sheet: TABLES.budget.sheet,
      name: TABLES.budget.name,
      headers: [...TABLES.budget.headers],
      rows: areas.flatMap((a) => a.years.map((y) => [a.area, y.year, y.operations, y.development])),
      numberFormats: [undefined, undefined, TKR_FORMAT, TKR_FORMAT],
      widths: [34, 8, 16, 16],
    },
    {
      sheet: TABLES.city.sheet,
      name: TABLES.city.name,
      headers: [...TABLES.city.headers],
      rows: city.map((y) => [y.year, y.operations, y.development]),
      numberFormats: [undefined, TKR_FORMAT, TKR_FORMAT],
      widths: [8, 16, 16],
    },
  ];
}

