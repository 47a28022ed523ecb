/**
 * Reads finance's frame workbook: Budgetram (per area and year), Stadsram (the city's totals, with the
 * indicative budget when its columns are there) and the optional Förvaltning per verksamhetsområde.
 */
import { cellText } from '../../domain/cell';
import { finding, type Finding } from '../../domain/findings';
import { areaKey, type CityFrame, type IndicativeYear, type OperationsLine } from '../../domain/frame';
import { locate, type TableRef } from '../../domain/location';
import type { AreaFrame, FrameYear } from '../../domain/plan';
import type { RawTable } from '../host';
import { amountFromCell } from './cells';
import { isBlank, isEmptyRow, mapColumns, tableRef } from './columns';
import { INDICATIVE_DEVELOPMENT, INDICATIVE_OPERATIONS, OPERATIONS_TABLE } from './frameTables';
import { contractTable, readFrameRows } from './readPlan';
import { TABLES } from './tables';

export interface FrameReading {
  frame: CityFrame;
  findings: Finding[];
}

/** Whether the workbook is finance's frame workbook: it has a table named Budgetram (in any case). */
export function hasFrameTable(tables: readonly RawTable[]): boolean {
  return tables.some((x) => x.name.toLowerCase() === TABLES.budget.name.toLowerCase());
}

export function readCityFrame(tables: readonly RawTable[]): FrameReading {
  const findings: Finding[] = [];
  const areas = new Map<string, AreaFrame>();
  const budget = contractTable(tables, TABLES.budget, findings, 'error');
  if (budget) {
    const columns = mapColumns(budget, TABLES.budget.headers.map((header) => ({ header, missing: 'error' as const })), findings);
    const ref = tableRef(budget, columns);
    const areaCol = columns.get('Tjänsteområde');
    if (areaCol !== undefined) {
      // Each row's area key once: every area's rows are picked by it (a frame of 100 areas has thousands of rows).
      const rowKeys = budget.body.map((cells) => areaKey(cellText(cells[areaCol])));
      const names = new Map<string, string>();
      budget.body.forEach((cells, i) => {
        const name = cellText(cells[areaCol]);
        if (name !== '' && !names.has(rowKeys[i])) names.set(rowKeys[i], name);
      });
      for (const [key, name] of names) {
        const years = readFrameRows(budget, ref, findings, (_, i) => rowKeys[i] === key);
        areas.set(key, { area: name, years, ref });
      }
      budget.body.forEach((cells, i) => {
        if (cellText(cells[areaCol]) === '' && cells.some((c) => c !== null)) {
          findings.push(finding('PLAN_INFO_MISSING', { item: 'Tjänsteområde', table: TABLES.budget.name }, { location: locate(ref, i + 1, 'Tjänsteområde') }));
        }
      });
    }
  }
  const cityRaw = contractTable(tables, TABLES.city, findings, 'warning');
  let city = new Map();
  let cityRef = null;
  const indicative = new Map<number, IndicativeYear>();
  if (cityRaw) {
    const columns = mapColumns(
      cityRaw,
      [
        ...TABLES.city.headers.map((header) => ({ header, missing: 'error' as const })),
        { header: INDICATIVE_OPERATIONS, missing: null },
        { header: INDICATIVE_DEVELOPMENT, missing: null },
      ],
      findings,
    );
    cityRef = tableRef(cityRaw, columns);
    city = readFrameRows(cityRaw, cityRef, findings, () => true);
    readIndicative(cityRaw, cityRef, city, findings, indicative);
  }
  const operations = readOperations(tables, findings);
  return {
    frame: { areas, city, cityRef, ...(indicative.size > 0 ? { indicative } : {}), ...(operations.length > 0 ? { operations } : {}) },
    findings,
  };
}

/** The indicative figures of the years Stadsram has; a year with both cells empty has none. */
function readIndicative(raw: RawTable, ref: TableRef, city: ReadonlyMap<number, FrameYear>, findings: Finding[], out: Map<number, IndicativeYear>) {
  const opsCol = ref.columns.get(INDICATIVE_OPERATIONS);
  const devCol = ref.columns.get(INDICATIVE_DEVELOPMENT);
  if (opsCol === undefined && devCol === undefined) return;
  for (const y of city.values()) {
    const cells = raw.body[y.row - 1];
    const amount = (col: number | undefined, column: string) =>
      col === undefined || isBlank(cells[col]) ? null : amountFromCell(cells[col], () => locate(ref, y.row, column), findings, y.year);
    const development = amount(devCol, INDICATIVE_DEVELOPMENT);
    const operations = amount(opsCol, INDICATIVE_OPERATIONS);
    if (development !== null || operations !== null) out.set(y.year, { development, operations });
  }
}

/** Förvaltning | Verksamhetsområde, År, Belopp: optional, so its absence is no finding. */
function readOperations(tables: readonly RawTable[], findings: Finding[]): OperationsLine[] {
  const raw = contractTable(tables, OPERATIONS_TABLE, findings, null);
  if (!raw) return [];
  const columns = mapColumns(raw, OPERATIONS_TABLE.headers.map((header) => ({ header, missing: 'error' as const })), findings);
  const ref = tableRef(raw, columns);
  const [unitHeader, yearHeader, amountHeader] = OPERATIONS_TABLE.headers;
  const unitCol = columns.get(unitHeader);
  const yearCol = columns.get(yearHeader);
  const amountCol = columns.get(amountHeader);
  if (unitCol === undefined || yearCol === undefined || amountCol === undefined) return [];
  const lines: OperationsLine[] = [];
  raw.body.forEach((cells, i) => {
    if (isEmptyRow(cells)) return;
    const row = i + 1;
    const unit = cellText(cells[unitCol]);
    if (unit === '') {
      findings.push(finding('PLAN_INFO_MISSING', { item: unitHeader, table: OPERATIONS_TABLE.name }, { location: locate(ref, row, unitHeader) }));
      return;
    }
    const year = amountFromCell(cells[yearCol], () => locate(ref, row, yearHeader), findings);
    if (year === null) return;
    if (year < 1900 || year > 2999) {
      findings.push(finding('NOT_A_NUMBER', { shown: cellText(cells[yearCol]), column: yearHeader }, { location: locate(ref, row, yearHeader) }));
      return;
    }
    const amount = isBlank(cells[amountCol]) ? null : amountFromCell(cells[amountCol], () => locate(ref, row, amountHeader), findings, year);
    lines.push({ unit, year, amount });
  });
  return lines;
}
