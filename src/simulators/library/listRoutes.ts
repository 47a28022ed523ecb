/**
 * The document library's list: its items with `$expand=fields`, `$filter` on fields, `$top` and
 * `@odata.nextLink` paging (200 a page unless `$top` says otherwise). As in SharePoint, a filter on a
 * column that is not indexed is refused unless the request carries
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`; which columns are indexed is the list's own (siteLists.ts).
 */
import { viewOf, type Ctx } from './context';
import { badRequest, methodNotAllowed, notFound } from './errors';
import { json, type GraphResponse } from './graphHttp';
import { fieldsIn, matches, parseFilter } from './odataFilter';
import { afterSkipToken, applySelect, nextLink, param, parseExpand, parseSelect, parseTop } from './odataQuery';
import { fieldValue, listItemJson, metadata } from './serialize';
import { isIndexed } from './siteLists';
import { siteIdOf, type Item, type State } from './state';
import { getFields, getListItem, getListItemDriveItem, patchFields } from './fieldsRoutes';

export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';
const PAGE = 200;
const MAX_PAGE = 5000;

export function listItemsInOrder(state: State): Item[] {
  return Object.values(state.items)
    .filter((i) => i.parentId !== null)
    .sort((a, b) => a.listItemId - b.listItemId);
}

export function queryListItems(ctx: Ctx): GraphResponse {
  if (ctx.req.method !== 'GET') throw methodNotAllowed();
  const q = ctx.req.query;
  const v = viewOf(ctx);
  const expand = parseExpand(param(q, 'expand'));
  const filterText = param(q, 'filter');
  const filter = filterText ? parseFilter(filterText) : null;
  if (filter && !(ctx.req.headers.prefer ?? '').toLowerCase().includes(PREFER_NON_INDEXED.toLowerCase())) {
    const unindexed = fieldsIn(filter).find((f) => !isIndexed(v.state, f));
    if (unindexed) throw badRequest(`Field '${unindexed}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`);
  }
  const top = parseTop(q, PAGE, MAX_PAGE);
  const after = afterSkipToken(q);
  const hits = listItemsInOrder(v.state).filter((i) => i.listItemId > after && (!filter || matches(filter, (f) => fieldValue(i, f))));
  const page = hits.slice(0, top);
  const select = parseSelect(param(q, 'select'));
  const out: Record<string, unknown> = {
    '@odata.context': metadata(v, `sites('${siteIdOf(v.state)}')/lists('${v.state.listGuid}')/items`),
    value: page.map((i) => applySelect(listItemJson(v, i, expand), select)),
  };
  if (hits.length > top) out['@odata.nextLink'] = nextLink(ctx.req.origin, ctx.req.path, q, page[page.length - 1].listItemId);
  return json(200, out);
}

export function listItemById(state: State, id: string): Item {
  const n = Number(id);
  const item = Number.isInteger(n) && n > 0 ? Object.values(state.items).find((i) => i.listItemId === n) : undefined;
  if (!item) throw notFound();
  return item;
}

export async function listItemRoute(ctx: Ctx, id: string, sub: '' | 'fields' | 'driveItem'): Promise<GraphResponse> {
  const item = listItemById(ctx.store.state, id);
  const m = ctx.req.method;
  if (sub === 'fields' && m === 'PATCH') return patchFields(ctx, item.id);
  if (m !== 'GET') throw methodNotAllowed();
  if (sub === 'fields') return getFields(ctx, item);
  if (sub === 'driveItem') return getListItemDriveItem(ctx, item);
  return getListItem(ctx, item);
}
