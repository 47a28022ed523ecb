/**
 * Forum documents in the library (docs/graph.md §1): what a forum works from or decided, published beside
 * the plans so members open one workbook in Excel for the web and each area's controller finds the decision.
 * They live in the period folder's subfolder `Forum`, named for the kind, the forum and the meeting date
 * (`2022–2024/Forum/Prioriteringsbeslut PF 2021-03-18.xlsx`), with list columns Planperiod, Forum and
 * Beslutsdatum (Tjansteomrade and Version empty: a forum document is no area's plan). Like plan versions,
 * each is written once and never overwritten.
 *
 * Beside each workbook, `… .json` (schema `tjansteplan.forumdocument/1`) says what the workbook holds as a
 * content hash, so the same document published again is recognised although its bytes differ (a workbook
 * saved twice differs in its timestamps), and carries data a reader needs without opening the workbook (a
 * decision's rows: the task pane cannot read an .xlsx file, only the workbook open in Excel).
 */

export const FORUM_FOLDER = 'Forum';
export const FORUM_DOCUMENT_SCHEMA = 'tjansteplan.forumdocument/1';

export const FORUM_DOCUMENT_KINDS = ['Granskningsunderlag', 'Prioriteringsbeslut'] as const;
export type ForumDocumentKind = (typeof FORUM_DOCUMENT_KINDS)[number];

export interface ForumDocumentRequest {
  kind: ForumDocumentKind;
  /** `2022–2024` (en dash), as the plans' Planperiod. */
  period: string;
  /** TF, PF or BF. */
  forum: string;
  /** ISO date of the meeting. */
  date: string;
  file: Uint8Array;
  /** SHA-256 (hex) of `file`. */
  fileSha256: string;
  /** SHA-256 (hex) of what the document says (its tables), the same however often the workbook is saved. */
  contentSha256: string;
  /** What a reader needs from the document without the workbook (a decision's rows), stored in the JSON. */
  data?: unknown;
}

/** The JSON beside a forum document. */
export interface ForumDocumentSidecar {
  schema: typeof FORUM_DOCUMENT_SCHEMA;
  kind: ForumDocumentKind;
  period: string;
  forum: string;
  date: string;
  fileSha256: string;
  contentSha256: string;
  data?: unknown;
}

export interface ForumDocument {
  kind: ForumDocumentKind;
  period: string;
  forum: string;
  date: string;
  /** The file name in the Forum folder. */
  name: string;
  itemId: string;
  /** Where a member opens it (Excel for the web). */
  webUrl: string;
}

export type ForumDocumentOutcome =
  | { kind: 'published'; document: ForumDocument }
  /** The same document was already there: nothing was written (or only what an interrupted attempt left out). */
  | { kind: 'already-published'; document: ForumDocument }
  /** The name is taken by a document with other content: never overwritten. */
  | { kind: 'conflict'; existing: ForumDocument };

/** `Prioriteringsbeslut PF 2021-03-18.xlsx` */
export function forumDocumentName(kind: ForumDocumentKind, forum: string, date: string): string {
  return `${kind} ${forum} ${date}.xlsx`;
}

export function forumSidecarName(name: string): string {
  return name.replace(/\.xlsx$/i, '.json');
}

/** `2022–2024/Forum`: the folder of a period's forum documents. */
export function forumFolder(period: string): string {
  return `${period}/${FORUM_FOLDER}`;
}

const NAME = /^(Granskningsunderlag|Prioriteringsbeslut) (TF|PF|BF) (\d{4}-\d{2}-\d{2})\.xlsx$/;

/** The kind, forum and date a file name in the Forum folder gives; null for any other file. */
export function parseForumDocumentName(name: string): { kind: ForumDocumentKind; forum: string; date: string } | null {
  const m = NAME.exec(name);
  return m ? { kind: m[1] as ForumDocumentKind, forum: m[2], date: m[3] } : null;
}

/** Newest meeting first; of one day, the later forum in a plan's path (BF after PF after TF). */
export function newestForumDocumentFirst(a: ForumDocument, b: ForumDocument): number {
  const order = ['TF', 'PF', 'BF'];
  return b.date.localeCompare(a.date) || order.indexOf(b.forum) - order.indexOf(a.forum);
}
