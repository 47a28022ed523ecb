/** A drive item as the answer to a request, with its $expand and $select applied and its ETag. */
import { viewOf, type Ctx } from './context';
import { json, type GraphResponse } from './graphHttp';
import { driveItemETag } from './ids';
import { applySelect, param, parseExpand, parseSelect } from './odataQuery';
import { driveItemJson, metadata } from './serialize';
import type { Item } from './state';

export function itemResponse(ctx: Ctx, item: Item, status: number): GraphResponse {
  const v = viewOf(ctx);
  const body = driveItemJson(v, item, parseExpand(param(ctx.req.query, 'expand')));
  const context = metadata(v, `drives('${v.state.driveId}')/items/$entity`);
  return json(status, { '@odata.context': context, ...applySelect(body, parseSelect(param(ctx.req.query, 'select'))) }, { ETag: driveItemETag(item.uid, item.version) });
}

