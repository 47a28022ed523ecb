/**
 * The tables of a plan rolled forward (docs/domain.md §4): the contract's, filled from the rolled plan, and
 * its Indikativ table. A module apart from the Indikativ table's reading, which every check needs, so the task
 * pane loads this only when it rolls a plan forward.
 */
import type { RolledPlan } from '../../domain/rollforwardPlan';
import type { TableWrite } from '../host';
import { INDICATIVE_TABLE, indicativeHeaders } from './indicativeTable';
import { planTables } from './template';
import { TKR_FORMAT } from './tables';

/** The new plan's tables: the contract's, filled from the rolled plan, and its Indikativ table. */
export function rolledPlanTables(r: RolledPlan): TableWrite[] {
  const years = r.period.years;
  const source = r.history.description.replace(/^Upprättad från /, '');
  return [
    ...planTables({
      area: r.area,
      period: r.period,
      owner: r.owner,
      securityLevel: r.securityLevel,
      initiatives: r.initiatives.map((i) => ({
        nr: i.nr === '' ? null : i.nr,
        name: i.name,
        development: i.development,
        maintenance: i.maintenance,
        comment: i.comment,
        priority: i.priority,
      })),
      versions: [{ date: r.history.date, version: r.history.version, description: r.history.description, changedBy: r.history.changedBy }],
    }),
    {
      sheet: INDICATIVE_TABLE.sheet,
      name: INDICATIVE_TABLE.name,
      headers: indicativeHeaders(years),
      rows: r.indicative.map((i) => [i.nr === '' ? null : i.nr, i.name, ...i.development, source]),
      numberFormats: [undefined, undefined, ...years.map(() => TKR_FORMAT)],
      widths: [6, 50, ...years.map(() => 16), 36],
    },
  ];
}
