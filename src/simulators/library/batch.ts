/**
 * JSON batching (`POST /v1.0/$batch`): at most 20 requests (400 above, with Graph's message), each with an
 * id, method, version-relative url (`/drives/…`; a `/v1.0/…` url is answered 400 as Graph answers it), and
 * optional headers, body (JSON, or base64 for other content types) and dependsOn. Steps run in order of
 * their dependencies; one whose dependency failed gets 424. The answer is `{responses:[{id,status,headers,
 * body}]}` in request order; a JSON body comes back as JSON, other bytes as base64.
 */
import { badRequest, GraphFail } from './errors';
import { json, type GraphRequest, type GraphResponse } from './graphHttp';

export const BATCH_LIMIT = 20;

interface Step {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

const STEP_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

function parseSteps(req: GraphRequest): Step[] {
  let payload: unknown;
  try {
    payload = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw badRequest('Invalid batch payload format.', 'BadRequest');
  }
  const requests = (payload as { requests?: unknown })?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw badRequest('Invalid batch payload format.', 'BadRequest');
  if (requests.length > BATCH_LIMIT) throw badRequest('Number of requests inside batch exceeds the limit.', 'BadRequest');
  const seen = new Set<string>();
  const steps = requests.map((r: Record<string, unknown>) => {
    const id = typeof r?.id === 'string' || typeof r?.id === 'number' ? String(r.id) : '';
    if (!id || typeof r.method !== 'string' || typeof r.url !== 'string') throw badRequest('Every batch request needs an id, a method and a url.', 'BadRequest');
    if (seen.has(id.toLowerCase())) throw badRequest(`Batch request ids must be unique: '${id}'.`, 'BadRequest');
    seen.add(id.toLowerCase());
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((r.headers ?? {}) as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    return { id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
  });
  for (const s of steps) for (const d of s.dependsOn) if (!seen.has(d.toLowerCase()) || d.toLowerCase() === s.id.toLowerCase()) throw badRequest(`Request '${s.id}' depends on an unknown request '${d}'.`, 'BadRequest');
  return steps;
}

/** The step as a request of its own, or the 400 Graph gives a step it cannot read. */
function stepRequest(batch: GraphRequest, s: Step): GraphRequest {
  if (/^[a-z]+:\/\//i.test(s.url)) throw badRequest(`Invalid request URL '${s.url}': a batch request's url is relative to the version, e.g. /drives/{id}.`, 'BadRequest');
  const url = s.url.startsWith('/') ? s.url : `/${s.url}`;
  const q = url.indexOf('?');
  let body = Buffer.alloc(0);
  if (s.body !== undefined && s.body !== null) {
    const type = s.headers['content-type'];
    if (!type) throw badRequest('A batch request with a body needs a Content-Type header.', 'BadRequest');
    body = typeof s.body === 'string' && !/json/i.test(type) ? Buffer.from(s.body, 'base64') : Buffer.from(typeof s.body === 'string' ? s.body : JSON.stringify(s.body), 'utf8');
  }
  return {
    method: s.method,
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    headers: { ...s.headers, authorization: batch.headers.authorization ?? '' },
    body,
    origin: batch.origin,
    fileOrigin: batch.fileOrigin,
  };
}

function stepAnswer(id: string, r: GraphResponse) {
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache', ...r.headers };
  let body: unknown;
  if (r.json !== undefined) {
    headers['Content-Type'] = STEP_JSON;
    body = r.json;
  } else if (r.bytes) {
    headers['Content-Type'] ??= 'application/octet-stream';
    body = r.bytes.toString('base64');
  }
  return body === undefined ? { id, status: r.status, headers } : { id, status: r.status, headers, body };
}

export async function runBatch(
  batch: GraphRequest,
  run: (step: GraphRequest) => Promise<GraphResponse>,
  fail: (e: unknown) => GraphResponse,
): Promise<GraphResponse> {
  const steps = parseSteps(batch);
  const status = new Map<string, number>();
  const answers = new Map<string, ReturnType<typeof stepAnswer>>();
  while (answers.size < steps.length) {
    const ready = steps.filter((s) => !answers.has(s.id) && s.dependsOn.every((d) => status.has(d.toLowerCase())));
    if (ready.length === 0) throw badRequest('The dependsOn of the batch requests form a cycle.', 'BadRequest');
    for (const s of ready) {
      let r: GraphResponse;
      if (s.dependsOn.some((d) => (status.get(d.toLowerCase()) ?? 0) >= 400)) r = fail(new GraphFail(424, 'FailedDependency', 'A request this one depends on failed.'));
      else {
        try {
          r = await run(stepRequest(batch, s));
        } catch (e) {
          r = fail(e);
        }
      }
      status.set(s.id.toLowerCase(), r.status);
      answers.set(s.id, stepAnswer(s.id, r));
    }
  }
  return json(200, { responses: steps.map((s) => answers.get(s.id)) }, { 'Content-Type': 'application/json; charset=utf-8' });
}
