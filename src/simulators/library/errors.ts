/**
 * Graph's errors: a status and `{"error":{"code","message","innerError":{…}}}`, with the codes OneDrive and
 * SharePoint use (itemNotFound, nameAlreadyExists, resourceModified, invalidRange, invalidRequest, …).
 */
export class GraphFail extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphFail';
  }
}

export const notFound = (message = 'The resource could not be found.') => new GraphFail(404, 'itemNotFound', message);
export const badRequest = (message: string, code = 'invalidRequest') => new GraphFail(400, code, message);
export const unknownSegment = (segment: string) => new GraphFail(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
export const methodNotAllowed = () => new GraphFail(405, 'methodNotAllowed', 'The HTTP method in the request is not allowed on the resource.');
export const nameAlreadyExists = (name: string) => new GraphFail(409, 'nameAlreadyExists', `The specified item name already exists. Name: ${name}`);
export const staleETag = () => new GraphFail(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
export const invalidRange = (message: string) => new GraphFail(416, 'invalidRange', message);

/** The codes Graph answers injected statuses with. */
export function codeForStatus(status: number): string {
  if (status === 429) return 'activityLimitReached';
  if (status === 503) return 'serviceNotAvailable';
  if (status === 401) return 'InvalidAuthenticationToken';
  if (status === 404) return 'itemNotFound';
  if (status >= 500) return 'generalException';
  return 'invalidRequest';
}

export function messageForStatus(status: number): string {
  if (status === 429) return 'The request has been throttled. Please retry after the time in the Retry-After header.';
  if (status === 503) return 'The service is temporarily unavailable. Please retry after the time in the Retry-After header.';
  return 'An injected fault.';
}

export function errorBody(code: string, message: string, requestId: string, clientRequestId: string, now: Date) {
  return { error: { code, message, innerError: { date: now.toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': clientRequestId } } };
}
