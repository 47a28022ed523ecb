/**
 * The slice of the `Office` namespace the task pane uses, over the test host's model:
 * `Office.onReady`, `Office.context.displayLanguage`, `Office.context.officeTheme` (switchable, for dark
 * theme), `Office.context.requirements.isSetSupported`, and `Office.context.document.getFileAsync` giving the
 * workbook as .xlsx bytes in slices (File.getSliceAsync, File.closeAsync), with Office's limits: slices of at
 * most 4 MB (the default; 64 KB on iPad, where Excel gives no file unless `compressedFile` says so), at most two files open at once (a third getFileAsync fails with Office's error
 * 5001 "Internal Error" until one is closed). Callbacks run asynchronously and get Office's AsyncResult.
 * `addHandlerAsync` reports DocumentSelectionChanged and OfficeThemeChanged.
 */
import type { WorkbookModel } from './model';

export interface OfficeThemeColors {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme: boolean;
}

/** Office's Colorful and Black themes, as officeTheme reports them. */
export const LIGHT_THEME: OfficeThemeColors = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#262626',
  isDarkTheme: false,
};

export const DARK_THEME: OfficeThemeColors = {
  bodyBackgroundColor: '#262626',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#1F1F1F',
  controlForegroundColor: '#F3F3F3',
  isDarkTheme: true,
};

export interface OfficeShimOptions {
  /** Office's UI language, `sv-SE` unless given. */
  displayLanguage?: string;
  theme?: 'light' | 'dark' | OfficeThemeColors;
  /** `OfficeOnline` unless given (the workbench behaves like Excel on the web). */
  platform?: string;
  /** What Office.context.document.url reports. */
  url?: string;
  /** The highest ExcelApi requirement set reported as supported. */
  excelApi?: string;
  /**
   * Whether getFileAsync gives the workbook (requirement sets File and CompressedFile). Microsoft's
   * documentation disagrees with itself: Document.getFileAsync's table of supported file types says Excel on
   * iPad supports none and Excel on the web only Pdf, while the requirement-set pages list CompressedFile for
   * Excel on the web. The host follows the table for iPad (`platform: 'iOS'` gives no file) and the
   * requirement sets for the web (the workbench publishes); `compressedFile: false` shows a web that
   * follows the table.
   */
  compressedFile?: boolean;
}

export interface OfficeError {
  code: number;
  name: string;
  message: string;
}

export interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: OfficeError;
  asyncContext?: unknown;
}

export interface Slice {
  data: number[];
  index: number;
  size: number;
}

export interface OfficeFile {
  readonly size: number;
  readonly sliceCount: number;
  getSliceAsync(sliceIndex: number, callback?: (result: AsyncResult<Slice>) => void): void;
  closeAsync(callback?: (result: AsyncResult<void>) => void): void;
}

type Callback<T> = (result: AsyncResult<T>) => void;
type Handler = (args: Record<string, unknown>) => void;

export const MAX_SLICE_SIZE = 4_194_304;
export const IOS_MAX_SLICE_SIZE = 65_536;
const MAX_OPEN_FILES = 2;

export interface OfficeShim {
  FileType: { Compressed: 'compressed'; Pdf: 'pdf'; Text: 'text' };
  AsyncResultStatus: { Succeeded: 'succeeded'; Failed: 'failed' };
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  EventType: Record<string, string>;
  context: {
    displayLanguage: string;
    contentLanguage: string;
    officeTheme: OfficeThemeColors;
    host: string;
    platform: string;
    diagnostics: { host: string; platform: string; version: string };
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    /** Dialogs (Microsoft 365 sign-in) do not exist in the workbench: displayDialogAsync fails at once. */
    ui: { displayDialogAsync(url: string, options?: unknown, callback?: Callback<unknown>): void };
    document: {
      url: string;
      mode: string;
      getFileAsync(fileType: string, options?: { sliceSize?: number; asyncContext?: unknown } | Callback<OfficeFile>, callback?: Callback<OfficeFile>): void;
      addHandlerAsync(eventType: string, handler: Handler, options?: unknown, callback?: Callback<void>): void;
      removeHandlerAsync(eventType: string, options?: { handler?: Handler } | Callback<void>, callback?: Callback<void>): void;
    };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  /** Test and workbench control: switch Office's theme (raises OfficeThemeChanged). */
  setOfficeTheme(theme: 'light' | 'dark' | OfficeThemeColors): void;
  /** Test and workbench control: the UI language the add-in sees. */
  setDisplayLanguage(language: string): void;
  /** How many files from getFileAsync are open (not yet closed). */
  readonly openFiles: number;
}

export function createOfficeShim(model: WorkbookModel, options: OfficeShimOptions = {}): OfficeShim {
  const platform = options.platform ?? 'OfficeOnline';
  const handlers = new Map<string, Set<Handler>>();
  let openFiles = 0;
  const themeOf = (t: OfficeShimOptions['theme']): OfficeThemeColors => ({ ...(t === 'dark' ? DARK_THEME : t === 'light' || t === undefined ? LIGHT_THEME : t) });

  const later = (fn: () => void) => setTimeout(fn, 0);
  const ok = <T>(value: T, asyncContext: unknown): AsyncResult<T> => ({ status: 'succeeded', value, asyncContext });
  const failed = <T>(error: OfficeError, asyncContext: unknown): AsyncResult<T> => ({ status: 'failed', value: undefined as T, error, asyncContext });

  const fire = (type: string, args: Record<string, unknown>) => {
    for (const h of handlers.get(type) ?? []) later(() => h({ type, ...args }));
  };
  model.onChange((change) => {
    if (change.kinds.includes('selection')) fire('documentSelectionChanged', { document: shim.context.document });
  });

  const maxApi = (options.excelApi ?? '1.17').split('.').map(Number);
  const givesFile = options.compressedFile ?? platform !== 'iOS';
  // "Returns the entire document file in slices of up to 4194304 bytes (4 MB). For add-ins on iPad, file
  // slice is supported up to 65536 (64 KB)… specifying file slice size of above permitted limit will result
  // in an 'Internal Error' failure." (Office.Document.getFileAsync, @types/office-js)
  const maxSlice = platform === 'iOS' ? IOS_MAX_SLICE_SIZE : MAX_SLICE_SIZE;
  const shim: OfficeShim = {
    FileType: { Compressed: 'compressed', Pdf: 'pdf', Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    EventType: {
      DocumentSelectionChanged: 'documentSelectionChanged',
      OfficeThemeChanged: 'officeThemeChanged',
      DialogMessageReceived: 'dialogMessageReceived',
      DialogEventReceived: 'dialogEventReceived',
    },
    context: {
      displayLanguage: options.displayLanguage ?? model.language,
      contentLanguage: options.displayLanguage ?? model.language,
      officeTheme: themeOf(options.theme),
      host: 'Excel',
      platform,
      diagnostics: { host: 'Excel', platform, version: '16.0.0.0' },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number) {
          const want = String(minVersion ?? '1.1').split('.').map(Number);
          if (name === 'ExcelApi') return want[0] < maxApi[0] || (want[0] === maxApi[0] && (want[1] ?? 0) <= (maxApi[1] ?? 0));
          if (name === 'File' || name === 'CompressedFile') return givesFile;
          return name === 'Settings' || name === 'DocumentEvents';
        },
      },
      ui: {
        displayDialogAsync(_url, optionsOrCallback, maybeCallback) {
          const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback<unknown> | undefined;
          later(() => callback?.(failed({ code: 5002, name: 'Operation not supported', message: 'The workbench has no Office dialogs (no Microsoft 365 sign-in).' }, undefined)));
        },
      },
      document: {
        url: options.url ?? 'Tjänsteplan.xlsx',
        mode: 'readWrite',
        getFileAsync(fileType, optionsOrCallback, maybeCallback) {
          const opts = typeof optionsOrCallback === 'function' ? {} : (optionsOrCallback ?? {});
          const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
          const done = (r: AsyncResult<OfficeFile>) => later(() => callback?.(r));
          const ctx = opts.asyncContext;
          if (!givesFile) {
            done(failed({ code: 5002, name: 'Operation not supported', message: `Excel on ${platform} does not give the workbook as a file (getFileAsync).` }, ctx));
            return;
          }
          if (fileType !== 'compressed') {
            done(failed({ code: 5002, name: 'Operation not supported', message: `The Excel test host gives the file only as ${'compressed'} (.xlsx), not ${fileType}.` }, ctx));
            return;
          }
          const sliceSize = opts.sliceSize ?? maxSlice;
          if (!Number.isInteger(sliceSize) || sliceSize <= 0) {
            done(failed({ code: 1001, name: 'Invalid Argument', message: `The slice size must be a whole number of bytes up to ${maxSlice}.` }, ctx));
            return;
          }
          if (sliceSize > maxSlice) {
            done(failed({ code: 5001, name: 'Internal Error', message: `An internal error has occurred. (Slices on ${platform} are at most ${maxSlice} bytes.)` }, ctx));
            return;
          }
          if (openFiles >= MAX_OPEN_FILES) {
            done(failed({ code: 5001, name: 'Internal Error', message: 'An internal error has occurred. (Close an open file with File.closeAsync first: at most two can be open.)' }, ctx));
            return;
          }
          openFiles++;
          model.toXlsx().then(
            (bytes) => done(ok(openFile(bytes, sliceSize, () => openFiles--), ctx)),
            (e: unknown) => {
              openFiles--;
              done(failed({ code: 5001, name: 'Internal Error', message: `An internal error has occurred. (${String((e as Error)?.message ?? e)})` }, ctx));
            },
          );
        },
        addHandlerAsync(eventType, handler, options, callback) {
          const cb = (typeof options === 'function' ? options : callback) as Callback<void> | undefined;
          const known = eventType === 'documentSelectionChanged' || eventType === 'officeThemeChanged';
          if (known) {
            const set = handlers.get(eventType) ?? new Set<Handler>();
            set.add(handler);
            handlers.set(eventType, set);
          }
          later(() => cb?.(known ? ok(undefined, undefined) : failed({ code: 5002, name: 'Operation not supported', message: `Event ${eventType} is not supported by the Excel test host.` }, undefined)));
        },
        removeHandlerAsync(eventType, optionsOrCallback, maybeCallback) {
          const opts = typeof optionsOrCallback === 'function' ? {} : (optionsOrCallback ?? {});
          const cb = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
          if (opts.handler) handlers.get(eventType)?.delete(opts.handler);
          else handlers.delete(eventType);
          later(() => cb?.(ok(undefined, undefined)));
        },
      },
    },
    onReady(callback) {
      const info = { host: 'Excel', platform };
      return new Promise((resolve) =>
        later(() => {
          callback?.(info);
          resolve(info);
        }),
      );
    },
    setOfficeTheme(theme) {
      shim.context.officeTheme = themeOf(theme);
      fire('officeThemeChanged', { officeTheme: shim.context.officeTheme });
    },
    setDisplayLanguage(language) {
      shim.context.displayLanguage = language;
    },
    get openFiles() {
      return openFiles;
    },
  };
  return shim;
}

function openFile(bytes: Uint8Array, sliceSize: number, onClose: () => void): OfficeFile {
  let closed = false;
  const sliceCount = Math.max(1, Math.ceil(bytes.length / sliceSize));
  return {
    size: bytes.length,
    sliceCount,
    getSliceAsync(sliceIndex, callback) {
      setTimeout(() => {
        if (closed) {
          callback?.({ status: 'failed', value: undefined as unknown as Slice, error: { code: 5001, name: 'Internal Error', message: 'The file has been closed.' } });
          return;
        }
        if (!Number.isInteger(sliceIndex) || sliceIndex < 0 || sliceIndex >= sliceCount) {
          callback?.({ status: 'failed', value: undefined as unknown as Slice, error: { code: 1001, name: 'Invalid Argument', message: `There is no slice ${sliceIndex}; the file has ${sliceCount}.` } });
          return;
        }
        const part = bytes.subarray(sliceIndex * sliceSize, Math.min(bytes.length, (sliceIndex + 1) * sliceSize));
        callback?.({ status: 'succeeded', value: { data: Array.from(part), index: sliceIndex, size: part.length } });
      }, 0);
    },
    closeAsync(callback) {
      setTimeout(() => {
        if (!closed) {
          closed = true;
          onClose();
        }
        callback?.({ status: 'succeeded', value: undefined });
      }, 0);
    },
  };
}
