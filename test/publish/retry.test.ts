/**
 * The retry policy on its own, with a fake clock and fixed chance: which answers are retried, how long each
 * wait is, when it gives up; and the middleware that applies it, driven by a scripted next link (no HTTP).
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { ReauthMiddleware, RetryMiddleware } from '../../src/publish/graph/middleware';
import { isRetryableStatus, parseRetryAfter, retryDelay, retryPolicy, type Clock } from '../../src/publish/retry';

function fakeClock(start = Date.UTC(2026, 0, 1)): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
  });
  it('gives null for none or nonsense', () => {
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('', 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe('retryDelay', () => {
  const policy = (random: number, over = {}) => retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, maxRetries: 5, random: () => random, ...over });

  it('obeys Retry-After exactly', () => {
    expect(retryDelay(0, 3000, policy(0.9))).toBe(3000);
    expect(retryDelay(4, 0, policy(0.9))).toBe(0);
  });
  it('backs off exponentially with equal jitter, capped', () => {
    expect([0, 1, 2, 3, 4].map((a) => retryDelay(a, null, policy(0)))).toEqual([50, 100, 200, 400, 500]);
    expect([0, 1, 2, 3, 4].map((a) => retryDelay(a, null, policy(0.999999)))).toEqual([100, 200, 400, 800, 1000]);
    expect(retryDelay(2, null, policy(0.5))).toBe(300);
  });
  it('gives up after maxRetries, and on a Retry-After longer than it will wait', () => {
    expect(retryDelay(5, null, policy(0))).toBeNull();
    expect(retryDelay(0, 200_000, policy(0, { maxRetryAfterMs: 120_000 }))).toBeNull();
  });
  it('retries throttling and busy backends only', () => {
    expect([429, 503, 502, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 404, 409, 412, 500].some(isRetryableStatus)).toBe(false);
  });
});

/** A next link that answers from a script: a status (with headers) or a thrown error per call. */
function scripted(steps: (number | [number, Record<string, string>] | Error)[]): Middleware & { calls: Context[] } {
  const calls: Context[] = [];
  return {
    calls,
    async execute(context) {
      const step = steps[calls.length];
      calls.push({ ...context, options: { ...context.options, headers: { ...(context.options?.headers as Record<string, string>) } } });
      // Like the SDK's AuthenticationHandler: it appends its header on every pass.
      const headers = (context.options!.headers ??= {}) as Record<string, string>;
      headers.Authorization = headers.Authorization ? `${headers.Authorization}, Bearer t` : 'Bearer t';
      if (step instanceof Error) throw step;
      const [status, h] = Array.isArray(step) ? step : [step, {}];
      context.response = new Response(status === 204 ? null : '{}', { status, headers: h });
    },
  };
}

function run(link: Middleware, next: Middleware, headers: Record<string, string> = {}): Promise<Context> {
  link.setNext!(next);
  const context: Context = { request: 'https://localhost/v1.0/x', options: { method: 'PUT', headers } };
  return link.execute(context).then(() => context);
}

describe('RetryMiddleware', () => {
  it('waits what Retry-After says, then sends again with one Authorization header', async () => {
    const clock = fakeClock();
    const next = scripted([[429, { 'Retry-After': '2' }], [503, { 'Retry-After': '1' }], 200]);
    const done = await run(new RetryMiddleware(retryPolicy({ clock, random: () => 0 })), next);
    expect(done.response!.status).toBe(200);
    expect(clock.slept).toEqual([2000, 1000]);
    expect(next.calls.map((c) => (c.options!.headers as Record<string, string>).Authorization)).toEqual([undefined, undefined, undefined]);
  });

  it('backs off without Retry-After and hands back the last answer when it gives up', async () => {
    const clock = fakeClock();
    const next = scripted([503, 503, 503]);
    const done = await run(new RetryMiddleware(retryPolicy({ clock, maxRetries: 2, baseDelayMs: 100, random: () => 0 })), next);
    expect(done.response!.status).toBe(503);
    expect(clock.slept).toEqual([50, 100]);
  });

  it('retries a dropped connection, but not for a ranged chunk (the upload resumes from the session instead)', async () => {
    const clock = fakeClock();
    const dropped = () => new TypeError('fetch failed');
    const next = scripted([dropped(), 201]);
    expect((await run(new RetryMiddleware(retryPolicy({ clock, random: () => 0 })), next)).response!.status).toBe(201);
    const chunk = scripted([dropped(), 202]);
    await expect(run(new RetryMiddleware(retryPolicy({ clock })), chunk, { 'Content-Range': 'bytes 0-9/20' })).rejects.toThrow('fetch failed');
    expect(chunk.calls).toHaveLength(1);
  });

  it('does not retry what retrying cannot fix', async () => {
    const clock = fakeClock();
    const next = scripted([409]);
    expect((await run(new RetryMiddleware(retryPolicy({ clock })), next)).response!.status).toBe(409);
    expect(clock.slept).toEqual([]);
  });
});

describe('ReauthMiddleware', () => {
  it('re-acquires the token once on 401 and sends again', async () => {
    let invalidated = 0;
    const next = scripted([401, 200]);
    const done = await run(new ReauthMiddleware({ getToken: async () => 't', invalidate: () => void invalidated++ }), next);
    expect(done.response!.status).toBe(200);
    expect(invalidated).toBe(1);
    expect((next.calls[1].options!.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('takes a second 401 as the answer', async () => {
    let invalidated = 0;
    const next = scripted([401, 401, 200]);
    const done = await run(new ReauthMiddleware({ getToken: async () => 't', invalidate: () => void invalidated++ }), next);
    expect(done.response!.status).toBe(401);
    expect(invalidated).toBe(1);
    expect(next.calls).toHaveLength(2);
  });
});
