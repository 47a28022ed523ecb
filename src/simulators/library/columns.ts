/**
 * The document library's columns: the plan's metadata (Tjansteomrade, Planperiod, Version, Forum, Beslut,
 * Beslutsdatum) and Title, with SharePoint's rules for writing them: unknown or read-only fields are
 * refused, text is text (at most 255 characters), Beslut is a choice, Beslutsdatum a date. Tjansteomrade
 * and Planperiod are indexed (so a $filter on them alone needs no Prefer header, as in a library set up
 * with those indexes); the others are not.
 */
import { badRequest } from './errors';

export interface Column {
  name: string;
  displayName: string;
  type: 'text' | 'choice' | 'dateTime';
  indexed: boolean;
  choices?: readonly string[];
}

export const BESLUT = ['Utkast', 'Inskickad', 'Fastställd', 'Återremitterad'] as const;

export const COLUMNS: readonly Column[] = [
  { name: 'Title', displayName: 'Rubrik', type: 'text', indexed: false },
  { name: 'Tjansteomrade', displayName: 'Tjänsteområde', type: 'text', indexed: true },
  { name: 'Planperiod', displayName: 'Planperiod', type: 'text', indexed: true },
  { name: 'Version', displayName: 'Version', type: 'text', indexed: false },
  { name: 'Forum', displayName: 'Forum', type: 'text', indexed: false },
  { name: 'Beslut', displayName: 'Beslut', type: 'choice', indexed: false, choices: BESLUT },
  { name: 'Beslutsdatum', displayName: 'Beslutsdatum', type: 'dateTime', indexed: false },
];

/** Built-in fields a client may read (and filter on) but not write. */
export const BUILT_IN = ['id', 'FileLeafRef', 'ContentType', 'Created', 'Modified', 'AuthorLookupId', 'EditorLookupId', '_UIVersionString', 'FileSizeDisplay', 'DocIcon', 'LinkFilename', 'LinkFilenameNoMenu', 'ItemChildCount', 'FolderChildCount', 'Edit', 'Attachments'];
/** Built-in fields SharePoint indexes. */
export const INDEXED_BUILT_IN = new Set(['id', 'ContentType', 'Created', 'Modified']);

export const columnNamed = (name: string): Column | undefined => COLUMNS.find((c) => c.name === name);

const MAX_TEXT = 255;

/** The fields after a PATCH body is applied, or 400 as SharePoint answers a field it cannot take. */
export function patchedFields(current: Record<string, string>, body: Record<string, unknown>): Record<string, string> {
  const next = { ...current };
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@') || key.includes('@odata.')) continue;
    if (BUILT_IN.includes(key)) throw badRequest(`Field '${key}' is read-only`);
    const column = columnNamed(key);
    if (!column) throw badRequest(`Field '${key}' is not recognized`);
    if (value === null || value === '') {
      delete next[key];
      continue;
    }
    if (typeof value !== 'string') throw badRequest(`Invalid value for field '${key}': a ${column.type} value is a string.`);
    next[key] = checked(column, value);
  }
  return next;
}

function checked(column: Column, value: string): string {
  if (column.type === 'dateTime') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
    const t = m ? Date.parse(m[4] ? value : `${value}T00:00:00Z`) : NaN;
    if (!m || Number.isNaN(t) || new Date(t).getUTCDate() !== Number(m[3]) && !m[4]) throw badRequest(`Invalid value for field '${column.name}': '${value}' is not a date.`);
    return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (value.length > MAX_TEXT) throw badRequest(`Invalid value for field '${column.name}': longer than ${MAX_TEXT} characters.`);
  if (column.choices && !column.choices.includes(value)) throw badRequest(`Invalid choice '${value}' for field '${column.name}': one of ${column.choices.join(', ')}.`);
  return value;
}
