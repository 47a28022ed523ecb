/**
 * A plan version's own page (`/_library/v/{id}`), what "Öppna i biblioteket" in the pane lands on: the
 * version's columns and download links, what changed since the previous approved version, its findings,
 * and its tables, all rendered from the snapshot beside the file. Any other file gets a short page with its
 * columns and download link (a snapshot's points to its version).
 */
import { pathOf } from '../names';
import { downloadUrl } from '../signedUrls';
import type { Item, State } from '../state';
import { diffSectionBody } from './diffSection';
import { findingsList } from './findingsList';
import { day, decisionLabel, forumName, h, pageHtml, size, type Crumb } from './layout';
import type { Links } from './periodSection';
import { initiativesTable, totalsTable, versionsTable } from './planTables';
import { findingsOf } from './snapshotFindings';
import type { SnapshotRead } from './snapshotRead';
import { folderPath, versionPath } from './urls';

export interface VersionData {
  item: Item;
  snapshotItem?: Item;
  snapshot: SnapshotRead | null;
  /** The previous approved version of the same area and period, and its snapshot. */
  previous?: { item: Item; snapshot: SnapshotRead | null };
  /** For a submitted version: whether it still waits for the forum, or the forum's answer. */
  waiting?: { pending: boolean; answer?: string };
}

function crumbs(state: State, item: Item): Crumb[] {
  const folders: Crumb[] = [];
  for (let p = item.parentId ? state.items[item.parentId] : undefined; p && p.parentId !== null; p = p.parentId ? state.items[p.parentId] : undefined) folders.unshift({ label: p.name, href: folderPath(p.id) });
  return [...folders, { label: item.name }];
}

const link = (l: Links, item: Item, text: string) => `<a href="${h(downloadUrl(l.fileOrigin, l.secret, item.id, l.now))}" download="${h(item.name)}">${h(text)}</a>`;

function facts(l: Links, d: VersionData): string {
  const f = d.item.fields;
  const row = (term: string, value: string) => `<dt>${h(term)}</dt><dd>${value}</dd>`;
  return `<dl class="facts">${[
    row('Tjänsteområde', h(f.Tjansteomrade)),
    row('Planperiod', h(f.Planperiod ?? '')),
    row('Version', h(f.Version)),
    row('Forum', h(forumName(f.Forum))),
    row('Beslut', decisionLabel(f.Beslut, d.waiting)),
    row('Beslutsdatum', h(day(f.Beslutsdatum))),
    row('Arbetsbok', `${link(l, d.item, d.item.name)} (${h(size(d.item.size))})`),
    row('Data', d.snapshotItem ? link(l, d.snapshotItem, d.snapshotItem.name) : '<span class="empty">ingen ögonblicksbild</span>'),
    row('Ändrad', h(day(d.item.modified))),
  ].join('')}</dl>`;
}

const section = (id: string, heading: string, body: string) => `<section aria-labelledby="${id}"><h2 id="${id}">${h(heading)}</h2>\n${body}\n</section>`;

export function versionPage(state: State, l: Links, d: VersionData): string {
  const f = d.item.fields;
  const title = `${f.Tjansteomrade} ${f.Planperiod ?? ''} v${f.Version}`.replace(/\s+/g, ' ');
  const parts = [facts(l, d)];
  const s = d.snapshot;
  if (!s) parts.push('<p class="empty">Ingen ögonblicksbild ligger bredvid filen, så tabellerna kan inte visas här: ladda ned arbetsboken.</p>');
  else if (!s.ok) parts.push(`<p class="empty">Ögonblicksbilden kan inte läsas: ${h(s.reason)}.</p>`);
  else {
    const snap = s.snapshot;
    if (snap.version !== f.Version || snap.area !== f.Tjansteomrade) parts.push(`<p class="pending">Ögonblicksbilden gäller ${h(snap.area)} v${h(snap.version)}, inte den här filens kolumner.</p>`);
    parts.push(
      section('andringar', 'Ändringar sedan förra fastställda versionen', diffSectionBody(snap, d.previous)),
      section('kontroller', 'Kontroller', findingsList(findingsOf(snap))),
      section('tabeller', 'Tabeller', `${totalsTable(snap)}\n${initiativesTable(snap)}`),
      section('versioner', 'Versionshistorik', versionsTable(snap)),
    );
  }
  return pageHtml({ title, heading: title, crumbs: crumbs(state, d.item), body: parts.join('\n') });
}

/** Any other file: its place, columns and download link; a snapshot names the version it belongs to. */
export function filePage(state: State, l: Links, item: Item, version?: Item): string {
  const fields = Object.entries(item.fields).map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('');
  const body = [
    `<dl class="facts"><dt>Mapp</dt><dd>${h(pathOf(state, item).slice(0, -1).join(' / ') || 'Biblioteket')}</dd><dt>Storlek</dt><dd>${h(size(item.size))}</dd><dt>Ändrad</dt><dd>${h(day(item.modified))}</dd>${fields}</dl>`,
    `<p>${link(l, item, `Ladda ned ${item.name}`)}</p>`,
    version ? `<p>Ögonblicksbilden hör till <a href="${h(versionPath(version.id))}">${h(`${version.fields.Tjansteomrade} v${version.fields.Version}`)}</a>.</p>` : '',
  ].join('\n');
  return pageHtml({ title: item.name, heading: item.name, crumbs: crumbs(state, item), body });
}
