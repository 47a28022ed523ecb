/**
 * Sammanställning and Granskning in the workbench, against the local library on its own two origins (Graph
 * and file bytes, as in a tenant; the pane reaches them through CORS under its enforced policy) with the nine sample plans of 2022–2024 published through the command line (`tjansteplan publish`).
 * Finance opens its frame workbook (through the page's file input: the workbench's sample menu serves only
 * test/fixtures/plans and broken) and consolidates from the library; a controller edits an amount in a
 * sample plan and reviews it against its published version, then approves the change note.
 */
import path from 'node:path';
import { locate } from '../../src/domain/location';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { approvedSample } from '../cli/librarySamples';
import { useLibraryBench } from './libraryBench';
import { BROWSER_TEST_TIMEOUT, plain, ROOT, statusOf, until } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 3);

const PLANS = path.join(ROOT, 'test', 'fixtures', 'plans');
const FRAME = path.join(ROOT, 'test', 'fixtures', 'frame', 'budgetram-2022-2024.xlsx');
const AREAS = ['ekonomi', 'hr', 'inkop', 'it', 'kommunikation', 'kultur-och-fritid-samt-service', 'ledning-och-styrning', 'utbildning', 'vard-och-omsorg'];
const IT_SAMPLE = 'tjansteplan-it-2022-2024.xlsx';

const { bench, dir, publish } = useLibraryBench('tjp-sr-', 'granskning-test');

// The library gets every area's plan the way a controller publishes it: through the command, over HTTPS.
beforeAll(async () => {
  for (const area of AREAS) await publish(await approvedSample(path.join(PLANS, `tjansteplan-${area}-2022-2024.xlsx`), dir()));
});

test('Sammanställning: the frame workbook open, consolidated from the library: 2022 is 22,3 mkr over the city frame, and the whole budget', async () => {
  // At the narrowest pane Office gives: the city's six-digit figures are where axis labels were cut.
  const wb = await bench().open('pane=320');
  await wb.openFile(FRAME);

  await wb.openView('Sammanställning');
  await wb.pane.getByRole('tabpanel', { name: 'Sammanställning' }).getByLabel('Planperiod').fill('2022–2024');
  await wb.pane.getByRole('button', { name: 'Sammanställ', exact: true }).click();
  await until(async () => /områden sammanställda/.test((await statusOf(wb, 'summary').textContent()) ?? ''), 'the consolidation');
  expect(plain(await statusOf(wb, 'summary').textContent())).toMatch(/^9 områden sammanställda/);

  const city2022 = plain(await wb.pane.locator('table[data-table="city"] tr[data-year="2022"]').textContent());
  expect(city2022).toContain('143 942');
  expect(city2022).toContain('121 600');
  expect(city2022).toContain('22 342 tkr över ram');
  const text = plain(await wb.pane.locator('[data-list="city-text"]').textContent());
  expect(text).toContain('2022: 143 942 tkr mot ramen 121 600 tkr, 22,3 mkr (22 342 tkr) över.');
  const brief = plain(await wb.pane.locator('[data-brief-year="2022"]').textContent());
  expect(brief).toContain('2022: utveckling 143 942 tkr är 22,3 mkr (22 342 tkr) över stadens ram 121 600 tkr.');
  expect(await wb.pane.locator('[data-code="CITY_OVER_FRAME"]').count()).toBeGreaterThan(0);
  // The whole budget from finance's frame workbook: förvaltning and utveckling, indicative against final.
  expect(plain(await wb.pane.locator('[data-list="budget-text"]').textContent())).toContain('2022: 1 105,6 mkr = 984,0 mkr förvaltning + 121,6 mkr utveckling.');
  expect(plain(await wb.pane.locator('table[data-table="indicative-2022"] tr[data-row="development"]').textContent())).toMatch(/151 600\s*121 600\s*-30 000/);
  expect(plain(await wb.pane.locator('table[data-table="operations-by-unit"] tr[data-row="total"]').textContent())).toMatch(/907 110\s*984 000\s*\+76 890/);
  // Kommunikation states no maintenance impact: "–", never 0.
  const kommunikation = plain(await wb.pane.locator('[data-list="areas"] > li[data-area="Kommunikation"]').textContent());
  expect(kommunikation).toContain('Påverkan vidmakthålla (tkr): 2022 –, 2023 –, 2024 –.');
  // The chart's labels are whole ("121 600" was drawn as "21 600") at round steps, and nothing scrolls sideways.
  await wb.pane.getByTestId('frame-chart').waitFor();
  expect(plain(await wb.pane.getByTestId('frame-chart').getAttribute('data-ticks'))).toBe('0|50 000|100 000|150 000');
  await wb.expectWholeAxisLabels('Sammanställning');
  expect((await wb.sideways()).outside).toEqual([]);
  const areas = wb.pane.locator('[data-list="areas"] > li');
  expect(await areas.count()).toBe(9);
  await wb.paneShot('summary-library-320');

  // Exportera writes new sheets; a second export refuses, and says nothing was overwritten.
  await wb.pane.getByRole('button', { name: 'Exportera' }).click();
  await until(async () => /exporterad/.test((await statusOf(wb, 'summary').textContent()) ?? ''), 'the export');
  await expect(wb.sheetTab('Sammanställning').count()).resolves.toBe(1);
  await wb.pane.getByRole('button', { name: 'Exportera' }).click();
  await until(async () => /Inget har skrivits över/.test((await wb.pane.locator('main').textContent()) ?? ''), 'the refusal');
  expect(wb.problems).toEqual([]);
});

test('Granskning: an amount edited in the grid becomes the change note, approved into Versionshantering', async () => {
  const { plan } = await checkWorkbook(await XlsxWorkbook.open(path.join(PLANS, IT_SAMPLE)));
  const row = plan!.initiatives.find((r) => !r.isStatedSum && r.development[0] !== null && r.development[0] !== 999)!;
  const year = plan!.info.period.years[0];
  const where = locate(plan!.initiativeTable, row.row, `Utveckling ${year}`);

  const wb = await bench().open(`sample=${IT_SAMPLE}&pane=350`);
  await wb.showSheet(where.sheet);
  await wb.selectCell(where.address!);
  const bar = wb.page.getByLabel('Cellens innehåll');
  await bar.fill('999');
  await bar.press('Enter');
  await until(async () => plain(await wb.cell(where.address!).textContent()).replace(/\s/g, '') === '999', 'the edited cell');

  await wb.openView('Granskning');
  await wb.pane.getByRole('button', { name: 'Hämta versioner' }).click();
  await until(async () => /publicerad(e)? version(er)? av/.test((await statusOf(wb, 'review').textContent()) ?? ''), 'the versions');
  await wb.pane.getByRole('button', { name: 'Visa skillnader' }).click();
  await until(async () => /^\d+ ändring(ar)?\.$/.test((await statusOf(wb, 'review').textContent()) ?? ''), 'the diff');

  // The diff at pane width: each changed amount is a line, from – to, and nothing scrolls sideways.
  const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const before = group(row.development[0]!);
  const delta = 999 - row.development[0]!;
  expect((await wb.pane.locator('[data-list="amounts"] li').allTextContents()).map(plain)).toContain(
    `Utveckling ${year}: från ${before} tkr till 999 tkr (${delta > 0 ? '+' : '-'}${group(Math.abs(delta))} tkr).`,
  );
  expect((await wb.sideways()).outside).toEqual([]);
  await wb.paneShot('review-diff-350');
  const note = plain(await wb.pane.getByLabel('Ändringsnotering (Beskrivning)').inputValue());
  expect(note).toContain(`Utveckling ${year} för initiativ ${row.nr ? `${row.nr} ` : ''}${row.name} ändrad från ${before} tkr till 999 tkr`);

  await wb.pane.getByRole('button', { name: 'Godkänn text' }).click();
  await until(async () => /tillagd i Versionshantering/.test((await statusOf(wb, 'review').textContent()) ?? ''), 'the approval');
  await wb.showSheet('Versioner');
  const cells = Object.values(await wb.cells()).map((c) => plain(c.text));
  expect(cells.some((c) => c.includes(`ändrad från ${before} tkr till 999 tkr`))).toBe(true);
  expect(wb.problems).toEqual([]);
});
