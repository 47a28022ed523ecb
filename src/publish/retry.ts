/**
 * When to try a request again and how long to wait first. Graph throttles with 429 and 503 and says how long
 * to wait in `Retry-After`; without it the wait grows exponentially with jitter, so many clients that failed
 * together do not come back together. Time and chance are injected so tests are fast and repeatable.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RetryPolicy {
  /** Retries after the first try; the request is sent at most maxRetries + 1 times. */
  maxRetries: number;
  /** The first backoff step; step n waits about baseDelayMs · 2ⁿ. */
  baseDelayMs: number;
  /** No backoff step waits longer than this. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the caller gives up and the outbox keeps the version. */
  maxRetryAfterMs: number;
  clock: Clock;
  /** Uniform in [0, 1). */
  random: () => number;
}

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxRetries: 5,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
    clock: systemClock,
    random: Math.random,
    ...overrides,
  };
}

/** Throttling and a busy or unreachable backend: what Graph's guidance says to retry. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 502 || status === 504;
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long to wait before retry number `attempt` (0 for the first retry), or null to give up. The server's
 * Retry-After is obeyed exactly; otherwise "equal jitter": half the exponential step for sure, half by chance.
 */
export function retryDelay(attempt: number, retryAfterMs: number | null, policy: RetryPolicy): number | null {
  if (attempt >= policy.maxRetries) return null;
  if (retryAfterMs !== null) return retryAfterMs > policy.maxRetryAfterMs ? null : retryAfterMs;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + (step / 2) * policy.random());
}
