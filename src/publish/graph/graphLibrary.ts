/**
 * The PlanLibrary on Microsoft Graph: SharePoint, or the local library that speaks the same subset.
 * Layout (docs/graph.md §1): a document library (default `Tjänsteplaner`), a folder per period,
 * `<area> <period> v<version>.xlsx` written once (a version before a forum with its state in the name:
 * publishedFileName), its snapshot `… .json` beside it, then the list-item columns. The columns go last,
 * so a version is listed only when everything it needs is there; a publish that stopped halfway is finished
 * by the next one, which finds its own file (same hash) and fills in what is missing.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { DriveItem, ListItem } from '@microsoft/microsoft-graph-types';
import type { PlanSnapshot } from '../../domain/snapshot';
import { snapshotFileName, type PlanLibrary, type PublishedFields, type PublishedVersion, type PublishOptions, type PublishOutcome, type PublishProgress, type PublishRequest } from '../planLibrary';
import { retryPolicy, type RetryPolicy } from '../retry';
import { explain } from './errors';
import { readExisting, readText } from './existing';
import { compareFields, fieldsOf, readListItem, setFields } from './fields';
import { odataString } from './paths';
import { readSnapshotsInBatches, writeSnapshot } from './snapshots';
import { uploadFile, type UploadOptions } from './upload';
import type { ForumDocument, ForumDocumentOutcome, ForumDocumentRequest } from '../forumDocuments';
import { listForumDocuments, publishForumDocument, readForumDocumentData } from './documents';

export const DEFAULT_LIBRARY_NAME = 'Tjänsteplaner';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface LibraryLocation {
  /** A site id, or a Graph site address such as `root` or `contoso.sharepoint.com:/sites/ekonomi:`. */
  site: string;
  /** Both known (the local library prints them): no lookups. Otherwise found by the library's name. */
  driveId?: string;
  listId?: string;
  libraryName?: string;
}

export interface GraphLibraryOptions {
  retry?: Partial<RetryPolicy>;
  /** Upload-session chunk size, rounded down to a multiple of 320 KiB. */
  chunkSize?: number;
}

interface Ids {
  siteId: string;
  driveId: string;
  listId: string;
}

export class GraphPlanLibrary implements PlanLibrary {
  private ids: Promise<Ids> | null = null;
  private readonly policy: RetryPolicy;

  constructor(
    private readonly client: Client,
    private readonly location: LibraryLocation,
    private readonly options: GraphLibraryOptions = {},
  ) {
    this.policy = retryPolicy(options.retry);
  }

  async publish(request: PublishRequest, given?: PublishOptions | ((p: PublishProgress) => void)): Promise<PublishOutcome> {
    const o: PublishOptions = typeof given === 'function' ? { onProgress: given } : (given ?? {});
    const { driveId } = await this.resolve();
    const folder = request.fields.Planperiod;
    const upload: UploadOptions = {
      policy: this.policy,
      chunkSize: this.options.chunkSize,
      onProgress: (sentBytes, totalBytes) => o.onProgress?.({ sentBytes, totalBytes }),
      resumeUrl: o.resumeUrl,
      onUploadSession: o.onUploadSession,
    };
    const up = await uploadFile(this.client, { driveId, folder, name: request.fileName, contentType: XLSX }, request.file, upload);
    if (up.kind === 'created') return this.finish(request, up.item, up.item.eTag ?? undefined);

    const existing = await readExisting(this.client, driveId, folder, request.fileName);
    const item = await readListItem(this.client, driveId, existing.item.id!);
    const have = fieldsOf(item.fields as Record<string, unknown>);
    // Two saves of one workbook differ in their bytes (timestamps in the package) but not in the plan: the
    // snapshot's fingerprint of the tables decides whether the file there is this very version.
    if (existing.sha256 !== request.fileSha256 && !(await this.sameTables(driveId, folder, request))) {
      return { kind: 'conflict', existing: this.version(existing.item, { ...request.fields, ...have }, existing.sha256) };
    }
    const verdict = compareFields(have, request.fields);
    if (verdict === 'same') return { kind: 'already-published', version: this.version(existing.item, request.fields, existing.sha256) };
    if (verdict === 'other') return { kind: 'conflict', existing: this.version(existing.item, { ...request.fields, ...have }, existing.sha256) };
    // Our file, but an earlier attempt stopped before its snapshot or columns: finish it.
    return this.finish(request, existing.item, item.eTag ?? undefined);
  }

  /** Snapshot, then columns, on a file that is ours. */
  private async finish(request: PublishRequest, file: DriveItem, eTag: string | undefined): Promise<PublishOutcome> {
    const { driveId } = await this.resolve();
    const mine = this.version(file, request.fields, request.fileSha256);
    const snapshot = await writeSnapshot(this.client, driveId, request.fields.Planperiod, request.fileName, request.snapshot, { policy: this.policy });
    if (snapshot === 'other') return { kind: 'conflict', existing: mine };
    const fields = await setFields(this.client, driveId, file.id!, request.fields, eTag);
    if (fields.kind === 'other') return { kind: 'conflict', existing: { ...mine, fields: { ...request.fields, ...fields.fields } } };
    return { kind: 'published', version: mine };
  }

  /** Whether the snapshot already beside the file has the fingerprint of the plan being published. */
  private async sameTables(driveId: string, folder: string, request: PublishRequest): Promise<boolean> {
    try {
      const text = await readText(this.client, driveId, folder, snapshotFileName(request.fileName));
      const there = JSON.parse(text) as { fingerprint?: unknown };
      return typeof there.fingerprint === 'string' && there.fingerprint === request.snapshot.fingerprint;
    } catch {
      return false;
    }
  }

  private version(item: DriveItem, fields: PublishedFields, fileSha256: string): PublishedVersion {
    return { fields, itemId: item.id ?? '', webUrl: item.webUrl ?? '', fileSha256 };
  }

  async listVersions(period: string): Promise<PublishedVersion[]> {
    const { siteId, listId } = await this.resolve();
    const out: PublishedVersion[] = [];
    try {
      let page = (await this.client
        .api(`/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId)}/items`)
        .expand('fields')
        .filter(`fields/Planperiod eq ${odataString(period)}`)
        // SharePoint refuses a filter on a column that is not indexed unless told the caller accepts that.
        .header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly')
        .get()) as { value?: ListItem[]; '@odata.nextLink'?: string };
      for (;;) {
        for (const item of page.value ?? []) {
          const fields = fieldsOf(item.fields as Record<string, unknown>);
          if (fields.Tjansteomrade && fields.Version && fields.Planperiod === period) {
            out.push({ fields: { Forum: '', Beslut: '', Beslutsdatum: '', ...fields } as PublishedFields, itemId: item.id ?? '', webUrl: item.webUrl ?? '' });
          }
        }
        const next = page['@odata.nextLink'];
        if (!next) break;
        page = (await this.client.api(next).get()) as typeof page;
      }
    } catch (e) {
      throw explain(e, `listningen av ${period}`);
    }
    return out;
  }

  async readSnapshots(versions: readonly PublishedVersion[]): Promise<PlanSnapshot[]> {
    if (versions.length === 0) return [];
    const { driveId } = await this.resolve();
    return readSnapshotsInBatches(this.client, driveId, versions, this.policy);
  }

  /** The site, drive and list ids, looked up at most once per library object. */
  private resolve(): Promise<Ids> {
    this.ids ??= this.lookUp().catch((e) => {
      this.ids = null;
      throw e;
    });
    return this.ids;
  }

  private async lookUp(): Promise<Ids> {
    const { site, driveId, listId } = this.location;
    try {
      const siteId = driveId && listId && !site.includes(':') && site !== 'root' ? site : ((await this.client.api(`/sites/${site}`).select('id').get()) as { id: string }).id;
      if (driveId && listId) return { siteId, driveId, listId };
      const name = this.location.libraryName ?? DEFAULT_LIBRARY_NAME;
      const drives = (await this.client.api(`/sites/${encodeURIComponent(siteId)}/drives`).select('id,name').get()) as { value: { id: string; name: string }[] };
      const drive = drives.value.find((d) => d.name === name);
      if (!drive) throw new Error(`dokumentbiblioteket ${name} finns inte på webbplatsen`);
      const list = (await this.client.api(`/drives/${encodeURIComponent(drive.id)}/list`).select('id').get()) as { id: string };
      return { siteId, driveId: drive.id, listId: list.id };
    } catch (e) {
      throw explain(e, 'uppslagningen av dokumentbiblioteket');
    }
  }

  async publishForumDocument(request: ForumDocumentRequest, onProgress?: (p: PublishProgress) => void): Promise<ForumDocumentOutcome> {
    const { driveId } = await this.resolve();
    const progress = onProgress ? (sentBytes: number, totalBytes: number) => onProgress({ sentBytes, totalBytes }) : undefined;
    return publishForumDocument(this.client, driveId, request, { policy: this.policy, chunkSize: this.options.chunkSize, onProgress: progress });
  }

  async listForumDocuments(period: string): Promise<ForumDocument[]> {
    const { driveId } = await this.resolve();
    return listForumDocuments(this.client, driveId, period);
  }

  async readForumDocumentData(document: ForumDocument): Promise<unknown> {
    const { driveId } = await this.resolve();
    return readForumDocumentData(this.client, driveId, document);
  }
}
