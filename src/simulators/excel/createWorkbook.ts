/**
 * `Excel.createWorkbook(base64?)` (ExcelApi 1.8): "Creates and opens a new workbook. Optionally, the workbook
 * can be pre-populated with a Base64-encoded .xlsx file" (@types/office-js). Microsoft's "Work with workbooks
 * using the Excel JavaScript API" (Create a workbook): the new workbook "is immediately opened and displayed
 * in a new instance of Excel. Your add-in remains open and running with the previous workbook" — the add-in is
 * not loaded in the new one, and the open workbook is not touched. The base64 is the file alone: that page's
 * sample strips the data URL's `…base64,` prefix before the call.
 *
 * Where the documentation says nothing the host is the stricter: a base64 that is not strictly base64 (a
 * data URL prefix, line breaks) or bytes that are not a readable .xlsx reject with InvalidArgument (the
 * message Excel for Mac gives for a file it cannot open, OfficeDev/office-js#2537), and a file over the
 * host's request limit (5 MB on the web) rejects as a request that large would. A platform without
 * ExcelApi 1.8 rejects with ApiNotFound: the add-in asks `isSetSupported('ExcelApi', '1.8')` first.
 *
 * The new workbook is kept, not shown: `created` and `onCreated` let the workbench page offer it to the user
 * (in Excel it opens in its own window, on the web in a new tab after Excel asks the user to allow it).
 */
import { apiNotFound, ErrorCodes, invalidArgument, OfficeError } from './errors';
import type { WorkbookModel } from './model';

export interface CreatedWorkbook {
  /** What Excel calls a new workbook until it is saved: Mapp1, Mapp2… (Book1… in English). */
  name: string;
  /** The .xlsx bytes the add-in passed (or an empty workbook's). */
  bytes: Uint8Array;
  model: WorkbookModel;
}

export interface WorkbookCreator {
  createWorkbook(base64?: string | null): Promise<void>;
  readonly created: readonly CreatedWorkbook[];
  /** Called with each new workbook; returns a function that stops it. */
  onCreated(listener: (created: CreatedWorkbook) => void): () => void;
}

export interface WorkbookCreatorOptions {
  /** The highest ExcelApi the platform reports (1.17 unless given). */
  excelApi?: string;
  /** Excel's UI language: names the new workbook and an empty one's sheet. */
  language: string;
  /** The host's request limit in bytes (null for none). */
  payloadLimitBytes: number | null;
}

const LOCATION = 'Excel.createWorkbook';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function workbookCreator(options: WorkbookCreatorOptions): WorkbookCreator {
  const created: CreatedWorkbook[] = [];
  const listeners = new Set<(c: CreatedWorkbook) => void>();
  const sv = options.language.toLowerCase().startsWith('sv');

  async function createWorkbook(base64?: string | null): Promise<void> {
    if (!apiAtLeast(options.excelApi ?? '1.17', '1.8')) throw apiNotFound(LOCATION, 'ExcelApi 1.8');
    const { WorkbookModel } = await import('./model');
    let model: WorkbookModel;
    let bytes: Uint8Array;
    if (base64 === undefined || base64 === null) {
      model = await WorkbookModel.create({ language: options.language });
      bytes = await model.toXlsx();
    } else {
      if (typeof base64 !== 'string' || !BASE64.test(base64)) throw invalidArgument(LOCATION, 'base64File is not a Base64-encoded .xlsx file');
      if (options.payloadLimitBytes !== null && base64.length > options.payloadLimitBytes) {
        throw new OfficeError(
          ErrorCodes.requestPayloadSizeLimitExceeded,
          'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
          LOCATION,
        );
      }
      bytes = fromBase64(base64);
      try {
        model = await WorkbookModel.fromXlsx(bytes, { language: options.language });
      } catch {
        throw invalidArgument(LOCATION, 'base64File is not a readable .xlsx file');
      }
    }
    const workbook: CreatedWorkbook = { name: `${sv ? 'Mapp' : 'Book'}${created.length + 1}`, bytes, model };
    created.push(workbook);
    for (const listener of listeners) listener(workbook);
  }

  return {
    createWorkbook,
    get created() {
      return created;
    },
    onCreated(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function apiAtLeast(have: string, want: string): boolean {
  const [hm, hn = 0] = have.split('.').map(Number);
  const [wm, wn = 0] = want.split('.').map(Number);
  return hm > wm || (hm === wm && hn >= wn);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
