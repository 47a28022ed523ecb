/**
 * The library page (`/`, `/_library/`): the period folders newest first, a few per page (`?sida=N`), and a
 * folder's own page (`/_library/f/{id}`). A page renders only the folders it shows, so its cost stays
 * bounded however many folders the library holds (issue 15: 2 500 folders took seconds in one piece).
 */
import { SITE_NAME, type Item } from '../state';
import { h, pageHtml } from './layout';
import type { LibraryIndex } from './libraryIndex';
import { periodSection, type Links } from './periodSection';
import { listPath } from './urls';

export const FOLDERS_PER_PAGE = 20;

const LOOSE = 'Biblioteket (utan mapp)';

export function listPage(index: LibraryIndex, links: Links, page: number): string {
  const folders: Item[] = index.periodFolders();
  // Files in the root itself come last, as a section of their own.
  if (index.hasLooseFiles()) folders.push(index.state.items[index.state.rootId]);
  const pages = Math.max(1, Math.ceil(folders.length / FOLDERS_PER_PAGE));
  const at = Math.min(page, pages);
  const shown = folders.slice((at - 1) * FOLDERS_PER_PAGE, at * FOLDERS_PER_PAGE);
  const sections = shown.map((f) => periodSection(links, index.period(f), f.parentId === null ? LOOSE : f.name, 2)).join('\n');
  const body = shown.length ? sections : '<p class="empty">Biblioteket är tomt: inga versioner är publicerade ännu.</p>';
  return pageHtml({
    title: at > 1 ? `Granskning, sida ${at}` : 'Granskning',
    heading: SITE_NAME,
    lead: 'Planversioner per planperiod och forum, de som väntar på beslut först. Öppna en version för dess tabeller, kontroller och ändringar sedan förra fastställda versionen.',
    body,
    after: pages > 1 ? pager(at, pages, folders.length) : '',
  });
}

function pager(at: number, pages: number, folders: number): string {
  const items: string[] = [];
  if (at > 1) items.push(`<li><a href="${h(listPath(at - 1))}" rel="prev">Föregående sida</a></li>`);
  items.push(`<li aria-current="page">Sida ${at} av ${pages} (${folders} mappar)</li>`);
  if (at < pages) items.push(`<li><a href="${h(listPath(at + 1))}" rel="next">Nästa sida</a></li>`);
  return `<nav class="pages" aria-label="Sidor"><ul>${items.join('')}</ul></nav>`;
}

/** `path`: the folder's path below the root (`2025–2027 / Forum`), empty for the root's own files. */
export function folderPage(index: LibraryIndex, links: Links, folder: Item, path: string): string {
  const title = path || LOOSE;
  return pageHtml({ title, heading: title, crumbs: [{ label: title }], body: periodSection(links, index.period(folder), title, null) });
}
