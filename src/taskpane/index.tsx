/** The task pane's entry: find Office, then render the pane in Office's language and theme — or say why not. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BootFailure } from './BootFailure';
import { bootOffice, OfficeBootError } from './officeBoot';
import { languageOf } from './i18n';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  let host: Office.HostType | null;
  try {
    ({ host } = await bootOffice());
  } catch (e) {
    if (!(e instanceof OfficeBootError)) throw e;
    // Without Office there is no display language: the browser's stands in for it.
    const lang = languageOf(navigator.language);
    document.documentElement.lang = lang;
    root.render(<BootFailure reason={e.reason} lang={lang} />);
    return;
  }
  const ctx = Office.context;
  const lang = languageOf(ctx?.displayLanguage);
  document.documentElement.lang = lang;
  root.render(<App inExcel={host === Office.HostType.Excel} lang={lang} officeTheme={ctx?.officeTheme} />);
}

void start();
