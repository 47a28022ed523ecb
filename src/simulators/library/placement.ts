/**
 * Finding drive items by address, and putting a file into the drive (shared by the simple PUT and the
 * completion of an upload session): missing folders on the way are created, and an existing name is
 * handled by the conflict behaviour (`fail` 409, `replace`, `rename`) and `If-Match`.
 */
import { badRequest, GraphFail, nameAlreadyExists, notFound, staleETag } from './errors';
import { ifMatchHolds, newGuid, newItemId } from './ids';
import { checkName, childNamed, freeName } from './names';
import type { ItemAddress } from './routes';
import { timestamp, type ConflictBehavior, type Item, type State } from './state';

export function baseItem(state: State, address: ItemAddress): Item {
  const item = state.items[address.base === 'root' ? state.rootId : address.base];
  if (!item) throw notFound();
  return item;
}

export function findItem(state: State, address: ItemAddress): Item {
  let item = baseItem(state, address);
  for (const name of address.path) {
    const next = childNamed(state, item.id, name);
    if (!next) throw notFound();
    item = next;
  }
  return item;
}

export function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw badRequest(`Invalid value for @microsoft.graph.conflictBehavior: '${String(value)}' (fail, replace, rename).`);
}

/** Where a file would go: the existing item there, or nothing yet. Refuses what could never be placed. */
export function probeTarget(state: State, baseId: string, path: string[]): Item | undefined {
  let parent = state.items[baseId];
  if (!parent) throw notFound();
  for (const name of path) checkName(name);
  for (const [i, name] of path.entries()) {
    const next = childNamed(state, parent.id, name);
    if (!next) return undefined;
    if (i === path.length - 1) return next;
    if (!next.folder) throw nameAlreadyExists(name);
    parent = next;
  }
  return parent;
}

export function ensureFolders(draft: State, baseId: string, segments: string[], now: Date): Item {
  let parent = draft.items[baseId];
  if (!parent) throw notFound();
  if (!parent.folder) throw badRequest('The parent of an item must be a folder.');
  for (const name of segments) {
    checkName(name);
    const existing = childNamed(draft, parent.id, name);
    if (existing && !existing.folder) throw nameAlreadyExists(name);
    parent = existing ?? newItem(draft, parent.id, name, true, now);
  }
  return parent;
}

export function newItem(draft: State, parentId: string, name: string, folder: boolean, now: Date): Item {
  const t = timestamp(now);
  const item: Item = { id: newItemId(), uid: newGuid(), listItemId: draft.nextListItemId++, name, parentId, folder, version: 1, cversion: 1, size: 0, created: t, modified: t, fields: {} };
  draft.items[item.id] = item;
  return item;
}

export interface Content {
  blob: string;
  size: number;
  quickXorHash: string;
}

export interface Placement {
  baseId: string;
  path: string[];
  targetId?: string;
  conflict: ConflictBehavior;
  ifMatch?: string;
}

/** Puts the content in place; returns the item, whether it is new, and the content it replaced. */
export function placeFile(draft: State, p: Placement, content: Content, now: Date): { item: Item; created: boolean; replacedBlob?: string } {
  let target: Item | undefined;
  if (p.targetId) {
    target = draft.items[p.targetId];
    if (!target) throw notFound();
  } else {
    if (p.path.length === 0) throw badRequest('A file name is needed: …/root:/folder/name.xlsx:/content or …/items/{parent-id}:/name.xlsx:/content.');
    const parent = ensureFolders(draft, p.baseId, p.path.slice(0, -1), now);
    let name = p.path[p.path.length - 1];
    checkName(name);
    const existing = childNamed(draft, parent.id, name);
    if (existing && (existing.folder || p.conflict === 'fail')) throw nameAlreadyExists(name);
    if (existing && p.conflict === 'rename') name = freeName(draft, parent.id, name);
    else target = existing;
    if (!target) {
      if (p.ifMatch && p.ifMatch.trim() !== '*') throw staleETag();
      const item = newItem(draft, parent.id, name, false, now);
      Object.assign(item, { size: content.size, blob: content.blob, quickXorHash: content.quickXorHash });
      return { item, created: true };
    }
  }
  if (target.folder) throw new GraphFail(400, 'invalidRequest', 'A folder has no content.');
  if (p.ifMatch && !ifMatchHolds(p.ifMatch, target.uid, target.version, target.cversion)) throw staleETag();
  const replacedBlob = target.blob;
  Object.assign(target, { size: content.size, blob: content.blob, quickXorHash: content.quickXorHash, version: target.version + 1, cversion: target.cversion + 1, modified: timestamp(now) });
  return { item: target, created: false, replacedBlob };
}
