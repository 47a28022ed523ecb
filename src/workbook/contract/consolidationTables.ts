/**
 * The `Sammanställning` workbook finance gets from `consolidate --out`: areas × years with deviations first,
 * the city per year, the frame-gap brief, and the city's whole budget (förvaltning and utveckling, the
 * indicative budget, förvaltning per verksamhetsområde) when the frame workbook has it. Deviations and sums
 * are formulas, so the workbook stays right when finance adjusts a frame in it; a sum never adds years
 * together.
 */
import { briefSentence, type YearBrief } from '../../domain/brief';
import type { CellValue } from '../../domain/cell';
import { changeFromYearBefore, type Consolidation } from '../../domain/consolidation';
import type { TableWrite } from '../host';
import { ownFormula } from '../ownFormula';
import { TKR_FORMAT } from './tables';

export const SHEET_SUMMARY = 'Sammanställning';
export const SHEET_BRIEF = 'Ramavvikelse';
export const AREA_TABLE = 'Omradesniva';
export const CITY_TABLE = 'Stadsniva';
export const SHEET_BUDGET_SUMMARY = 'Budget';
export const BUDGET_TABLE = 'Stadsbudget';
export const OPERATIONS_BY_UNIT_TABLE = 'Forvaltning_per_omrade';

const PERCENT = '0%';
/** A deviation in words, as a controller reads it (Swedish Excel shows `22 342 över ram`); the cell stays a number. */
export const DEVIATION_FORMAT = '#,##0" över ram";#,##0" inom ram";0" inom ram"';
/** A change is signed: which way the money moved. */
const CHANGE_FORMAT = '"+"#,##0;"\u2212"#,##0;0';

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
    headers: ['Tjänsteområde', 'Version', 'År', 'Utveckling', 'Påverkan vidmakthålla', 'Ram', 'Avvikelse'],
    rows: rows.map((r) => [r.area, r.version, r.year, r.development, r.maintenance, r.frame, excessFormula(AREA_TABLE, r.excess)]),
    numberFormats: [undefined, undefined, '0', TKR_FORMAT, TKR_FORMAT, TKR_FORMAT, DEVIATION_FORMAT],
    widths: [32, 9, 7, 14, 22, 14, 18],
    // No totals row: it would add the years together. The city table below sums each year.
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
    numberFormats: ['0', TKR_FORMAT, TKR_FORMAT, DEVIATION_FORMAT],
  };
  // The two tables of the Ramavvikelse sheet share their columns: the sentence and the initiative's name in
  // the wide column B, so the sheet reads top to bottom as one page.
  const sentences: TableWrite = {
    sheet: SHEET_BRIEF,
    name: 'Sammanfattning',
    headers: ['År', 'Ramavvikelse'],
    rows: brief.map((y) => [y.year, briefSentence(y)]),
    numberFormats: ['0'],
    widths: [7, 70],
  };
  const contributors: TableWrite = {
    sheet: SHEET_BRIEF,
    name: 'Ramavvikelse',
    headers: ['År', 'Initiativ', 'Tjänsteområde', 'Nr', 'Nivå', 'Utveckling', 'Andel av avvikelsen'],
    rows: brief.flatMap((y) => [
      ...y.contributors.map((k) => [y.year, k.name, k.area, k.nr, 'Staden', k.development, k.share]),
      ...y.areas.flatMap((a) => a.contributors.map((k) => [y.year, k.name, k.area, k.nr, 'Område', k.development, k.share])),
    ]),
    numberFormats: ['0', undefined, undefined, undefined, undefined, TKR_FORMAT, PERCENT],
    widths: [7, 70, 30, 6, 9, 14, 20],
  };
  return [areaTable, cityTable, sentences, contributors, ...budgetTables(c)];
}

/** The city's budget per year and förvaltning per verksamhetsområde, when the frame workbook gives them. */
function budgetTables(c: Consolidation): TableWrite[] {
  const tables: TableWrite[] = [];
  const sum = (a: string, b: string) => (table: string) => `IF(OR(${thisRow(table, a)}="",${thisRow(table, b)}=""),"",${thisRow(table, a)}+${thisRow(table, b)})`;
  const indicative = c.budget.some((b) => b.indicative);
  if (c.budget.length > 0) {
    tables.push({
      sheet: SHEET_BUDGET_SUMMARY,
      name: BUDGET_TABLE,
      headers: ['År', 'Förvaltning', 'Utveckling', 'Summa', ...(indicative ? ['Indikativ förvaltning', 'Indikativ utveckling', 'Indikativ summa'] : [])],
      rows: c.budget.map((b) => [
        b.year,
        b.operations,
        b.development,
        { formula: sum('Förvaltning', 'Utveckling')(BUDGET_TABLE), result: b.total ?? '' },
        ...(indicative
          ? [
              b.indicative?.operations ?? null,
              b.indicative?.development ?? null,
              { formula: sum('Indikativ förvaltning', 'Indikativ utveckling')(BUDGET_TABLE), result: b.indicative?.total ?? '' },
            ]
          : []),
      ]),
      numberFormats: ['0', TKR_FORMAT, TKR_FORMAT, TKR_FORMAT, TKR_FORMAT, TKR_FORMAT, TKR_FORMAT],
      widths: [7, 16, 16, 16, 22, 22, 18],
    });
  }
  const ops = c.operations;
  if (ops) {
    const years = ops.years.slice(-2);
    const last = years[years.length - 1];
    const [before, now] = years.map((y) => `Budget ${y}`);
    tables.push({
      sheet: SHEET_BUDGET_SUMMARY,
      name: OPERATIONS_BY_UNIT_TABLE,
      headers: ['Verksamhetsområde', ...years.map((y) => `Budget ${y}`), ...(years.length === 2 ? ['Förändring'] : [])],
      rows: ops.units.map((u) => [
        u.unit,
        ...years.map((y) => u.amounts[y] ?? null),
        ...(years.length === 2
          ? [{ formula: `IF(OR(${thisRow(OPERATIONS_BY_UNIT_TABLE, before)}="",${thisRow(OPERATIONS_BY_UNIT_TABLE, now)}=""),"",${thisRow(OPERATIONS_BY_UNIT_TABLE, now)}-${thisRow(OPERATIONS_BY_UNIT_TABLE, before)})`, result: changeFromYearBefore(u.amounts, last) ?? '' }]
          : []),
      ]),
      numberFormats: [undefined, TKR_FORMAT, TKR_FORMAT, CHANGE_FORMAT],
      widths: [44, 16, 16, 14],
      // Each year its own column: the totals row adds up verksamhetsområden, never years.
      totals: { label: 'Summa', sum: [false, ...years.map(() => true), ...(years.length === 2 ? [true] : [])] },
    });
  }
  return tables;
}
