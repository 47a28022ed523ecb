/**
 * The library as the reviewers' pages read it, from the store's children index (children.ts): a page view
 * costs the folders it shows, not the whole library (building a parent→children map of 7 500 items took
 * ~230 ms of every view and held every other request up: issue 15). A plan version is a file whose list item has Tjänsteområde and Version
 * (the columns, not the file name); its snapshot is the `.json` of the same name beside it (docs/graph.md §1)
 * and is folded into the version's row; every other file in a period folder or below it is a document.
 */
import { compareVersions, parseForum, parseVersionLabel, type Forum } from '../../../domain/versions';
import { childIdsIn } from '../children';
import { childItems, nameKey } from '../names';
import type { Item, State } from '../state';

export interface PlanRow {
  item: Item;
  snapshot?: Item;
  /** For a submitted version: the forum's later decision on the same area (Fastställd or Återremitterad). */
  answeredBy?: Item;
}

export interface DocumentRow {
  item: Item;
  /** Subfolders between the period folder and the file (`['Forum']`), empty when it lies in the folder. */
  under: string[];
}

export interface ForumGroup {
  /** TF, PF, BF, or null for versions without a readable forum. */
  forum: Forum | null;
  /** Submitted versions (Beslut = Inskickad) first. */
  versions: PlanRow[];
}

/**
 * A period folder's files as found, unsorted: a page sorts only the rows it may show (orderRows, a
 * collator's compare per pair was ~9 ms of every list page with 1 000 versions in a period: issue 15).
 */
export interface PeriodView {
  /** The folder, or the root for files outside any folder. */
  folder: Item;
  versions: PlanRow[];
  pending: number;
  documents: DocumentRow[];
}

const collator = new Intl.Collator('sv', { numeric: true });

/** The Forum column's forum, or null (the list column is anyone's text). */
export function forumOf(text: string | undefined): Forum | null {
  return parseForum(text ?? '');
}

export const isPlanVersion = (item: Item): boolean => !item.folder && !!item.fields.Tjansteomrade && !!item.fields.Version;
/**
 * Waiting for the forum: sent to it (Inskickad) and not yet answered. The submitted item is never changed
 * (nothing in the library is overwritten), so the answer is the forum's own later item: a Fastställd or
 * Återremitterad version of the same area from the same forum with a higher version label.
 */
export const isPending = (row: PlanRow): boolean => row.item.fields.Beslut === 'Inskickad' && !row.answeredBy;

/** Marks each submitted row with the decision that answered it, if there is one among `rows`. */
function markAnswers(rows: readonly PlanRow[]): void {
  const decisions = rows.filter((r) => r.item.fields.Beslut === 'Fastställd' || r.item.fields.Beslut === 'Återremitterad');
  for (const r of rows) {
    if (r.item.fields.Beslut !== 'Inskickad') continue;
    const at = parseVersionLabel(r.item.fields.Version ?? '');
    const area = nameKey(r.item.fields.Tjansteomrade ?? '');
    const forum = forumOf(r.item.fields.Forum);
    if (at === null || forum === null) continue;
    const later = (d: PlanRow) => {
      const label = parseVersionLabel(d.item.fields.Version ?? '');
      return label !== null && compareVersions(label, at) > 0;
    };
    const answer = decisions.find((d) => forumOf(d.item.fields.Forum) === forum && nameKey(d.item.fields.Tjansteomrade ?? '') === area && later(d));
    if (answer) r.answeredBy = answer.item;
  }
}

const snapshotNameOf = (xlsxName: string): string | null => (/\.xlsx$/i.test(xlsxName) ? nameKey(xlsxName.replace(/\.xlsx$/i, '.json')) : null);

/** The last sorted period folders per committed items map, and the store revision they were sorted at. */
const sortedFolders = new WeakMap<object, { revision: number; folders: readonly Item[] }>();

export class LibraryIndex {
  /** Each folder's children, asked of the store's index (children.ts) the first time the page needs them. */
  private readonly children = new Map<string, readonly Item[]>();
  private readonly indexed: boolean;

  /** `revision`: the store's (store.ts), which lets the sorted period folders be kept until a commit. */
  constructor(
    readonly state: State,
    private readonly revision?: number,
  ) {
    this.indexed = childIdsIn(state.items, state.rootId) !== undefined;
    if (this.indexed) return;
    // A state without an index (made by hand): one pass over the items, never one per folder.
    const all = new Map<string, Item[]>();
    for (const item of Object.values(state.items)) {
      if (item.parentId === null) continue;
      const list = all.get(item.parentId);
      if (list) list.push(item);
      else all.set(item.parentId, [item]);
    }
    for (const [id, list] of all) this.children.set(id, list);
  }

  childrenOf(id: string): readonly Item[] {
    let list = this.children.get(id);
    if (!list && this.indexed) this.children.set(id, (list = childItems(this.state, id)));
    return list ?? [];
  }

  /**
   * The period folders (the root's folders), newest first: they are named by years, so a reverse sort, by
   * code unit (a collator's compare cost 35 ms for 10 000 folders, and years need no Swedish collation).
   */
  periodFolders(): Item[] {
    const kept = this.revision === undefined ? undefined : sortedFolders.get(this.state.items);
    if (kept && kept.revision === this.revision) return [...kept.folders];
    const folders = this.childrenOf(this.state.rootId)
      .filter((i) => i.folder)
      .map((i) => ({ i, key: nameKey(i.name) }))
      .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
      .map((x) => x.i);
    if (this.revision !== undefined) sortedFolders.set(this.state.items, { revision: this.revision, folders });
    return [...folders];
  }

  /** Whether files lie in the root itself, outside every folder. */
  hasLooseFiles(): boolean {
    return this.childrenOf(this.state.rootId).some((i) => !i.folder);
  }

  /** The folder directly under the root that holds the item (itself when it is one); null for the root's files. */
  periodFolderOf(item: Item): Item | null {
    let at: Item | undefined = item;
    while (at && at.parentId !== null && at.parentId !== this.state.rootId) at = this.state.items[at.parentId];
    return at && at.parentId === this.state.rootId && at.folder ? at : null;
  }

  /** The `.json` snapshot beside a plan version, when there is one. */
  snapshotOf(item: Item): Item | undefined {
    const key = snapshotNameOf(item.name);
    if (!key || item.parentId === null) return undefined;
    return this.childrenOf(item.parentId).find((c) => !c.folder && nameKey(c.name) === key);
  }

  /** The folder's versions and documents, unsorted; the root's own files for the root. */
  period(folder: Item): PeriodView {
    const versions: PlanRow[] = [];
    const documents: DocumentRow[] = [];
    const recurse = folder.id !== this.state.rootId;
    const walk = (f: Item, under: string[]) => {
      const kids = this.childrenOf(f.id);
      // Only a `.json` can be folded into a row: the keys of those alone (a name's key was a third of a page's cost).
      const jsons = kids.filter((c) => !c.folder && /\.json$/i.test(c.name));
      const files = new Map(jsons.map((c) => [nameKey(c.name), c]));
      const folded = new Set<Item>();
      for (const c of kids) {
        if (!isPlanVersion(c)) continue;
        const key = jsons.length ? snapshotNameOf(c.name) : null;
        const snapshot = key ? files.get(key) : undefined;
        if (snapshot && !isPlanVersion(snapshot)) folded.add(snapshot);
        versions.push(snapshot && folded.has(snapshot) ? { item: c, snapshot } : { item: c });
      }
      // A forum document's `.json` (its content hash and data, docs/graph.md §1) belongs to it, as a snapshot does.
      for (const c of kids) {
        const key = jsons.length && !c.folder && !isPlanVersion(c) ? snapshotNameOf(c.name) : null;
        const data = key ? files.get(key) : undefined;
        if (data && !isPlanVersion(data)) folded.add(data);
      }
      for (const c of kids) {
        if (c.folder) {
          if (recurse) walk(c, [...under, c.name]);
        } else if (!isPlanVersion(c) && !folded.has(c)) documents.push({ item: c, under });
      }
    };
    walk(folder, []);
    markAnswers(versions);
    let pending = 0;
    for (const v of versions) if (isPending(v)) pending++;
    return { folder, versions, pending, documents };
  }

  /** Every plan version in the period folder of `item`, as rows (submitted ones marked with their answer). */
  rowsBeside(item: Item): PlanRow[] {
    const folder = this.periodFolderOf(item);
    if (folder) return this.period(folder).versions;
    const rows = this.childrenOf(this.state.rootId).filter(isPlanVersion).map((i) => ({ item: i }) as PlanRow);
    markAnswers(rows);
    return rows;
  }

  /** Every plan version of the same area and period as `item`, in its period folder. */
  versionsBeside(item: Item): Item[] {
    return this.rowsBeside(item).map((v) => v.item);
  }
}

const FORUM_ORDER: (Forum | null)[] = ['TF', 'PF', 'BF', null];

/** Rows in the order the pages show them: by forum (TF, PF, BF, none), pending first, by area, newest version first. */
export function orderRows(rows: readonly PlanRow[]): PlanRow[] {
  return rows
    .map((r) => ({ r, forum: FORUM_ORDER.indexOf(forumOf(r.item.fields.Forum)), pending: isPending(r) ? 0 : 1 }))
    .sort((a, b) => a.forum - b.forum || a.pending - b.pending || rowOrder(a.r, b.r))
    .map((x) => x.r);
}

/** Ordered rows (orderRows) as their forums' groups, each a run of the order. */
export function groupRows(ordered: readonly PlanRow[]): ForumGroup[] {
  const groups: ForumGroup[] = [];
  for (const r of ordered) {
    const forum = forumOf(r.item.fields.Forum);
    const last = groups[groups.length - 1];
    if (last && last.forum === forum) last.versions.push(r);
    else groups.push({ forum, versions: [r] });
  }
  return groups;
}

/** Documents by their path below the period folder. */
export function orderDocuments(docs: readonly DocumentRow[]): DocumentRow[] {
  return docs
    .map((d) => ({ d, key: [...d.under, d.item.name].join('/') }))
    .sort((a, b) => collator.compare(a.key, b.key))
    .map((x) => x.d);
}

/** By area, then the newest version first (forum and pending are compared before, in orderRows). */
function rowOrder(a: PlanRow, b: PlanRow): number {
  const area = collator.compare(a.item.fields.Tjansteomrade ?? '', b.item.fields.Tjansteomrade ?? '');
  return area !== 0 ? area : collator.compare(b.item.fields.Version ?? '', a.item.fields.Version ?? '');
}
