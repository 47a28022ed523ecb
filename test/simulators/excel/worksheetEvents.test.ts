/** `worksheets.onChanged` in the test host: registered at sync, told about data edits (the user's and an add-in's), removed on its context. */
import { emptyHost } from './helpers';

const settle = () => new Promise((r) => setTimeout(r, 10));

test('a handler hears cell edits after its sync, and nothing after it is removed', async () => {
  const host = await emptyHost();
  const heard: Excel.WorksheetChangedEventArgs[] = [];
  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  await host.run(async (context) => {
    registration = context.workbook.worksheets.onChanged.add(async (e) => void heard.push(e));
    // Not yet synced: an edit now is not heard.
    host.model.userEnter('Blad1', 1, 1, 'före');
    await settle();
    expect(heard).toEqual([]);
    await context.sync();
  });

  // The user types in the grid.
  host.model.userEnter('Blad1', 2, 1, '12');
  await settle();
  expect(heard).toHaveLength(1);
  expect(heard[0]).toMatchObject({ type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local' });
  const id = await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Blad1').load('id');
    await context.sync();
    return sheet.id;
  });
  expect(heard[0].worksheetId).toBe(id);

  // An add-in writes a value: heard too, as Excel does.
  await host.run(async (context) => {
    context.workbook.worksheets.getItem('Blad1').getRange('B1').values = [[3]];
    await context.sync();
  });
  await settle();
  expect(heard).toHaveLength(2);

  // Selecting is not a data change.
  host.model.userSelect('Blad1', 'C3');
  await settle();
  expect(heard).toHaveLength(2);

  const r = registration as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
  await host.run(r!.context as unknown as object, async (context) => {
    r!.remove();
    await context.sync();
  });
  host.model.userEnter('Blad1', 3, 1, 'efter');
  await settle();
  expect(heard).toHaveLength(2);
});
