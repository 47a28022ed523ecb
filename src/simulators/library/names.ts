/**
 * Names and paths in the drive as SharePoint treats them: case-insensitive, no `" * : < > ? / \ |`, no
 * leading or trailing spaces, no reserved names. A name Graph would refuse is refused here too, so a
 * publisher that works against the local library also works against SharePoint.
 */
import { childIdsIn } from './children';
import { badRequest } from './errors';
import type { Item, State } from './state';

// Control characters are refused in names as SharePoint refuses them.
// eslint-disable-next-line no-control-regex
const INVALID = /["*:<>?/\\|\u0000-\u001f]/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d|\.lock|desktop\.ini)$/i;
export const MAX_NAME = 255;

export function checkName(name: string): void {
  if (name.length === 0 || name === '.' || name === '..') throw badRequest('The name is empty or invalid.');
  if (name !== name.trim()) throw badRequest('The provided name cannot contain leading, or trailing, spaces.');
  if (INVALID.test(name) || name.includes('_vti_')) throw badRequest(`The provided name contains invalid characters: '${name}'.`);
  if (RESERVED.test(name) || name.startsWith('~$')) throw badRequest(`The provided name is reserved: '${name}'.`);
  if (name.length > MAX_NAME) throw badRequest(`The provided name is longer than ${MAX_NAME} characters.`);
}

export const nameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/**
 * The folder's children, in no particular order. Through the store's or the draft's index (children.ts)
 * when the state has one; a state made by hand (tests) is walked.
 */
export function childItems(state: State, parentId: string): Item[] {
  const ids = childIdsIn(state.items, parentId);
  if (!ids) return Object.values(state.items).filter((i) => i.parentId === parentId);
  const out: Item[] = [];
  for (const id of ids) {
    const item = Object.hasOwn(state.items, id) ? state.items[id] : undefined;
    // The index may list an id that has since moved or gone (a draft lists every id it changed).
    if (item && item.parentId === parentId) out.push(item);
  }
  return out;
}

export function childrenOf(state: State, parentId: string): Item[] {
  return childItems(state, parentId)
    .map((item) => ({ item, key: nameKey(item.name) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.item);
}

export function childNamed(state: State, parentId: string, name: string): Item | undefined {
  const key = nameKey(name);
  return childItems(state, parentId).find((i) => nameKey(i.name) === key);
}

/** The item's path below the root, as segments (empty for the root). */
export function pathOf(state: State, item: Item): string[] {
  const out: string[] = [];
  for (let i: Item | undefined = item; i && i.parentId !== null; i = state.items[i.parentId]) out.unshift(i.name);
  return out;
}

/** `Ekonomi v1.0.xlsx` → `Ekonomi v1.0 1.xlsx`, `… 2.xlsx`, …: the first name not taken, as OneDrive renames. */
export function freeName(state: State, parentId: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!childNamed(state, parentId, candidate)) return candidate;
  }
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const extensionOf = (name: string): string => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');
export const mimeTypeOf = (name: string): string => TYPES[extensionOf(name)] ?? 'application/octet-stream';
