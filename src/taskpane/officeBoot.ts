/**
 * Makes `Office` and `Excel` available: from Microsoft's CDN inside Office, or from the workbench page
 * that hosts the pane beside its Excel test host. Nothing after this knows which one it got.
 */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

interface WorkbenchGlobals {
  Office: typeof Office;
  Excel: typeof Excel;
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

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`Kunde inte ladda ${src}`));
    document.head.appendChild(s);
  });
}

/** Resolves with the host Office reports (null outside Office). */
export async function bootOffice(): Promise<{ host: Office.HostType | null }> {
  const wb = workbench();
  const g = window as unknown as Partial<WorkbenchGlobals>;
  if (wb) {
    g.Office = wb.Office;
    g.Excel = wb.Excel;
  } else if (!g.Office) {
    await loadScript(OFFICE_JS);
  }
  const info = await Office.onReady();
  return { host: info.host ?? null };
}
