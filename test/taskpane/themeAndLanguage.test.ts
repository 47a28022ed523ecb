/**
 * Office's theme and language reach the pane: in the dark theme the pane is dark and its text contrast
 * passes axe; in English the buttons, the summary, the groups, the messages and the dialog are English.
 */
import { messageIn } from '../../src/domain/findings';
import { BROWSER_TEST_TIMEOUT, domainFindings, luminance, useBench, WORDS } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

const bench = useBench();

test('dark theme: a dark pane whose text passes axe colour contrast', async () => {
  const wb = await bench().open('sample=broken/38-mkr-text-over-ram.xlsx&theme=dark');
  await wb.check();
  const colours = await wb.frame().evaluate(() => {
    const main = document.querySelector('main')!;
    const style = getComputedStyle(main);
    return { background: style.backgroundColor, text: style.color, heading: getComputedStyle(main.querySelector('h1')!).color };
  });
  expect(luminance(colours.background)).toBeLessThan(0.05);
  expect(luminance(colours.text)).toBeGreaterThan(0.6);
  expect(luminance(colours.heading)).toBeGreaterThan(0.6);
  // What the frame shows around the pane is dark too (no white body behind a dark main).
  const body = await wb.frame().evaluate(() => getComputedStyle(document.body).backgroundColor);
  if (body !== 'rgba(0, 0, 0, 0)') expect(luminance(body)).toBeLessThan(0.05);
  await wb.screenshot('dark');

  const contrast = await wb.axe({ runOnly: { type: 'rule', values: ['color-contrast'] } });
  expect(contrast).toEqual([]);
  expect(wb.problems).toEqual([]);
});

test('English: buttons, summary, groups, messages and the dialog in English', async () => {
  const file = '19-summor-fel-i-tva-block.xlsx';
  const EN = WORDS.en;
  const wb = await bench().open(`sample=broken/${file}&lang=en`);
  expect(await wb.frame().evaluate(() => document.documentElement.lang)).toBe('en');
  for (const name of [EN.check, EN.highlight, EN.clear, EN.recompute]) expect(await wb.button(name).count()).toBe(1);
  // The views in English, in the strip or (at pane width) behind More.
  const shown: string[] = [];
  for (const name of ['Plan', 'Review', 'Publishing', 'Consolidation', 'Prioritisation']) if (await wb.pane.getByRole('tab', { name, exact: true }).isVisible()) shown.push(name);
  const more = wb.pane.getByTestId('more-tabs');
  const inMenu = (await more.isVisible()) ? (await more.click(), await wb.pane.getByRole('menuitem').allTextContents()) : [];
  if (inMenu.length > 0) {
    expect(await more.getAttribute('aria-label')).toBe(`More views (${inMenu.length})`);
    await wb.page.keyboard.press('Escape');
  }
  expect([...shown, ...inMenu]).toEqual(['Plan', 'Review', 'Publishing', 'Consolidation', 'Prioritisation']);
  expect(await wb.button('Kontrollera').count()).toBe(0);

  expect(await wb.check('en')).toBe(EN.summary(2, 0, 0));
  expect(await wb.pane.locator('main section h2').first().textContent()).toBe('Errors (2)');
  const findings = (await domainFindings(file)).filter((f) => f.location?.address);
  for (const f of findings) {
    const button = wb.finding(f.code, f.location!.address!);
    const text = (await button.textContent()) ?? '';
    expect(text).toContain(messageIn(f, 'en'));
    expect(await button.getAttribute('title')).toBe(`Go to ${f.location!.sheet}!${f.location!.address}`);
    // The location line speaks English too (the sheet's and columns' own names stay as the workbook has them).
    expect(text).toMatch(/ · row \d+ · /);
    expect(text).not.toMatch(/\brad \d/);
  }
  // Each finding's name starts with its severity, in English.
  expect(await wb.pane.getByRole('button', { name: /^Error: / }).count()).toBe(findings.length);
  await wb.screenshot('english');

  expect(await wb.act(EN.highlight)).toBe('2 cells highlighted.');
  expect(await wb.act(EN.clear)).toBe('2 highlights removed.');
  await wb.button(EN.recompute).click();
  const dialog = wb.pane.getByRole('dialog', { name: EN.recompute });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('2 sums differ from the rows above them.');
  expect(await dialog.getByRole('columnheader').allInnerTexts()).toEqual(['Cell', 'Stated', 'Recomputed']);
  expect(await dialog.getByRole('button', { name: EN.confirm }).count()).toBe(1);
  await dialog.getByRole('button', { name: EN.cancel }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(wb.problems).toEqual([]);
});

test('English in an empty workbook: the create-tables form and its validation', async () => {
  const wb = await bench().open('empty&lang=en');
  expect(await wb.check('en')).toBe(WORDS.en.summary(2, 0, 0));
  const form = wb.pane.getByRole('form', { name: 'Create tables' });
  await form.getByRole('textbox', { name: /Service area/ }).fill('Culture');
  await form.getByRole('textbox', { name: /Plan period/ }).fill('next year');
  await form.getByRole('button', { name: 'Create tables' }).click();
  await form.getByText('Write the plan period as 2022–2024.').waitFor();
  expect(await wb.pane.locator('main').innerText()).not.toMatch(/Tjänsteområde|Planperiod|Skapa tabeller/);
});
