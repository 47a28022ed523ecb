/**
 * The proxies' side of the Excel test host's requests, as Office.js has it: proxy objects queue their loads,
 * property writes and method calls on the RequestContext; `context.sync()` sends them as one request
 * (hostCore.ts runs it; load.ts reads load options and takes the snapshot).
 *
 * - Reading a property that was neither loaded nor set locally throws PropertyNotLoaded (a property set
 *   locally reads back what was set, as in Office.js, until a later load result replaces it).
 * - A load queued before a write in the same request sees the old value, one queued after sees the new.
 * - Objects are bound to what they name when first used in a request and stay bound (a worksheet proxy
 *   follows its sheet through a rename; `*OrNullObject` stays null once found missing).
 */
import { ErrorCodes, invalidArgument, OfficeError, propertyNotLoaded } from './errors';
import type { HostCore } from './hostCore';
import { jsonBytes, parseLoadOption, snapshot, type LoadOption } from './load';
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
export interface Exec {
  responseBytes: number;
}

export type Applier = () => void;

export interface Action {
  target: AnyObject;
  type: 'load' | 'set' | 'method';
  name: string;
  args: unknown;
  run: (model: WorkbookModel, exec: Exec) => Applier | void;
}

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
    this._enqueueOnEntity('set', name, value, (e, model) => def.set!(e, value, model, location));
  }

  /**
   * Queues an action on what this proxy resolves to when the batch runs; on a null object it does nothing
   * but `onNull` (a property set or method on a `…OrNullObject` that came back null is a no-op in Excel).
   */
  private _enqueueOnEntity(type: 'set' | 'method', name: string, args: unknown, run: (entity: E, model: WorkbookModel) => void, onNull?: () => void): void {
    this.context._enqueue({
      target: this,
      type,
      name,
      args,
      run: (model) => {
        const e = this._resolve(model);
        if (e === NULL_OBJECT) onNull?.();
        else run(e, model);
      },
    });
  }

  /** @internal Queues a method call with no result. */
  protected _method(name: string, args: unknown, run: (entity: E, model: WorkbookModel, location: string) => void): void {
    const location = `${this._className}.${name}`;
    this._enqueueOnEntity('method', name, args, (e, model) => run(e, model, location));
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
    this._enqueueOnEntity(
      'method',
      name,
      args,
      (e, model) => {
        made = run(e, model, location);
      },
      () => {
        made = NULL_OBJECT;
      },
    );
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
