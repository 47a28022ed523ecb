/**
 * The city against the frame as the Sammanställning, consolidate --frame and the pack's Ram sheet all show
 * it: one list of findings, errors first, the frame workbook's before the consolidation's within each.
 */
import { cityAgainstFrame } from '../../src/domain/cityAgainstFrame';
import { figuresOfPlan } from '../../src/domain/consolidation';
import { finding } from '../../src/domain/findings';
import { cityFrame, initiative, makePlan } from './planBuilder';

const it_ = makePlan({ area: 'IT', initiatives: [initiative(1, 'Moln', [2000, 500, 0])] });
const hr = makePlan({ area: 'HR', initiatives: [initiative(1, 'Lönesystem', [100, 0, 0])] });
const frame = cityFrame({ IT: { 2022: 1500, 2023: 1000, 2024: 1000 } }, { 2022: 2000, 2023: 2000, 2024: 2000 });

it('gives the consolidation, its brief and one list of findings: errors first, the frame workbook’s before the consolidation’s', () => {
  const frameWarning = finding('TABLE_MISSING', { table: 'Stadsram', sheet: 'Budgetram' }, { severity: 'warning' });
  const frameError = finding('TABLE_MISSING', { table: 'Budgetram', sheet: 'Budgetram' }, { severity: 'error' });
  const city = cityAgainstFrame(
    [
      { figures: figuresOfPlan(it_), file: 'it.xlsx' },
      { figures: figuresOfPlan(hr), file: 'hr.xlsx' },
    ],
    frame,
    [frameWarning, frameError],
  );
  expect(city.consolidation.areas.map((a) => a.area)).toEqual(['IT', 'HR']);
  expect(city.brief.find((b) => b.year === 2022)?.city).toEqual({ development: 2100, frame: 2000, gap: 100 });
  expect(city.findings[0]).toBe(frameError);
  expect(city.findings[1]).toBe(frameWarning);
  expect(city.findings.slice(2).map((f) => [f.severity, f.code, f.area, f.year])).toEqual([
    ['warning', 'OVER_FRAME', 'IT', 2022],
    ['warning', 'FRAME_MISSING', 'HR', 2022],
    ['warning', 'FRAME_MISSING', 'HR', 2023],
    ['warning', 'FRAME_MISSING', 'HR', 2024],
    ['warning', 'CITY_OVER_FRAME', undefined, 2022],
  ]);
});
