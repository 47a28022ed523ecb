/**
 * "Kontrollera" in the workbench: a broken workbook's findings, grouped by severity, in Swedish, with the
 * counts and cells of test/fixtures/broken/expected.json; a finding selects its cell in the grid, on
 * another sheet too.
 */
import { messageIn } from '../../src/domain/findings';
import { BROWSER_TEST_TIMEOUT, countsOf, domainFindings, expectedFor, useBench, until, WORDS, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

const bench = useBench();

const SV = WORDS.sv;

/** Checks the pane's findings against the manifest (counts, groups, cells) and the domain's Swedish messages. */
async function checkShowsManifest(wb: Workbench, file: string) {
  const expected = expectedFor(file);
  const counts = countsOf(expected.findings);
  const status = await wb.check();
  expect(status).toBe(SV.summary(counts.error, counts.warning, counts.info));

  // One group per severity that has findings, errors first, each titled with its count.
  const headings = await wb.pane.locator('main section h2').allTextContents();
  const groups = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => `${SV.groups[s]} (${counts[s]})`);
  expect(headings.filter((h) => groups.includes(h) || /^(Fel|Varningar|Upplysningar) \(/.test(h))).toEqual(groups);

  const key = (code: string, sheet?: string, address?: string | null, table?: string | null) => `${code}@${sheet}!${address ?? ''}|${table ?? ''}`;
  // The domain quotes cell text with plain "…"; the pane prints Swedish quotation marks, ”…”, on both sides.
  const swedishQuotes = (text: string) => text.replace(/"([^"\n]*)"/g, '\u201d$1\u201d');
  const messages = new Map((await domainFindings(file)).map((f) => [key(f.code, f.location?.sheet, f.location?.address, f.location?.table), swedishQuotes(messageIn(f, 'sv'))]));
  for (const severity of ['error', 'warning', 'info'] as const) {
    const section = wb.pane.getByRole('region', { name: `${SV.groups[severity]} (${counts[severity]})` });
    const mine = expected.findings.filter((f) => f.severity === severity);
    if (mine.length === 0) {
      await expect(wb.pane.locator('main section', { hasText: new RegExp(`^${SV.groups[severity]} \\(`) }).count()).resolves.toBe(0);
      continue;
    }
    await expect(section.locator('li').count()).resolves.toBe(mine.length);
    for (const f of mine) {
      // Every located finding is a button on its cell; its text is the domain's Swedish message.
      const message = messages.get(key(f.code, f.sheet, f.address, f.table));
      expect(message).toBeDefined();
      const item = (f.address ? section.locator(`button[data-code="${f.code}"][data-address="${f.address}"]`) : section.locator(`li[data-code="${f.code}"]`)).filter({ hasText: message! }).first();
      const text = (await item.textContent()) ?? '';
      expect(text).toContain(message!);
      if (f.messageIncludes) expect(text).toContain(swedishQuotes(f.messageIncludes));
      expect(text).not.toContain('"');
      if (f.address) expect(text).toContain(`${f.sheet}!${f.address}`);
    }
  }
}

/** Clicks a finding and checks the grid selected its cell: the cell, the name box and the sheet tab. */
async function clickSelectsCell(wb: Workbench, code: string, sheet: string, address: string) {
  const button = wb.finding(code, address).first();
  expect(await button.getAttribute('title')).toBe(`Gå till ${sheet}!${address}`);
  await wb.act(button);
  await until(async () => (await wb.nameBox().textContent()) === `${sheet}!${address}`, `the name box to show ${sheet}!${address}`);
  await until(async () => (await wb.shownSheet()) === sheet, `the grid to show ${sheet}`);
  await expect(wb.sheetTab(sheet).getAttribute('aria-selected')).resolves.toBe('true');
  await expect(wb.cell(address).getAttribute('data-selected')).resolves.toBe('true');
  await expect(wb.page.locator('table.cells td[data-selected=true]').count()).resolves.toBe(1);
  await expect(wb.cell(address).isVisible()).resolves.toBe(true);
}

test('19: two sums that do not add up, each a button that selects its cell', async () => {
  const file = '19-summor-fel-i-tva-block.xlsx';
  const wb = await bench().open(`sample=broken/${file}`);
  await checkShowsManifest(wb, file);
  await wb.screenshot('findings-19');
  await clickSelectsCell(wb, 'SUM_MISMATCH', 'Tjänsteplan', 'G14');
  await clickSelectsCell(wb, 'SUM_MISMATCH', 'Tjänsteplan', 'C11');
  expect(wb.problems).toEqual([]);
});

test('13: errors and a warning on two sheets; a finding on Ram switches the grid to Ram', async () => {
  const file = '13-formelfel.xlsx';
  const wb = await bench().open(`sample=broken/${file}`);
  await checkShowsManifest(wb, file);
  expect(await wb.shownSheet()).toBe('Tjänsteplan');
  await clickSelectsCell(wb, 'FORMULA_ERROR', 'Ram', 'B3');
  expect(await wb.sheetTab('Tjänsteplan').getAttribute('aria-selected')).toBe('false');
  // And back to the plan's sheet.
  await clickSelectsCell(wb, 'FORMULA_ERROR', 'Tjänsteplan', 'D11');
  expect(wb.problems).toEqual([]);
});

test('38: notes and an error across Tjänsteplan and Ram', async () => {
  const file = '38-mkr-text-over-ram.xlsx';
  const wb = await bench().open(`sample=broken/${file}`);
  await checkShowsManifest(wb, file);
  await clickSelectsCell(wb, 'OVER_FRAME', 'Ram', 'B3');
  await clickSelectsCell(wb, 'NUMBER_AS_TEXT', 'Tjänsteplan', 'D10');
  expect(wb.problems).toEqual([]);
});

test('36: a workbook without tables gets findings without cells, shown as readable text, and no exception', async () => {
  const file = '36-inga-tabeller.xlsx';
  const wb = await bench().open(`sample=broken/${file}`);
  await checkShowsManifest(wb, file);
  // A finding without a cell is not a (disabled) button: its text is as readable as the others.
  await expect(wb.pane.locator('button[data-code="TABLE_MISSING"]').count()).resolves.toBe(0);
  const item = wb.pane.locator('li[data-code="TABLE_MISSING"]').first();
  await expect(item.evaluate((el) => getComputedStyle(el.querySelector('span span')!).opacity)).resolves.toBe('1');
  expect(wb.problems).toEqual([]);
});
