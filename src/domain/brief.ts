/**
 * The frame-gap brief (ramavvikelse): per year, each area's gap to its frame, the city's gap, and the
 * initiatives that make up most of it — what a forum needs to decide what to cut or move.
 */
import type { Consolidation } from './consolidation';
import type { Language } from './findings';
import { formatMkr, formatTkr, type Tkr } from './money';

export interface GapContributor {
  area: string;
  nr: string;
  name: string;
  development: Tkr;
  /** The initiative's development as a share of the gap (0.25 = a quarter of it). */
  share: number;
}

export interface AreaGap {
  area: string;
  development: Tkr | null;
  frame: Tkr | null;
  /** Over the frame when positive, left within it when negative; null when unknown. */
  gap: Tkr | null;
  contributors: GapContributor[];
}

export interface YearBrief {
  year: number;
  city: { development: Tkr | null; frame: Tkr | null; gap: Tkr | null };
  /** Largest gap first. */
  areas: AreaGap[];
  /** The initiatives, city-wide, that together make up the city's gap (largest first). */
  contributors: GapContributor[];
}

/** At most this many initiatives per gap: a brief, not a listing. */
export const MAX_CONTRIBUTORS = 10;

export function frameGapBrief(c: Consolidation): YearBrief[] {
  return c.years.map((year) => {
    const all: Omit<GapContributor, 'share'>[] = [];
    const areas: AreaGap[] = c.areas.map((a, i) => {
      const y = a.years[year];
      const figures = c.figures[i];
      const index = figures.years.indexOf(year);
      const own = index < 0 ? [] : figures.initiatives.flatMap((r) => {
        const d = r.development[index];
        return d !== null && d > 0 ? [{ area: a.area, nr: r.nr, name: r.name, development: d }] : [];
      });
      all.push(...own);
      const gap = y?.excess ?? null;
      return { area: a.area, development: y?.development ?? null, frame: y?.frame ?? null, gap, contributors: largest(own, gap) };
    });
    areas.sort((a, b) => (b.gap ?? -Infinity) - (a.gap ?? -Infinity));
    const city = c.city[year] ?? { development: null, frame: null, excess: null };
    return {
      year,
      city: { development: city.development, frame: city.frame, gap: city.excess },
      areas,
      contributors: largest(all, city.excess),
    };
  });
}

/** The largest initiatives until together they cover the gap; none when there is no gap. */
function largest(items: Omit<GapContributor, 'share'>[], gap: Tkr | null): GapContributor[] {
  if (gap === null || gap <= 0) return [];
  const sorted = [...items].sort((a, b) => b.development - a.development);
  const out: GapContributor[] = [];
  let covered = 0;
  for (const item of sorted) {
    if (covered >= gap || out.length >= MAX_CONTRIBUTORS) break;
    out.push({ ...item, share: item.development / gap });
    covered += item.development;
  }
  return out;
}

/** `22,3 mkr (22 342 tkr)`: how finance says a gap aloud and writes it exactly. */
export function formatGap(tkr: Tkr): string {
  return `${formatMkr(tkr)} (${formatTkr(tkr)})`;
}

/**
 * One sentence per year, for the CLI, the workbook's Ramavvikelse sheet and the task pane: Swedish by
 * default, English beside it (`lang` 'en') as findings have both.
 */
export function briefSentence(y: YearBrief, lang: Language = 'sv'): string {
  const { development, frame, gap } = y.city;
  const en = lang === 'en';
  if (development === null) {
    return en
      ? `${y.year}: the development cost cannot be summed (a plan has unreadable amounts).`
      : `${y.year}: utvecklingskostnaden kan inte summeras (en plan har oläsliga belopp).`;
  }
  if (frame === null || gap === null) {
    return en ? `${y.year}: development ${formatTkr(development)}; the city's frame is missing.` : `${y.year}: utveckling ${formatTkr(development)}; stadens ram saknas.`;
  }
  if (gap <= 0) {
    return en
      ? `${y.year}: development ${formatTkr(development)} fits within the city's frame of ${formatTkr(frame)} (${formatGap(-gap)} left).`
      : `${y.year}: utveckling ${formatTkr(development)} ryms i stadens ram ${formatTkr(frame)} (${formatGap(-gap)} kvar).`;
  }
  const top = y.contributors.slice(0, 3).map((c) => `${c.name} (${c.area}, ${formatTkr(c.development)})`);
  return en
    ? `${y.year}: development ${formatTkr(development)} is ${formatGap(gap)} over the city's frame of ${formatTkr(frame)}. Largest: ${top.join('; ')}.`
    : `${y.year}: utveckling ${formatTkr(development)} är ${formatGap(gap)} över stadens ram ${formatTkr(frame)}. Störst: ${top.join('; ')}.`;
}
