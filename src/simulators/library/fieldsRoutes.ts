/**
 * A list item and its fields, reached from the drive item (`…/items/{id}/listItem[/fields]`) or from the
 * list (`/sites/{s}/lists/{l}/items/{n}[/fields]`). PATCH of the fields honours `If-Match` (412 when the
 * ETag is stale) and changes the ETag on every update.
 */
import { patchedFields } from './columns';
import { viewOf, type Ctx } from './context';
import { notFound, staleETag } from './errors';
import { json, jsonBody, type GraphResponse } from './graphHttp';
import { ifMatchHolds, listItemETag } from './ids';
import { applySelect, param, parseExpand, parseSelect } from './odataQuery';
import { driveItemJson, fieldsJson, listItemJson, metadata } from './serialize';
import { siteIdOf, timestamp, type Item } from './state';

const fieldsContext = (ctx: Ctx, item: Item) => {
  const s = ctx.store.state;
  return metadata(viewOf(ctx), `sites('${siteIdOf(s)}')/lists('${s.listGuid}')/items('${item.listItemId}')/fields/$entity`);
};

export function getListItem(ctx: Ctx, item: Item): GraphResponse {
  const v = viewOf(ctx);
  const body = listItemJson(v, item, parseExpand(param(ctx.req.query, 'expand')));
  const context = metadata(v, `sites('${siteIdOf(v.state)}')/lists('${v.state.listGuid}')/items/$entity`);
  return json(200, { '@odata.context': context, ...applySelect(body, parseSelect(param(ctx.req.query, 'select'))) }, { ETag: listItemETag(item.uid, item.version) });
}

export function getListItemDriveItem(ctx: Ctx, item: Item): GraphResponse {
  const v = viewOf(ctx);
  const body = driveItemJson(v, item, parseExpand(param(ctx.req.query, 'expand')));
  return json(200, { '@odata.context': metadata(v, `drives('${v.state.driveId}')/items/$entity`), ...body });
}

export function getFields(ctx: Ctx, item: Item): GraphResponse {
  const all = fieldsJson(viewOf(ctx), item);
  return json(200, { '@odata.context': fieldsContext(ctx, item), ...applySelect(all, parseSelect(param(ctx.req.query, 'select'))) }, { ETag: listItemETag(item.uid, item.version) });
}

export async function patchFields(ctx: Ctx, itemId: string): Promise<GraphResponse> {
  const body = jsonBody(ctx.req);
  const ifMatch = ctx.req.headers['if-match'];
  await ctx.store.transact((d) => {
    const item = d.items[itemId];
    if (!item || item.parentId === null) throw notFound();
    if (ifMatch && !ifMatchHolds(ifMatch, item.uid, item.version, item.cversion)) throw staleETag();
    item.fields = patchedFields(item.fields, body);
    item.version++;
    item.modified = timestamp(ctx.now);
  });
  const item = ctx.store.state.items[itemId];
  return json(200, { '@odata.context': fieldsContext(ctx, item), ...fieldsJson(viewOf(ctx), item) }, { ETag: listItemETag(item.uid, item.version) });
}
