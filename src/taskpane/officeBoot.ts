/**
 * Makes `Office` and `Excel` available: inside Office from Microsoft's CDN, loaded by the `<script>` in
 * taskpane.html's `<head>` before the bundle (Microsoft requires office.js to be referenced there, from
 * the CDN, not loaded by the add-in's own code); in the workbench from the page that hosts the pane beside
 * its Excel test host. Nothing after this knows which one it got. When office.js is not there (the CDN
 * could not be reached) or `Office.onReady` does not settle in time, it says which, so the pane can tell
 * the user instead of staying blank.
 */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** How long Office.onReady may take before the pane says it is not answering (and what to do). */
export const READY_TIMEOUT_MS = 8_000;

interface WorkbenchGlobals {
  Office: typeof Office;
  Excel: typeof Excel;
}

export type BootFailureReason = 'office-missing' | 'office-timeout';

export class OfficeBootError extends Error {
  constructor(readonly reason: BootFailureReason) {
    super(reason === 'office-missing' ? `office.js could not be loaded from ${OFFICE_JS}` : `Office.onReady has not settled within ${READY_TIMEOUT_MS} ms`);
    this.name = 'OfficeBootError';
  }
}

function workbench(): WorkbenchGlobals | null {
  try {
    if (window.parent === window) return null;
    // Same-origin only: inside Office the parent is another origin and this read throws.
    return (window.parent as unknown as { __tjansteplanWorkbench?: WorkbenchGlobals }).__tjansteplanWorkbench ?? null;
  } catch {
    return null;
  }
}

/**
 * Resolves with the host Office reports (null outside Office) once Office.onReady settles; rejects with
 * OfficeBootError('office-missing') when office.js is not there. It may never settle (Office not answering):
 * the caller shows `office-timeout` after READY_TIMEOUT_MS and keeps waiting, so a slow start still ends in
 * the pane.
 */
export async function bootOffice(): Promise<{ host: Office.HostType | null }> {
  const wb = workbench();
  const g = window as unknown as Partial<WorkbenchGlobals>;
  if (wb) {
    g.Office = wb.Office;
    g.Excel = wb.Excel;
  } else if (typeof g.Office?.onReady !== 'function') {
    throw new OfficeBootError('office-missing');
  }
  const info = await Office.onReady();
  return { host: info.host ?? null };
}
