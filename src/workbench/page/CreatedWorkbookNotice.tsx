/**
 * The workbooks the add-in created with `Excel.createWorkbook`, as the workbench shows them. In Excel each
 * opens in its own window (on the web in a new tab, after Excel asks the user to allow it), unsaved, and the
 * add-in is not loaded there: the page names the newest and lets the user download it or open it in the
 * workbench instead of the workbook open now (as switching to that window would; the pane starts again).
 */
import { useEffect, useState } from 'react';
import type { CreatedWorkbook, ExcelTestHost } from '../../simulators/excel';
import { download } from './session';

export function CreatedWorkbookNotice(props: { host: ExcelTestHost | null; onOpen: (created: CreatedWorkbook) => void }) {
  const { host, onOpen } = props;
  // Kept with the host that made it: another workbook opened (a new host) shows none until it makes one.
  const [shown, setShown] = useState<{ host: ExcelTestHost; created: CreatedWorkbook } | null>(null);
  useEffect(() => host?.onWorkbookCreated((created) => setShown({ host, created })), [host]);
  if (!shown || shown.host !== host) return null;
  const { created } = shown;
  const file = `${created.name}.xlsx`;
  return (
    <span role="status" data-testid="created-workbook">
      Tillägget skapade en ny arbetsbok, {created.name} (i Excel ett eget fönster, osparad, utan tillägget).{' '}
      <button type="button" onClick={() => download(file, created.bytes)}>
        Ladda ned {file}
      </button>{' '}
      <button type="button" onClick={() => onOpen(created)}>
        Öppna {created.name}
      </button>{' '}
      <button type="button" aria-label="Stäng meddelandet om den nya arbetsboken" onClick={() => setShown(null)}>
        ×
      </button>
    </span>
  );
}
