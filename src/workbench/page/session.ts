/**
 * One open workbook in the workbench: its model, the test host over it, and the globals the task pane
 * picks up. Loading another workbook makes a new session and reloads the pane, as reopening a file would.
 */
import { createExcelTestHost, WorkbookModel, type ExcelTestHost } from '../excel';

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
  const host = createExcelTestHost(model, { displayLanguage: options.language, theme: options.theme, url: name });
  // What the pane's officeBoot.ts looks for on its parent.
  (window as unknown as { __tjansteplanWorkbench: unknown }).__tjansteplanWorkbench = {
    Office: host.Office,
    Excel: host.Excel,
    OfficeExtension: host.OfficeExtension,
  };
  return { name, model, host };
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
