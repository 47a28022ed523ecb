/**
 * A published snapshot as the plan it was taken of, for what reads plans rather than figures (the
 * prioritisation basis): the tables' contents come back, their places in a workbook do not (a snapshot has
 * no cells), so the table references name the tables with no position, and nothing built on this points at
 * a cell.
 */
import type { TableRef } from './location';
import type { AreaFrame, Plan } from './plan';
import type { PlanSnapshot } from './snapshot';

function noPlace(sheet: string, table: string): TableRef {
  return { sheet, table, headerRow: 0, firstColumn: 0, columns: new Map(), bodyRows: 0 };
}

export function planOfSnapshot(s: PlanSnapshot): Plan {
  // Amounts are indexed like `years`, which a snapshot keeps in the period's order.
  const years = [...s.years];
  const frame: AreaFrame | null =
    s.frame && s.frame.length > 0
      ? { area: s.area, years: new Map(s.frame.map((f, i) => [f.year, { ...f, row: i + 1 }])), ref: noPlace('Ram', 'Ram') }
      : // Older snapshots carry only the development frame, in the totals.
        years.some((y) => s.totals[String(y)]?.frame != null)
        ? { area: s.area, years: new Map(years.map((y, i) => [y, { year: y, development: s.totals[String(y)]?.frame ?? null, operations: null, row: i + 1 }])), ref: noPlace('Ram', 'Ram') }
        : null;
  return {
    info: { area: s.area, period: { first: years[0], last: years[years.length - 1], years }, owner: '', securityLevel: '' },
    initiatives: s.initiatives.map((r) => ({
      row: r.row,
      nr: r.nr,
      name: r.name,
      development: [...r.development],
      maintenance: [...r.maintenance],
      comment: r.comment,
      isStatedSum: r.isStatedSum,
      ...(r.priority === undefined ? {} : { priority: r.priority, priorityShown: r.priority ?? '' }),
    })),
    initiativeTable: noPlace('Tjänsteplan', 'Initiativ'),
    frame,
    versions: [],
    versionTable: null,
    ...(s.maintenanceStated === false ? { maintenanceStated: false } : {}),
  };
}
