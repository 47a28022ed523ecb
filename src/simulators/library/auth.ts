/**
 * The bearer token. The library takes the configured token T, and also `T.<suffix>` (letters, digits,
 * `._~-`): a "fresh" token from the same issuer, which is how a test re-acquires after the token in use
 * expired (`expire-token` fault). An expired token stays refused for the rest of the run. Answers carry
 * Graph's 401 shape and its WWW-Authenticate header.
 */
import { timingSafeEqual } from 'node:crypto';
import { GraphFail } from './errors';

export const DEFAULT_TOKEN = 'tjansteplan-utvecklingstoken';

const WWW_AUTHENTICATE = 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

const unauthorized = (message: string) => new GraphFail(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': WWW_AUTHENTICATE });

export class BearerAuth {
  private readonly expired = new Set<string>();

  constructor(private readonly token: string) {
    if (!/^[\x21-\x7e]+$/.test(token)) throw new Error('The token must be printable ASCII without spaces.');
  }

  /** The token of a request, or 401. The test-only admin endpoints take an expired token too. */
  check(authorization: string | undefined, honourExpiry = true): string {
    if (!authorization) throw unauthorized('Access token is empty.');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw unauthorized('Access token is empty.');
    const presented = m[1];
    if (!this.accepts(presented)) throw unauthorized('Access token validation failure. Invalid audience.');
    if (honourExpiry && this.expired.has(presented)) throw unauthorized('Lifetime validation failed, the token is expired.');
    return presented;
  }

  expire(token: string): void {
    this.expired.add(token);
  }

  private accepts(presented: string): boolean {
    const base = presented.length > this.token.length ? presented.slice(0, this.token.length) : presented;
    const rest = presented.slice(base.length);
    const a = Buffer.from(base);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b) && (rest === '' || /^\.[\w.~-]+$/.test(rest));
  }
}

export const expiredTokenFail = () => unauthorized('Lifetime validation failed, the token is expired.');
