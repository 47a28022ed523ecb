/** The JSON Graph answers with for a site, drive, list, drive item, list item and its fields. */
import { COLUMNS } from './columns';
import { contentTag, driveItemETag, listItemETag } from './ids';
import { childrenOf, extensionOf, mimeTypeOf, pathOf } from './names';
import { expands, type Expand } from './odataQuery';
import { folderPath, PAGE_PATH, versionPath } from './reviewers/urls';
import { downloadUrl } from './signedUrls';
import { DRIVE_NAME, SITE_HOST, SITE_NAME, SITE_PATH, siteIdOf, type Item, type State } from './state';

export interface View {
  state: State;
  /** `https://localhost:PORT`: Graph's origin. */
  origin: string;
  /** `https://127.0.0.1:PORT`: where file bytes are downloaded and uploaded. */
  fileOrigin: string;
  now: Date;
}

const IDENTITY = { user: { displayName: 'Tjänsteplan (lokalt bibliotek)' } };

export const metadata = (v: View, what: string): string => `${v.origin}/v1.0/$metadata#${what}`;
/**
 * Where a person opens the item: baseItem's `webUrl` is the "URL that displays the resource in the browser"
 * (learn.microsoft.com/graph/api/resources/baseitem), in a tenant SharePoint's page for it; here the
 * reviewers' pages (urls.ts): a file's own page (a plan version's tables, findings and diff), a folder's
 * page, the library. Its shape is SharePoint's business; clients only open it.
 */
export const webUrlOf = (v: View, item?: Item): string =>
  v.origin + (!item || item.parentId === null ? PAGE_PATH : item.folder ? folderPath(item.id) : versionPath(item.id));

export function siteJson(v: View) {
  const s = v.state;
  return {
    createdDateTime: s.created,
    description: 'Tjänsteplaner: godkända versioner per planperiod',
    id: siteIdOf(s),
    lastModifiedDateTime: s.created,
    name: SITE_PATH.split('/').pop(),
    webUrl: `${v.origin}${SITE_PATH}`,
    displayName: SITE_NAME,
    root: {},
    siteCollection: { hostname: SITE_HOST },
  };
}

export function driveJson(v: View) {
  const s = v.state;
  const used = Object.values(s.items).reduce((n, i) => n + (i.folder ? 0 : i.size), 0);
  return {
    createdDateTime: s.created,
    description: '',
    id: s.driveId,
    lastModifiedDateTime: s.items[s.rootId].modified,
    name: DRIVE_NAME,
    webUrl: webUrlOf(v),
    driveType: 'documentLibrary',
    createdBy: IDENTITY,
    owner: { group: { displayName: SITE_NAME } },
    quota: { deleted: 0, remaining: 1e12 - used, state: 'normal', total: 1e12, used },
  };
}

export function listJson(v: View) {
  const s = v.state;
  return {
    '@odata.etag': `"${s.listGuid},1"`,
    createdDateTime: s.created,
    description: '',
    eTag: `"${s.listGuid},1"`,
    id: s.listGuid,
    lastModifiedDateTime: s.items[s.rootId].modified,
    name: DRIVE_NAME,
    webUrl: webUrlOf(v),
    displayName: DRIVE_NAME,
    createdBy: IDENTITY,
    parentReference: { siteId: siteIdOf(s) },
    list: { contentTypesEnabled: false, hidden: false, template: 'documentLibrary' },
  };
}

function folderSize(state: State, item: Item): number {
  return childrenOf(state, item.id).reduce((n, c) => n + (c.folder ? folderSize(state, c) : c.size), 0);
}

export function driveItemJson(v: View, item: Item, expand: Expand[] = []): Record<string, unknown> {
  const s = v.state;
  const isRoot = item.parentId === null;
  const parent = item.parentId ? s.items[item.parentId] : undefined;
  const out: Record<string, unknown> = {};
  if (!item.folder) out['@microsoft.graph.downloadUrl'] = downloadUrl(v.fileOrigin, s.secret, item.id, v.now);
  Object.assign(out, {
    createdDateTime: item.created,
    eTag: driveItemETag(item.uid, item.version),
    id: item.id,
    lastModifiedDateTime: item.modified,
    name: item.name,
    webUrl: webUrlOf(v, item),
    cTag: contentTag(item.uid, item.cversion),
    size: item.folder ? folderSize(s, item) : item.size,
    createdBy: IDENTITY,
    lastModifiedBy: IDENTITY,
    parentReference: parent
      ? { driveType: 'documentLibrary', driveId: s.driveId, id: parent.id, name: parent.parentId === null ? DRIVE_NAME : parent.name, path: `/drives/${s.driveId}/root:${pathOf(s, parent).map((p) => '/' + p).join('')}`, siteId: siteIdOf(s) }
      : { driveType: 'documentLibrary', driveId: s.driveId },
    fileSystemInfo: { createdDateTime: item.created, lastModifiedDateTime: item.modified },
  });
  if (item.folder) out.folder = { childCount: childrenOf(s, item.id).length };
  else out.file = { hashes: { quickXorHash: item.quickXorHash }, mimeType: mimeTypeOf(item.name) };
  if (isRoot) out.root = {};
  const listItem = expands(expand, 'listItem');
  if (listItem && !isRoot) out.listItem = listItemJson(v, item, [{ name: 'fields', select: null, expand: [] }, ...listItem.expand]);
  return out;
}

export function listItemJson(v: View, item: Item, expand: Expand[] = []): Record<string, unknown> {
  const s = v.state;
  const etag = listItemETag(item.uid, item.version);
  const parent = item.parentId ? s.items[item.parentId] : undefined;
  const out: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.listItemId),
    lastModifiedDateTime: item.modified,
    webUrl: webUrlOf(v, item),
    createdBy: IDENTITY,
    lastModifiedBy: IDENTITY,
    parentReference: { id: parent && parent.listItemId ? String(parent.listItemId) : s.listGuid, siteId: siteIdOf(s) },
    contentType: item.folder ? { id: '0x0120', name: 'Folder' } : { id: '0x0101', name: 'Document' },
  };
  const fields = expands(expand, 'fields');
  if (fields) {
    out['fields@odata.context'] = metadata(v, `sites('${siteIdOf(s)}')/lists('${s.listGuid}')/items('${item.listItemId}')/fields/$entity`);
    const all = fieldsJson(v, item);
    out.fields = fields.select ? Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('@') || fields.select!.includes(k))) : all;
  }
  const driveItem = expands(expand, 'driveItem');
  if (driveItem) out.driveItem = driveItemJson(v, item, driveItem.expand);
  return out;
}

export function fieldsJson(v: View, item: Item): Record<string, unknown> {
  const s = v.state;
  const out: Record<string, unknown> = { '@odata.etag': listItemETag(item.uid, item.version), FileLeafRef: item.name };
  for (const c of COLUMNS) if (item.fields[c.name] !== undefined) out[c.name] = item.fields[c.name];
  const children = item.folder ? childrenOf(s, item.id) : [];
  Object.assign(out, {
    id: String(item.listItemId),
    ContentType: item.folder ? 'Folder' : 'Document',
    Created: item.created,
    Modified: item.modified,
    AuthorLookupId: '1',
    EditorLookupId: '1',
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkFilenameNoMenu: item.name,
    LinkFilename: item.name,
    ItemChildCount: String(children.filter((c) => !c.folder).length),
    FolderChildCount: String(children.filter((c) => c.folder).length),
  });
  if (!item.folder) Object.assign(out, { DocIcon: extensionOf(item.name), FileSizeDisplay: String(item.size) });
  return out;
}

/** A field's value as the $filter sees it. */
export function fieldValue(item: Item, name: string): string | undefined {
  if (name === 'id') return String(item.listItemId);
  if (name === 'FileLeafRef') return item.name;
  if (name === 'ContentType') return item.folder ? 'Folder' : 'Document';
  if (name === 'Created') return item.created;
  if (name === 'Modified') return item.modified;
  return item.fields[name];
}
