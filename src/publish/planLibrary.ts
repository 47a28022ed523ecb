/**
 * The PlanLibrary port: where versions before a forum and approved versions are published and read back.
 * Adapters: SharePoint through Microsoft Graph (graph/), which also serves the local library of the embedded
 * defaults.
 */
import type { PlanSnapshot } from '../domain/snapshot';
import { FORUMS, type Decision } from '../domain/versions';
import type { ForumDocument, ForumDocumentOutcome, ForumDocumentRequest } from './forumDocuments';

/** The list-item columns of a published version (SharePoint internal names). */
export interface PublishedFields {
  Tjansteomrade: string;
  Planperiod: string;
  Version: string;
  Forum: string;
  Beslut: string;
  /** ISO date. */
  Beslutsdatum: string;
}

export interface PublishRequest {
  fields: PublishedFields;
  /** `<area> <period> v<version>.xlsx`, with the state for a version not approved (publishedFileName). */
  fileName: string;
  file: Uint8Array;
  /** SHA-256 (hex) of `file`. */
  fileSha256: string;
  snapshot: PlanSnapshot;
}

export interface PublishedVersion {
  fields: PublishedFields;
  itemId: string;
  /** Where a reviewer opens it (SharePoint's webUrl). */
  webUrl: string;
  /** Known when the file was just published or compared; a listed version's hash is in its snapshot. */
  fileSha256?: string;
}

export type PublishOutcome =
  | { kind: 'published'; version: PublishedVersion }
  /** The same version with the same content was already there: nothing was written. */
  | { kind: 'already-published'; version: PublishedVersion }
  /** The name is taken by different content: never overwritten. */
  | { kind: 'conflict'; existing: PublishedVersion };

export interface PublishProgress {
  sentBytes: number;
  totalBytes: number;
}

export interface PublishOptions {
  onProgress?: (p: PublishProgress) => void;
  /** An upload session an earlier, interrupted attempt opened (kept in the outbox): resumed, not restarted. */
  resumeUrl?: string;
  /** Told each new upload session's URL (null when it ends), so the outbox can keep it across a crash. */
  onUploadSession?: (url: string | null) => Promise<void> | void;
}

export interface PlanLibrary {
  /** Uploads the file once, its snapshot beside it, then sets the list-item columns; never overwrites. */
  publish(request: PublishRequest, options?: PublishOptions | ((p: PublishProgress) => void)): Promise<PublishOutcome>;
  /** Every published version of a period (one list query). */
  listVersions(period: string): Promise<PublishedVersion[]>;
  /** The snapshots of the given versions, fetched in batches (⌈n/20⌉ requests). */
  readSnapshots(versions: readonly PublishedVersion[]): Promise<PlanSnapshot[]>;
  /** A forum's document (review pack, prioritisation decision) into `<period>/Forum/`, once: forumDocuments.ts. */
  publishForumDocument(request: ForumDocumentRequest, onProgress?: (p: PublishProgress) => void): Promise<ForumDocumentOutcome>;
  /** The period's forum documents (one request a page of the Forum folder). */
  listForumDocuments(period: string): Promise<ForumDocument[]>;
  /** What the JSON beside a forum document carries for readers (a decision's rows); null when nothing. */
  readForumDocumentData(document: ForumDocument): Promise<unknown>;
}

/** The decisions published besides approvals, and the words their file names carry (docs/graph.md §1). */
const STATE_IN_NAME = new Map<string, (forum: string) => string>([
  ['Inskickad', (forum) => `inskickad${forum ? ` till ${forum}` : ''}`],
  ['Återremitterad', (forum) => `återremitterad${forum ? ` av ${forum}` : ''}`],
]);

/** The decisions published besides Fastställd: a version sent to a forum, and one a forum returned. */
export const PUBLISHED_BEFORE_APPROVAL: readonly Decision[] = ['Inskickad', 'Återremitterad'];

/**
 * `Ekonomi 2022–2024 v1.0.xlsx` for an approved version (Beslut Fastställd, or none in items published before
 * the column was set); a version sent to a forum or returned by it says so, so no one takes it for an approved
 * one and it never shares a name with one: `Ekonomi 2022–2024 v1.1 inskickad till PF.xlsx`,
 * `… v1.2 återremitterad av PF.xlsx`. The forum is named only when it is one of the three (list columns
 * are anyone's to edit, and a name is a path).
 */
export function publishedFileName(area: string, period: string, version: string, state?: Pick<PublishedFields, 'Beslut' | 'Forum'>): string {
  const words = state ? STATE_IN_NAME.get(state.Beslut) : undefined;
  if (!words) return `${area} ${period} v${version}.xlsx`;
  const forum = (FORUMS as readonly string[]).includes(state!.Forum) ? state!.Forum : '';
  return `${area} ${period} v${version} ${words(forum)}.xlsx`;
}

/** The file name a listed version has in the library, from its columns. */
export function fileNameOf(fields: PublishedFields): string {
  return publishedFileName(fields.Tjansteomrade, fields.Planperiod, fields.Version, fields);
}

export function snapshotFileName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, '.json');
}
