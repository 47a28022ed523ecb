/**
 * The list-item columns of a published file, written last (so a version is listed only once its file and
 * snapshot are there) with PATCH + If-Match: a stale ETag (412) makes us read the item again instead of
 * writing over what someone else set.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { PublishedFields } from '../planLibrary';
import { explain, statusOf } from './errors';

export const FIELD_NAMES: readonly (keyof PublishedFields)[] = ['Tjansteomrade', 'Planperiod', 'Version', 'Forum', 'Beslut', 'Beslutsdatum'];

export type FieldsOutcome =
  /** Written now. */
  | { kind: 'set' }
  /** They already said exactly this: nothing was written. */
  | { kind: 'same' }
  /** Someone set other values: left as they are. */
  | { kind: 'other'; fields: Partial<PublishedFields> };

/** Our columns as read from a list item; other columns (Title, Created, …) are ignored. */
export function fieldsOf(raw: Record<string, unknown> | undefined | null): Partial<PublishedFields> {
  const out: Partial<PublishedFields> = {};
  for (const k of FIELD_NAMES) {
    const v = raw?.[k];
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  }
  return out;
}

/** Dates compare by day: SharePoint hands a date column back as `2021-03-12T00:00:00Z`. */
function sameValue(k: keyof PublishedFields, a: string, b: string): boolean {
  return k === 'Beslutsdatum' ? a.slice(0, 10) === b.slice(0, 10) : a === b;
}

/** `same`: nothing to write; `empty`: what is set agrees with ours, the rest is ours to fill; `other`: someone else's. */
export function compareFields(have: Partial<PublishedFields>, want: PublishedFields): 'same' | 'empty' | 'other' {
  if (FIELD_NAMES.every((k) => sameValue(k, have[k] ?? '', want[k] ?? ''))) return 'same';
  return FIELD_NAMES.some((k) => have[k] !== undefined && !sameValue(k, have[k]!, want[k] ?? '')) ? 'other' : 'empty';
}

function listItemPath(driveId: string, itemId: string): string {
  return `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}/listItem`;
}

export async function readListItem(client: Client, driveId: string, itemId: string): Promise<ListItem> {
  try {
    return (await client.api(listItemPath(driveId, itemId)).expand('fields').get()) as ListItem;
  } catch (e) {
    throw explain(e, 'läsningen av metadata');
  }
}

/**
 * Sets the columns on the file's list item. `eTag` is what we believe the item's current ETag is (from the
 * upload's answer or a read); on 412 the item is read again and, if the columns are still ours to fill,
 * written with the fresh ETag.
 */
export async function setFields(client: Client, driveId: string, itemId: string, want: PublishedFields, eTag: string | undefined): Promise<FieldsOutcome> {
  let tag = eTag;
  for (let round = 0; round < 4; round++) {
    if (tag === undefined) {
      const item = await readListItem(client, driveId, itemId);
      const have = fieldsOf(item.fields as Record<string, unknown>);
      const verdict = compareFields(have, want);
      if (verdict === 'same') return { kind: 'same' };
      if (verdict === 'other') return { kind: 'other', fields: have };
      tag = item.eTag ?? '*';
    }
    try {
      // Empty values are left out: SharePoint refuses '' for a date column, and unset reads back as empty.
      const body = Object.fromEntries(FIELD_NAMES.filter((k) => want[k] !== '').map((k) => [k, want[k]]));
      await client.api(`${listItemPath(driveId, itemId)}/fields`).header('If-Match', tag).patch(body);
      return { kind: 'set' };
    } catch (e) {
      if (statusOf(e) !== 412) throw explain(e, 'skrivningen av metadata');
      tag = undefined;
    }
  }
  throw explain(new Error('ETag ändras hela tiden'), 'skrivningen av metadata');
}
