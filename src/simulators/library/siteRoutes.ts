/** The site, its drive (the document library) and its list: the one of each the local library has. */
import { viewOf, type Ctx } from './context';
import { GraphFail, notFound } from './errors';
import { json, type GraphResponse } from './graphHttp';
import { applySelect, param, parseSelect } from './odataQuery';
import type { DriveRef } from './routes';
import { driveJson, listJson, metadata, siteJson } from './serialize';
import { DRIVE_NAME, SITE_HOST, SITE_PATH, siteIdOf, type State } from './state';

const siteNotFound = () => new GraphFail(404, 'itemNotFound', 'Requested site could not be found');

/** `root`, the site id, the host name, or `host:/sites/path`. */
export function checkSite(state: State, site: string): void {
  const s = site.toLowerCase().replace(/\/$/, '');
  const ok = s === 'root' || s === siteIdOf(state).toLowerCase() || s === SITE_HOST || s === `${SITE_HOST}:${SITE_PATH}`;
  if (!ok) throw siteNotFound();
}

export function checkDrive(state: State, ref: DriveRef): void {
  if ('site' in ref) checkSite(state, ref.site);
  else if (ref.id !== state.driveId) throw notFound();
}

/** The list by id or by its title. */
export function checkList(state: State, site: string, list: string): void {
  checkSite(state, site);
  const l = list.toLowerCase();
  if (l !== state.listGuid.toLowerCase() && l !== DRIVE_NAME.toLowerCase() && l !== 'tjansteplaner') throw notFound();
}

const selected = <T extends Record<string, unknown>>(ctx: Ctx, obj: T): T => applySelect(obj, parseSelect(param(ctx.req.query, 'select')));

export function getSite(ctx: Ctx, site: string): GraphResponse {
  const v = viewOf(ctx);
  checkSite(v.state, site);
  return json(200, { '@odata.context': metadata(v, 'sites/$entity'), ...selected(ctx, siteJson(v)) });
}

export function getDrive(ctx: Ctx, ref: DriveRef): GraphResponse {
  const v = viewOf(ctx);
  checkDrive(v.state, ref);
  return json(200, { '@odata.context': metadata(v, 'drives/$entity'), ...selected(ctx, driveJson(v)) });
}

export function getSiteDrives(ctx: Ctx, site: string): GraphResponse {
  const v = viewOf(ctx);
  checkSite(v.state, site);
  return json(200, { '@odata.context': metadata(v, `sites('${siteIdOf(v.state)}')/drives`), value: [selected(ctx, driveJson(v))] });
}

export function getSiteLists(ctx: Ctx, site: string): GraphResponse {
  const v = viewOf(ctx);
  checkSite(v.state, site);
  return json(200, { '@odata.context': metadata(v, `sites('${siteIdOf(v.state)}')/lists`), value: [selected(ctx, listJson(v))] });
}

export function getList(ctx: Ctx, site: string, list: string): GraphResponse {
  const v = viewOf(ctx);
  checkList(v.state, site, list);
  return json(200, { '@odata.context': metadata(v, `sites('${siteIdOf(v.state)}')/lists/$entity`), ...selected(ctx, listJson(v)) });
}

export function getDriveList(ctx: Ctx, ref: DriveRef): GraphResponse {
  const v = viewOf(ctx);
  checkDrive(v.state, ref);
  return json(200, { '@odata.context': metadata(v, `drives('${v.state.driveId}')/list/$entity`), ...selected(ctx, listJson(v)) });
}
