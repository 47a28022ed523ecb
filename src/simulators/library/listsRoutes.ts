/**
 * Creating the document library and its columns, as `tjansteplan provision` does against a tenant:
 * - `GET/POST /sites/{id}/lists` (https://learn.microsoft.com/graph/api/list-create: 201 and the list;
 *   a body's `columns` are created with it, besides the template's own columns);
 * - `GET/POST /sites/{id}/lists/{list}/columns`, `GET …/columns/{column-id}`
 *   (https://learn.microsoft.com/graph/api/list-list-columns, …/list-post-columns: 201 and the column).
 * A name already taken (a list or a column) is 409 `nameAlreadyExists`: Graph's documentation gives no code,
 * SharePoint refuses both ("a list … with the specified title already exists", "a duplicate field name"),
 * and a conflict is what a client must treat as "there already", never as "try again".
 * The local library holds one document library, `Tjänsteplaner` (its drive is the site's drive): another
 * list is 501 `notSupported` rather than a list that could hold no files.
 * On a site without it (`--empty-site`) everything inside the library is 404 and the site has no drives.
 */
import { columnJson, parseColumnDefinition, unknownProperty } from './columnDefinitions';
import { viewOf, type Ctx } from './context';
import { badRequest, GraphFail, methodNotAllowed, nameAlreadyExists, notFound } from './errors';
import { json, jsonBody, type GraphResponse } from './graphHttp';
import { applySelect, param, parseSelect } from './odataQuery';
import type { Route } from './routes';
import { listJson, metadata } from './serialize';
import { listOf, setList, TEMPLATE_COLUMNS, type ColumnRecord } from './siteLists';
import { checkList, checkSite } from './siteRoutes';
import { DRIVE_NAME, siteIdOf, timestamp, type State } from './state';

const LIST_KEYS = new Set(['displayName', 'description', 'list', 'columns', 'name', 'contentTypes']);
const selectOf = (ctx: Ctx) => parseSelect(param(ctx.req.query, 'select'));
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What a site without the document library answers for the routes inside it; null when it has it. */
export function withoutLibrary(ctx: Ctx, route: Route): GraphResponse | null {
  const state = ctx.store.state;
  if (listOf(state) !== null || route.kind === 'batch' || route.kind === 'site' || route.kind === 'siteLists') return null;
  if (route.kind === 'siteDrives') {
    checkSite(state, route.site);
    if (ctx.req.method !== 'GET') throw methodNotAllowed();
    return json(200, { '@odata.context': metadata(viewOf(ctx), `sites('${siteIdOf(state)}')/drives`), value: [] });
  }
  throw notFound();
}

export async function siteListsRoute(ctx: Ctx, site: string): Promise<GraphResponse> {
  const v = viewOf(ctx);
  checkSite(v.state, site);
  if (ctx.req.method === 'POST') return createList(ctx);
  if (ctx.req.method !== 'GET') throw methodNotAllowed();
  const value = listOf(v.state) ? [applySelect(listJson(v), selectOf(ctx))] : [];
  return json(200, { '@odata.context': metadata(v, `sites('${siteIdOf(v.state)}')/lists`), value });
}

async function createList(ctx: Ctx): Promise<GraphResponse> {
  const body = jsonBody(ctx.req);
  for (const key of Object.keys(body)) if (!key.startsWith('@') && !LIST_KEYS.has(key)) throw unknownProperty(key, 'microsoft.graph.list');
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw badRequest('A list needs a displayName.');
  const info = (body.list ?? {}) as Record<string, unknown>;
  // Graph's default template is genericList, which has no drive.
  const template = info.template ?? 'genericList';
  const existing = listOf(ctx.store.state);
  if (existing && sameName(existing.displayName, displayName)) throw nameAlreadyExists(displayName);
  if (!sameName(displayName, DRIVE_NAME) || template !== 'documentLibrary' || existing) {
    throw new GraphFail(501, 'notSupported', `The local library holds one document library, ${DRIVE_NAME} (template documentLibrary).`);
  }
  if (body.columns !== undefined && !Array.isArray(body.columns)) throw badRequest("Invalid value for 'columns': expected a collection.");
  const columns: ColumnRecord[] = [];
  for (const c of (body.columns ?? []) as unknown[]) {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) throw badRequest('A column is an object.');
    const column = parseColumnDefinition(c as Record<string, unknown>);
    if (taken([...columns], column.name)) throw badRequest(`A duplicate field name "${column.name}" was found.`);
    columns.push(column);
  }
  const description = typeof body.description === 'string' ? body.description : '';
  await ctx.store.transact((d) => {
    if (listOf(d)) throw nameAlreadyExists(displayName);
    setList(d, { displayName: DRIVE_NAME, description, created: timestamp(ctx.now), columns });
  });
  const v = viewOf(ctx);
  return json(201, { '@odata.context': metadata(v, `sites('${siteIdOf(v.state)}')/lists/$entity`), ...listJson(v) });
}

function taken(columns: readonly ColumnRecord[], name: string): boolean {
  return TEMPLATE_COLUMNS.some((c) => sameName(c.name, name)) || columns.some((c) => sameName(c.name, name));
}

function allColumns(state: State): Record<string, unknown>[] {
  const template = TEMPLATE_COLUMNS.map((t) =>
    columnJson({ ...t, description: '', required: false, enforceUniqueValues: false, hidden: false, ...(t.type === 'dateTime' ? { format: 'dateTime' } : {}) }, 'Base Columns', t.readOnly),
  );
  return [...template, ...(listOf(state)?.columns ?? []).map((c) => columnJson(c))];
}

export async function columnsRoute(ctx: Ctx, route: Extract<Route, { kind: 'listColumns' }>): Promise<GraphResponse> {
  const v = viewOf(ctx);
  checkList(v.state, route.site, route.list);
  const context = `sites('${siteIdOf(v.state)}')/lists('${v.state.listGuid}')/columns`;
  if (route.column !== undefined) {
    if (ctx.req.method !== 'GET') throw methodNotAllowed();
    const column = allColumns(v.state).find((c) => c.id === route.column);
    if (!column) throw notFound();
    return json(200, { '@odata.context': metadata(v, `${context}/$entity`), ...applySelect(column, selectOf(ctx)) });
  }
  if (ctx.req.method === 'GET') return json(200, { '@odata.context': metadata(v, context), value: allColumns(v.state).map((c) => applySelect(c, selectOf(ctx))) });
  if (ctx.req.method !== 'POST') throw methodNotAllowed();
  const column = parseColumnDefinition(jsonBody(ctx.req));
  await ctx.store.transact((d) => {
    const list = listOf(d);
    if (!list) throw notFound();
    if (taken(list.columns, column.name)) throw nameAlreadyExists(column.name);
    setList(d, { ...list, columns: [...list.columns, column] });
  });
  return json(201, { '@odata.context': metadata(viewOf(ctx), `${context}/$entity`), ...columnJson(column) });
}
