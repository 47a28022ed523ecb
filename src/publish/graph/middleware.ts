/**
 * The Graph client's middleware chain, ours instead of the SDK's defaults: the SDK's retry handler has no
 * injectable clock and no re-acquire on 401, and its fetch handler cannot be given a fetch that trusts the
 * local library's certificate. The SDK's own AuthenticationHandler stays, so the token still goes only to
 * Graph hosts and the configured custom hosts.
 */
import { AuthenticationHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../auth/tokenProvider';
import { isRetryableStatus, parseRetryAfter, retryDelay, type RetryPolicy } from '../retry';

export type FetchLike = (input: RequestInfo, init?: RequestInit) => Promise<Response>;

/** One line per request that went on the wire: for counting and for the benchmark. */
export type RequestObserver = (method: string, url: string) => void;

abstract class Link implements Middleware {
  protected next!: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

function headerOf(context: Context, name: string): string | undefined {
  const headers = context.options?.headers as Record<string, string> | Headers | undefined;
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/**
 * The SDK's AuthenticationHandler appends its header (`Bearer a, Bearer b` on a second pass): every pass
 * after the first starts without one, so it is set afresh.
 */
function dropAuthorization(context: Context): void {
  const headers = context.options?.headers as Record<string, string> | Headers | undefined;
  if (!headers) return;
  if (headers instanceof Headers) headers.delete('Authorization');
  else for (const k of Object.keys(headers)) if (k.toLowerCase() === 'authorization') delete headers[k];
}

/** A response we will not read: its body is drained so the connection can be reused. */
async function discard(response: Response | undefined): Promise<void> {
  try {
    await response?.arrayBuffer();
  } catch {
    // A body that cannot be read is gone anyway.
  }
}

/** A fetch that failed before any status arrived: refused, reset or dropped connections. */
export function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError || (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && /^E[A-Z]+/.test((e as { code: string }).code));
}

export class RetryMiddleware extends Link {
  constructor(private readonly policy: RetryPolicy) {
    super();
  }

  async execute(context: Context): Promise<void> {
    // A ranged chunk whose connection dropped may have partly arrived: the upload asks the session where to
    // go on (nextExpectedRanges) instead of this blindly sending the same bytes again.
    const ranged = headerOf(context, 'Content-Range') !== undefined;
    for (let attempt = 0; ; attempt++) {
      let failure: unknown = null;
      context.response = undefined;
      dropAuthorization(context);
      try {
        await this.next.execute(context);
      } catch (e) {
        failure = e;
      }
      const response = context.response as Response | undefined;
      const retryable = failure !== null ? !ranged && isNetworkError(failure) : response !== undefined && isRetryableStatus(response.status);
      if (!retryable) {
        if (failure !== null) throw failure;
        return;
      }
      const after = response ? parseRetryAfter(response.headers.get('Retry-After'), this.policy.clock.now()) : null;
      const wait = retryDelay(attempt, after, this.policy);
      if (wait === null) {
        if (failure !== null) throw failure;
        return;
      }
      await discard(response);
      await this.policy.clock.sleep(wait);
    }
  }
}

/** An expired or revoked token: acquire a fresh one and send once more; a second 401 is the answer. */
export class ReauthMiddleware extends Link {
  constructor(private readonly tokens: TokenProvider) {
    super();
  }

  async execute(context: Context): Promise<void> {
    await this.next.execute(context);
    const response = context.response as Response | undefined;
    if (response?.status !== 401 || headerOf(context, 'Authorization') === undefined) return;
    await discard(response);
    this.tokens.invalidate();
    context.response = undefined;
    dropAuthorization(context);
    await this.next.execute(context);
  }
}

/** The end of the chain: the given fetch (the platform's, or one that trusts the library's CA). */
export class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: FetchLike,
    private readonly observe?: RequestObserver,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    this.observe?.(context.options?.method ?? 'GET', url);
    context.response = await this.fetchImpl(context.request, context.options as RequestInit);
  }
}

export function middlewareChain(tokens: TokenProvider, policy: RetryPolicy, fetchImpl: FetchLike, observe?: RequestObserver): Middleware[] {
  const auth = new AuthenticationHandler({ getAccessToken: () => tokens.getToken() });
  return [new RetryMiddleware(policy), new ReauthMiddleware(tokens), auth, new FetchMiddleware(fetchImpl, observe)];
}

/** For pre-authenticated file URLs: retries and the fetch, and nothing that could attach a token. */
export function fileMiddlewareChain(policy: RetryPolicy, fetchImpl: FetchLike, observe?: RequestObserver): Middleware[] {
  return [new RetryMiddleware(policy), new FetchMiddleware(fetchImpl, observe)];
}
