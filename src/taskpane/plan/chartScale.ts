/**
 * The frame chart's value axis: ticks at steps a reader can add up in their head (1, 2, 2,5 or 5 times a
 * power of ten: 0, 50 000, 100 000, 150 000, never 1 425, 2 850, 4 275), and room on the left for the
 * longest tick label, so "121 600" is never cut to "21 600".
 */
import { formatNumber } from '../../domain/money';

export interface Scale {
  /** The axis' top, a whole number of steps at or above the largest value. */
  top: number;
  step: number;
  /** Intervals between 0 and top. */
  intervals: number;
  /** The tick labels, bottom to top, as the axis prints them. */
  labels: string[];
  /** The chart's left margin in px: the widest label and the tick's own padding. */
  leftMargin: number;
}

const MULTIPLES = [1, 2, 2.5, 5, 10];
/** Wider than any digit of the charts' 12 px axis font, so an estimate from the text never clips. */
const DIGIT_PX = 8;
const TICK_PADDING_PX = 20;

/** A scale from 0 for values whose largest is `max` (> 0): three to five intervals. */
export function scaleFor(max: number): Scale {
  const rough = max / 4;
  // Amounts are whole tkr: a step below 1 would print the same label twice.
  const power = Math.max(1, 10 ** Math.floor(Math.log10(rough)));
  const step = MULTIPLES.map((m) => m * power).find((s) => s >= rough && Number.isInteger(s)) ?? 10 * power;
  const intervals = Math.max(1, Math.ceil(max / step));
  const top = intervals * step;
  const labels = Array.from({ length: intervals + 1 }, (_, i) => formatNumber(i * step));
  const widest = Math.max(...labels.map((l) => l.length));
  return { top, step, intervals, labels, leftMargin: widest * DIGIT_PX + TICK_PADDING_PX };
}
