/**
 * The prioritisation basis (docs/domain.md §3, issue 13): a proposal of deferrals and cuts that brings the city's
 * development within its frame in each year.
 *
 * The rules, in the order they apply to a year that is over its frame:
 * - `Måste` is never touched; an empty priority counts as `Bör` (prioritizationClass.ts).
 * - `Kan` is used up before any `Bör` is touched: the class decides first.
 * - Within a class, deferral before cut: an amount moves to a later year of the period only as far as that
 *   year's frame has room, so a deferral never makes another year miss. A year without a frame has no known
 *   room and receives nothing. What deferral cannot absorb is cut (the whole year's amount) or reduced (part).
 *   Moving an amount out of the period is a cut from this period's point of view, and is shown as one.
 * - Within a class and a step, the fewest initiatives: the largest amounts go first, so the count is the
 *   least that can cover the excess, and only the last one is reduced, by exactly what remains. Ties of size
 *   go by area and row, so the same plans always give the same proposal.
 * - Years are handled from the first, so what is deferred into a later year is known when that year comes.
 * Where all of a year's remaining excess is `Måste`, the proposal says by how much that year still misses.
 */
import type { Tkr } from './money';
import { formatTkr } from './money';
import { effectivePriority, type Priority } from './prioritizationClass';

export interface PriorityItem {
  area: string;
  nr: string;
  initiative: string;
  /** 1-based row in the area's Initiativ table: where a decision is carried back to. */
  row: number;
  priority: Priority | null;
  /** Development per year, indexed like the input's years; an empty cell is 0. */
  development: readonly Tkr[];
}

export interface PrioritizationInput {
  years: readonly number[];
  /** The city's development frame per year, indexed like `years`; null where finance has not set one. */
  frame: readonly (Tkr | null)[];
  items: readonly PriorityItem[];
}

export type ProposalAction = 'cut' | 'defer' | 'reduce';

export interface ProposalStep {
  /** Index into the input's items. */
  item: number;
  area: string;
  nr: string;
  initiative: string;
  year: number;
  /** The initiative's amount in `year` before and after this step. */
  from: Tkr;
  to: Tkr;
  action: ProposalAction;
  /** For a deferral: the year that receives `from − to`. */
  toYear?: number;
  reason: string;
  reasonEn: string;
}

export interface YearFigures {
  year: number;
  development: Tkr;
  frame: Tkr | null;
  /** Over the frame (positive) or under it (negative); null without a frame. */
  excess: Tkr | null;
}

export interface Prioritization {
  before: YearFigures[];
  proposal: ProposalStep[];
  after: YearFigures[];
  /** Years still over the frame after the proposal, and by how much: what is left there is all `Måste`. */
  misses: { year: number; amount: Tkr }[];
  /** Each item's amounts per year after the proposal. */
  amounts: Tkr[][];
}

type Class = Exclude<Priority, 'Måste'>;
const CLASSES: readonly Class[] = ['Kan', 'Bör'];

export function prioritize(input: PrioritizationInput): Prioritization {
  const { years, frame, items } = input;
  const amounts = items.map((it) => years.map((_, t) => it.development[t] ?? 0));
  const before = cityFigures(input, amounts);
  const dev = before.map((y) => y.development);
  const proposal: ProposalStep[] = [];
  const misses: { year: number; amount: Tkr }[] = [];
  const classOf = items.map((it) => effectivePriority(it.priority));

  const step = (i: number, t: number, from: Tkr, to: Tkr, action: ProposalAction, reason: [string, string], toYear?: number) => {
    const it = items[i];
    proposal.push({
      item: i,
      area: it.area,
      nr: it.nr,
      initiative: it.initiative,
      year: years[t],
      from,
      to,
      action,
      ...(toYear === undefined ? {} : { toYear }),
      reason: reason[0],
      reasonEn: reason[1],
    });
  };

  for (let t = 0; t < years.length; t++) {
    const f = frame[t];
    if (f === null || f === undefined) continue;
    let excess = dev[t] - f;
    for (const cls of CLASSES) {
      if (excess <= 0) break;
      const candidates = () =>
        items.map((_, i) => ({ i, amount: amounts[i][t] })).filter((c) => classOf[c.i] === cls && c.amount > 0);

      const room = () => later(t, years.length).reduce((s, u) => s + roomIn(u), 0);
      const roomIn = (u: number) => {
        const fu = frame[u];
        return fu === null || fu === undefined ? 0 : Math.max(0, fu - dev[u]);
      };
      const deferrable = Math.min(excess, room(), total(candidates()));
      for (const { i, take } of fewest(candidates(), deferrable, items)) {
        let left = take;
        for (const u of later(t, years.length)) {
          const m = Math.min(left, roomIn(u));
          if (m <= 0) continue;
          const from = amounts[i][t];
          amounts[i][t] -= m;
          amounts[i][u] += m;
          dev[t] -= m;
          dev[u] += m;
          left -= m;
          step(i, t, from, amounts[i][t], 'defer', deferReason(cls, years[t], years[u], m), years[u]);
          if (left === 0) break;
        }
      }
      excess -= deferrable;

      const cuttable = Math.min(excess, total(candidates()));
      for (const { i, take } of fewest(candidates(), cuttable, items)) {
        const from = amounts[i][t];
        amounts[i][t] -= take;
        dev[t] -= take;
        const to = amounts[i][t];
        step(i, t, from, to, to === 0 ? 'cut' : 'reduce', cutReason(cls, years[t], take, to === 0), undefined);
      }
      excess -= cuttable;
    }
    if (excess > 0) misses.push({ year: years[t], amount: excess });
  }
  return { before, proposal, after: cityFigures(input, amounts), misses, amounts };
}

/** The city's development per year for the given amounts, against the frame. */
export function cityFigures(input: PrioritizationInput, amounts: readonly (readonly Tkr[])[]): YearFigures[] {
  return input.years.map((year, t) => {
    let development = 0;
    for (const a of amounts) development += a[t];
    if (!Number.isSafeInteger(development)) throw new RangeError('Summan är för stor för att räknas exakt');
    const f = input.frame[t] ?? null;
    return { year, development, frame: f, excess: f === null ? null : development - f };
  });
}

function later(t: number, count: number): number[] {
  return Array.from({ length: count - t - 1 }, (_, k) => t + 1 + k);
}

function total(cs: readonly { amount: Tkr }[]): Tkr {
  return cs.reduce((s, c) => s + c.amount, 0);
}

/**
 * The fewest candidates that cover `need`: the largest first (ties by area, then row), each taken whole
 * except the last, which gives only what remains. Taking the k largest is the least k that can cover.
 */
export function fewest(
  candidates: readonly { i: number; amount: Tkr }[],
  need: Tkr,
  items: readonly Pick<PriorityItem, 'area' | 'row'>[],
): { i: number; take: Tkr }[] {
  if (need <= 0) return [];
  const sorted = [...candidates].sort((a, b) => b.amount - a.amount || byPlace(items[a.i], items[b.i]) || a.i - b.i);
  const chosen: { i: number; take: Tkr }[] = [];
  let left = need;
  for (const c of sorted) {
    if (left <= 0) break;
    const take = Math.min(left, c.amount);
    chosen.push({ i: c.i, take });
    left -= take;
  }
  return chosen;
}

/** Code-point order, not locale order: the proposal must not depend on the machine's ICU data. */
function byPlace(a: Pick<PriorityItem, 'area' | 'row'>, b: Pick<PriorityItem, 'area' | 'row'>): number {
  return a.area < b.area ? -1 : a.area > b.area ? 1 : a.row - b.row;
}

function deferReason(cls: Class, year: number, toYear: number, amount: Tkr): [string, string] {
  return [
    `Prioritet ${cls}: ${formatTkr(amount)} skjuts från ${year} till ${toYear}, där stadens ram har utrymme.`,
    `Priority ${cls}: ${formatTkr(amount)} deferred from ${year} to ${toYear}, where the city's frame has room.`,
  ];
}

function cutReason(cls: Class, year: number, amount: Tkr, whole: boolean): [string, string] {
  const noRoom = 'inget senare år i perioden har utrymme';
  const noRoomEn = 'no later year of the period has room';
  return whole
    ? [
        `Prioritet ${cls}: stryks ${year} (${formatTkr(amount)}); ${noRoom}.`,
        `Priority ${cls}: cut in ${year} (${formatTkr(amount)}); ${noRoomEn}.`,
      ]
    : [
        `Prioritet ${cls}: minskas ${year} med ${formatTkr(amount)}, det som återstår av stadens överskridande; ${noRoom}.`,
        `Priority ${cls}: reduced in ${year} by ${formatTkr(amount)}, what remains of the city's excess; ${noRoomEn}.`,
      ];
}
