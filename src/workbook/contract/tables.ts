/**
 * The workbook format (docs/workbook-format.md), a promise to users: table names, their sheets and exact headers.
 * Reading matches names and headers without regard to case and spacing.
 */
import type { RawTable } from '../host';

export const SHEET_PLAN = 'Tjänsteplan';
export const SHEET_FRAME = 'Ram';
export const SHEET_VERSIONS = 'Versioner';
export const SHEET_BUDGET = 'Budgetram';
export const SHEET_APPROVAL = 'Tjänsteplan fastställd';

export const TABLES = {
  planInfo: { name: 'Planuppgifter', sheet: SHEET_PLAN, headers: ['Uppgift', 'Värde'] },
  initiatives: { name: 'Initiativ', sheet: SHEET_PLAN },
  frame: { name: 'Ram', sheet: SHEET_FRAME, headers: ['År', 'Utveckling', 'Förvaltning'] },
  versions: {
    name: 'Versionshantering',
    sheet: SHEET_VERSIONS,
    headers: ['Datum', 'Version', 'Beskrivning', 'Ändrat av', 'Forum', 'Beslut'],
  },
  budget: { name: 'Budgetram', sheet: SHEET_BUDGET, headers: ['Tjänsteområde', 'År', 'Förvaltning', 'Utveckling'] },
  city: { name: 'Stadsram', sheet: SHEET_BUDGET, headers: ['År', 'Förvaltning', 'Utveckling'] },
  /** The add-in's own record of the approved version (approvalTable.ts), on a sheet users never see. */
  approval: { name: 'Fastställd', sheet: SHEET_APPROVAL, headers: ['Uppgift', 'Värde'] },
  /** Optional in finance's frame workbook: förvaltning per verksamhetsområde (frameTables.ts). */
  operations: { name: 'Förvaltning', sheet: SHEET_BUDGET, headers: ['Verksamhetsområde', 'År', 'Belopp'] },
  /** A rolled-forward plan's indicative figures (indicativeTable.ts). */
  indicative: { name: 'Indikativ', sheet: 'Indikativ' },
} as const;

/** Planuppgifter rows (Uppgift). */
export const INFO_ITEMS = {
  area: 'Tjänsteområde',
  period: 'Planperiod',
  unit: 'Enhet',
  owner: 'Dokumentansvarig',
  securityLevel: 'Säkerhetsnivå',
} as const;

export function initiativeHeaders(years: readonly number[]): string[] {
  return [
    'Nr',
    'Initiativ',
    ...years.map((y) => `Utveckling ${y}`),
    ...years.map((y) => `Vidmakthålla ${y}`),
    'Kommentar',
  ];
}

/** The optional Initiativ column (docs/workbook-format.md): read when present, never required of older plans. */
export const PRIORITY_HEADER = 'Prioritet';

/** What a new plan's Initiativ table gets: the contract's columns and Prioritet last, so no address moves. */
export function planInitiativeHeaders(years: readonly number[]): string[] {
  return [...initiativeHeaders(years), PRIORITY_HEADER];
}

/** `Vidmakthålla 2022`, ` vidmakthålla  2022 ` and `VIDMAKTHÅLLA2022` are one header. */
export function headerKey(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, '').toLocaleLowerCase('sv');
}

export function findTable(tables: readonly RawTable[], name: string): RawTable | undefined {
  const key = headerKey(name);
  return tables.find((t) => headerKey(t.name) === key);
}

/** Shown as `# ##0` by Swedish Excel; files and Office.js store the locale-free code. */
export const TKR_FORMAT = '#,##0';
