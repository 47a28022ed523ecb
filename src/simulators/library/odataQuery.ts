/** The OData query options of the subset: $top, $skiptoken, $select, $expand (with nested options). */
import { badRequest } from './errors';

export interface Expand {
  name: string;
  select: string[] | null;
  expand: Expand[];
}

/** `$name` or, as Graph also accepts, `name`. */
export function param(q: URLSearchParams, name: string): string | null {
  return q.get(`$${name}`) ?? q.get(name);
}

/** Splits on commas outside parentheses. */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

export function parseSelect(text: string | null): string[] | null {
  return text === null ? null : splitTop(text, ',');
}

/** `fields($select=A,B),driveItem` → [{name:'fields', select:['A','B']}, {name:'driveItem'}]. */
export function parseExpand(text: string | null): Expand[] {
  if (!text) return [];
  return splitTop(text, ',').map((part) => {
    const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(part);
    if (!m) throw badRequest(`Parsing OData Select and Expand failed: '${part}'.`, 'BadRequest');
    const options = new Map<string, string>();
    for (const o of splitTop(m[2] ?? '', ';')) {
      const eq = o.indexOf('=');
      options.set(o.slice(0, eq).replace(/^\$/, '').toLowerCase(), o.slice(eq + 1));
    }
    return { name: m[1], select: parseSelect(options.get('select') ?? null), expand: parseExpand(options.get('expand') ?? null) };
  });
}

export const expands = (list: Expand[], name: string): Expand | undefined => list.find((e) => e.name.toLowerCase() === name.toLowerCase());

export function parseTop(q: URLSearchParams, fallback: number, max: number): number {
  const text = param(q, 'top');
  if (text === null) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw badRequest(`Invalid value '${text}' for $top query option.`, 'BadRequest');
  return Math.min(n, max);
}

/** Keeps the selected properties (and OData annotations and `id`) of an object. */
export function applySelect<T extends Record<string, unknown>>(obj: T, select: string[] | null): T {
  if (!select) return obj;
  const keep = new Set(select.map((s) => s.toLowerCase()));
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k.startsWith('@') || k === 'id' || keep.has(k.toLowerCase()))) as T;
}

/** SharePoint's paging token: base64 of `Paged=TRUE&p_ID=<last id on the page>`. */
export const skipTokenAfter = (lastId: number): string => Buffer.from(`Paged=TRUE&p_ID=${lastId}`).toString('base64');

export function afterSkipToken(q: URLSearchParams): number {
  const token = param(q, 'skiptoken');
  if (token === null) return 0;
  const m = /p_ID=(\d+)/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!m) throw badRequest('The $skiptoken is not valid.');
  return Number(m[1]);
}

/** The same URL with `$skiptoken` set: Graph's `@odata.nextLink`. */
export function nextLink(origin: string, path: string, q: URLSearchParams, lastId: number): string {
  const next = new URLSearchParams();
  for (const [k, v] of q) if (k !== '$skiptoken' && k !== 'skiptoken') next.append(k, v);
  next.set('$skiptoken', skipTokenAfter(lastId));
  return `${origin}/v1.0${path}?${next.toString().replace(/\+/g, '%20').replace(/%24/g, '$').replace(/%2F/g, '/').replace(/%2C/g, ',')}`;
}
