/**
 * Loading, as Office.js has it: a load option (`'values,address'`, `'items/name'`, `{ select, expand }`,
 * an object of names) read into a LoadSpec, and the snapshot of the loaded values that reaches the proxies
 * only when the whole request succeeded. The response is measured as JSON, as Office.js would send it.
 */
import { NULL_OBJECT, type AnyObject, type Applier, type Exec } from './context';
import { invalidArgument } from './errors';
import type { WorkbookModel } from './model';

export interface LoadSpec {
  all: boolean;
  scalars: Set<string>;
  nav: Map<string, LoadSpec>;
}

export type LoadOption = string | string[] | Record<string, unknown> | undefined;

const utf8 = new TextEncoder();
/** Size of a value as JSON (UTF-8 bytes). */
export const jsonBytes = (v: unknown): number => utf8.encode(JSON.stringify(v) ?? '').length;

/** Reads what `spec` names of the object (and what it navigates to); the applier hands the values to the proxies. */
export function snapshot(obj: AnyObject, spec: LoadSpec, model: WorkbookModel, exec: Exec): Applier {
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
