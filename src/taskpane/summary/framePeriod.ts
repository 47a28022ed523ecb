/** The period a frame covers (its first to its last year): what Sammanställning reads when no period is written. */
import type { CityFrame } from '../../domain/frame';
import { formatPeriod, periodOf } from '../../domain/period';

export function framePeriod(frame: CityFrame): string | null {
  const years = [...frame.areas.values()].flatMap((a) => [...a.years.keys()]).concat([...frame.city.keys()]);
  return years.length ? formatPeriod(periodOf(Math.min(...years), Math.max(...years))) : null;
}
