/**
 * Tells Publicering when cell data changes on any sheet, so what it says about the plan (its state, why it
 * would not publish) follows the user's edits. Excel's `worksheets.onChanged` (ExcelApi 1.7): registered
 * with `add` and removed on the context it was added with, as Microsoft's guide to Excel events has it
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events). Without the requirement set
 * the view still re-reads whenever it is shown.
 */

/** Starts watching; resolves with a function that stops, or with null where Excel lacks the event. */
export async function watchWorkbook(onChange: () => void): Promise<(() => Promise<void>) | null> {
  if (typeof Excel === 'undefined' || !Office.context?.requirements?.isSetSupported('ExcelApi', '1.7')) return null;
  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  await Excel.run(async (context) => {
    registration = context.workbook.worksheets.onChanged.add(async () => onChange());
    await context.sync();
  });
  return async () => {
    const r = registration as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
    if (!r) return;
    await Excel.run(r.context, async (context) => {
      r.remove();
      await context.sync();
    });
  };
}
