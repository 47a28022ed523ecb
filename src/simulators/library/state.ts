/**
 * What the library keeps (library.json): the site, drive and list ids, every drive item (folders and files
 * with their list item columns) and the open upload sessions. File contents live beside it as blob files.
 */
import { driveIdOf, newGuid, newItemId, newSecret } from './ids';

export const STATE_FORMAT = 1;

export interface Item {
  /** Drive item id (`01…`). */
  id: string;
  /** The GUID behind the item's ETags. */
  uid: string;
  /** The list item id (1, 2, …); the root folder has none (0). */
  listItemId: number;
  name: string;
  /** null for the root folder. */
  parentId: string | null;
  folder: boolean;
  /** Bumped by every change (content or columns): the drive item and list item ETags. */
  version: number;
  /** Bumped by every content change: the cTag. */
  cversion: number;
  size: number;
  /** File name of the content under blobs/ (files only). */
  blob?: string;
  quickXorHash?: string;
  created: string;
  modified: string;
  /** Custom and Title column values, as text (dates as ISO 8601). */
  fields: Record<string, string>;
}

export interface UploadSession {
  id: string;
  /** Where the file goes: under `baseId` at `path` (the last segment is the name), or over `targetId`. */
  baseId: string;
  path: string[];
  targetId?: string;
  conflict: ConflictBehavior;
  /** The file's size, once known (from `item.fileSize` or the first Content-Range). */
  size: number | null;
  /** Bytes received so far: fragments come in order, so this is also the next expected byte. */
  received: number;
  ifMatch?: string;
  created: string;
  expires: string;
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export interface State {
  format: number;
  siteGuid: string;
  webGuid: string;
  listGuid: string;
  driveId: string;
  rootId: string;
  rootUid: string;
  /** Signs upload and download URLs; kept so that URLs stay valid after a restart. */
  secret: string;
  nextListItemId: number;
  created: string;
  items: Record<string, Item>;
  sessions: Record<string, UploadSession>;
}

export const SITE_HOST = 'localhost';
export const SITE_PATH = '/sites/tjansteplaner';
export const SITE_NAME = 'Tjänsteplaner';
export const DRIVE_NAME = 'Tjänsteplaner';

export const siteIdOf = (s: State): string => `${SITE_HOST},${s.siteGuid},${s.webGuid}`;

/** Graph's timestamps from SharePoint: whole seconds, UTC. */
export const timestamp = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Items and sessions by id, in objects without a prototype: an id from a URL such as `__proto__`,
 * `constructor` or `toString` then names nothing (404), never Object.prototype's members.
 */
export function byId<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** The state's maps made prototype-free (after JSON.parse or structuredClone, which give plain objects). */
export function withIdMaps(s: State): State {
  s.items = byId(s.items);
  s.sessions = byId(s.sessions);
  return s;
}

export function initialState(now: Date): State {
  const siteGuid = newGuid();
  const webGuid = newGuid();
  const listGuid = newGuid();
  const rootId = newItemId();
  const rootUid = newGuid();
  const t = timestamp(now);
  return {
    format: STATE_FORMAT,
    siteGuid,
    webGuid,
    listGuid,
    driveId: driveIdOf(siteGuid, webGuid, listGuid),
    rootId,
    rootUid,
    secret: newSecret(),
    nextListItemId: 1,
    created: t,
    items: byId({
      [rootId]: { id: rootId, uid: rootUid, listItemId: 0, name: 'root', parentId: null, folder: true, version: 1, cversion: 1, size: 0, created: t, modified: t, fields: {} },
    }),
    sessions: byId(),
  };
}
