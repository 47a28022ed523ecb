/**
 * An empty workbook: "Kontrollera" says the plan's tables are missing and offers "Skapa tabeller"; a wrong
 * plan period is refused at the field; creating makes the sheets Tjänsteplan, Ram and Versioner with the
 * contract's headers, and the next check only asks for the frame.
 */
import { parsePeriod } from '../../src/domain/period';
import { planTables } from '../../src/workbook/contract/template';
import { BROWSER_TEST_TIMEOUT, useBench, until, WORDS } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

const bench = useBench();

test('creates the plan tables in an empty workbook after refusing a wrong period', async () => {
  const wb = await bench().open('empty');
  const sheetsBefore = await wb.page.locator('.tabs [role=tab]').allTextContents();

  expect(await wb.check()).toBe(WORDS.sv.summary(2, 0, 0));
  const missing = wb.pane.locator('[data-code="TABLE_MISSING"]');
  expect(await missing.count()).toBe(2);
  expect(await missing.allTextContents()).toEqual([expect.stringContaining('Planuppgifter'), expect.stringContaining('Initiativ')]);

  const form = wb.pane.getByRole('form', { name: 'Skapa tabeller' });
  await form.waitFor();
  const area = form.getByRole('textbox', { name: /Tjänsteområde/ });
  const period = form.getByRole('textbox', { name: /Planperiod/ });

  // A wrong period: the field says how to write it, and nothing is created.
  await area.fill('Kultur och fritid');
  await period.fill('2025');
  await form.getByRole('button', { name: 'Skapa tabeller' }).click();
  const periodField = form.locator('.fui-Field', { hasText: 'Planperiod' });
  await until(async () => ((await periodField.textContent()) ?? '').includes('Skriv planperioden som 2022–2024.'), 'the period validation message');
  expect(await period.getAttribute('aria-invalid')).toBe('true');
  // The message is tied to the input, so a screen reader reads it with the field.
  const describedBy = (await period.getAttribute('aria-describedby')) ?? '';
  const descriptions = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => wb.pane.locator(`[id="${id}"]`).textContent()));
  expect(descriptions.join(' ')).toContain('Skriv planperioden som 2022–2024.');
  await wb.screenshot('create-invalid-period');
  expect(await wb.page.locator('.tabs [role=tab]').allTextContents()).toEqual(sheetsBefore);

  // A right one.
  await period.fill('2025–2027');
  expect(await wb.act(form.getByRole('button', { name: 'Skapa tabeller' }))).toBe('Tabellerna är skapade.');
  await wb.screenshot('create-created');

  const tables = planTables({ area: 'Kultur och fritid', period: parsePeriod('2025–2027')! });
  const sheets = await wb.page.locator('.tabs [role=tab]').allTextContents();
  for (const name of ['Tjänsteplan', 'Ram', 'Versioner']) expect(sheets).toContain(name);

  // Each sheet shows its tables' headers, side by side in one row of the grid, as the contract has them.
  for (const sheet of ['Tjänsteplan', 'Ram', 'Versioner']) {
    await wb.showSheet(sheet);
    const rows = await wb.rows();
    for (const table of tables.filter((t) => t.sheet === sheet)) {
      const found = rows.some((cells) => cells.some((_, i) => table.headers.every((h, j) => cells[i + j] === h)));
      expect({ sheet, table: table.name, found }).toEqual({ sheet, table: table.name, found: true });
    }
  }
  await wb.showSheet('Tjänsteplan');
  expect((await wb.rows()).some((cells) => cells[0] === 'Tjänsteområde' && cells[1] === 'Kultur och fritid')).toBe(true);
  expect((await wb.rows()).some((cells) => cells[0] === 'Planperiod' && cells[1] === '2025–2027')).toBe(true);

  // The form is gone, and a new check only misses the frame (one warning per year, nothing else).
  await until(async () => (await form.count()) === 0, 'the form to go away');
  expect(await wb.check()).toBe(WORDS.sv.summary(0, 3, 0));
  const codes = await wb.pane.locator('main section [data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  expect(codes).toEqual(['FRAME_MISSING', 'FRAME_MISSING', 'FRAME_MISSING']);
  expect(wb.problems).toEqual([]);
});
