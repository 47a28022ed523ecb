/**
 * `worksheets.onChanged` (ExcelApi 1.7) for the test host, so a pane that re-reads on edits can be tested.
 *
 * As Microsoft documents it (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events;
 * Excel.WorksheetChangedEventArgs, https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs):
 * `add(handler)` on the event object registers it once the request is synced; `remove()` on the result,
 * synced with the same context, unregisters it; the handler receives `{address, changeType, source, type:
 * 'WorksheetChanged', worksheetId}` after cell data changed, whether the user or an add-in changed it, and
 * is called asynchronously. This host reports one event per changed sheet with the sheet's used range as
 * the address (the model tells which sheets changed, not which cells) and `changeType` 'RangeEdited'.
 */
import { formatRect, rect } from '../addresses';
import type { AnyObject, RequestContext } from '../context';
import type { WorkbookModel } from '../model';

export interface WorksheetChangedArgs {
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
  type: 'WorksheetChanged';
  worksheetId: string;
}

type Handler = (args: WorksheetChangedArgs) => Promise<unknown>;

/** What a cell edit reports: values, and tables whose rows or cells were written. */
const DATA_KINDS = new Set(['values', 'tables']);

export function worksheetChangedEvent(target: AnyObject, context: RequestContext, sheetIdOf: (model: WorkbookModel, name: string) => string | null) {
  const registered = new Map<Handler, () => void>();
  const queue = (name: string, run: (model: WorkbookModel) => void) =>
    context._enqueue({ target, type: 'method', name, args: null, run: (model) => void run(model) });
  const events = {
    add(handler: Handler) {
      queue('onChanged.add', (model) => {
        if (registered.has(handler)) return;
        const stop = model.onChange((change) => {
          if (!change.kinds.some((k) => DATA_KINDS.has(k))) return;
          for (const sheet of change.sheets) {
            const worksheetId = sheetIdOf(model, sheet);
            if (!worksheetId) continue;
            // Excel calls handlers after the change, never inside the request that made it.
            setTimeout(() => void handler({ address: usedAddress(model, sheet), changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', worksheetId }), 0);
          }
        });
        registered.set(handler, stop);
      });
      return {
        context,
        remove: () => events.remove(handler),
      };
    },
    remove(handler: Handler) {
      queue('onChanged.remove', () => {
        registered.get(handler)?.();
        registered.delete(handler);
      });
    },
  };
  return events;
}

function usedAddress(model: WorkbookModel, sheet: string): string {
  const { rows, columns } = model.getUsedSize(sheet);
  return formatRect(rect(1, 1, Math.max(rows, 1), Math.max(columns, 1)));
}
