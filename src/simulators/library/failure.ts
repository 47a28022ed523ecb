/** Any error as Graph's error answer: a GraphFail as itself, anything else as 500 generalException. */
import { errorBody, GraphFail } from './errors';
import type { GraphResponse } from './graphHttp';

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function failureResponse(e: unknown, ids: RequestIds, now: Date): GraphResponse {
  if (e instanceof GraphFail) return { status: e.status, headers: e.headers, json: errorBody(e.code, e.message, ids.requestId, ids.clientRequestId, now) };
  return { status: 500, json: errorBody('generalException', 'An unexpected error occurred on the local library.', ids.requestId, ids.clientRequestId, now) };
}
