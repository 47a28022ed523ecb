/**
 * Fault injection (`--faults SPEC`, the `faults` option, or `PUT /_library/faults` at run time). A spec is
 * rules separated by `,` `;` or spaces; a rule is an action and `:`-separated parts in any order:
 *
 *   ACTION   429 | 503 | any 4xx/5xx status | drop | lose | delay | expire-token
 *   METHOD   GET PUT POST PATCH DELETE, or * (default: any)
 *   CLASS    graph (a /v1.0 request, $batch included) | batch (the $batch request) | step (a request inside
 *            a batch) | upload (an upload URL) | download (a download URL); default: any
 *   /PATH    a part of the decoded path, case-insensitive (e.g. /content, /createUploadSession, /$batch)
 *   N        how many matching requests get the fault (default 1): counts are bounded so tests end
 *   200ms 2s how long `delay` holds the request before answering it normally
 *   retry-after=S  the Retry-After seconds of a status (default 1 for 429 and 503)
 *   after=N  let N matching requests through first;  nth=N  only the N-th matching request
 *
 * `drop` destroys the connection while the request body is arriving (mid-chunk, nothing is stored);
 * `lose` carries the request out and destroys the connection instead of answering (the client cannot
 * know that it landed); `expire-token` makes the bearer token in use expire after `after=N` authenticated
 * requests (401 from then on for that token; a fresh token, see auth.ts, is accepted). Statuses also reach
 * batch steps (as Graph throttles each step); drop, lose and delay only real requests.
 * Examples: `429:PUT:/content:2:retry-after=1`, `503:*:2`, `drop:upload:1:after=2`, `delay:GET:200ms:5`,
 * `expire-token:after=3`. The same rules as JSON: `[{"status":429,"method":"PUT","path":".xlsx:/content",
 * "times":2,"retryAfter":1},{"drop":true,"path":"/upload","nth":2},{"delayMs":200},{"expireToken":true,"after":3}]`.
 */

export type FaultAction = { kind: 'status'; status: number; retryAfter?: number } | { kind: 'drop' } | { kind: 'lose' } | { kind: 'delay'; ms: number } | { kind: 'expire-token' };
export type RequestClass = 'graph' | 'batch' | 'step' | 'upload' | 'download';

export interface FaultRule {
  action: FaultAction;
  method: string;
  path?: string;
  cls?: RequestClass;
  /** Faults still to give. */
  times: number;
  /** Matching requests still to let through first. */
  after: number;
  fired: number;
  spec: string;
}

export interface Probe {
  method: string;
  /** Decoded path, e.g. `/v1.0/drives/…/root:/2022–2024/x.xlsx:/content` or `/_library/upload/…`. */
  path: string;
  cls: RequestClass;
}

export class FaultSpecError extends Error {
  constructor(message: string) {
    super(`--faults: ${message}`);
    this.name = 'FaultSpecError';
  }
}

const MAX_TIMES = 1_000_000;
const CLASSES = new Set<RequestClass>(['graph', 'batch', 'step', 'upload', 'download']);

export class FaultPlan {
  private rules: FaultRule[] = [];

  constructor(spec?: string | readonly FaultRuleJson[]) {
    if (spec !== undefined) this.add(spec);
  }

  add(spec: string | readonly FaultRuleJson[]): void {
    this.rules.push(...parseFaults(spec));
  }

  set(spec: string | readonly FaultRuleJson[]): void {
    const next = parseFaults(spec);
    this.rules = next;
  }

  clear(): void {
    this.rules = [];
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  /** For one request: the total delay, and the first status/drop/lose fault that fires. */
  take(p: Probe): { delayMs: number; fault?: FaultRule } {
    let delayMs = 0;
    let fault: FaultRule | undefined;
    for (const r of this.rules) {
      if (r.action.kind === 'expire-token' || (fault && r.action.kind !== 'delay')) continue;
      if (p.cls === 'step' && r.action.kind !== 'status') continue;
      if (!this.fires(r, p)) continue;
      if (r.action.kind === 'delay') delayMs += r.action.ms;
      else fault = r;
    }
    return { delayMs, fault };
  }

  /** Whether the token on this authenticated request expires now. */
  takeTokenExpiry(p: Probe): boolean {
    return this.rules.some((r) => r.action.kind === 'expire-token' && this.fires(r, p));
  }

  private fires(r: FaultRule, p: Probe): boolean {
    if (r.times <= 0) return false;
    if (r.method !== '*' && r.method !== p.method) return false;
    if (r.cls && r.cls !== p.cls && !(r.cls === 'graph' && p.cls === 'batch')) return false;
    if (r.path && !p.path.toLowerCase().includes(r.path.toLowerCase())) return false;
    if (r.after > 0) {
      r.after--;
      return false;
    }
    r.times--;
    r.fired++;
    return true;
  }
}

export interface FaultRuleJson {
  status?: number;
  drop?: boolean;
  lose?: boolean;
  delayMs?: number;
  expireToken?: boolean;
  method?: string;
  path?: string;
  class?: RequestClass;
  times?: number;
  nth?: number;
  after?: number;
  retryAfter?: number;
}

export function parseFaults(spec: string | readonly FaultRuleJson[]): FaultRule[] {
  if (typeof spec !== 'string') return spec.map(fromJson);
  const text = spec.trim();
  if (text === '') return [];
  if (text.startsWith('[') || text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new FaultSpecError('not valid JSON');
    }
    return (Array.isArray(parsed) ? parsed : [parsed]).map((r) => fromJson(r as FaultRuleJson));
  }
  return text.split(/[\s,;]+/).map(fromText);
}

function count(value: unknown, what: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > MAX_TIMES) throw new FaultSpecError(`${what} must be a whole number from ${min} to ${MAX_TIMES}: ${String(value)}`);
  return n;
}

function statusAction(status: number, retryAfter: number | undefined): FaultAction {
  if (!Number.isInteger(status) || status < 400 || status > 599) throw new FaultSpecError(`a status must be 400–599: ${status}`);
  return { kind: 'status', status, retryAfter: retryAfter ?? (status === 429 || status === 503 ? 1 : undefined) };
}

function fromText(rule: string): FaultRule {
  const [head, ...parts] = rule.split(':');
  const r: Omit<FaultRule, 'action'> & { action?: FaultAction } = { method: '*', times: 1, after: 0, fired: 0, spec: rule };
  let delayMs: number | undefined;
  let retryAfter: number | undefined;
  for (const part of parts) {
    const kv = /^([a-z-]+)=(.*)$/i.exec(part);
    if (/^(GET|PUT|POST|PATCH|DELETE|\*)$/i.test(part)) r.method = part.toUpperCase();
    else if (CLASSES.has(part.toLowerCase() as RequestClass)) r.cls = part.toLowerCase() as RequestClass;
    else if (part.startsWith('/') || part.startsWith('.')) r.path = part;
    else if (/^\d+$/.test(part)) r.times = count(part, 'a count', 1);
    else if (/^\d+(ms|s)$/.test(part)) delayMs = part.endsWith('ms') ? Number(part.slice(0, -2)) : Number(part.slice(0, -1)) * 1000;
    else if (kv && kv[1] === 'retry-after') retryAfter = count(kv[2], 'retry-after', 0);
    else if (kv && kv[1] === 'after') r.after = count(kv[2], 'after', 0);
    else if (kv && kv[1] === 'nth') {
      r.after = count(kv[2], 'nth', 1) - 1;
      r.times = 1;
    }
    else if (kv && kv[1] === 'times') r.times = count(kv[2], 'times', 1);
    else throw new FaultSpecError(`unknown part '${part}' in '${rule}'`);
  }
  const h = head.toLowerCase();
  if (/^\d{3}$/.test(h)) r.action = statusAction(Number(h), retryAfter);
  else if (h === 'drop' || h === 'lose' || h === 'expire-token') r.action = { kind: h };
  else if (h === 'delay') {
    if (delayMs === undefined) throw new FaultSpecError(`delay needs a duration (e.g. 200ms): '${rule}'`);
    r.action = { kind: 'delay', ms: delayMs };
  } else throw new FaultSpecError(`unknown action '${head}' in '${rule}'`);
  return r as FaultRule;
}

function fromJson(j: FaultRuleJson): FaultRule {
  if (typeof j !== 'object' || j === null) throw new FaultSpecError('a rule must be an object');
  const actions: FaultAction[] = [];
  if (j.status !== undefined) actions.push(statusAction(Number(j.status), j.retryAfter === undefined ? undefined : count(j.retryAfter, 'retryAfter', 0)));
  if (j.drop) actions.push({ kind: 'drop' });
  if (j.lose) actions.push({ kind: 'lose' });
  if (j.delayMs !== undefined) actions.push({ kind: 'delay', ms: count(j.delayMs, 'delayMs', 0) });
  if (j.expireToken) actions.push({ kind: 'expire-token' });
  if (actions.length !== 1) throw new FaultSpecError(`a rule needs exactly one of status, drop, lose, delayMs, expireToken: ${JSON.stringify(j)}`);
  if (j.class !== undefined && !CLASSES.has(j.class)) throw new FaultSpecError(`unknown class '${j.class}'`);
  const nth = j.nth === undefined ? undefined : count(j.nth, 'nth', 1);
  return {
    action: actions[0],
    method: (j.method ?? '*').toUpperCase(),
    path: j.path,
    cls: j.class,
    times: nth !== undefined ? 1 : j.times === undefined ? 1 : count(j.times, 'times', 1),
    after: nth !== undefined ? nth - 1 : j.after === undefined ? 0 : count(j.after, 'after', 0),
    fired: 0,
    spec: JSON.stringify(j),
  };
}
