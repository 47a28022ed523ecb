/** OVER_FRAME, FRAME_MISSING and FRAME_DIFFERS: an area's development cost against its frame, per year. */
import { finding, type Finding } from '../findings';
import { locate, type Location } from '../location';
import { developmentColumn, developmentPerYear, type AreaFrame, type Plan } from '../plan';

/**
 * `frame` is finance's frame for the area when known; otherwise the plan's own Ram table is used. Findings
 * point at the plan's Ram cell for the year, or at the year's Utveckling header when the plan has none.
 */
export function checkFrame(plan: Plan, financeFrame: AreaFrame | null): Finding[] {
  const findings: Finding[] = [];
  const area = plan.info.area;
  const own = plan.frame;
  const frame = financeFrame ?? own;
  const totals = developmentPerYear(plan);
  plan.info.period.years.forEach((year, i) => {
    const ownYear = own?.years.get(year);
    const where: Location =
      own && ownYear ? locate(own.ref, ownYear.row, 'Utveckling') : locate(plan.initiativeTable, 0, developmentColumn(year));
    const limit = frame?.years.get(year)?.development ?? null;
    if (limit === null) {
      findings.push(finding('FRAME_MISSING', { area, year }, { location: where, year, area }));
      return;
    }
    if (financeFrame && ownYear && ownYear.development !== null && ownYear.development !== limit) {
      findings.push(finding('FRAME_DIFFERS', { year, plan: ownYear.development, frame: limit }, { location: where, year, area }));
    }
    const development = totals[i];
    if (development !== null && development > limit) {
      const excess = development - limit;
      findings.push(
        finding('OVER_FRAME', { area, year, development, frame: limit, excess }, { location: where, year, excess, area }),
      );
    }
  });
  return findings;
}
