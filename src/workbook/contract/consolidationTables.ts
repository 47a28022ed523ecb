/**
 * The `Sammanställning` workbook finance gets from `consolidate --out`: areas × years with deviations first,
 * the city per year, and the frame-gap brief. Deviations and totals are formulas, so the workbook stays
 * right when finance adjusts a frame in it.
 */
import { briefSentence, type YearBrief } from '../../domain/brief';
import type { CellValue } from '../../domain/cell';
import type { Consolidation } from '../../domain/consolidation';
import type { TableWrite } from '../host';
import { ownFormula } from '../ownFormula';
import { TKR_FORMAT } from './tables';

export const SHEET_SUMMARY = 'Sammanställning';
export const SHEET_BRIEF = 'Ramavvikelse';
export const AREA_TABLE = 'Omradesniva';
export const CITY_TABLE = 'Stadsniva';

const PERCENT = '0%';

/** `[@Ram]` as the file format spells it (the `@` form is only how Excel shows it). */
const thisRow = (table: string, column: string) => `${table}[[#This Row],[${column}]]`;

function excessFormula(table: string, result: number | null): CellValue {
  // An empty frame gives an empty deviation rather than a deviation from zero.
  const ram = thisRow(table, 'Ram');
  return ownFormula(`IF(${ram}="","",${thisRow(table, 'Utveckling')}-${ram})`, result ?? '');
}

export function consolidationTables(c: Consolidation, brief: readonly YearBrief[]): TableWrite[] {
  const rows = c.areas.flatMap((a) =>
    c.years
      .filter((y) => a.years[y] !== undefined)
      .map((y) => ({ area: a.area, version: a.version ?? '', year: y, ...a.years[y] })),
  );
  // Deviations first: the largest excess on top, areas without a frame after those within it.
  rows.sort((x, y) => (y.excess ?? -Infinity) - (x.excess ?? -Infinity) || x.area.localeCompare(y.area, 'sv') || x.year - y.year);
  const areaTable: TableWrite = {
    sheet: SHEET_SUMMARY,
    name: AREA_TABLE,
    headers: ['Tjänsteområde', 'Version', 'År', 'Utveckling', 'Vidmakthålla', 'Ram', 'Avvikelse'],
    rows: rows.map((r) => [r.area, r.version, r.year, r.development, r.maintenance, r.frame, excessFormula(AREA_TABLE, r.excess)]),
    numberFormats: [undefined, undefined, '0', TKR_FORMAT, TKR_FORMAT, TKR_FORMAT, TKR_FORMAT],
    widths: [32, 9, 7, 14, 14, 14, 14],
    totals: { label: 'Summa', sum: [false, false, false, true, true, true, true] },
  };
  const cityTable: TableWrite = {
    sheet: SHEET_SUMMARY,
    name: CITY_TABLE,
    headers: ['År', 'Utveckling', 'Ram', 'Avvikelse'],
    rows: c.years.map((y) => {
      const city = c.city[y];
      // The city's development is the sum of the area rows of that year in the table above.
      const development: CellValue = ownFormula(`SUMIFS(${AREA_TABLE}[Utveckling],${AREA_TABLE}[År],${thisRow(CITY_TABLE, 'År')})`, city?.development ?? 0);
      return [y, development, city?.frame ?? null, excessFormula(CITY_TABLE, city?.excess ?? null)];
    }),
    numberFormats: ['0', TKR_FORMAT, TKR_FORMAT, TKR_FORMAT],
  };
  const sentences: TableWrite = {
    sheet: SHEET_BRIEF,
    name: 'Sammanfattning',
    headers: ['År', 'Ramavvikelse'],
    rows: brief.map((y) => [y.year, briefSentence(y)]),
    numberFormats: ['0'],
    widths: [7, 110],
  };
  const contributors: TableWrite = {
    sheet: SHEET_BRIEF,
    name: 'Ramavvikelse',
    headers: ['År', 'Nivå', 'Tjänsteområde', 'Nr', 'Initiativ', 'Utveckling', 'Andel av avvikelsen'],
    rows: brief.flatMap((y) => [
      ...y.contributors.map((k) => [y.year, 'Staden', k.area, k.nr, k.name, k.development, k.share]),
      ...y.areas.flatMap((a) => a.contributors.map((k) => [y.year, 'Område', k.area, k.nr, k.name, k.development, k.share])),
    ]),
    numberFormats: ['0', undefined, undefined, undefined, undefined, TKR_FORMAT, PERCENT],
    widths: [7, 9, 28, 6, 50, 14, 12],
  };
  return [areaTable, cityTable, sentences, contributors];
}
