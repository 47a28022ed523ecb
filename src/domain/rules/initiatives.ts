/** Row rules of the Initiativ table: NAME_MISSING, DUPLICATE_NR, NEGATIVE_DEVELOPMENT. */
import { finding, type Finding } from '../findings';
import { locate } from '../location';
import { developmentColumn, type Plan } from '../plan';

export function checkInitiatives(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const years = plan.info.period.years;
  const ref = plan.initiativeTable;
  const firstRowOfNr = new Map<string, number>();
  for (const r of plan.initiatives) {
    if (r.name === '' && (hasAmount(r.development) || hasAmount(r.maintenance) || r.nr !== '')) {
      findings.push(finding('NAME_MISSING', {}, { location: locate(ref, r.row, 'Initiativ') }));
    }
    if (r.nr !== '') {
      const first = firstRowOfNr.get(r.nr);
      if (first === undefined) firstRowOfNr.set(r.nr, r.row);
      else findings.push(finding('DUPLICATE_NR', { nr: r.nr, firstRow: first }, { location: locate(ref, r.row, 'Nr') }));
    }
    if (r.isStatedSum) continue;
    for (let i = 0; i < years.length; i++) {
      const amount = r.development[i];
      if (amount !== null && amount < 0) {
        const column = developmentColumn(years[i]);
        findings.push(
          finding('NEGATIVE_DEVELOPMENT', { amount, year: years[i] }, { location: locate(ref, r.row, column), year: years[i] }),
        );
      }
    }
  }
  return findings;
}

function hasAmount(amounts: readonly (number | null)[]): boolean {
  return amounts.some((a) => a !== 0);
}
