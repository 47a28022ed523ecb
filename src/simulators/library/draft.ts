/**
 * A transaction's view of the state, and what it changed. The draft reads through to the committed state
 * instead of copying it (a copy of 10 000 items cost ~100 ms per write): each committed item and upload
 * session is seen through a view that copies it the first time the transaction writes to it (or reads one
 * of its nested objects, which it might change in place). The maps of views are kept from one transaction
 * to the next, so a transaction that scans every item pays what a scan of the committed state costs.
 * `finish` gives what changed as a `Change`, the unit the journal stores and `applyChange` commits.
 */
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

/** Copy-on-write over one prototype-free map (items or sessions) of the committed state. */
class Layer<T extends Entry> {
  /** What a transaction sees: a view per committed entry, plus what the open transaction set. */
  private readonly seen: Record<string, T> = Object.create(null) as Record<string, T>;
  private readonly views = new Map<string, T>();
  private readonly viewKeys = new WeakMap<object, string>();
  private readonly viewHandler: ProxyHandler<{ key: string }>;
  /** The open transaction's copies of committed entries, made on first write. */
  private readonly copies = new Map<string, T>();
  /** Keys the open transaction set or deleted, with what `seen` held before (to put back). */
  private readonly touched = new Map<string, { had: boolean; was: T | undefined }>();
  private open = false;
  readonly proxy: Record<string, T>;

  constructor(private readonly committed: Record<string, T>) {
    const write = (key: string, p: PropertyKey, v: unknown) => {
      (this.copy(key) as Fields)[p] = v;
      return true;
    };
    this.viewHandler = {
      get: ({ key }, p) => this.read(key, p),
      set: ({ key }, p, v) => write(key, p, v),
      defineProperty: ({ key }, p, d) => write(key, p, d.value),
      deleteProperty: ({ key }, p) => delete (this.copy(key) as Fields)[p],
      has: ({ key }, p) => p in this.current(key),
      ownKeys: ({ key }) => Reflect.ownKeys(this.current(key)),
      getOwnPropertyDescriptor: ({ key }, p) => {
        const c = this.current(key) as Fields;
        return Object.hasOwn(c, p) ? { value: this.read(key, p), writable: true, enumerable: true, configurable: true } : undefined;
      },
    };
    for (const k of Object.keys(committed)) this.seen[k] = this.view(k);
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

  private current(k: string): T {
    return this.copies.get(k) ?? this.committed[k];
  }

  private read(k: string, p: PropertyKey): unknown {
    const c = this.copies.get(k);
    if (c) return (c as Fields)[p];
    const v = (this.committed[k] as Fields)[p];
    // A nested object (fields, a session's path) may be changed in place: hand out the copy's.
    return isObject(v) && this.open ? (this.copy(k) as Fields)[p] : v;
  }

  private copy(k: string): T {
    if (!this.open) throw closedError();
    let c = this.copies.get(k);
    if (!c) this.copies.set(k, (c = structuredClone(this.committed[k])));
    return c;
  }

  /** A committed entry as the open transaction sees it: its own copy once it wrote, the committed one before. */
  private view(k: string): T {
    let v = this.views.get(k);
    if (!v) {
      v = new Proxy({ key: k }, this.viewHandler) as unknown as T;
      this.views.set(k, v);
      this.viewKeys.set(v, k);
    }
    return v;
  }

  private touch(k: string): void {
    if (!this.open) throw closedError();
    if (!this.touched.has(k)) this.touched.set(k, { had: Object.hasOwn(this.seen, k), was: this.seen[k] });
  }

  private put(k: string, v: T): boolean {
    this.touch(k);
    const from = isObject(v) ? this.viewKeys.get(v) : undefined;
    // An entry set to another entry's view gets a copy of what that view shows, never the proxy itself.
    this.seen[k] = from === undefined ? v : (structuredClone(this.current(from)) as T);
    return true;
  }

  private remove(k: string): boolean {
    this.touch(k);
    delete this.seen[k];
    return true;
  }

  /** Ends the transaction: what it changed (undefined if nothing), and `seen` as it was before. */
  finish(): Record<string, T | null> | undefined {
    const out: Record<string, T | null> = {};
    for (const k of this.touched.keys()) {
      const v = Object.hasOwn(this.seen, k) ? this.seen[k] : null;
      if (v !== null || Object.hasOwn(this.committed, k)) out[k] = v;
    }
    // A view of a key that was since set or deleted keeps its copy for reading; the key's new value counts.
    for (const [k, c] of this.copies) if (!this.touched.has(k) && !same(c, this.committed[k])) out[k] = c;
    for (const [k, { had, was }] of this.touched) {
      if (had) this.seen[k] = was!;
      else delete this.seen[k];
    }
    this.touched.clear();
    this.copies.clear();
    this.open = false;
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /** After a commit put `changed` into the committed map: views for new entries, none for deleted ones. */
  committedChanges(changed: Record<string, T | null> | undefined): void {
    for (const [k, v] of Object.entries(changed ?? {})) {
      if (v !== null) this.seen[k] = this.view(k);
      else {
        delete this.seen[k];
        this.views.delete(k);
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

  constructor(committed: State) {
    this.items = new Layer(committed.items);
    this.sessions = new Layer(committed.sessions);
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
