/**
 * A plan version's tables as its snapshot holds them (snapshot.ts): the totals per year against the frame,
 * the initiatives with their amounts per year (stated `Summa…` rows kept where they stand), the maintenance
 * impact where the plan states one, and the version history. Amounts are whole tkr with Swedish grouping.
 */
import type { PlanSnapshot } from '../../../domain/snapshot';
import { decisionCell, h, scrollTable, tkr } from './layout';

const num = (v: number | null | undefined) => `<td class="num">${h(tkr(v))}</td>`;
const col = (label: string, numeric = false) => `<th scope="col"${numeric ? ' class="num"' : ''}>${h(label)}</th>`;

/** Whether the plan states a maintenance impact at all (some plans leave every such cell empty or 0). */
export const statesMaintenance = (s: PlanSnapshot): boolean => s.initiatives.some((r) => r.maintenance.some((m) => m !== null && m !== 0));

export function totalsTable(s: PlanSnapshot): string {
  const frame = new Map((s.frame ?? []).map((f) => [f.year, f]));
  const maintenance = statesMaintenance(s);
  const operations = [...frame.values()].some((f) => f.operations !== null);
  const head = `<tr>${col('År')}${col('Utveckling', true)}${col('Ram utveckling', true)}${col('Kvar inom ramen', true)}${maintenance ? col('Påverkan vidmakthålla', true) : ''}${operations ? col('Ram förvaltning', true) : ''}</tr>`;
  const rows = s.years.map((y) => {
    const t = s.totals[String(y)];
    const limit = frame.get(y)?.development ?? t?.frame ?? null;
    const left = limit !== null && t?.development !== null && t?.development !== undefined ? limit - t.development : null;
    const leftCell = left === null ? num(null) : `<td class="num${left < 0 ? ' up' : ''}">${h(tkr(left))}${left < 0 ? ' (över ramen)' : ''}</td>`;
    return `<tr><th scope="row">${y}</th>${num(t?.development)}${num(limit)}${leftCell}${maintenance ? num(t?.maintenance) : ''}${operations ? num(frame.get(y)?.operations) : ''}</tr>`;
  });
  return scrollTable('Summor per år', `<table><caption>Summor per år (tkr)</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`);
}

export function initiativesTable(s: PlanSnapshot): string {
  const maintenance = statesMaintenance(s);
  const head = `<tr>${col('Nr')}${col('Initiativ')}${s.years.map((y) => col(`Utveckling ${y}`, true)).join('')}${maintenance ? s.years.map((y) => col(`Vidmakthålla ${y}`, true)).join('') : ''}${col('Kommentar')}</tr>`;
  const rows = s.initiatives.map((r) => {
    const amounts = [...s.years.map((_, i) => num(r.development[i])), ...(maintenance ? s.years.map((_, i) => num(r.maintenance[i])) : [])].join('');
    return `<tr${r.isStatedSum ? ' class="sum"' : ''}><td>${h(r.nr)}</td><th scope="row">${h(r.name)}</th>${amounts}<td>${h(r.comment)}</td></tr>`;
  });
  const foot = `<tr><td></td><th scope="row">Summa (beräknad, utan summarader)</th>${s.years.map((y) => num(s.totals[String(y)]?.development)).join('')}${maintenance ? s.years.map((y) => num(s.totals[String(y)]?.maintenance)).join('') : ''}<td></td></tr>`;
  const body = rows.length ? rows.join('\n') : `<tr><td colspan="${3 + s.years.length * (maintenance ? 2 : 1)}" class="empty">Inga initiativ.</td></tr>`;
  return scrollTable('Initiativ', `<table><caption>Initiativ (tkr)</caption><thead>${head}</thead><tbody>\n${body}\n</tbody><tfoot>${foot}</tfoot></table>`);
}

export function versionsTable(s: PlanSnapshot): string {
  if (s.versions.length === 0) return '<p class="empty">Ögonblicksbilden har ingen versionshistorik.</p>';
  const head = `<tr>${col('Datum')}${col('Version')}${col('Beskrivning')}${col('Ändrat av')}${col('Forum')}${col('Beslut')}</tr>`;
  const rows = s.versions.map(
    (v) => `<tr><td>${h(v.date ?? v.dateShown)}</td><td>${h(v.labelShown)}</td><td>${h(v.description)}</td><td>${h(v.changedBy)}</td><td>${h(v.forum ?? v.forumShown ?? '')}</td>${decisionCell(v.decision ?? v.decisionShown ?? '')}</tr>`,
  );
  return scrollTable('Versionshistorik', `<table><caption>Versionshantering</caption><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`);
}
