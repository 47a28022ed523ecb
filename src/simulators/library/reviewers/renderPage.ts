/**
 * The reviewers' pages behind one call: the route (urls.ts) → the data (the store's children index, and for
 * a version its snapshot and the previous approved one's, read asynchronously) → the page. Nothing here
 * walks the whole library, so a request costs milliseconds with thousands of
 * folders and the library's other requests are not held up (issue 15).
 */
import { compareVersions, parseVersionLabel } from '../../../domain/versions';
import { nameKey, pathOf } from '../names';
import type { Item } from '../state';
import type { Store } from '../store';
import { pageHtml, waitingOf } from './layout';
import { isPending, isPlanVersion, LibraryIndex } from './libraryIndex';
import { folderPage, listPage } from './listPage';
import type { Links } from './periodSection';
import { readSnapshot } from './snapshotRead';
import type { PageRoute } from './urls';
import { filePage, versionPage } from './versionPage';

export interface RenderedPage {
  status: number;
  html: string;
}

const notFound = (): RenderedPage => ({
  status: 404,
  html: pageHtml({ title: 'Finns inte', heading: 'Finns inte', crumbs: [{ label: 'Finns inte' }], body: '<p>Det finns ingen fil eller mapp här. Den kan ha flyttats, eller så är länken fel.</p>' }),
});

export async function renderPage(store: Store, route: PageRoute, o: { fileOrigin: string; now: Date }): Promise<RenderedPage> {
  const state = store.state;
  const links: Links = { fileOrigin: o.fileOrigin, secret: state.secret, now: o.now };
  if (route.kind === 'list') return { status: 200, html: listPage(new LibraryIndex(state, store.revision), links, route.page) };
  const item = route.id ? state.items[route.id] : undefined;
  if (!item) return notFound();
  const index = new LibraryIndex(state, store.revision);
  if (route.kind === 'folder') {
    if (!item.folder) return notFound();
    return { status: 200, html: folderPage(index, links, item, item.parentId === null ? '' : pathOf(state, item).join(' / '), route.page) };
  }
  if (item.folder) return notFound();
  if (!isPlanVersion(item)) return { status: 200, html: filePage(state, links, item, versionOfSnapshotFile(index, item)) };
  const snapshotItem = index.snapshotOf(item);
  const previousItem = previousApproved(index, item);
  const row = index.rowsBeside(item).find((r) => r.item === item);
  // Read after the index is made: the state may change while the files are read, and the page shows
  // the library as it was when the request came.
  const [snapshot, previousSnapshot] = await Promise.all([readSnapshot(store, snapshotItem), readSnapshot(store, previousItem && index.snapshotOf(previousItem))]);
  return {
    status: 200,
    html: versionPage(state, links, { item, snapshotItem, snapshot, waiting: waitingOf(row ? isPending(row) : false, row?.answeredBy), ...(previousItem ? { previous: { item: previousItem, snapshot: previousSnapshot } } : {}) }),
  };
}

/** The newest Fastställd version of the same area and period with a lower version label, if any. */
function previousApproved(index: LibraryIndex, item: Item): Item | undefined {
  const label = parseVersionLabel(item.fields.Version ?? '');
  if (!label) return undefined;
  const area = nameKey(item.fields.Tjansteomrade ?? '');
  let best: { item: Item; label: NonNullable<typeof label> } | undefined;
  for (const other of index.versionsBeside(item)) {
    if (other === item || other.fields.Beslut !== 'Fastställd' || nameKey(other.fields.Tjansteomrade ?? '') !== area || (other.fields.Planperiod ?? '') !== (item.fields.Planperiod ?? '')) continue;
    const l = parseVersionLabel(other.fields.Version ?? '');
    if (!l || compareVersions(l, label) >= 0) continue;
    if (!best || compareVersions(l, best.label) > 0 || (compareVersions(l, best.label) === 0 && (other.fields.Beslutsdatum ?? '') > (best.item.fields.Beslutsdatum ?? ''))) best = { item: other, label: l };
  }
  return best?.item;
}

/** The plan version a `.json` snapshot belongs to (the `.xlsx` of the same name beside it). */
function versionOfSnapshotFile(index: LibraryIndex, item: Item): Item | undefined {
  if (!/\.json$/i.test(item.name) || item.parentId === null) return undefined;
  const key = nameKey(item.name.replace(/\.json$/i, '.xlsx'));
  return index.childrenOf(item.parentId).find((c) => isPlanVersion(c) && nameKey(c.name) === key);
}
