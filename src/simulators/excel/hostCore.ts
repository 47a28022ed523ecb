/**
 * The round trips of the Excel test host: `context.sync()` sends what the proxies queued as one request
 * that the workbook runs in order (context.ts holds the proxies' side).
 *
 * - A failing action (e.g. getItem of a missing sheet: ItemNotFound) rejects the sync; what ran before it
 *   stays done, nothing after it runs, and no loaded value reaches a proxy.
 * - Every sync that carries work is one round trip: counted, and its request and response measured as
 *   JSON; over the payload limit (5 MB, Excel on the web's) it fails with RequestPayloadSizeLimitExceeded
 *   or ResponsePayloadSizeLimitExceeded. A sync with nothing queued is no round trip (Office.js sends none).
 * - Methods of a requirement set newer than the platform's fail with ApiNotFound.
 */
import { ClientObject, type Action, type AnyObject, type Applier, type Exec, type RequestContext } from './context';
import { apiNotFound, ErrorCodes, OfficeError } from './errors';
import { jsonBytes } from './load';
import type { WorkbookModel } from './model';

/** One round trip to the workbook. */
export interface RequestRecord {
  /** 1-based, in the order the requests were sent. */
  index: number;
  actions: number;
  /** Size of the request as JSON (UTF-8 bytes): actions with their arguments and the object paths they use. */
  requestBytes: number;
  /** Size of the loaded values as JSON. */
  responseBytes: number;
  /** The error code when the request failed. */
  error?: string;
}

export interface CoreOptions {
  /** Excel on the web refuses requests and responses over 5 MB; null for no limit (Excel desktop). */
  payloadLimitBytes: number | null;
  /** Delay of each round trip, to show what a slow connection does. */
  latencyMs: number;
  /** The highest ExcelApi requirement set the platform has (`1.17`); newer methods fail with ApiNotFound. */
  excelApi?: string;
}

/** Whether requirement set `have` (e.g. `1.12`) includes `want` (e.g. `1.13`). */
export function apiAtLeast(have: string, want: string): boolean {
  const [hm, hn = 0] = have.split('.').map(Number);
  const [wm, wn = 0] = want.split('.').map(Number);
  return hm > wm || (hm === wm && hn >= wn);
}

/** Executes requests against the model and keeps the counts tests assert on. */
export class HostCore {
  syncCount = 0;
  emptySyncs = 0;
  readonly requests: RequestRecord[] = [];

  constructor(
    readonly model: WorkbookModel,
    readonly options: CoreOptions,
  ) {}

  /** Throws ApiNotFound (at sync, inside an action) when the platform lacks ExcelApi `version`. */
  requireApi(version: string, location: string): void {
    if (!apiAtLeast(this.options.excelApi ?? '1.17', version)) throw apiNotFound(location, `ExcelApi ${version}`);
  }

  async execute(context: RequestContext): Promise<void> {
    const actions = context._queue.splice(0);
    await pause(this.options.latencyMs);
    if (actions.length === 0) {
      this.emptySyncs++;
      return;
    }
    this.syncCount++;
    const record: RequestRecord = { index: this.syncCount, actions: actions.length, requestBytes: measureRequest(actions), responseBytes: 0 };
    this.requests.push(record);
    const limit = this.options.payloadLimitBytes;
    if (limit !== null && record.requestBytes > limit) {
      record.error = ErrorCodes.requestPayloadSizeLimitExceeded;
      throw new OfficeError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
      );
    }
    const exec: Exec = { responseBytes: 0 };
    const appliers: Applier[] = [];
    let failure: OfficeError | null = null;
    for (const action of actions) {
      try {
        const applier = action.run(this.model, exec);
        if (applier) appliers.push(applier);
      } catch (e) {
        failure = asOfficeError(e, `${action.target._className}.${action.name}`);
        break;
      }
    }
    this.model.ensureCalculated();
    this.model.emit();
    record.responseBytes = exec.responseBytes;
    if (failure) {
      record.error = failure.code;
      throw failure;
    }
    if (limit !== null && exec.responseBytes > limit) {
      record.error = ErrorCodes.responsePayloadSizeLimitExceeded;
      throw new OfficeError(ErrorCodes.responsePayloadSizeLimitExceeded, 'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    for (const apply of appliers) apply();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : queueMicrotask(resolve)));
}

function asOfficeError(e: unknown, location: string): OfficeError {
  if (e instanceof OfficeError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new OfficeError(ErrorCodes.generalException, `There was an internal error while processing the request. (${message})`, location, e);
}

const ACTION_TYPES = { load: 2, method: 3, set: 4 } as const;

/** The request as Office.js would send it: each action once, each object path once. */
function measureRequest(actions: Action[]): number {
  const paths: Record<number, unknown> = {};
  const addPath = (o: AnyObject | null) => {
    for (let p = o; p && !(p._pathId in paths); p = p._parent) {
      paths[p._pathId] = { Id: p._pathId, ObjectPathType: 1, Name: p._segment, ParentObjectPathId: p._parent?._pathId ?? 0 };
    }
  };
  let bytes = 0;
  actions.forEach((a, i) => {
    addPath(a.target);
    if (a.args instanceof ClientObject) addPath(a.args);
    const args = a.args instanceof ClientObject ? { ObjectPathId: a.args._pathId } : a.args;
    bytes += jsonBytes({ Id: i + 1, ActionType: ACTION_TYPES[a.type], Name: a.name, ObjectPathId: a.target._pathId, ArgumentInfo: { Arguments: [args] } }) + 1;
  });
  return bytes + jsonBytes({ Actions: [], ObjectPaths: paths });
}
