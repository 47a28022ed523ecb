/**
 * Putting a forum's document in the library beside the plans (docs/graph.md §1): the review pack for
 * members to open in Excel for the web, the prioritisation decision for each area's controller to apply.
 * Shared by the task pane and the command line; browser-safe (Web Crypto for the hashes).
 */
import { formatPeriod, parsePeriod } from '../domain/period';
import { parseForum } from '../domain/versions';
import type { ForumDocumentKind, ForumDocumentOutcome } from '../publish/forumDocuments';
import { sha256Hex } from '../publish/hash';
import type { PlanLibrary, PublishProgress } from '../publish/planLibrary';

export interface ForumDocumentInput {
  kind: ForumDocumentKind;
  /** `2022–2024` or `2022-2024`. */
  period: string;
  forum: string;
  /** The meeting's ISO date. */
  date: string;
  /** The workbook. */
  file: Uint8Array;
  /**
   * What the document says, as plain values (its tables): hashed to recognise the same document published
   * again, since the bytes of a workbook saved twice differ.
   */
  content: unknown;
  /** Kept in the JSON beside it for readers that cannot open the workbook. */
  data?: unknown;
}

/** Refuses, in Swedish, what would make a wrong name in the library: an unknown forum, a bad date or period. */
export async function publishForumDocument(library: PlanLibrary, input: ForumDocumentInput, onProgress?: (p: PublishProgress) => void): Promise<ForumDocumentOutcome> {
  const forum = parseForum(input.forum);
  if (!forum) throw new Error(`${input.forum} är inget forum (TF, PF eller BF)`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) throw new Error(`${input.date} är inget datum (ÅÅÅÅ-MM-DD)`);
  const period = parsePeriod(input.period);
  if (!period) throw new Error(`${input.period} är ingen planperiod (t.ex. 2022–2024)`);
  const [fileSha256, contentSha256] = await Promise.all([sha256Hex(input.file), sha256Hex(new TextEncoder().encode(JSON.stringify(input.content)))]);
  return library.publishForumDocument(
    { kind: input.kind, period: formatPeriod(period), forum, date: input.date, file: input.file, fileSha256, contentSha256, ...(input.data === undefined ? {} : { data: input.data }) },
    onProgress,
  );
}
