/**
 * The site's document library as a list with column definitions, as Graph describes them
 * (https://learn.microsoft.com/graph/api/resources/columndefinition). A state written before lists could be
 * created (`list` absent) is the library as it has always been made at start: `Tjänsteplaner` with the
 * standard columns of columns.ts. `list: null` is a site without it (`--empty-site`), which `provision`
 * sets up through `POST /sites/{id}/lists`.
 */
import { createHash } from 'node:crypto';
import { COLUMNS, INDEXED_BUILT_IN } from './columns';
import type { State } from './state';

/** The column types the local library can create; Graph has more (lookup, personOrGroup, …). */
export type ColumnType = 'text' | 'choice' | 'dateTime' | 'number' | 'boolean';

export interface ColumnRecord {
  id: string;
  name: string;
  displayName: string;
  description: string;
  type: ColumnType;
  indexed: boolean;
  required: boolean;
  enforceUniqueValues: boolean;
  hidden: boolean;
  choices?: string[];
  /** text only. */
  maxLength?: number;
  /** dateTime only: `dateOnly` or `dateTime`. */
  format?: string;
}

export interface ListRecord {
  displayName: string;
  description: string;
  created: string;
  /** Custom columns, in the order they were made. */
  columns: ColumnRecord[];
}

/** Guid-shaped and stable, so the default library's columns keep their ids between requests and restarts. */
export function stableGuid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function defaultList(state: State): ListRecord {
  return {
    displayName: 'Tjänsteplaner',
    description: '',
    created: state.created,
    columns: COLUMNS.filter((c) => c.name !== 'Title').map((c) => ({
      id: stableGuid(state.listGuid, c.name),
      name: c.name,
      displayName: c.displayName,
      description: '',
      type: c.type,
      indexed: c.indexed,
      required: false,
      enforceUniqueValues: false,
      hidden: false,
      ...(c.choices ? { choices: [...c.choices] } : {}),
      ...(c.type === 'dateTime' ? { format: 'dateOnly' } : {}),
    })),
  };
}

type WithList = State & { list?: ListRecord | null };

/** The document library's list, or null on a site that has none yet. */
export function listOf(state: State): ListRecord | null {
  const l = (state as WithList).list;
  return l === undefined ? defaultList(state) : l;
}

/** Sets the list in a draft state (the default one is written out the first time it changes). */
export function setList(draft: State, list: ListRecord | null): void {
  (draft as WithList).list = list;
}

/**
 * Columns every document library has from its template. Their ids are SharePoint's own field ids; they are
 * listed so that a client sees what a real library shows and cannot create a column over them.
 */
export const TEMPLATE_COLUMNS: readonly { id: string; name: string; displayName: string; type: ColumnType; readOnly: boolean; indexed: boolean }[] = [
  { id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', name: 'Title', displayName: 'Title', type: 'text', readOnly: false, indexed: false },
  { id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', name: 'ID', displayName: 'ID', type: 'number', readOnly: true, indexed: true },
  { id: '8553196d-ec8d-4564-9861-3dbe931050c8', name: 'FileLeafRef', displayName: 'Name', type: 'text', readOnly: false, indexed: false },
  { id: 'c042a256-787d-4a6f-8a8a-cf6ab767f12d', name: 'ContentType', displayName: 'Content Type', type: 'text', readOnly: true, indexed: true },
  { id: '8c06beca-0777-48f7-91c7-6da68bc07b69', name: 'Created', displayName: 'Created', type: 'dateTime', readOnly: true, indexed: true },
  { id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', name: 'Modified', displayName: 'Modified', type: 'dateTime', readOnly: true, indexed: true },
];

/** SharePoint refuses a $filter on a column without an index (unless the client accepts the risk). */
export function isIndexed(state: State, field: string): boolean {
  if (INDEXED_BUILT_IN.has(field)) return true;
  return !!listOf(state)?.columns.find((c) => c.name === field)?.indexed;
}
