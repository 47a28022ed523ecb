/**
 * The library page (`/`, `/_library/`): the period folders newest first, a few per page (`?sida=N`), and a
 * folder's own page (`/_library/f/{id}`, `?sida=N` for its next rows). A page renders only the folders it
 * shows and at most a row budget of their versions, so its cost stays bounded however many folders the
 * library holds and however many versions a period holds (issue 15: 2 500 folders took seconds in one piece,
 * and 1 000 versions in a period 2,6 MB and ~200 ms of a GET).
 */
import { SITE_NAME, type Item } from '../state';
import { h, pageHtml } from './layout';
import type { LibraryIndex } from './libraryIndex';
import { periodSection, type Links } from './periodSection';
import { folderPath, listPath } from './urls';

export const FOLDERS_PER_PAGE = 20;
/** Version and document rows a page renders: the library page shares them among its periods, a period's page shows this many. */
export const ROWS_PER_PAGE = 200;
/** Rows a period on the library page may show however many the periods before it took (its pending first). */
export const MIN_ROWS_PER_PERIOD = 10;

const LOOSE = 'Biblioteket (utan mapp)';

export function listPage(index: LibraryIndex, links: Links, page: number): string {
  const folders: Item[] = index.periodFolders();
  // Files in the root itself come last, as a section of their own.
  if (index.hasLooseFiles()) folders.push(index.state.items[index.state.rootId]);
  const pages = Math.max(1, Math.ceil(folders.length / FOLDERS_PER_PAGE));
  const at = Math.min(page, pages);
  const shown = folders.slice((at - 1) * FOLDERS_PER_PAGE, at * FOLDERS_PER_PAGE);
  // A page renders at most ROWS_PER_PAGE + (FOLDERS_PER_PAGE − 1) × MIN_ROWS_PER_PERIOD rows.
  let left = ROWS_PER_PAGE;
  const sections = shown.map((f) => {
    const s = periodSection(links, index.period(f), f.parentId === null ? LOOSE : f.name, 2, { kind: 'summary', allowance: Math.max(left, MIN_ROWS_PER_PERIOD) });
    left -= s.rows;
    return s.html;
  });
  const body = shown.length ? sections.join('\n') : '<p class="empty">Biblioteket är tomt: inga versioner är publicerade ännu.</p>';
  return pageHtml({
    title: at > 1 ? `Granskning, sida ${at}` : 'Granskning',
    heading: SITE_NAME,
    lead: 'Planversioner per planperiod och forum, de som väntar på beslut först. Öppna en version för dess tabeller, kontroller och ändringar sedan förra fastställda versionen.',
    body,
    after: pages > 1 ? pager(at, pages, `${folders.length} mappar`, listPath) : '',
  });
}

function pager(at: number, pages: number, what: string, path: (page: number) => string): string {
  const items: string[] = [];
  if (at > 1) items.push(`<li><a href="${h(path(at - 1))}" rel="prev">Föregående sida</a></li>`);
  items.push(`<li aria-current="page">Sida ${at} av ${pages} (${h(what)})</li>`);
  if (at < pages) items.push(`<li><a href="${h(path(at + 1))}" rel="next">Nästa sida</a></li>`);
  return `<nav class="pages" aria-label="Sidor"><ul>${items.join('')}</ul></nav>`;
}

/** `path`: the folder's path below the root (`2025–2027 / Forum`), empty for the root's own files. Paged by rows. */
export function folderPage(index: LibraryIndex, links: Links, folder: Item, path: string, page: number): string {
  const title = path || LOOSE;
  const view = index.period(folder);
  const rows = view.versions.length + view.documents.length;
  const pages = Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));
  const at = Math.min(page, pages);
  const section = periodSection(links, view, title, null, { kind: 'slice', start: (at - 1) * ROWS_PER_PAGE, count: ROWS_PER_PAGE });
  return pageHtml({
    title: at > 1 ? `${title}, sida ${at}` : title,
    heading: title,
    crumbs: [{ label: title }],
    body: section.html,
    after: pages > 1 ? pager(at, pages, `${rows} rader`, (n) => folderPath(folder.id, n)) : '',
  });
}
