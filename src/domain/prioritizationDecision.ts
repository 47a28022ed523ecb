/**
 * A forum's prioritisation decision, cell by cell: for each initiative and year whose development amount
 * changes, the amount before and after, what was done and why. It is what the Prioriteringsbeslut workbook
 * records and what each area's controller applies to their plan.
 */
import { formatTkr, type Tkr } from './money';
import type { PrioritizationInput, ProposalStep } from './prioritization';

export type DecisionAction = 'cut' | 'reduce' | 'defer' | 'receive';

export interface DecisionRow {
  area: string;
  nr: string;
  initiative: string;
  /** 1-based row in the area's Initiativ table. */
  row: number;
  year: number;
  before: Tkr;
  after: Tkr;
  action: DecisionAction;
  reason: string;
}

/**
 * The rows where `after` differs from the plans. A decrease is a deferral when the same initiative gains
 * in a later year, else a cut (to 0) or a reduction; the gain itself is `receive`. The proposal's reasons
 * are kept where it made the change; a change the forum made by hand says so.
 */
export function decisionRows(
  input: PrioritizationInput,
  after: readonly (readonly Tkr[])[],
  proposal: readonly ProposalStep[] = [],
  lang: 'sv' | 'en' = 'sv',
): DecisionRow[] {
  const rows: DecisionRow[] = [];
  input.items.forEach((it, i) => {
    input.years.forEach((year, t) => {
      const before = it.development[t] ?? 0;
      const now = after[i][t];
      if (now === before) return;
      const gainsLater = input.years.some((_, u) => u > t && after[i][u] > (it.development[u] ?? 0));
      const action: DecisionAction = now > before ? 'receive' : gainsLater ? 'defer' : now === 0 ? 'cut' : 'reduce';
      const fromProposal = proposal.filter((s) => s.item === i && s.year === year).map((s) => (lang === 'en' ? s.reasonEn : s.reason));
      const reason =
        action === 'receive'
          ? lang === 'en'
            ? `Receives ${formatTkr(now - before)} deferred from an earlier year.`
            : `Tar emot ${formatTkr(now - before)} som skjutits upp från ett tidigare år.`
          : fromProposal.length > 0
            ? fromProposal.join(' ')
            : lang === 'en'
              ? 'Changed by the forum.'
              : 'Ändrat av forumet.';
      rows.push({ area: it.area, nr: it.nr, initiative: it.initiative, row: it.row, year, before, after: now, action, reason });
    });
  });
  return rows;
}

export const ACTION_WORDS: Record<DecisionAction, { sv: string; en: string }> = {
  cut: { sv: 'Stryks', en: 'Cut' },
  reduce: { sv: 'Minskas', en: 'Reduced' },
  defer: { sv: 'Skjuts upp', en: 'Deferred' },
  receive: { sv: 'Tar emot', en: 'Receives' },
};

export function parseDecisionAction(text: string): DecisionAction | null {
  const key = text.trim().toLocaleLowerCase('sv');
  for (const [action, words] of Object.entries(ACTION_WORDS) as [DecisionAction, { sv: string; en: string }][]) {
    if (key === words.sv.toLocaleLowerCase('sv') || key === words.en.toLocaleLowerCase('sv') || key === action) return action;
  }
  return null;
}
