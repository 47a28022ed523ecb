/**
 * Building a forum's review pack (granskningsunderlag) from the library, and putting it beside the plans
 * (issue 14): `tjansteplan pack` and the pane's Sammanställning both call `buildReviewPack`.
 *
 * Presented per area: its newest approved version, whichever forum approved it (what the forum decides on is
 * the plan as it stands). Compared with: `previousFor` — the newest earlier version this forum approved
 * itself, else the newest earlier approved version of any forum. One list query for the period and the
 * snapshots of both versions per area in JSON batches (⌈n/20⌉ requests). An area whose list item or presented
 * snapshot cannot be used is left out (said through `skip`); one whose previous snapshot cannot be read is
 * shown without a comparison.
 *
 * The workbook's bytes come through the `write` port (exceljs in Node or its browser chunk: both
 * `sheetsToXlsx`), so nothing here loads exceljs. Published as `<period>/Forum/Granskningsunderlag <forum>
 * <date>.xlsx` through publishForumDocument: written once, the same pack again is recognised by its tables.
 * With finance's frame (`request.frame`) the pack gains the Ram sheet, and so other content than without; the
 * sheet lists the frame's findings (`request.frameFindings`) and the consolidation's, so they count too.
 */
import type { Finding } from '../domain/findings';
import type { CityFrame } from '../domain/frame';
import type { PlanSnapshot } from '../domain/snapshot';
import type { Forum } from '../domain/versions';
import { firstLineOf } from '../publish/errors';
import type { ForumDocumentOutcome } from '../publish/forumDocuments';
import { fileNameOf, type PlanLibrary, type PublishedVersion } from '../publish/planLibrary';
import { reviewPack, type PackAreaInput, type PackSheet, type PackVersion, type ReviewPack } from '../workbook/contract/reviewPackTables';
import { decisionDateOf, listApproved, previousFor, readSnapshots, type ReadCallbacks } from './approvedVersions';
import { publishForumDocument } from './publishForumDocument';

export interface ReviewPackRequest {
  forum: Forum;
  /** `2022–2024`, as the library's folders write it. */
  period: string;
  /** Put it in the library on the meeting's ISO date; otherwise only built. */
  publish?: { date: string };
  /** Finance's frame: the pack then has the Ram sheet (the city and each area against it). */
  frame?: CityFrame | null;
  /** The frame workbook's own findings (readCityFrame): listed on the Ram sheet beside the consolidation's. */
  frameFindings?: readonly Finding[];
}

export interface ReviewPackPorts extends ReadCallbacks {
  library: PlanLibrary;
  /** The workbook's bytes: each sheet's title in A1 and its tables below (sheetsToXlsx). */
  write: (sheets: readonly PackSheet[]) => Promise<Uint8Array>;
}

export type ReviewPackOutcome =
  /** The period has no approved version that could be read: nothing built, nothing published. */
  | { kind: 'nothing-approved'; period: string }
  | {
      kind: 'built';
      pack: ReviewPack;
      bytes: Uint8Array;
      /** Areas whose presented version has change notes against the previous one. */
      changed: number;
      /** Asked to publish: what the library did; `failed` when it could not be reached or refused (the pack is built all the same). */
      publication?: ForumDocumentOutcome | { kind: 'failed'; message: string };
    };

/** Reading the library throws (LibraryUnavailable, LibraryRefused, …); publishing does not, it says so in the outcome. */
export async function buildReviewPack(request: ReviewPackRequest, ports: ReviewPackPorts): Promise<ReviewPackOutcome> {
  const { forum, period } = request;
  const { library } = ports;
  const areas = await listApproved(library, period, ports.skip);
  const chosen = areas.map((a) => ({ area: a.area, presented: a.versions[0], previous: previousFor(a.versions, forum) }));
  const wanted = chosen.flatMap((c) => (c.previous ? [c.presented, c.previous] : [c.presented]));
  const snapshots = await readSnapshots(library, wanted, ports);
  const byVersion = new Map<PublishedVersion, PlanSnapshot | null>(wanted.map((v, i) => [v, snapshots[i]]));
  const inputs: PackAreaInput[] = chosen.flatMap((c) => {
    const presented = byVersion.get(c.presented);
    if (!presented) return [];
    const previous = c.previous ? byVersion.get(c.previous) : null;
    return [{ area: presented.area || c.area, presented: shown(c.presented, presented), previous: c.previous && previous ? shown(c.previous, previous) : null }];
  });
  if (inputs.length === 0) return { kind: 'nothing-approved', period };

  const pack = reviewPack(forum, period, inputs, request.frame, request.frameFindings);
  const bytes = await ports.write(pack.sheets);
  const changed = pack.areas.filter((a) => a.notes.length > 0).length;
  if (!request.publish) return { kind: 'built', pack, bytes, changed };
  let publication: ForumDocumentOutcome | { kind: 'failed'; message: string };
  try {
    publication = await publishForumDocument(library, { kind: 'Granskningsunderlag', period, forum, date: request.publish.date, file: bytes, content: packContent(pack) });
  } catch (e) {
    publication = { kind: 'failed', message: firstLineOf(e) };
  }
  return { kind: 'built', pack, bytes, changed, publication };
}

function shown(v: PublishedVersion, snapshot: PlanSnapshot): PackVersion {
  return {
    snapshot,
    version: v.fields.Version,
    forum: v.fields.Forum,
    decision: v.fields.Beslut,
    decisionDate: decisionDateOf(v, snapshot),
    file: fileNameOf(v.fields),
  };
}

/**
 * What the pack says, as plain values: its sheets' titles and tables. Hashed by publishForumDocument, so a
 * pack built again from the same library (by the pane or the command line) is recognised as already there,
 * and one with the Ram sheet (built with a frame) is another document than one without.
 */
export function packContent(pack: ReviewPack): unknown {
  return pack.sheets.map((sh) => ({ name: sh.name, title: sh.title, tables: sh.tables.map((t) => ({ name: t.name, headers: t.headers, rows: t.rows })) }));
}
