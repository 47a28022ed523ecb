/**
 * The workbench as a newcomer uses it: it says which file is open, switching the pane's language keeps that
 * workbook and its edits, an empty workbook offers "Skapa tabeller" before any check, creating the tables
 * shows them in the grid, and the new plan's chart says it has nothing to show instead of drawing a lone 0.
 */
import { BROWSER_TEST_TIMEOUT, until, useBench, WORDS } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 2);

const bench = useBench();
const IT = 'tjansteplan-it-2022-2024.xlsx';

test('switching the language keeps the open workbook and its edits, and the page says which file is open', async () => {
  const wb = await bench().open(`sample=${IT}`);
  const openFile = wb.page.getByTestId('open-file');
  await until(async () => (await openFile.textContent()) === `Öppen: ${IT}`, 'the page to name the open file');
  await expect(wb.page.getByLabel('Öppna ett exempel').inputValue()).resolves.toBe(IT);

  // An edit in the grid, as a user makes it.
  await wb.showSheet('Tjänsteplan');
  await wb.selectCell('A1');
  const bar = wb.page.getByLabel('Cellens innehåll');
  await bar.fill('Redigerad rubrik');
  await bar.press('Enter');
  await until(async () => (await wb.cell('A1').textContent()) === 'Redigerad rubrik', 'the edit');

  await wb.page.getByLabel('Språk').selectOption('en-US');
  // The pane starts again in English, over the same workbook.
  await until(async () => (await wb.pane.getByRole('button', { name: WORDS.en.check, exact: true }).count()) === 1, 'the pane in English');
  expect(await wb.frame().evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await wb.cell('A1').textContent()).toBe('Redigerad rubrik');
  expect(await openFile.textContent()).toBe(`Öppen: ${IT}`);
  // And the pane reads that workbook: the check finds the plan, not an empty one.
  expect(await wb.check('en')).not.toContain(WORDS.en.summary(2, 0, 0));
  expect(await wb.pane.locator('[data-code="TABLE_MISSING"]').count()).toBe(0);
  expect(wb.problems).toEqual([]);
});

test('an empty workbook: Skapa tabeller before any check, the grid then shows the new table, and the chart an empty state', async () => {
  const wb = await bench().open('empty');
  const form = wb.pane.getByRole('form', { name: 'Skapa tabeller' });
  // Offered at once: nothing pressed, nothing announced.
  await form.waitFor();
  expect((await wb.status().textContent())?.trim()).toBe('');
  const sheetBefore = await wb.shownSheet();
  expect(sheetBefore).not.toBe('Tjänsteplan');

  await form.getByRole('textbox', { name: /Tjänsteområde/ }).fill('Kultur och fritid');
  await form.getByRole('textbox', { name: /Planperiod/ }).fill('2025–2027');
  expect(await wb.act(form.getByRole('button', { name: 'Skapa tabeller' }))).toBe('Tabellerna är skapade.');

  // The grid follows to the plan's sheet, at the initiatives table.
  await until(async () => (await wb.shownSheet()) === 'Tjänsteplan', 'the grid to show Tjänsteplan');
  expect(await wb.nameBox().textContent()).toMatch(/^Tjänsteplan!A\d+$/);

  // A plan with no amounts and no frame yet: a sentence, not an axis with a lone 0.
  const empty = wb.pane.getByTestId('chart-empty');
  await empty.waitFor();
  expect(await empty.textContent()).toBe('Inga belopp att visa ännu. Diagrammet visas när planen har utvecklingskostnader eller en ram.');
  expect(await wb.pane.getByTestId('frame-chart').count()).toBe(0);
  expect(await wb.pane.locator('main svg text').evaluateAll((els) => els.map((e) => e.textContent))).not.toContain('0');
  expect(wb.problems).toEqual([]);
});
