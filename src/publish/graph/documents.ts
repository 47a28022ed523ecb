/**
 * Forum documents on Graph (../forumDocuments.ts): the workbook uploaded once into `<period>/Forum/` (a
 * simple PUT below 4 MB, an upload session above: upload.ts), its JSON beside it, then the list columns
 * Planperiod, Forum and Beslutsdatum, in that order, as for plan versions (graphLibrary.ts): a document is
 * listed only when everything it needs is there, and an attempt that stopped halfway is finished by the next,
 * which recognises its own document by the content hash in the JSON.
 * Listing reads the Forum folder's children with their list items (`$expand=listItem`), one request a page:
 * https://learn.microsoft.com/graph/api/driveitem-list-children.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { DriveItem, ListItem } from '@microsoft/microsoft-graph-types';
import {
  FORUM_DOCUMENT_SCHEMA,
  forumFolder,
  forumDocumentName,
  forumSidecarName,
  parseForumDocumentName,
  type ForumDocument,
  type ForumDocumentOutcome,
  type ForumDocumentRequest,
  type ForumDocumentSidecar,
} from '../forumDocuments';
import { LibraryRefused } from '../errors';
import type { PublishedFields } from '../planLibrary';
import type { RetryPolicy } from '../retry';
import { explain, statusOf } from './errors';
import { readExisting, readText } from './existing';
import { compareFields, fieldsOf, readListItem, setFields } from './fields';
import { itemByPath } from './paths';
import { uploadFile, type UploadOptions } from './upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface DocumentOptions {
  policy: RetryPolicy;
  chunkSize?: number;
  onProgress?: (sentBytes: number, totalBytes: number) => void;
}

/** The columns a forum document carries: no area, no version, no decision of its own. */
function fieldsFor(r: Pick<ForumDocumentRequest, 'period' | 'forum' | 'date'>): PublishedFields {
  return { Tjansteomrade: '', Planperiod: r.period, Version: '', Forum: r.forum, Beslut: '', Beslutsdatum: r.date };
}

function documentOf(r: ForumDocumentRequest, item: DriveItem): ForumDocument {
  return { kind: r.kind, period: r.period, forum: r.forum, date: r.date, name: forumDocumentName(r.kind, r.forum, r.date), itemId: item.id ?? '', webUrl: item.webUrl ?? '' };
}

export async function publishForumDocument(client: Client, driveId: string, r: ForumDocumentRequest, o: DocumentOptions): Promise<ForumDocumentOutcome> {
  const folder = forumFolder(r.period);
  const name = forumDocumentName(r.kind, r.forum, r.date);
  const upload: UploadOptions = { policy: o.policy, chunkSize: o.chunkSize, onProgress: o.onProgress };
  const up = await uploadFile(client, { driveId, folder, name, contentType: XLSX }, r.file, upload);
  if (up.kind === 'created') return finish(client, driveId, r, up.item, up.item.eTag ?? undefined, 'published', o.policy);

  const existing = await readExisting(client, driveId, folder, name);
  const doc = documentOf(r, existing.item);
  const there = await readSidecar(client, driveId, folder, name);
  const ours = existing.sha256 === r.fileSha256 || (there !== null && there.contentSha256 === r.contentSha256);
  if (!ours) return { kind: 'conflict', existing: doc };
  const item = await readListItem(client, driveId, existing.item.id!);
  const verdict = compareFields(fieldsOf(item.fields as Record<string, unknown>), fieldsFor(r));
  if (verdict === 'other') return { kind: 'conflict', existing: doc };
  if (verdict === 'same' && there !== null) return { kind: 'already-published', document: doc };
  // Ours, but an earlier attempt stopped before its JSON or columns: finished now.
  return finish(client, driveId, r, existing.item, item.eTag ?? undefined, 'published', o.policy);
}

/** The JSON, then the columns, on a workbook that is ours. */
async function finish(
  client: Client,
  driveId: string,
  r: ForumDocumentRequest,
  file: DriveItem,
  eTag: string | undefined,
  kind: 'published' | 'already-published',
  policy: RetryPolicy,
): Promise<ForumDocumentOutcome> {
  const folder = forumFolder(r.period);
  const name = forumDocumentName(r.kind, r.forum, r.date);
  const doc = documentOf(r, file);
  const sidecar: ForumDocumentSidecar = {
    schema: FORUM_DOCUMENT_SCHEMA,
    kind: r.kind,
    period: r.period,
    forum: r.forum,
    date: r.date,
    fileSha256: r.fileSha256,
    contentSha256: r.contentSha256,
    ...(r.data === undefined ? {} : { data: r.data }),
  };
  const bytes = new TextEncoder().encode(JSON.stringify(sidecar, null, 1));
  const up = await uploadFile(client, { driveId, folder, name: forumSidecarName(name), contentType: 'application/json' }, bytes, { policy });
  if (up.kind === 'exists') {
    const there = await readSidecar(client, driveId, folder, name);
    if (there?.contentSha256 !== r.contentSha256) return { kind: 'conflict', existing: doc };
  }
  const fields = await setFields(client, driveId, file.id!, fieldsFor(r), eTag);
  if (fields.kind === 'other') return { kind: 'conflict', existing: doc };
  return { kind, document: doc };
}

/** The JSON beside a document, or null when there is none or it is not one of ours. */
async function readSidecar(client: Client, driveId: string, folder: string, name: string): Promise<ForumDocumentSidecar | null> {
  let text: string;
  try {
    text = await readText(client, driveId, folder, forumSidecarName(name));
  } catch (e) {
    // readText has already made Graph's 404 one of ours, which keeps the status.
    if (e instanceof LibraryRefused && e.status === 404) return null;
    throw e;
  }
  try {
    const value = JSON.parse(text) as Partial<ForumDocumentSidecar> | null;
    return value && value.schema === FORUM_DOCUMENT_SCHEMA && typeof value.contentSha256 === 'string' ? (value as ForumDocumentSidecar) : null;
  } catch {
    return null;
  }
}

type Child = DriveItem & { listItem?: ListItem };

/** The period's forum documents whose columns are set (a half-published one is not listed yet). */
export async function listForumDocuments(client: Client, driveId: string, period: string): Promise<ForumDocument[]> {
  const out: ForumDocument[] = [];
  const [periodFolder, forum] = forumFolder(period).split('/');
  let page: { value?: Child[]; '@odata.nextLink'?: string };
  try {
    page = (await client.api(`${itemByPath(driveId, periodFolder, forum)}:/children`).expand('listItem').get()) as typeof page;
  } catch (e) {
    // No Forum folder: the period has no forum documents yet.
    if (statusOf(e) === 404) return [];
    throw explain(e, `listningen av forumdokument för ${period}`);
  }
  try {
    for (;;) {
      for (const child of page.value ?? []) {
        const named = child.file && child.name ? parseForumDocumentName(child.name) : null;
        if (!named) continue;
        const fields = fieldsOf(child.listItem?.fields as Record<string, unknown> | undefined);
        if (fields.Planperiod !== period || fields.Forum !== named.forum || (fields.Beslutsdatum ?? '').slice(0, 10) !== named.date) continue;
        out.push({ ...named, period, name: child.name!, itemId: child.id ?? '', webUrl: child.webUrl ?? '' });
      }
      const next = page['@odata.nextLink'];
      if (!next) break;
      page = (await client.api(next).get()) as typeof page;
    }
  } catch (e) {
    throw explain(e, `listningen av forumdokument för ${period}`);
  }
  return out;
}

/** The `data` of the JSON beside a listed document; null when it has none. */
export async function readForumDocumentData(client: Client, driveId: string, doc: ForumDocument): Promise<unknown> {
  const there = await readSidecar(client, driveId, forumFolder(doc.period), doc.name);
  return there?.data ?? null;
}
