/**
 * Tillämpa prioriteringsbeslut: which cells of one area's plan a forum's decision changes. Only the
 * decision's own cells (Utveckling per initiative and year) and the stated sums that cover them; a cell
 * that no longer holds the amount the decision started from is not touched but named, since someone has
 * changed it since and only they can say which figure is right.
 */
import { areaKey } from './frame';
import { locate, type Location } from './location';
import { formatTkr, type Tkr } from './money';
import { developmentColumn, type Plan } from './plan';
import type { DecisionRow } from './prioritizationDecision';
import { locationAddress } from './sheetAddress';
import { suggestNextVersion } from './workflow';

export interface CellChange {
  location: Location;
  initiative: string;
  year: number;
  before: Tkr;
  after: Tkr;
  /** A stated Summa row that follows the change, not a row of the decision itself. */
  isSum: boolean;
}

export interface Application {
  changes: CellChange[];
  /**
   * Decision rows that are not applied, one sentence each (Swedish, English) naming the cell with its sheet,
   * and where that cell is, for a go-to: the decided cell, or the row's cell the decision pointed at.
   */
  skipped: { sv: string; en: string; location: Location }[];
  /** Decision rows already in the plan (applied before). */
  alreadyApplied: number;
  /** The Versionshantering row to add with the changes: Datum, Version, Beskrivning, Ändrat av, Forum, Beslut. */
  versionRow: { date: string; version: string; description: string; decision: 'Utkast' };
}

const sameName = (a: string, b: string) => a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv') === b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

export function planApplication(plan: Plan, rows: readonly DecisionRow[], decision: { forum?: string; date?: string }, today: string): Application {
  const years = plan.info.period.years;
  const mine = rows.filter((r) => areaKey(r.area) === areaKey(plan.info.area));
  const changes: CellChange[] = [];
  const skipped: Application['skipped'] = [];
  let alreadyApplied = 0;
  const delta = new Map<string, Tkr>();
  for (const d of mine) {
    const t = years.indexOf(d.year);
    const row = plan.initiatives.find((r) => r.row === d.row && !r.isStatedSum);
    const column = developmentColumn(d.year);
    if (t < 0 || !row || !sameName(row.name, d.initiative)) {
      // Where the decision pointed: its year's cell when the plan still has that column, else the row's first.
      const location = locate(plan.initiativeTable, d.row, plan.initiativeTable.columns.has(column) ? column : undefined);
      const where = locationAddress(location);
      skipped.push({
        sv: `${d.initiative} ${d.year}: finns inte på rad ${d.row} i Initiativ (${where}); raden har flyttats eller bytt namn sedan beslutet.`,
        en: `${d.initiative} ${d.year}: not on row ${d.row} of Initiativ (${where}); the row has moved or been renamed since the decision.`,
        location,
      });
      continue;
    }
    const location = locate(plan.initiativeTable, row.row, column);
    const now = row.development[t];
    if (now === d.after) {
      alreadyApplied++;
      continue;
    }
    if (now !== d.before) {
      const shown = now === null ? '–' : formatTkr(now);
      const where = locationAddress(location);
      skipped.push({
        sv: `${d.initiative} ${d.year}: cellen ${where} visar ${shown}, beslutet utgick från ${formatTkr(d.before)}; den har ändrats sedan och lämnas orörd.`,
        en: `${d.initiative} ${d.year}: the cell ${where} shows ${shown}, the decision started from ${formatTkr(d.before)}; it has changed since and is left alone.`,
        location,
      });
      continue;
    }
    changes.push({ location, initiative: row.name, year: d.year, before: now, after: d.after, isSum: false });
    delta.set(`${row.row}:${t}`, d.after - now);
  }
  // Each stated sum covers the rows above it back to the previous one; it moves by what they moved.
  let from = 0;
  plan.initiatives.forEach((r, k) => {
    if (!r.isStatedSum) return;
    years.forEach((year, t) => {
      let moved = 0;
      for (const above of plan.initiatives.slice(from, k)) moved += delta.get(`${above.row}:${t}`) ?? 0;
      const stated = r.development[t];
      if (moved === 0 || stated === null) return;
      changes.push({ location: locate(plan.initiativeTable, r.row, developmentColumn(year)), initiative: r.name, year, before: stated, after: stated + moved, isSum: true });
    });
    from = k + 1;
  });
  const forum = decision.forum || 'PF';
  const date = decision.date || today;
  return {
    changes,
    skipped,
    alreadyApplied,
    versionRow: {
      date: today,
      version: suggestNextVersion(plan.versions, { decision: 'Utkast' }).text,
      // The forum decided the cut, not this version: the row is the controller's draft that carries it out.
      description: `Neddragning enligt beslut i ${forumName(forum)} ${date}`,
      decision: 'Utkast',
    },
  };
}

function forumName(forum: string): string {
  return forum === 'PF' ? 'prioriteringsforum' : forum === 'BF' ? 'beslutsforum' : forum === 'TF' ? 'tjänsteforum' : forum;
}
