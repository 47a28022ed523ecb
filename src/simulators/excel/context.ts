/**
 * The request machinery of the Excel test host, as Office.js has it: proxy objects queue their loads,
 * property writes and method calls on the RequestContext; `context.sync()` sends them as one request that
 * the workbook runs in order; loaded values reach the proxies only when the whole request succeeded.
 *
 * - Reading a property that was neither loaded nor set locally throws PropertyNotLoaded (a property set
 *   locally reads back what was set, as in Office.js, until a later load result replaces it).
 * - A load queued before a write in the same request sees the old value, one queued after sees the new.
 * - A failing action (e.g. getItem of a missing sheet: ItemNotFound) rejects the sync; what ran before it
 *   stays done, nothing after it runs, and no loaded value reaches a proxy.
 * - Objects are bound to what they name when first used in a request and stay bound (a worksheet proxy
 *   follows its sheet through a rename; `*OrNullObject` stays null once found missing).
 * - Every sync that carries work is one round trip: counted, and its request and response measured as
 *   JSON; over the payload limit (5 MB, Excel on the web's) it fails with RequestPayloadSizeLimitExceeded
 *   or ResponsePayloadSizeLimitExceeded. A sync with nothing queued is no round trip (Office.js sends none).
 */
import { apiNotFound, ErrorCodes, invalidArgument, OfficeError, propertyNotLoaded } from './errors';
import type { WorkbookModel } from './model';
import type { Workbook } from './proxies/workbook';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyObject = ClientObject<any>;

export const NULL_OBJECT: unique symbol = Symbol('null object');
export type Bound<E> = E | typeof NULL_OBJECT;

export interface PropertyDef<E> {
  get?: (entity: E, model: WorkbookModel) => unknown;
  set?: (entity: E, value: unknown, model: WorkbookModel, location: string) => void;
  /** Loaded only when named (like Range.numberFormatCategories in Office). */
  explicit?: boolean;
}

/** What one sync's execution collects. */
interface Exec {
  responseBytes: number;
}

type Applier = () => void;

interface Action {
  target: AnyObject;
  type: 'load' | 'set' | 'method';
  name: string;
  args: unknown;
  run: (model: WorkbookModel, exec: Exec) => Applier | void;
}

export interface LoadSpec {
  all: boolean;
  scalars: Set<string>;
  nav: Map<string, LoadSpec>;
}

type LoadOption = string | string[] | Record<string, unknown> | undefined;

/** One round trip to the workbook. */
export interface RequestRecord {
  /** 1-based, in the order the requests were sent. */
  index: number;
  actions: number;
  /** Size of the request as JSON (UTF-8 bytes): actions with their arguments and the object paths they use. */
  requestBytes: number;
  /** Size of the loaded values as JSON. */
  responseBytes: number;
  /** The error code when the request failed. */
  error?: string;
}

export interface CoreOptions {
  /** Excel on the web refuses requests and responses over 5 MB; null for no limit (Excel desktop). */
  payloadLimitBytes: number | null;
  /** Delay of each round trip, to show what a slow connection does. */
  latencyMs: number;
  /** The highest ExcelApi requirement set the platform has (`1.17`); newer methods fail with ApiNotFound. */
  excelApi?: string;
}

/** Whether requirement set `have` (e.g. `1.12`) includes `want` (e.g. `1.13`). */
export function apiAtLeast(have: string, want: string): boolean {
  const [hm, hn = 0] = have.split('.').map(Number);
  const [wm, wn = 0] = want.split('.').map(Number);
  return hm > wm || (hm === wm && hn >= wn);
}

const utf8 = new TextEncoder();
const jsonBytes = (v: unknown): number => utf8.encode(JSON.stringify(v) ?? '').length;

/** Executes requests against the model and keeps the counts tests assert on. */
export class HostCore {
  syncCount = 0;
  emptySyncs = 0;
  readonly requests: RequestRecord[] = [];

  constructor(
    readonly model: WorkbookModel,
    readonly options: CoreOptions,
  ) {}

  /** Throws ApiNotFound (at sync, inside an action) when the platform lacks ExcelApi `version`. */
  requireApi(version: string, location: string): void {
    if (!apiAtLeast(this.options.excelApi ?? '1.17', version)) throw apiNotFound(location, `ExcelApi ${version}`);
  }

  async execute(context: RequestContext): Promise<void> {
    const actions = context._queue.splice(0);
    await pause(this.options.latencyMs);
    if (actions.length === 0) {
      this.emptySyncs++;
      return;
    }
    this.syncCount++;
    const record: RequestRecord = { index: this.syncCount, actions: actions.length, requestBytes: measureRequest(actions), responseBytes: 0 };
    this.requests.push(record);
    const limit = this.options.payloadLimitBytes;
    if (limit !== null && record.requestBytes > limit) {
      record.error = ErrorCodes.requestPayloadSizeLimitExceeded;
      throw new OfficeError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
      );
    }
    const exec: Exec = { responseBytes: 0 };
    const appliers: Applier[] = [];
    let failure: OfficeError | null = null;
    for (const action of actions) {
      try {
        const applier = action.run(this.model, exec);
        if (applier) appliers.push(applier);
      } catch (e) {
        failure = asOfficeError(e, `${action.target._className}.${action.name}`);
        break;
      }
    }
    this.model.ensureCalculated();
    this.model.emit();
    record.responseBytes = exec.responseBytes;
    if (failure) {
      record.error = failure.code;
      throw failure;
    }
    if (limit !== null && exec.responseBytes > limit) {
      record.error = ErrorCodes.responsePayloadSizeLimitExceeded;
      throw new OfficeError(ErrorCodes.responsePayloadSizeLimitExceeded, 'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    for (const apply of appliers) apply();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : queueMicrotask(resolve)));
}

function asOfficeError(e: unknown, location: string): OfficeError {
  if (e instanceof OfficeError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new OfficeError(ErrorCodes.generalException, `There was an internal error while processing the request. (${message})`, location, e);
}

const ACTION_TYPES = { load: 2, method: 3, set: 4 } as const;

/** The request as Office.js would send it: each action once, each object path once. */
function measureRequest(actions: Action[]): number {
  const paths: Record<number, unknown> = {};
  const addPath = (o: AnyObject | null) => {
    for (let p = o; p && !(p._pathId in paths); p = p._parent) {
      paths[p._pathId] = { Id: p._pathId, ObjectPathType: 1, Name: p._segment, ParentObjectPathId: p._parent?._pathId ?? 0 };
    }
  };
  let bytes = 0;
  actions.forEach((a, i) => {
    addPath(a.target);
    if (a.args instanceof ClientObject) addPath(a.args);
    const args = a.args instanceof ClientObject ? { ObjectPathId: a.args._pathId } : a.args;
    bytes += jsonBytes({ Id: i + 1, ActionType: ACTION_TYPES[a.type], Name: a.name, ObjectPathId: a.target._pathId, ArgumentInfo: { Arguments: [args] } }) + 1;
  });
  return bytes + jsonBytes({ Actions: [], ObjectPaths: paths });
}

// ---------------------------------------------------------------------------------------------------

export class RequestContext {
  /** @internal */
  readonly _queue: Action[] = [];
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private pathIds = 0;
  readonly workbook: Workbook;

  constructor(
    /** @internal */ readonly _core: HostCore,
    makeWorkbook: (context: RequestContext) => Workbook,
  ) {
    this.workbook = makeWorkbook(this);
  }

  /** Sends the queued work as one request; resolves with the value given, like Office.js. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    await this._core.execute(this);
    return passThroughValue as T;
  }

  load<T extends AnyObject>(object: T, option?: LoadOption): T {
    return object.load(option);
  }

  /** @internal */
  _enqueue(action: Action): void {
    this._queue.push(action);
  }

  /** @internal */
  _nextPathId(): number {
    return ++this.pathIds;
  }
}

/** The value of a method that returns a primitive (e.g. getCount()), available after the sync. */
export class ClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) {
      throw new OfficeError(
        ErrorCodes.valueNotLoaded,
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as T;
  }

  /** @internal */
  _set(value: T): void {
    this.loaded = true;
    this.result = value;
  }
}

/** Base of every proxy: load, local property values, null objects, queued work. */
export abstract class ClientObject<E = unknown> {
  /** @internal */ _bound: Bound<E> | undefined;
  /** @internal */ readonly _values = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ readonly _pathId: number;
  /** @internal */ abstract readonly _className: string;
  private readonly children = new Map<string, AnyObject>();

  constructor(
    readonly context: RequestContext,
    /** @internal */ readonly _segment: string,
    /** @internal */ readonly _parent: AnyObject | null,
    private readonly resolver: (model: WorkbookModel) => Bound<E>,
  ) {
    this._pathId = context._nextPathId();
  }

  /** @internal Scalar properties this class can load and set. */
  _properties(): Record<string, PropertyDef<E>> {
    return {};
  }

  /** @internal Navigation properties, for load paths like `worksheet/name`. */
  _navigation(): Record<string, () => AnyObject> {
    return {};
  }

  /** @internal Collections list their entities and make item proxies. */
  _isCollection(): boolean {
    return false;
  }

  /** @internal */
  _list(_entity: E, _model: WorkbookModel): unknown[] {
    return [];
  }

  /** @internal */
  _item(_entity: unknown, _index: number): AnyObject {
    throw new Error('not a collection');
  }

  /** @internal Throws when the bound entity no longer exists (a deleted sheet or table). */
  _check(_entity: E): void {}

  /** @internal */
  _resolve(model: WorkbookModel): Bound<E> {
    if (this._bound === undefined) this._bound = this.resolver(model);
    if (this._bound !== NULL_OBJECT) this._check(this._bound);
    return this._bound;
  }

  /** @internal Binds a proxy made for an entity already known (collection items). */
  _bind(entity: E): this {
    this._bound = entity;
    return this;
  }

  /** True when the object does not exist; known after a sync that loaded it. */
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject', `${this._className}.isNullObject`);
    return this._isNull;
  }

  /** Queues a load: property names (`'values,address'`), paths (`'items/name,items/worksheet/name'`), an array or an object. */
  load(option?: LoadOption): this {
    const spec = parseLoadOption(option, this._isCollection());
    this.context._enqueue({
      target: this,
      type: 'load',
      name: 'load',
      args: option ?? null,
      run: (model, exec) => {
        model.ensureCalculated();
        return snapshot(this, spec, model, exec);
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    if (this._isCollection()) {
      const items = this._values.get('items') as AnyObject[] | undefined;
      return { items: items?.map((i) => i.toJSON()) ?? [] };
    }
    return Object.fromEntries(this._values);
  }

  /** @internal */
  protected _get<T>(name: string): T {
    if (this._isNull === true) return undefined as T;
    if (!this._values.has(name)) throw propertyNotLoaded(name, `${this._className}.${name}`);
    return this._values.get(name) as T;
  }

  /** @internal Sets the local value and queues the write. */
  protected _set(name: string, value: unknown): void {
    const def = this._properties()[name];
    if (!def?.set) throw invalidArgument(`${this._className}.${name}`, `${name} cannot be set`);
    this._values.set(name, value);
    const location = `${this._className}.${name}`;
    this.context._enqueue({
      target: this,
      type: 'set',
      name,
      args: value,
      run: (model) => {
        const e = this._resolve(model);
        if (e !== NULL_OBJECT) def.set!(e, value, model, location);
      },
    });
  }

  /** @internal Queues a method call with no result. */
  protected _method(name: string, args: unknown, run: (entity: E, model: WorkbookModel, location: string) => void): void {
    const location = `${this._className}.${name}`;
    this.context._enqueue({
      target: this,
      type: 'method',
      name,
      args,
      run: (model) => {
        const e = this._resolve(model);
        if (e !== NULL_OBJECT) run(e, model, location);
      },
    });
  }

  /** @internal Queues a method whose primitive result is available after the sync. */
  protected _methodResult<T>(name: string, args: unknown, run: (entity: E, model: WorkbookModel) => T): ClientResult<T> {
    const result = new ClientResult<T>();
    this.context._enqueue({
      target: this,
      type: 'method',
      name,
      args,
      run: (model, exec) => {
        const e = this._resolve(model);
        const v = e === NULL_OBJECT ? (null as T) : run(e, model);
        exec.responseBytes += jsonBytes(v);
        return () => result._set(v);
      },
    });
    return result;
  }

  /** @internal Queues a method that creates something; the returned proxy is bound to what the action made. */
  protected _creating<R, C extends AnyObject>(name: string, args: unknown, make: (resolver: (model: WorkbookModel) => Bound<R>) => C, run: (entity: E, model: WorkbookModel, location: string) => R): C {
    let made: Bound<R> | undefined;
    const location = `${this._className}.${name}`;
    const child = make(() => {
      if (made === undefined) throw new OfficeError(ErrorCodes.invalidObjectPath, 'The object path is not valid: the object was not created.', location);
      return made;
    });
    this.context._enqueue({
      target: this,
      type: 'method',
      name,
      args,
      run: (model) => {
        const e = this._resolve(model);
        made = e === NULL_OBJECT ? NULL_OBJECT : run(e, model, location);
      },
    });
    return child;
  }

  /** @internal One proxy per navigation property, so that values loaded through it stay readable. */
  protected _child<C extends AnyObject>(key: string, make: () => C): C {
    let c = this.children.get(key) as C | undefined;
    if (!c) {
      c = make();
      this.children.set(key, c);
    }
    return c;
  }

  /** @internal A resolver for a child that depends on this object's entity; null objects stay null. */
  protected _from<R>(fn: (entity: E, model: WorkbookModel) => Bound<R>): (model: WorkbookModel) => Bound<R> {
    return (model) => {
      const e = this._resolve(model);
      return e === NULL_OBJECT ? NULL_OBJECT : fn(e, model);
    };
  }
}

function snapshot(obj: AnyObject, spec: LoadSpec, model: WorkbookModel, exec: Exec): Applier {
  const entity = obj._resolve(model);
  if (entity === NULL_OBJECT) {
    exec.responseBytes += 4;
    return () => {
      obj._isNull = true;
    };
  }
  if (obj._isCollection()) {
    // A collection's own properties (TableRowCollection.count) are read from it; every other name is its items'.
    const own = obj._properties();
    const named = [...spec.scalars].filter((name) => own[name]?.get);
    const mine = spec.all ? [...new Set([...named, ...Object.keys(own).filter((k) => own[k].get && !own[k].explicit)])] : named;
    const values: [string, unknown][] = mine.map((name) => {
      const v = own[name].get!(entity, model);
      exec.responseBytes += jsonBytes(v) + name.length + 4;
      return [name, v];
    });
    const itemSpec: LoadSpec = named.length === 0 ? spec : { ...spec, scalars: new Set([...spec.scalars].filter((name) => !named.includes(name))) };
    const withItems = named.length === 0 || itemSpec.all || itemSpec.scalars.size > 0 || itemSpec.nav.size > 0;
    const items = withItems ? obj._list(entity, model).map((e, i) => obj._item(e, i)) : [];
    const appliers = items.map((item) => snapshot(item, itemSpec, model, exec));
    return () => {
      obj._isNull = false;
      for (const [k, v] of values) obj._values.set(k, v);
      if (withItems) obj._values.set('items', items);
      appliers.forEach((a) => a());
    };
  }
  const props = obj._properties();
  const nav = obj._navigation();
  const names = spec.all ? Object.keys(props).filter((k) => props[k].get && !props[k].explicit) : [...spec.scalars];
  const values: [string, unknown][] = [];
  const navs: Applier[] = [];
  for (const name of names) {
    const def = props[name];
    if (def?.get) {
      const v = def.get(entity, model);
      exec.responseBytes += jsonBytes(v) + name.length + 4;
      values.push([name, v]);
    } else if (nav[name]) navs.push(snapshot(nav[name](), ALL, model, exec));
    else throw invalidArgument(`${obj._className}.load`, `${obj._className} has no property ${name}`);
  }
  for (const [name, sub] of spec.nav) {
    if (!nav[name]) throw invalidArgument(`${obj._className}.load`, `${obj._className} has no navigation property ${name}`);
    navs.push(snapshot(nav[name](), sub, model, exec));
  }
  return () => {
    obj._isNull = false;
    for (const [k, v] of values) obj._values.set(k, v);
    navs.forEach((a) => a());
  };
}

const ALL: LoadSpec = { all: true, scalars: new Set(), nav: new Map() };

function emptySpec(): LoadSpec {
  return { all: false, scalars: new Set(), nav: new Map() };
}

export function parseLoadOption(option: LoadOption, isCollection: boolean): LoadSpec {
  if (option === undefined || option === null || option === '') return ALL;
  const spec = emptySpec();
  const addPath = (path: string) => {
    let parts = path.split('/').map((p) => p.trim()).filter(Boolean);
    if (isCollection && parts[0]?.toLowerCase() === 'items') parts = parts.slice(1);
    if (parts.length === 0) {
      spec.all = true;
      return;
    }
    let at = spec;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = at.nav.get(parts[i]);
      if (!next) {
        next = emptySpec();
        at.nav.set(parts[i], next);
      }
      at = next;
    }
    at.scalars.add(parts[parts.length - 1]);
  };
  const addList = (text: string) => text.split(',').map((p) => p.trim()).filter(Boolean).forEach(addPath);
  if (typeof option === 'string') addList(option);
  else if (Array.isArray(option)) option.forEach((o) => addList(String(o)));
  else if ('select' in option || 'expand' in option) {
    if (typeof option.select === 'string') addList(option.select);
    if (typeof option.expand === 'string') {
      for (const path of option.expand.split(',').map((p) => p.trim()).filter(Boolean)) {
        const parts = path.split('/').filter((p) => !(isCollection && p.toLowerCase() === 'items'));
        let at = spec;
        for (const part of parts) {
          let next = at.nav.get(part);
          if (!next) {
            next = { ...emptySpec(), all: true };
            at.nav.set(part, next);
          }
          at = next;
        }
      }
    }
    if (!option.select && !option.expand) spec.all = true;
  } else {
    const walk = (obj: Record<string, unknown>, at: LoadSpec) => {
      for (const [key, v] of Object.entries(obj)) {
        if (key === '$all') {
          if (v) at.all = true;
        } else if (isCollection && at === spec && key === 'items' && typeof v === 'object' && v) walk(v as Record<string, unknown>, at);
        else if (v === true) at.scalars.add(key);
        else if (typeof v === 'object' && v !== null) {
          const next = emptySpec();
          walk(v as Record<string, unknown>, next);
          if (next.scalars.size === 0 && next.nav.size === 0) next.all = true;
          at.nav.set(key, next);
        }
      }
    };
    walk(option, spec);
  }
  return spec;
}
