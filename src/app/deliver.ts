/**
 * The outbox step every publication shares (docs/graph.md §1): a version the outbox already delivered is not
 * sent again; one the library already holds with the same tables (another save of one workbook: other bytes,
 * same fingerprint) is not uploaded again; anything else goes into the outbox first, so nothing is lost,
 * and is sent from there. The library itself never overwrites (its conflict rule), whatever happens here.
 */
import { outboxId, type OutboxEntry, type SendReport } from '../publish/outbox';
import { fileNameOf, type PlanLibrary, type PublishedVersion, type PublishRequest } from '../publish/planLibrary';
import type { Publishing } from './ports';

export type Delivery =
  /** The library could not be reached at all (no token, an unreadable certificate): the version waits in the outbox. */
  | { kind: 'no-library'; fileName: string; error: unknown }
  /** Already there: delivered by this outbox before, or the library holds the same tables under the name. */
  | { kind: 'already-published'; fileName: string; webUrl?: string; entry?: OutboxEntry; report?: SendReport }
  /** Sent from the outbox: `entry` says how it went (landed, failed: a conflict, or still waiting). */
  | { kind: 'sent'; fileName: string; id: string; entry: OutboxEntry | undefined; report: SendReport };

export async function deliver(request: PublishRequest, publishing: Publishing): Promise<Delivery> {
  const { outbox } = publishing;
  const id = outboxId(request);
  const known = (await outbox.entries()).find((e) => e.id === id);
  let library: PlanLibrary;
  try {
    library = typeof publishing.library === 'function' ? await publishing.library() : publishing.library;
  } catch (error) {
    await outbox.add(request);
    return { kind: 'no-library', fileName: request.fileName, error };
  }
  const send = (only?: string[]) => outbox.send(library, { ...(only ? { only } : {}), onProgress: publishing.onProgress });
  if (known?.state === 'landed') {
    const report = publishing.sendAll ? await send() : undefined;
    return { kind: 'already-published', fileName: known.fileName, webUrl: known.webUrl, entry: known, ...(report ? { report } : {}) };
  }
  if (!known) {
    const twin = await publishedTwin(library, request);
    if (twin) return { kind: 'already-published', fileName: request.fileName, webUrl: twin.webUrl };
  }
  await outbox.add(request);
  const report = await send(publishing.sendAll ? undefined : [id]);
  const entry = [...report.landed, ...report.failed, ...report.waiting].find((e) => e.id === id) ?? (await outbox.entries()).find((e) => e.id === id);
  return { kind: 'sent', fileName: request.fileName, id, entry, report };
}

/** The same file (area, version, state) already in the library with the same tables: one list query, a snapshot at most. */
async function publishedTwin(library: PlanLibrary, request: PublishRequest): Promise<PublishedVersion | null> {
  try {
    const listed = (await library.listVersions(request.fields.Planperiod)).find(
      (v) =>
        v.fields.Tjansteomrade === request.fields.Tjansteomrade &&
        v.fields.Version === request.fields.Version &&
        // The name says the state: an approval is never taken for the submitted version of the same label.
        fileNameOf(v.fields) === request.fileName,
    );
    if (!listed) return null;
    if (listed.fileSha256 === request.fileSha256) return listed;
    const [snapshot] = await library.readSnapshots([listed]);
    return snapshot && snapshot.fingerprint === request.snapshot.fingerprint ? listed : null;
  } catch {
    // The outbox will find out (and keep the version) if the library cannot be reached.
    return null;
  }
}
