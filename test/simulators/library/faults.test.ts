/**
 * Fault injection: the spec syntax (text and JSON), and each fault over real HTTPS — 429/503 with
 * Retry-After (retried by the client's own RetryHandler where Graph's client retries), a step throttled
 * inside a batch, a delay, a lost answer, a token that expires, and rules set at run time.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { FaultSpecError, parseFaults } from '../../../src/simulators/library/faults';
import { byPath, failure, startTestLibrary, TOKEN, type TestLibrary } from './helpers';

jest.setTimeout(120_000);

describe('the fault spec', () => {
  test('text rules: action, method, class, path, count, duration, options', () => {
    const [a, b, c, d, e] = parseFaults('429:PUT:/content:2:retry-after=1, 503:*:2; drop:upload:1 delay:GET:200ms expire-token:after=3');
    expect(a).toMatchObject({ action: { kind: 'status', status: 429, retryAfter: 1 }, method: 'PUT', path: '/content', times: 2, after: 0 });
    expect(b).toMatchObject({ action: { kind: 'status', status: 503, retryAfter: 1 }, method: '*', times: 2 });
    expect(c).toMatchObject({ action: { kind: 'drop' }, cls: 'upload', times: 1 });
    expect(d).toMatchObject({ action: { kind: 'delay', ms: 200 }, method: 'GET', times: 1 });
    expect(e).toMatchObject({ action: { kind: 'expire-token' }, after: 3, times: 1 });
    expect(parseFaults('500:step:nth=3')[0]).toMatchObject({ action: { kind: 'status', status: 500, retryAfter: undefined }, cls: 'step', after: 2, times: 1 });
  });

  test('JSON rules, as a test helper builds them', () => {
    const rules = parseFaults(JSON.stringify([{ method: 'PUT', path: '.xlsx:/content', status: 429, retryAfter: 2, times: 2 }, { method: 'PUT', path: '/upload', drop: true, nth: 2 }, { delayMs: 250, times: 1000 }]));
    expect(rules[0]).toMatchObject({ action: { kind: 'status', status: 429, retryAfter: 2 }, path: '.xlsx:/content', times: 2 });
    expect(rules[1]).toMatchObject({ action: { kind: 'drop' }, after: 1, times: 1 });
    expect(rules[2]).toMatchObject({ action: { kind: 'delay', ms: 250 }, times: 1000 });
  });

  test('mistakes are named', () => {
    for (const bad of ['418x', 'delay:GET', '200:GET', 'drop:sometimes', '429:0', '[{"status":429,"drop":true}]', '{']) expect(() => parseFaults(bad)).toThrow(FaultSpecError);
  });
});

describe('faults over HTTPS', () => {
  let lib: TestLibrary;
  let client: Client;
  let driveId: string;
  const faults = () => lib.running.library.faults;
  const counts = () => lib.running.library.counts;

  beforeAll(async () => {
    lib = await startTestLibrary({ faults: '429:GET:/sites/root:2:retry-after=1' });
    client = lib.client();
    driveId = lib.running.ids.driveId;
  });
  afterAll(() => lib.stop());
  afterEach(() => faults().clear());

  test('429 with Retry-After from --faults: the client waits and retries, the third try succeeds', async () => {
    const started = Date.now();
    counts().reset();
    expect((await client.api('/sites/root').get()).id).toBe(lib.running.ids.siteId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(counts().snapshot().byRoute['GET site']).toBe(3);
  });

  test('the 429 and 503 answers: Retry-After and Graph’s codes', async () => {
    faults().set('429:GET:1:retry-after=7 503:GET:1');
    const headers = { Authorization: `Bearer ${TOKEN}` };
    const throttled = await lib.fetch(`${lib.running.url}/sites/root`, { headers });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(await throttled.json()).toMatchObject({ error: { code: 'activityLimitReached', message: expect.any(String) } });
    const busy = await lib.fetch(`${lib.running.url}/sites/root`, { headers });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(await busy.json()).toMatchObject({ error: { code: 'serviceNotAvailable' } });
    expect((await lib.fetch(`${lib.running.url}/sites/root`, { headers })).status).toBe(200);
  });

  test('503 on an upload PUT (which the client does not retry) reaches the caller with Retry-After', async () => {
    faults().set('503:PUT:/content:1:retry-after=2');
    const put = () => client.api(`${byPath(driveId, 'f', 'a.json')}:/content`).header('Content-Type', 'application/octet-stream').query({ '@microsoft.graph.conflictBehavior': 'fail' }).put(Buffer.from('{}'));
    const f = await failure(put());
    expect(f).toMatchObject({ statusCode: 503, code: 'serviceNotAvailable' });
    expect(f.headers?.get('retry-after')).toBe('2');
    // Nothing was stored: the retry creates the file.
    expect((await put()).name).toBe('a.json');
  });

  test('a step throttled inside a batch gets its own 429 and Retry-After; the other steps are answered', async () => {
    faults().set('429:step:GET:/sites:1:retry-after=3');
    const answer = await client.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/sites/root' }, { id: '2', method: 'GET', url: '/sites/root' }] });
    expect(answer.responses[0]).toMatchObject({ id: '1', status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'activityLimitReached' } } });
    expect(answer.responses[1]).toMatchObject({ id: '2', status: 200 });
  });

  test('delay holds a request, then answers it normally', async () => {
    faults().set('delay:GET:/sites/root:400ms');
    const t = Date.now();
    await client.api('/sites/root').get();
    expect(Date.now() - t).toBeGreaterThanOrEqual(390);
  });

  test('lose: the PUT lands but its answer is lost; a retry with fail then sees 409', async () => {
    faults().set('lose:PUT:.json:/content:1');
    const put = () => client.api(`${byPath(driveId, 'f', 'lost.json')}:/content`).header('Content-Type', 'application/octet-stream').query({ '@microsoft.graph.conflictBehavior': 'fail' }).put(Buffer.from('{"v":1}'));
    await expect(put()).rejects.toThrow();
    expect(await failure(put())).toMatchObject({ statusCode: 409 });
  });

  test('rules set at run time through the admin endpoint (bearer token required)', async () => {
    const admin = `https://localhost:${lib.running.port}/_library/faults`;
    expect((await lib.fetch(admin, { method: 'PUT', body: '503:GET:/sites/root:1' })).status).toBe(401);
    const set = await lib.fetch(admin, { method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}.admin` }, body: '503:GET:/sites/root:1' });
    expect(set.status).toBe(200);
    expect((await set.json()).rules).toHaveLength(1);
    const hit = await lib.fetch(`${lib.running.url}/sites/root`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(hit.status).toBe(503);
    const listed = await (await lib.fetch(admin, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
    expect(listed.rules[0]).toMatchObject({ fired: 1, left: 0 });
    expect((await lib.fetch(admin, { method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}` }, body: 'nonsense' })).status).toBe(400);
    const stats = await (await lib.fetch(`https://localhost:${lib.running.port}/_library/stats`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
    expect(stats.byRoute['GET site']).toBeGreaterThan(0);
  });

  // Last: it leaves TOKEN expired for the rest of the run.
  test('expire-token: after 3 requests the token expires (401 from then on); a fresh one is accepted', async () => {
    faults().set('expire-token:after=3');
    let token = TOKEN;
    const c = lib.client(() => token);
    for (let i = 0; i < 3; i++) await c.api('/sites/root').get();
    const expired = await failure(c.api('/sites/root').get());
    expect(expired).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
    expect((expired.body as string) ?? '').toContain('expired');
    token = `${TOKEN}.2`;
    expect((await c.api('/sites/root').get()).id).toBe(lib.running.ids.siteId);
    token = TOKEN;
    expect((await failure(c.api('/sites/root').get())).statusCode).toBe(401);
  });
});
