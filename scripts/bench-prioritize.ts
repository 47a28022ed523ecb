/**
 * `node dist/scripts/bench-prioritize.js`: Prioriteringsforum's work at city scale, measured and printed
 * (never asserted). 100 areas × 30 initiatives × 3 years, seeded, with every priority class:
 *   1. the proposal (prioritize) over all 3 000 initiatives;
 *   2. one what-if update as the pane makes it on a toggle: amounts under the choices, the city and every
 *      area against their frames (the React render on top is not in this figure).
 * Ends with one JSON line holding the figures.
 */
import os from 'node:os';
import { prioritize, type PrioritizationInput, type PriorityItem } from '../src/domain/prioritization';
import type { Priority } from '../src/domain/prioritizationClass';
import { amountsWith, areaFigures, cellKey, choicesFromProposal, cutChoice } from '../src/domain/prioritizationWhatIf';
import { rng } from './bench/generate';
import { measureSync, ms, sink } from './bench/stats';
import { fmtMs, textTable } from './bench/table';

const AREAS = 100;
const PER_AREA = 30;
const YEARS = [2022, 2023, 2024];
const PRIORITIES: (Priority | null)[] = ['Måste', 'Bör', 'Bör', 'Kan', null, null];

function basis() {
  const random = rng(13);
  const items: PriorityItem[] = [];
  const sourceOf: number[] = [];
  for (let a = 0; a < AREAS; a++) {
    for (let r = 1; r <= PER_AREA; r++) {
      items.push({
        area: `Område ${String(a + 1).padStart(3, '0')}`,
        nr: String(r),
        initiative: `Initiativ ${r}`,
        row: r,
        priority: PRIORITIES[Math.floor(random() * PRIORITIES.length)],
        development: YEARS.map(() => (random() < 0.2 ? 0 : 100 * Math.floor(random() * 60))),
      });
      sourceOf.push(a);
    }
  }
  const totals = YEARS.map((_, t) => items.reduce((s, it) => s + it.development[t], 0));
  // The first year 15 % over, the later ones with a little room: both deferral and cut are exercised.
  const frame = totals.map((total, t) => Math.round(total * (t === 0 ? 0.85 : 1.05)));
  const input: PrioritizationInput = { years: YEARS, frame, items };
  const areas = Array.from({ length: AREAS }, (_, a) => items[a * PER_AREA].area);
  const areaFrames = areas.map((_, a) => YEARS.map((__, t) => items.slice(a * PER_AREA, (a + 1) * PER_AREA).reduce((s, it) => s + it.development[t], 0)));
  return { ...input, sourceOf, areas, areaFrames };
}

function main() {
  const b = basis();
  const proposal = measureSync(() => prioritize(b), 5, 30);
  const r = prioritize(b);
  const start = choicesFromProposal(b, r);
  let n = 0;
  const whatIf = measureSync(
    () => {
      // A toggle: one more initiative cut in the first year, then everything the pane shows recomputed.
      const choices = new Map(start);
      choices.set(cellKey(n++ % b.items.length, YEARS[0]), cutChoice());
      const amounts = amountsWith(b, choices);
      return areaFigures(b, amounts);
    },
    5,
    200,
  );
  const figures = {
    areas: AREAS,
    initiatives: b.items.length,
    years: YEARS.length,
    proposalSteps: r.proposal.length,
    misses: r.misses.length,
    proposalMs: ms(proposal.median),
    proposalMaxMs: ms(proposal.max),
    whatIfMs: ms(whatIf.median),
    whatIfMaxMs: ms(whatIf.max),
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    load: os.loadavg()[0].toFixed(2),
  };
  process.stdout.write(
    `Prioritering: ${AREAS} områden × ${PER_AREA} initiativ × ${YEARS.length} år (${r.proposal.length} ändringar i förslaget)\n` +
      textTable(
        ['mått', 'median', 'max', 'körningar'],
        [
          ['förslag (prioritize)', fmtMs(proposal.median), fmtMs(proposal.max), String(proposal.runs)],
          ['vad händer om: en ändring, stad och områden', fmtMs(whatIf.median), fmtMs(whatIf.max), String(whatIf.runs)],
        ],
        ['left', 'right', 'right', 'right'],
      ) +
      '\n' +
      JSON.stringify(figures) +
      '\n',
  );
  void sink;
}

main();
