/** The forum's basis from the open workbook: the Prioriteringsunderlag table and the frame beside it. */
import { frameForArea } from '../../domain/frame';
import { parsePriority } from '../../domain/prioritizationClass';
import type { PrioritizationInput, PriorityItem } from '../../domain/prioritization';
import type { AreaBasis } from '../../domain/prioritizationWhatIf';
import { readBasis } from '../../workbook/contract/prioritizationTables';
import { readCityFrame } from '../../workbook/contract/readFrame';
import type { RawTable } from '../../workbook/host';

export type PaneBasis = PrioritizationInput & AreaBasis & { items: PriorityItem[] };

/** null when the workbook has no basis table. */
export function basisFromTables(tables: readonly RawTable[]): { basis: PaneBasis; problems: string[] } | null {
  const reading = readBasis(tables);
  if (!reading) return null;
  const { frame } = readCityFrame(tables);
  const areas: string[] = [];
  const sourceOf: number[] = [];
  const items = reading.rows.map((r): PriorityItem => {
    let k = areas.indexOf(r.area);
    if (k < 0) k = areas.push(r.area) - 1;
    sourceOf.push(k);
    return { area: r.area, nr: r.nr, initiative: r.initiative, row: r.row, priority: r.priority ? parsePriority(r.priority) : null, development: r.development };
  });
  const years = reading.years;
  return {
    basis: {
      years,
      frame: years.map((y) => frame.city.get(y)?.development ?? null),
      items,
      areas,
      sourceOf,
      areaFrames: areas.map((a) => years.map((y) => frameForArea(frame, a)?.years.get(y)?.development ?? null)),
    },
    problems: reading.problems,
  };
}
