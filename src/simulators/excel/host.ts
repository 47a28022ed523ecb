/**
 * The Excel test host: `Excel.run` and the `Office` namespace over a WorkbookModel, so that the Office.js
 * adapter (OfficeHost) runs unchanged in the workbench page and in tests.
 *
 * `run(batch)` behaves like Excel.run: a new RequestContext, the batch, and then — as Office.js does when
 * the batch's promise resolves — one final `context.sync()` of whatever is still queued (no round trip when
 * nothing is). If the batch throws, nothing queued after its last sync is sent.
 */
import { ClientObject, RequestContext } from './context';
import { ErrorCodes, OfficeError } from './errors';
import { HostCore, type RequestRecord } from './hostCore';
import type { WorkbookModel, ModelOptions } from './model';
import { workbookCreator, type CreatedWorkbook } from './createWorkbook';
import { createOfficeShim, type OfficeShim, type OfficeShimOptions } from './office';
import { Workbook } from './proxies/workbook';

export interface ExcelTestHostOptions extends OfficeShimOptions {
  /** Request and response limit per sync; 5 MB (Excel on the web) unless given, null for none (desktop). */
  payloadLimitBytes?: number | null;
  /** Delay per round trip in milliseconds (0). */
  latencyMs?: number;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface ExcelTestHost {
  readonly model: WorkbookModel;
  /** Excel.run: `run(batch)`, or `run(previousObjects, batch)` to continue on their context. */
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(objects: unknown, batch: Batch<T>): Promise<T>;
  /** What to install as the global `Excel`. */
  readonly Excel: {
    run: ExcelTestHost['run'];
    /** Excel.createWorkbook (ExcelApi 1.8): see createWorkbook.ts. */
    createWorkbook(base64?: string | null): Promise<void>;
    RequestContext: typeof RequestContext;
    ErrorCodes: typeof ErrorCodes;
    ConditionalFormatType: { custom: 'Custom' };
    ClearApplyTo: { all: 'All'; formats: 'Formats'; contents: 'Contents' };
    SheetVisibility: { visible: 'Visible'; hidden: 'Hidden'; veryHidden: 'VeryHidden' };
    RangeValueType: { empty: 'Empty'; string: 'String'; double: 'Double'; boolean: 'Boolean'; error: 'Error'; unknown: 'Unknown'; integer: 'Integer' };
  };
  /** What to install as the global `Office`. */
  readonly Office: OfficeShim;
  /** What to install as the global `OfficeExtension`. */
  readonly OfficeExtension: { Error: typeof OfficeError; ErrorCodes: typeof ErrorCodes; ClientObject: typeof ClientObject };
  /** Round trips so far: syncs that carried work (Excel.run's final sync counts when it sends something). */
  readonly syncCount: number;
  /** Syncs that had nothing to send (no round trip). */
  readonly emptySyncCount: number;
  /** The workbooks Excel.createWorkbook made, oldest first; the host's own `model` is never one of them. */
  readonly createdWorkbooks: readonly CreatedWorkbook[];
  onWorkbookCreated(listener: (created: CreatedWorkbook) => void): () => void;
  /** Every round trip with its request and response size. */
  readonly requests: readonly RequestRecord[];
  resetCounters(): void;
  /** Sets `Office`, `Excel` and `OfficeExtension` on the target (globalThis); returns a function that restores them. */
  installGlobals(target?: Record<string, unknown>): () => void;
}

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export function createExcelTestHost(model: WorkbookModel, options: ExcelTestHostOptions = {}): ExcelTestHost {
  const payloadLimitBytes = options.payloadLimitBytes === undefined ? DEFAULT_PAYLOAD_LIMIT : options.payloadLimitBytes;
  const core = new HostCore(model, {
    payloadLimitBytes,
    latencyMs: options.latencyMs ?? 0,
    excelApi: options.excelApi,
  });
  const office = createOfficeShim(model, options);
  const creator = workbookCreator({ excelApi: options.excelApi, language: model.language, payloadLimitBytes });

  async function run<T>(a: unknown, b?: Batch<T>): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as Batch<T> | undefined;
    if (typeof batch !== 'function') throw new OfficeError(ErrorCodes.invalidArgument, 'The argument is invalid or missing or has an incorrect format.', 'Excel.run');
    const previous = typeof a === 'function' ? undefined : a;
    const first = Array.isArray(previous) ? previous[0] : previous;
    const context =
      first instanceof ClientObject ? first.context : first instanceof RequestContext ? first : new RequestContext(core, (ctx) => new Workbook(ctx, 'Workbook', null, () => model));
    const pending = batch(context as unknown as Excel.RequestContext) as unknown;
    if (!pending || typeof (pending as Promise<T>).then !== 'function') {
      throw new OfficeError(ErrorCodes.runMustReturnPromise, 'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.', 'Excel.run');
    }
    const result = await (pending as Promise<T>);
    await context.sync();
    return result;
  }

  const host: ExcelTestHost = {
    model,
    run: run as ExcelTestHost['run'],
    Excel: {
      run: run as ExcelTestHost['run'],
      createWorkbook: creator.createWorkbook,
      RequestContext,
      ErrorCodes,
      ConditionalFormatType: { custom: 'Custom' },
      ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      RangeValueType: { empty: 'Empty', string: 'String', double: 'Double', boolean: 'Boolean', error: 'Error', unknown: 'Unknown', integer: 'Integer' },
    },
    Office: office,
    OfficeExtension: { Error: OfficeError, ErrorCodes, ClientObject },
    get syncCount() {
      return core.syncCount;
    },
    get emptySyncCount() {
      return core.emptySyncs;
    },
    get requests() {
      return core.requests;
    },
    get createdWorkbooks() {
      return creator.created;
    },
    onWorkbookCreated: creator.onCreated,
    resetCounters() {
      core.syncCount = 0;
      core.emptySyncs = 0;
      core.requests.length = 0;
    },
    installGlobals(target = globalThis as unknown as Record<string, unknown>) {
      const names = ['Office', 'Excel', 'OfficeExtension'] as const;
      const before = names.map((n) => [n, Object.prototype.hasOwnProperty.call(target, n), target[n]] as const);
      target.Office = host.Office;
      target.Excel = host.Excel;
      target.OfficeExtension = host.OfficeExtension;
      return () => {
        for (const [n, had, v] of before) {
          if (had) target[n] = v;
          else delete target[n];
        }
      };
    },
  };
  return host;
}

/** A host over a workbook read from .xlsx bytes. */
export async function loadExcelTestHost(bytes: Uint8Array | ArrayBuffer, options: ExcelTestHostOptions & ModelOptions = {}): Promise<ExcelTestHost> {
  const { WorkbookModel } = await import('./model');
  return createExcelTestHost(await WorkbookModel.fromXlsx(bytes, options), options);
}
