/** Reads finance's frame workbook: Budgetram (per area and year) and Stadsram (the city's totals). */
import { cellText } from '../../domain/cell';
import { finding, type Finding } from '../../domain/findings';
import { areaKey, type CityFrame } from '../../domain/frame';
import { locate } from '../../domain/location';
import type { AreaFrame } from '../../domain/plan';
import type { RawTable } from '../host';
import { mapColumns, tableRef } from './columns';
import { contractTable, readFrameRows } from './readPlan';
import { TABLES } from './tables';

export interface FrameReading {
  frame: CityFrame;
  findings: Finding[];
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
      const names = new Map<string, string>();
      budget.body.forEach((cells) => {
        const name = cellText(cells[areaCol]);
        if (name !== '' && !names.has(areaKey(name))) names.set(areaKey(name), name);
      });
      for (const [key, name] of names) {
        const years = readFrameRows(budget, ref, findings, (cells) => areaKey(cellText(cells[areaCol])) === key);
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
  if (cityRaw) {
    const columns = mapColumns(cityRaw, TABLES.city.headers.map((header) => ({ header, missing: 'error' as const })), findings);
    cityRef = tableRef(cityRaw, columns);
    city = readFrameRows(cityRaw, cityRef, findings, () => true);
  }
  return { frame: { areas, city, cityRef }, findings };
}
