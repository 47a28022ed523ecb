/** The task pane's entry: find Office, then render the pane in Office's language and theme. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootOffice } from './officeBoot';
import { languageOf } from './i18n';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const { host } = await bootOffice();
  const ctx = Office.context;
  const lang = languageOf(ctx?.displayLanguage);
  document.documentElement.lang = lang;
  root.render(<App inExcel={host === Office.HostType.Excel} lang={lang} officeTheme={ctx?.officeTheme} />);
}

void start();
