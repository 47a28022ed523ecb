/** The task pane's entry: find Office, then render the pane in Office's language and theme — or say why not. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BootFailure } from './BootFailure';
import { bootOffice, OfficeBootError, READY_TIMEOUT_MS, type BootFailureReason } from './officeBoot';
import { languageOf } from './i18n';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const failed = (reason: BootFailureReason) => {
    // Without Office there is no display language: the browser's stands in for it.
    const lang = languageOf(navigator.language);
    document.documentElement.lang = lang;
    root.render(<BootFailure reason={reason} lang={lang} />);
  };
  // Office not answering is said after a while, but the pane still starts if Office.onReady settles later.
  const slow = setTimeout(() => failed('office-timeout'), READY_TIMEOUT_MS);
  let host: Office.HostType | null;
  try {
    ({ host } = await bootOffice());
  } catch (e) {
    if (!(e instanceof OfficeBootError)) throw e;
    failed(e.reason);
    return;
  } finally {
    clearTimeout(slow);
  }
  const ctx = Office.context;
  const lang = languageOf(ctx?.displayLanguage);
  document.documentElement.lang = lang;
  root.render(<App inExcel={host === Office.HostType.Excel} lang={lang} officeTheme={ctx?.officeTheme} />);
}

void start();
