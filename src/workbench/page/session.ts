/**
 * One open workbook in the workbench: its model, the test host over it, and the globals the task pane
 * picks up. Loading another workbook makes a new session and reloads the pane, as reopening a file would.
 */
import { createExcelTestHost, WorkbookModel, type ExcelTestHost } from '../../simulators/excel';

export interface Session {
  name: string;
  model: WorkbookModel;
  host: ExcelTestHost;
}

export interface PaneOptions {
  language: 'sv-SE' | 'en-US';
  theme: 'light' | 'dark';
}

export async function openSession(name: string, bytes: Uint8Array | null, options: PaneOptions): Promise<Session> {
  const model = bytes ? await WorkbookModel.fromXlsx(bytes, { language: options.language }) : await WorkbookModel.create({ language: options.language });
  return withPane({ name, model }, options);
}

/**
 * The same workbook under another Office language or theme: a new test host over the same model (its edits
 * kept), as Office shows an open file after the user changes its display settings. The pane reloads.
 */
export async function withPane(open: Pick<Session, 'name' | 'model'>, options: PaneOptions): Promise<Session> {
  const host = createExcelTestHost(open.model, { displayLanguage: options.language, theme: options.theme, url: open.name });
  // What the pane's officeBoot.ts looks for on its parent, and where the local library is (its own origins).
  (window as unknown as { __tjansteplanWorkbench: unknown }).__tjansteplanWorkbench = {
    Office: host.Office,
    Excel: host.Excel,
    OfficeExtension: host.OfficeExtension,
    library: await localLibrary(),
  };
  return { name: open.name, model: open.model, host };
}

export async function fetchSample(path: string): Promise<Uint8Array> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export function download(name: string, bytes: Uint8Array) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The local library `npm start` runs beside the workbench, or null when the page is served without one. */
export interface WorkbenchLibrary {
  url: string;
  siteId: string;
  driveId: string;
  listId: string;
  token: string;
}

async function localLibrary(): Promise<WorkbenchLibrary | null> {
  try {
    const res = await fetch('/_workbench/library.json', { cache: 'no-store' });
    if (!res.ok) return null;
    // The library names its Graph URL: it is on an origin of its own, as Graph is in a tenant.
    return (await res.json()) as WorkbenchLibrary;
  } catch {
    return null;
  }
}
