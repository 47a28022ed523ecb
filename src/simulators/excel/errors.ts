/**
 * Errors as Office.js raises them (`OfficeExtension.Error`, whose runtime name is `RichApi.Error`): a
 * stable `code`, a message, and `debugInfo` naming where it happened.
 */

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  insertDeleteConflict: 'InsertDeleteConflict',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidRequestContext: 'InvalidRequestContext',
  invalidObjectPath: 'InvalidObjectPath',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  valueNotLoaded: 'ValueNotLoaded',
} as const;

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class OfficeError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: unknown;

  constructor(code: string, message: string, errorLocation?: string, innerError?: unknown) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
    this.innerError = innerError ?? null;
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export function propertyNotLoaded(property: string, location?: string): OfficeError {
  return new OfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    location,
  );
}

export function itemNotFound(location?: string, detail?: string): OfficeError {
  return new OfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist.${detail ? ` (${detail})` : ''}`, location);
}

export function itemAlreadyExists(location?: string, detail?: string): OfficeError {
  return new OfficeError(ErrorCodes.itemAlreadyExists, `The resource already exists.${detail ? ` (${detail})` : ''}`, location);
}

export function invalidArgument(location?: string, detail?: string): OfficeError {
  return new OfficeError(
    ErrorCodes.invalidArgument,
    `The argument is invalid or missing or has an incorrect format.${detail ? ` (${detail})` : ''}`,
    location,
  );
}

export function invalidOperation(location?: string, detail?: string): OfficeError {
  return new OfficeError(ErrorCodes.invalidOperation, `The operation is invalid for the object or the object's current state.${detail ? ` (${detail})` : ''}`, location);
}

export function notImplemented(location: string, detail: string): OfficeError {
  return new OfficeError(ErrorCodes.notImplemented, `The requested feature isn't implemented by the Excel test host. (${detail})`, location);
}

/** Excel's refusal to insert or delete cells that would move part of a table (or of another protected block). */
export function insertDeleteConflict(location?: string, detail?: string): OfficeError {
  return new OfficeError(ErrorCodes.insertDeleteConflict, `This won't work because it would move cells in a table on your worksheet.${detail ? ` (${detail})` : ''}`, location);
}

/**
 * A method of a newer requirement set than the platform has: Excel.ErrorCodes.apiNotFound (@types/office-js;
 * "The requested API could not be found. It may not be available in the current host/platform.", the
 * Excel JavaScript API's error codes page). An add-in checks `isSetSupported` before calling it.
 */
export function apiNotFound(location: string, set: string): OfficeError {
  return new OfficeError(ErrorCodes.apiNotFound, `The requested API could not be found. It may not be available in the current host/platform. (${set})`, location);
}
