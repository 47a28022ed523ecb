/**
 * What changed since the previous approved version of the same area and period: the domain's diff (diff.ts,
 * the one the pane's Granskning view shows) between the two snapshots, as one table row per change —
 * initiatives added, removed or renamed, amounts per year with their delta, and the frame.
 */
import { diffPlans, versionOfSnapshot, type InitiativeChange } from '../../../domain/diff';
import { formatDelta, type Tkr } from '../../../domain/money';
import type { PlanSnapshot } from '../../../domain/snapshot';
import type { Item } from '../state';
import { day, h, scrollTable, tkr } from './layout';
import { versionPath } from './urls';
import type { SnapshotRead } from './snapshotRead';

const sum = (xs: readonly (Tkr | null)[]) => xs.reduce<number>((s, v) => s + (v ?? 0), 0);
const label = (nr: string, name: string) => (nr ? `${nr} ${name}` : name);
const delta = (d: Tkr | null) => (d === null ? '<td class="num">–</td>' : `<td class="num ${d > 0 ? 'up' : d < 0 ? 'down' : ''}">${h(formatDelta(d))}</td>`);

function rows(c: InitiativeChange): string[] {
  const who = `<th scope="row">${h(label(c.nr, c.name))}</th>`;
  if (c.kind === 'added') return [`<tr>${who}<td>Tillagt</td><td>Utveckling under perioden</td><td class="num">–</td><td class="num">${h(tkr(sum(c.development)))}</td>${delta(sum(c.development))}</tr>`];
  if (c.kind === 'removed') return [`<tr>${who}<td>Borttaget</td><td>Utveckling under perioden</td><td class="num">${h(tkr(sum(c.development)))}</td><td class="num">–</td>${delta(-sum(c.development))}</tr>`];
  const out: string[] = [];
  if (c.renamedFrom !== undefined) out.push(`<tr>${who}<td>Nytt namn</td><td>Initiativ</td><td>${h(c.renamedFrom)}</td><td>${h(c.name)}</td><td class="num">–</td></tr>`);
  for (const a of c.amounts) out.push(`<tr>${who}<td>Ändrat</td><td>${h(a.column)}</td><td class="num">${h(tkr(a.before))}</td><td class="num">${h(tkr(a.after))}</td>${delta(a.delta)}</tr>`);
  return out;
}

/** The diff from `before` (the previous approved version) to `after` (this one), or that nothing changed. */
export function diffTable(before: PlanSnapshot, after: PlanSnapshot): string {
  const diff = diffPlans(versionOfSnapshot(before), versionOfSnapshot(after));
  const lines = diff.initiatives.flatMap(rows);
  for (const f of diff.frame) {
    const d = f.before !== null && f.after !== null ? f.after - f.before : null;
    lines.push(`<tr><th scope="row">Ram</th><td>Ändrad</td><td>Utveckling ${f.year}</td><td class="num">${h(tkr(f.before))}</td><td class="num">${h(tkr(f.after))}</td>${delta(d)}</tr>`);
  }
  if (lines.length === 0) return '<p>Inga ändringar i initiativen eller ramen.</p>';
  const head = '<tr><th scope="col">Initiativ</th><th scope="col">Ändring</th><th scope="col">Kolumn</th><th scope="col" class="num">Före</th><th scope="col" class="num">Efter</th><th scope="col" class="num">Skillnad</th></tr>';
  const count = `<p>${lines.length} ${lines.length === 1 ? 'ändring' : 'ändringar'}.</p>`;
  return count + scrollTable('Ändringar', `<table><caption>Ändringar (tkr)</caption><thead>${head}</thead><tbody>\n${lines.join('\n')}\n</tbody></table>`);
}

/** The section's body: which version this is compared with, and the diff (or why there is none). */
export function diffSectionBody(after: PlanSnapshot, previous: { item: Item; snapshot: SnapshotRead | null } | undefined): string {
  if (!previous) return '<p>Ingen tidigare fastställd version av området och perioden ligger i biblioteket.</p>';
  const f = previous.item.fields;
  const intro = `<p>Jämfört med <a href="${h(versionPath(previous.item.id))}">v${h(f.Version)}</a>, fastställd ${h(day(f.Beslutsdatum))}${f.Forum ? ` i ${h(f.Forum)}` : ''}.</p>`;
  const s = previous.snapshot;
  if (!s) return `${intro}<p class="empty">Den versionen har ingen ögonblicksbild att jämföra med.</p>`;
  if (!s.ok) return `${intro}<p class="empty">Den versionens ögonblicksbild kan inte läsas: ${h(s.reason)}.</p>`;
  return intro + diffTable(s.snapshot, after);
}
