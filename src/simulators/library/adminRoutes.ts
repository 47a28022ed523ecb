/**
 * Test-only endpoints (bearer token required, never faulted):
 *   GET /_library/faults            the rules and how many times each has fired / is left
 *   PUT /_library/faults   SPEC     replaces the rules (text or JSON syntax, see faults.ts)
 *   POST /_library/faults  SPEC     adds rules
 *   DELETE /_library/faults         removes all rules
 *   GET /_library/stats             request counts (requestCounts.ts); DELETE resets them
 * In-process, the same through `library.faults` and `library.counts`.
 */
import { badRequest, methodNotAllowed, notFound } from './errors';
import { FaultSpecError, type FaultPlan } from './faults';
import { json, type GraphResponse } from './graphHttp';
import type { RequestCounts } from './requestCounts';

export const ADMIN_PATHS = new Set(['/_library/faults', '/_library/stats']);

export function admin(method: string, path: string, body: Buffer, faults: FaultPlan, counts: RequestCounts): GraphResponse {
  if (path === '/_library/stats') {
    if (method === 'GET') return json(200, counts.snapshot());
    if (method === 'DELETE') return counts.reset(), { status: 204 };
    throw methodNotAllowed();
  }
  if (path !== '/_library/faults') throw notFound();
  try {
    if (method === 'PUT') faults.set(body.toString('utf8'));
    else if (method === 'POST') faults.add(body.toString('utf8'));
    else if (method === 'DELETE') faults.clear();
    else if (method !== 'GET') throw methodNotAllowed();
  } catch (e) {
    if (e instanceof FaultSpecError) throw badRequest(e.message);
    throw e;
  }
  return json(200, { rules: faults.list().map((r) => ({ spec: r.spec, action: r.action, method: r.method, path: r.path, class: r.cls, left: r.times, after: r.after, fired: r.fired })) });
}
