/**
 * The PlanLibrary port: where approved versions are published and read back. Adapters: SharePoint through
 * Microsoft Graph (graph/), which also serves the local library of the embedded defaults.
 */
import type { PlanSnapshot } from '../domain/snapshot';
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
  /** `<area> <period> v<version>.xlsx` */
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

/** `Ekonomi 2022–2024 v1.0.xlsx`; the snapshot sits beside it as `… v1.0.json`. */
export function publishedFileName(area: string, period: string, version: string): string {
  return `${area} ${period} v${version}.xlsx`;
}

export function snapshotFileName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, '.json');
}
