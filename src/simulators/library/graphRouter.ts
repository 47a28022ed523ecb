/** Which handler answers a Graph request of the subset (not $batch, which the library runs itself). */
import type { Ctx } from './context';
import { methodNotAllowed } from './errors';
import type { GraphResponse } from './graphHttp';
import { itemRoute } from './itemRoutes';
import { listItemRoute, queryListItems } from './listRoutes';
import { columnsRoute, siteListsRoute, withoutLibrary } from './listsRoutes';
import type { Route } from './routes';
import { checkDrive, checkList, getDrive, getDriveList, getList, getSite, getSiteDrives } from './siteRoutes';

/** A short name of the route, for the request counts. */
export function routeLabel(route: Route): string {
  if (route.kind === 'item') return route.address.sub ? `item/${route.address.sub}` : 'item';
  if (route.kind === 'listItem') return route.sub ? `listItem/${route.sub}` : 'listItem';
  return route.kind;
}

export async function dispatchGraph(ctx: Ctx, route: Route): Promise<GraphResponse> {
  const onlyGet = () => {
    if (ctx.req.method !== 'GET') throw methodNotAllowed();
  };
  const state = ctx.store.state;
  const absent = withoutLibrary(ctx, route);
  if (absent) return absent;
  switch (route.kind) {
    case 'site':
      onlyGet();
      return getSite(ctx, route.site);
    case 'siteDrives':
      onlyGet();
      return getSiteDrives(ctx, route.site);
    case 'siteLists':
      return siteListsRoute(ctx, route.site);
    case 'listColumns':
      return columnsRoute(ctx, route);
    case 'list':
      onlyGet();
      return getList(ctx, route.site, route.list);
    case 'listItems':
      checkList(state, route.site, route.list);
      return queryListItems(ctx);
    case 'listItem':
      checkList(state, route.site, route.list);
      return listItemRoute(ctx, route.item, route.sub);
    case 'drive':
      onlyGet();
      return getDrive(ctx, route.drive);
    case 'driveList':
      onlyGet();
      return getDriveList(ctx, route.drive);
    case 'item':
      checkDrive(state, route.drive);
      return itemRoute(ctx, route.address);
    case 'batch':
      throw methodNotAllowed();
  }
}
