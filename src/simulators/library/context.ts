/** What a request handler works with: the store, the request, and the time it arrived. */
import type { GraphRequest } from './graphHttp';
import type { View } from './serialize';
import type { Store } from './store';

export interface Ctx {
  store: Store;
  req: GraphRequest;
  now: Date;
}

/** The committed state as Graph shows it to this request (fresh after each commit). */
export const viewOf = (ctx: Ctx): View => ({ state: ctx.store.state, origin: ctx.req.origin, fileOrigin: ctx.req.fileOrigin, now: ctx.now });
