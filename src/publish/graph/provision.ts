/**
 * Sets up a site for publishing: the `Tjänsteplaner` document library with the plan's columns, the two
 * columns the list queries filter on indexed. It reads before it writes and only adds what is missing, so a
 * second run changes nothing; a column that exists with another type (or without a choice) is reported and
 * left alone, since changing it could lose the values already in it.
 * Requests: GET /sites/{site}; GET /sites/{id}/lists; then either POST /sites/{id}/lists (the library with its
 * columns) or GET /sites/{id}/lists/{list}/columns and POST …/columns per missing column.
 * Graph v1.0 has no list views (https://learn.microsoft.com/graph/api/resources/list: the list's relationships
 * are drive, items, columns, contentTypes, operations, subscriptions), so the views per forum are made by hand.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { DECISIONS } from '../../domain/versions';
import { statusOf } from './errors';

export const LIBRARY_NAME = 'Tjänsteplaner';

export type ColumnKind = 'text' | 'choice' | 'dateTime';

export interface WantedColumn {
  name: string;
  displayName: string;
  kind: ColumnKind;
  indexed: boolean;
  choices?: readonly string[];
}

/** docs/graph.md: the list-item columns the publisher writes and consolidation filters on. */
export const WANTED_COLUMNS: readonly WantedColumn[] = [
  { name: 'Tjansteomrade', displayName: 'Tjänsteområde', kind: 'text', indexed: true },
  { name: 'Planperiod', displayName: 'Planperiod', kind: 'text', indexed: true },
  { name: 'Version', displayName: 'Version', kind: 'text', indexed: false },
  { name: 'Forum', displayName: 'Forum', kind: 'text', indexed: false },
  { name: 'Beslut', displayName: 'Beslut', kind: 'choice', indexed: false, choices: DECISIONS },
  { name: 'Beslutsdatum', displayName: 'Beslutsdatum', kind: 'dateTime', indexed: false },
];

/** The columnDefinition Graph is sent for a wanted column. */
export function columnDefinition(c: WantedColumn): Record<string, unknown> {
  const facet =
    c.kind === 'text' ? { text: { maxLength: 255 } } : c.kind === 'choice' ? { choice: { choices: [...(c.choices ?? [])], displayAs: 'dropDownMenu' } } : { dateTime: { format: 'dateOnly' } };
  return { name: c.name, displayName: c.displayName, indexed: c.indexed, ...facet };
}

export interface ColumnProblem {
  name: string;
  /** `type`: another type than wanted; `choices`: a choice column without some decisions; `index`: not indexed. */
  problem: 'type' | 'choices' | 'index';
  wanted: string;
  found: string;
}

export interface ProvisionReport {
  siteId: string;
  listId: string;
  webUrl?: string;
  createdLibrary: boolean;
  addedColumns: string[];
  problems: ColumnProblem[];
  /**
   * The library or a column was there by the time it was created (409): made by this run's own first
   * attempt whose answer was lost and retried, or by someone else at the same moment. Checked, not counted
   * as made or as unchanged, since which of the two it was cannot be known.
   */
  appeared: string[];
  /** Nothing was written. */
  unchanged: boolean;
}

/** A list with the library's name that is not a document library: nothing can be published into it. */
export class NotADocumentLibrary extends Error {}

const TYPE_FACETS = ['text', 'choice', 'dateTime', 'number', 'boolean', 'currency', 'lookup', 'personOrGroup', 'calculated', 'hyperlinkOrPicture', 'term', 'geolocation', 'thumbnail'];

interface GraphColumn {
  id?: string;
  name?: string;
  indexed?: boolean;
  choice?: { choices?: string[] };
  [facet: string]: unknown;
}

interface GraphList {
  id: string;
  displayName?: string;
  name?: string;
  webUrl?: string;
  list?: { template?: string };
}

function typeOf(c: GraphColumn): string {
  return TYPE_FACETS.find((f) => c[f] !== undefined && c[f] !== null) ?? 'okänd';
}

async function all<T>(client: Client, path: string): Promise<T[]> {
  const out: T[] = [];
  let page = (await client.api(path).get()) as { value: T[]; '@odata.nextLink'?: string };
  out.push(...page.value);
  while (page['@odata.nextLink']) {
    page = (await client.api(page['@odata.nextLink']).get()) as typeof page;
    out.push(...page.value);
  }
  return out;
}

async function findLibrary(client: Client, siteId: string): Promise<GraphList | undefined> {
  const lists = await all<GraphList>(client, `/sites/${encodeURIComponent(siteId)}/lists?$select=id,name,displayName,webUrl,list`);
  const name = LIBRARY_NAME.toLowerCase();
  return lists.find((l) => l.displayName?.toLowerCase() === name);
}

/** What is wrong with an existing column for the wanted one (empty when it is right). */
export function problemsWith(want: WantedColumn, found: GraphColumn): ColumnProblem[] {
  const type = typeOf(found);
  if (type !== want.kind) return [{ name: want.name, problem: 'type', wanted: want.kind, found: type }];
  const out: ColumnProblem[] = [];
  if (want.choices) {
    const have = found.choice?.choices ?? [];
    const missing = want.choices.filter((c) => !have.includes(c));
    if (missing.length) out.push({ name: want.name, problem: 'choices', wanted: want.choices.join(', '), found: have.join(', ') });
  }
  if (want.indexed && !found.indexed) out.push({ name: want.name, problem: 'index', wanted: 'indexed', found: 'not indexed' });
  return out;
}

export async function provisionLibrary(client: Client, site: string): Promise<ProvisionReport> {
  const siteId = ((await client.api(`/sites/${site}`).select('id').get()) as { id: string }).id;
  const sitePath = `/sites/${encodeURIComponent(siteId)}`;
  let library = await findLibrary(client, siteId);
  let createdLibrary = false;
  const appeared: string[] = [];
  if (!library) {
    const body = { displayName: LIBRARY_NAME, description: 'Tjänsteplaner: versioner per planperiod', list: { template: 'documentLibrary' }, columns: WANTED_COLUMNS.map(columnDefinition) };
    try {
      library = (await client.api(`${sitePath}/lists`).post(body)) as GraphList;
      createdLibrary = true;
    } catch (e) {
      // A retried POST whose first answer was lost finds its own list: read it rather than fail.
      if (statusOf(e) !== 409) throw e;
      library = await findLibrary(client, siteId);
      if (!library) throw e;
      appeared.push(LIBRARY_NAME);
    }
  }
  if (library.list?.template && library.list.template !== 'documentLibrary') {
    throw new NotADocumentLibrary(`listan ${LIBRARY_NAME} finns men är ingen dokumentbiblioteksmall (${library.list.template})`);
  }
  const listPath = `${sitePath}/lists/${encodeURIComponent(library.id)}`;
  let existing = await all<GraphColumn>(client, `${listPath}/columns`);
  const addedColumns: string[] = [];
  const problems: ColumnProblem[] = [];
  for (const want of WANTED_COLUMNS) {
    const named = (c: GraphColumn) => c.name?.toLowerCase() === want.name.toLowerCase();
    const found = existing.find(named);
    if (found) {
      problems.push(...problemsWith(want, found));
      continue;
    }
    try {
      const made = (await client.api(`${listPath}/columns`).post(columnDefinition(want))) as GraphColumn;
      addedColumns.push(want.name);
      problems.push(...problemsWith(want, made));
    } catch (e) {
      if (statusOf(e) !== 409) throw e;
      existing = await all<GraphColumn>(client, `${listPath}/columns`);
      const now = existing.find(named);
      if (!now) throw e;
      appeared.push(want.name);
      problems.push(...problemsWith(want, now));
    }
  }
  const unchanged = !createdLibrary && addedColumns.length === 0 && appeared.length === 0;
  return { siteId, listId: library.id, webUrl: library.webUrl, createdLibrary, addedColumns, problems, appeared, unchanged };
}
