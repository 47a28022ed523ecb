/**
 * Where the workbook keeps its approved version (ApprovalRecord): the table Fastställd on a very hidden
 * sheet, written only by the add-in. One row per item, readable by anyone who unhides it (Version, Forum,
 * Datum, Fingeravtryck), then the approved tables' canonical form as JSON over as many Tabeller rows as it
 * needs, since one cell holds at most 32 767 characters. A table rather than Office's add-in settings
 * because every host reads tables, the CLI's exceljs included, and the read costs no extra sync.
 */
import { cellText } from '../../domain/cell';
import { approvalFrom, type ApprovalRecord } from '../../domain/approval';
import { finding, type Finding } from '../../domain/findings';
import type { RawTable, TableWrite } from '../host';
import { findTable, headerKey, TABLES } from './tables';

const ITEMS = { schema: 'Schema', version: 'Version', forum: 'Forum', date: 'Datum', fingerprint: 'Fingeravtryck', tables: 'Tabeller' } as const;

/** Under Excel's 32 767 characters per cell, with room to spare. */
export const CHUNK = 30_000;
/**
 * Starts every Tabeller cell, and is taken off when read: no piece of the JSON then starts a cell, where an
 * apostrophe would be taken as Excel's text prefix and dropped, or `=`, `+`, `-` as the start of a formula.
 */
const MARK = '|';

/** Pieces of at most CHUNK characters, never splitting a character outside the BMP (an emoji) in two. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export function approvalTable(record: ApprovalRecord): TableWrite {
  const chunks = pieces(JSON.stringify(record.tables)).map((c) => MARK + c);
  return {
    sheet: TABLES.approval.sheet,
    name: TABLES.approval.name,
    headers: [...TABLES.approval.headers],
    rows: [
      [ITEMS.schema, record.schema],
      [ITEMS.version, record.version],
      [ITEMS.forum, record.forum ?? ''],
      [ITEMS.date, record.date ?? ''],
      [ITEMS.fingerprint, record.fingerprint],
      ...chunks.map((c) => [ITEMS.tables, c]),
    ],
    // Text throughout: a version `1.0` stays `1.0`, a chunk that happens to start with `=` stays text.
    numberFormats: ['@', '@'],
    widths: [16, 80],
  };
}

export interface ApprovalReading {
  /** Null when the workbook has no record, or one that cannot be read (then `findings` says so). */
  record: ApprovalRecord | null;
  findings: Finding[];
}

export function readApproval(tables: readonly RawTable[]): ApprovalReading {
  const raw = findTable(tables, TABLES.approval.name);
  if (!raw) return { record: null, findings: [] };
  const record = decode(raw);
  if (record) return { record, findings: [] };
  return { record: null, findings: [finding('APPROVAL_UNREADABLE', {}, { location: { sheet: raw.sheet, table: raw.name } })] };
}

function decode(raw: RawTable): ApprovalRecord | null {
  const [itemHeader, valueHeader] = TABLES.approval.headers.map(headerKey);
  const item = raw.headers.findIndex((h) => headerKey(h) === itemHeader);
  const value = raw.headers.findIndex((h) => headerKey(h) === valueHeader);
  if (item < 0 || value < 0) return null;
  const single = new Map<string, string>();
  let json = '';
  for (const row of raw.body) {
    const key = cellText(row[item]);
    const text = typeof row[value] === 'string' ? (row[value] as string) : cellText(row[value]);
    if (key === ITEMS.tables) {
      if (!text.startsWith(MARK)) return null;
      json += text.slice(MARK.length);
    } else single.set(key, text);
  }
  const orNull = (s: string | undefined) => (s ? s : null);
  let tablesValue: unknown;
  try {
    tablesValue = JSON.parse(json);
  } catch {
    return null;
  }
  return approvalFrom({
    schema: single.get(ITEMS.schema),
    version: single.get(ITEMS.version) ?? '',
    forum: orNull(single.get(ITEMS.forum)),
    date: orNull(single.get(ITEMS.date)),
    fingerprint: single.get(ITEMS.fingerprint) ?? '',
    tables: tablesValue,
  });
}
