/**
 * A transaction's view of the state, and what it changed. The draft reads through to the committed state
 * instead of copying it (a copy of 10 000 items cost ~100 ms per write): each committed item and upload
 * session is seen through a view that copies it the first time the transaction writes to it (or reads one
 * of its nested objects, which it might change in place). The maps of views are kept from one transaction
 * to the next, so a transaction that scans every item pays what a scan of the committed state costs.
 * `finish` gives what changed as a `Change`, the unit the journal stores and `applyChange` commits.
 */
import { registerChildren, type ChildIndex } from './children';
import type { Item, State, UploadSession } from './state';

type Entry = object;
type Fields = Record<PropertyKey, unknown>;
type Top = Omit<State, 'items' | 'sessions'> & Record<string, unknown>;

/** One committed transaction: the new value of every entry it touched (null: deleted). */
export interface Change {
  top?: Record<string, unknown>;
  /** Top-level fields the transaction removed (`list` absent and `list: null` mean different sites). */
  unset?: string[];
  items?: Record<string, Item | null>;
  sessions?: Record<string, UploadSession | null>;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function closedError(): Error {
  return new TypeError('No transaction is open: change the library through store.transact.');
}

/** What a view stands on: the committed entry, and the open transaction's copy once it wrote. */
interface Slot<T> {
  key: string;
  base: T;
  copy?: T;
}

/** Copy-on-write over one prototype-free map (items or sessions) of the committed state. */
class Layer<T extends Entry> {
  /** What a transaction sees: a view per committed entry, plus what the open transaction set. */
  private readonly seen: Record<string, T> = Object.create(null) as Record<string, T>;
  private readonly slots = new Map<string, { slot: Slot<T>; view: T }>();
  private readonly slotOfView = new WeakMap<object, Slot<T>>();
  private readonly viewHandler: ProxyHandler<Slot<T>>;
  /** Slots the open transaction copied. */
  private readonly copied = new Set<Slot<T>>();
  /** Keys the open transaction set or deleted, with what `seen` held before (to put back). */
  private readonly touched = new Map<string, { had: boolean; was: T | undefined }>();
  private open = false;
  readonly proxy: Record<string, T>;

  constructor(committed: Record<string, T>) {
    const write = (slot: Slot<T>, p: PropertyKey, v: unknown) => {
      (this.copy(slot) as Fields)[p] = v;
      return true;
    };
    const current = (slot: Slot<T>) => (slot.copy ?? slot.base) as Fields;
    this.viewHandler = {
      get: (slot, p) => this.read(slot, p),
      set: (slot, p, v) => write(slot, p, v),
      defineProperty: (slot, p, d) => write(slot, p, d.value),
      deleteProperty: (slot, p) => delete (this.copy(slot) as Fields)[p],
      has: (slot, p) => p in current(slot),
      ownKeys: (slot) => Reflect.ownKeys(current(slot)),
      getOwnPropertyDescriptor: (slot, p) => (Object.hasOwn(current(slot), p) ? { value: this.read(slot, p), writable: true, enumerable: true, configurable: true } : undefined),
    };
    for (const [k, v] of Object.entries(committed)) this.seen[k] = this.view(k, v);
    // Only writes are trapped: reads and scans go to `seen` directly, at a plain object's speed.
    this.proxy = new Proxy(this.seen, {
      set: (_t, k, v: T) => this.put(String(k), v),
      defineProperty: (_t, k, d) => this.put(String(k), d.value as T),
      deleteProperty: (_t, k) => this.remove(String(k)),
    });
  }

  begin(): void {
    this.open = true;
  }

  private read(slot: Slot<T>, p: PropertyKey): unknown {
    if (slot.copy) return (slot.copy as Fields)[p];
    const v = (slot.base as Fields)[p];
    // A nested object (fields, a session's path) may be changed in place: hand out the copy's.
    return this.open && isObject(v) ? (this.copy(slot) as Fields)[p] : v;
  }

  private copy(slot: Slot<T>): T {
    if (!this.open) throw closedError();
    if (!slot.copy) {
      slot.copy = structuredClone(slot.base);
      this.copied.add(slot);
    }
    return slot.copy;
  }

  /**
   * A committed entry as the open transaction sees it (its own copy once it wrote, the committed one
   * before); outside a transaction, the committed one. One view per entry, kept across transactions.
   */
  private view(k: string, base: T): T {
    let s = this.slots.get(k);
    if (s) s.slot.base = base;
    else {
      const slot: Slot<T> = { key: k, base };
      const view = new Proxy(slot, this.viewHandler) as unknown as T;
      this.slotOfView.set(view, slot);
      this.slots.set(k, (s = { slot, view }));
    }
    return s.view;
  }

  private touch(k: string): void {
    if (!this.open) throw closedError();
    if (!this.touched.has(k)) this.touched.set(k, { had: Object.hasOwn(this.seen, k), was: this.seen[k] });
  }

  private put(k: string, v: T): boolean {
    this.touch(k);
    const from = isObject(v) ? this.slotOfView.get(v) : undefined;
    // An entry set to another entry's view gets a copy of what that view shows, never the proxy itself.
    this.seen[k] = from === undefined ? v : structuredClone(from.copy ?? from.base);
    return true;
  }

  private remove(k: string): boolean {
    this.touch(k);
    delete this.seen[k];
    return true;
  }

  /** The keys the open transaction set, deleted or wrote into: the only entries that may differ from the committed ones. */
  *changedKeys(): Iterable<string> {
    yield* this.touched.keys();
    for (const slot of this.copied) if (!this.touched.has(slot.key)) yield slot.key;
  }

  /** Ends the transaction: what it changed (undefined if nothing), and `seen` as it was before. */
  finish(): Record<string, T | null> | undefined {
    const out: Record<string, T | null> = {};
    for (const k of this.touched.keys()) {
      const v = Object.hasOwn(this.seen, k) ? this.seen[k] : null;
      if (v !== null || this.slots.has(k)) out[k] = v;
    }
    // A view of a key that was since set or deleted keeps its copy for reading; the key's new value counts.
    for (const slot of this.copied) {
      if (!this.touched.has(slot.key) && !same(slot.copy, slot.base)) out[slot.key] = slot.copy!;
      delete slot.copy;
    }
    for (const [k, { had, was }] of this.touched) {
      if (had) this.seen[k] = was!;
      else delete this.seen[k];
    }
    this.touched.clear();
    this.copied.clear();
    this.open = false;
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /** After a commit put `changed` into the committed map: views onto the new entries, none for deleted ones. */
  committedChanges(changed: Record<string, T | null> | undefined): void {
    for (const [k, v] of Object.entries(changed ?? {})) {
      if (v !== null) this.seen[k] = this.view(k, v);
      else {
        delete this.seen[k];
        this.slots.delete(k);
      }
    }
  }
}

export interface Draft {
  /** The state the transaction's function changes. */
  readonly state: State;
  /** What it changed; null when nothing. Ends the draft: later writes through it throw. */
  finish(): Change | null;
}

/**
 * Drafts of one store's state, one transaction at a time. `committed` is the state whose maps the store
 * changes only through `applyChange` followed by `committedChanges`.
 */
export class Drafts {
  private readonly items: Layer<Item>;
  private readonly sessions: Layer<UploadSession>;

  /** `children`: the committed items' index, kept by the store (children.ts). */
  constructor(committed: State, children: ChildIndex) {
    this.items = new Layer(committed.items);
    this.sessions = new Layer(committed.sessions);
    // A transaction's children: the committed ones plus every item it changed, which the reader checks
    // against the item as the transaction sees it. A lookup costs the folder's children and the changes.
    const items = this.items;
    registerChildren(items.proxy, function* (parentId) {
      const committedIds = children.ids(parentId);
      yield* committedIds;
      for (const k of items.changedKeys()) if (!committedIds.has(k)) yield k;
    });
  }

  begin(committed: State): Draft {
    const { items, sessions } = this;
    items.begin();
    sessions.begin();
    const state = { ...structuredClone(topOf(committed)), items: items.proxy, sessions: sessions.proxy } as State;
    return {
      state,
      finish() {
        const change: Change = {};
        const after = topOf(state);
        const before = topOf(committed);
        for (const k of Object.keys(after)) if (!same(after[k], before[k])) (change.top ??= {})[k] = structuredClone(after[k]);
        const unset = Object.keys(before).filter((k) => !Object.hasOwn(after, k));
        if (unset.length > 0) change.unset = unset;
        const i = items.finish();
        const s = sessions.finish();
        if (i) change.items = i;
        if (s) change.sessions = s;
        return Object.keys(change).length > 0 ? change : null;
      },
    };
  }

  /** Call after `applyChange` committed `change`. */
  committed(change: Change): void {
    this.items.committedChanges(change.items);
    this.sessions.committedChanges(change.sessions);
  }
}

function topOf(s: State): Top {
  const { items: _items, sessions: _sessions, ...top } = s;
  return top as Top;
}

/**
 * Puts a change into the state: the maps in place (one entry each, so a write costs the same at any size),
 * the top-level fields by a new state object. Every value put is frozen: the committed state is read, never
 * changed, outside a transaction.
 */
export function applyChange(s: State, c: Change): State {
  for (const [k, v] of Object.entries(c.items ?? {})) {
    if (v === null) delete s.items[k];
    else s.items[k] = deepFreeze(v);
  }
  for (const [k, v] of Object.entries(c.sessions ?? {})) {
    if (v === null) delete s.sessions[k];
    else s.sessions[k] = deepFreeze(v);
  }
  if (!c.top && !c.unset) return s;
  const next: Record<string, unknown> = { ...s, ...deepFreeze(structuredClone(c.top ?? {})) };
  for (const k of c.unset ?? []) delete next[k];
  return next as unknown as State;
}

export function deepFreeze<T>(v: T): T {
  if (isObject(v) && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** A loaded state's entries frozen (the maps stay open: commits change them in place). */
export function freezeEntries(s: State): State {
  for (const i of Object.values(s.items)) deepFreeze(i);
  for (const x of Object.values(s.sessions)) deepFreeze(x);
  for (const v of Object.values(topOf(s))) deepFreeze(v);
  return s;
}
