/**
 * Drive items: get (by id or path), list and create children (folders), download (302 to the
 * pre-authenticated download URL, as Graph answers), upload in one PUT (`…:/content`, conflictBehavior from
 * the query, default replace; missing folders created), and the item's list item and fields.
 */
import { viewOf, type Ctx } from './context';
import { badRequest, methodNotAllowed, nameAlreadyExists } from './errors';
import { json, jsonBody, type GraphResponse } from './graphHttp';
import { checkName, childNamed, childrenOf, freeName } from './names';
import { afterSkipToken, applySelect, param, parseExpand, parseSelect, parseTop, skipTokenAfter } from './odataQuery';
import { conflictBehavior, ensureFolders, findItem, newItem, placeFile } from './placement';
import { quickXorHash } from './quickXorHash';
import type { ItemAddress } from './routes';
import { driveItemJson, metadata } from './serialize';
import { downloadUrl } from './signedUrls';
import type { Item } from './state';
import { getFields, getListItem, patchFields } from './fieldsRoutes';
import { createUploadSession } from './uploadRoutes';
import { itemResponse } from './itemResponse';

const PAGE = 200;

export async function itemRoute(ctx: Ctx, address: ItemAddress): Promise<GraphResponse> {
  const m = ctx.req.method;
  switch (address.sub) {
    case '':
      if (m === 'GET') return getItem(ctx, findItem(ctx.store.state, address));
      break;
    case 'children':
      if (m === 'GET') return listChildren(ctx, findItem(ctx.store.state, address));
      if (m === 'POST') return createFolder(ctx, findItem(ctx.store.state, address));
      break;
    case 'content':
      if (m === 'GET') return download(ctx, findItem(ctx.store.state, address));
      if (m === 'PUT') return putContent(ctx, address);
      break;
    case 'createUploadSession':
      if (m === 'POST') return createUploadSession(ctx, address);
      break;
    case 'listItem':
      if (m === 'GET') return getListItem(ctx, fileOrFolder(ctx, address));
      break;
    case 'listItem/fields':
      if (m === 'GET') return getFields(ctx, fileOrFolder(ctx, address));
      if (m === 'PATCH') return patchFields(ctx, fileOrFolder(ctx, address).id);
      break;
  }
  throw methodNotAllowed();
}

/** The root folder has no list item. */
function fileOrFolder(ctx: Ctx, address: ItemAddress): Item {
  const item = findItem(ctx.store.state, address);
  if (item.parentId === null) throw badRequest('The root folder has no list item.');
  return item;
}

function getItem(ctx: Ctx, item: Item): GraphResponse {
  return itemResponse(ctx, item, 200);
}

function listChildren(ctx: Ctx, folder: Item): GraphResponse {
  if (!folder.folder) return json(200, { value: [] });
  const v = viewOf(ctx);
  const q = ctx.req.query;
  const top = parseTop(q, PAGE, 999);
  // The token of children pages counts items (list items are paged by id instead).
  const offset = afterSkipToken(q);
  const all = childrenOf(v.state, folder.id);
  const page = all.slice(offset, offset + top);
  const expand = parseExpand(param(q, 'expand'));
  const select = parseSelect(param(q, 'select'));
  const out: Record<string, unknown> = {
    '@odata.context': metadata(v, `drives('${v.state.driveId}')/items('${folder.id}')/children`),
    value: page.map((c) => applySelect(driveItemJson(v, c, expand), select)),
  };
  if (offset + top < all.length) {
    const next = new URLSearchParams(q);
    next.delete('skiptoken');
    next.set('$skiptoken', skipTokenAfter(offset + top));
    out['@odata.nextLink'] = `${ctx.req.origin}/v1.0${ctx.req.path}?${next.toString().replace(/%24/g, '$')}`;
  }
  return json(200, out);
}

async function createFolder(ctx: Ctx, parent: Item): Promise<GraphResponse> {
  const body = jsonBody(ctx.req);
  const name = body.name;
  if (typeof name !== 'string') throw badRequest('The name of the new folder is missing.');
  if (body.folder === undefined || body.file !== undefined) throw badRequest('Only folders can be created here: { "name": …, "folder": {} }.');
  checkName(name);
  const conflict = conflictBehavior(body['@microsoft.graph.conflictBehavior'], 'fail');
  const id = await ctx.store.transact((d) => {
    const existing = childNamed(d, parent.id, name);
    if (existing && (conflict === 'fail' || !existing.folder)) throw nameAlreadyExists(name);
    if (existing && conflict === 'replace') return existing.id;
    const folder = existing ? newItem(d, parent.id, freeName(d, parent.id, name), true, ctx.now) : ensureFolders(d, parent.id, [name], ctx.now);
    return folder.id;
  });
  return itemResponse(ctx, ctx.store.state.items[id], 201);
}

function download(ctx: Ctx, item: Item): GraphResponse {
  if (item.folder) throw badRequest('Only files can be downloaded.');
  return { status: 302, headers: { Location: downloadUrl(ctx.req.fileOrigin, ctx.store.state.secret, item.id, ctx.now), 'Cache-Control': 'no-cache' } };
}

async function putContent(ctx: Ctx, address: ItemAddress): Promise<GraphResponse> {
  const state = ctx.store.state;
  const conflict = conflictBehavior(ctx.req.query.get('@microsoft.graph.conflictBehavior'), 'replace');
  const base = findItem(state, { ...address, path: [] });
  // `…/items/{file-id}/content` replaces that file; otherwise the path names the file.
  const target = address.path.length === 0 && !base.folder ? { targetId: base.id } : {};
  if (address.path.length === 0 && base.folder) throw badRequest('A file name is needed: …/root:/folder/name.xlsx:/content.');
  const data = ctx.req.body;
  const blob = await ctx.store.writeBlob(data);
  let placed;
  try {
    placed = await ctx.store.transact((d) =>
      placeFile(d, { baseId: base.id, path: address.path, conflict, ifMatch: ctx.req.headers['if-match'], ...target }, { blob, size: data.length, quickXorHash: quickXorHash(data) }, ctx.now),
    );
  } catch (e) {
    await ctx.store.removeBlob(blob);
    throw e;
  }
  if (placed.replacedBlob) await ctx.store.removeBlob(placed.replacedBlob);
  return itemResponse(ctx, ctx.store.state.items[placed.item.id], placed.created ? 201 : 200);
}
