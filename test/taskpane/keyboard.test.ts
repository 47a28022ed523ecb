/**
 * Keyboard only: from the pane's first focusable element, Tab / Shift+Tab / Enter / Space / arrow keys reach
 * and operate Kontrollera, a finding (its cell is selected), Markera i arket, Ta bort markeringar, the
 * dialog (Escape closes it, focus returns) and the view tabs; every focus stop shows a focus indicator.
 */
import { BROWSER_TEST_TIMEOUT, useBench, until, WORDS, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

const bench = useBench();

const SV = WORDS.sv;

interface Focused {
  /** Where focus is: `pane` (in the task pane's document), `page` (the workbench around it). */
  where: 'pane' | 'page';
  role: string;
  name: string;
  /** What draws the focus indicator (`outline`, `::after border`, …), or '' when nothing does. */
  indicator: string;
  inDialog: boolean;
}

/** The element that has focus in the pane, with its accessible name and what shows its focus. */
async function focused(wb: Workbench): Promise<Focused> {
  const pageHasFocus = await wb.page.evaluate(() => document.activeElement?.tagName === 'IFRAME');
  if (!pageHasFocus) return { where: 'page', role: '', name: await wb.page.evaluate(() => document.activeElement?.textContent ?? ''), indicator: '', inDialog: false };
  return wb.frame().evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { where: 'pane' as const, role: 'body', name: '', indicator: '', inDialog: false };
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const name = (el.getAttribute('aria-label') ?? el.innerText ?? '').replace(/\s+/g, ' ').trim();
    const px = (v: string) => parseFloat(v) || 0;
    const transparent = (c: string) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
    const marks: string[] = [];
    for (const pseudo of [null, '::after', '::before'] as const) {
      const s = getComputedStyle(el, pseudo);
      const label = pseudo ?? 'element';
      if (pseudo && (s.content === 'none' || s.content === 'normal')) continue;
      if (s.outlineStyle !== 'none' && px(s.outlineWidth) >= 1 && !transparent(s.outlineColor)) marks.push(`${label} outline`);
      if (s.boxShadow && s.boxShadow !== 'none') marks.push(`${label} box-shadow`);
      // A pseudo-element drawn as a ring (Fluent's focus outline) or a thick bar (Fluent's selected-tab and input underline).
      if (pseudo && s.borderStyle !== 'none' && px(s.borderTopWidth) >= 2 && !transparent(s.borderTopColor)) marks.push(`${label} border`);
    }
    const visible = el.matches(':focus-visible') || el.hasAttribute('data-fui-focus-visible');
    return { where: 'pane' as const, role, name, indicator: visible ? marks.join(', ') : '', inDialog: Boolean(el.closest('[role=dialog]')) };
  });
}

/** Presses a key and returns what then has focus, which must show it. */
async function press(wb: Workbench, key: string): Promise<Focused> {
  await wb.page.keyboard.press(key);
  const f = await focused(wb);
  if (process.env.PANE_DEBUG) console.log(key, JSON.stringify(f));
  expect({ key, ...f, indicator: f.indicator !== '' }).toEqual({ key, ...f, indicator: true });
  return f;
}

/** Presses Tab (or Shift+Tab) until focus is on an element named like `name`; fails after `limit` presses. */
async function tabTo(wb: Workbench, name: RegExp, key = 'Tab', limit = 8): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    const f = await press(wb, key);
    seen.push(`${f.role} "${f.name}"`);
    if (f.where === 'pane' && name.test(f.name)) return f;
  }
  throw new Error(`${key} did not reach ${name} within ${limit} presses; went through: ${seen.join(' → ')}`);
}

test('Tab, Shift+Tab, Enter, Space and arrows operate the pane, with focus always visible', async () => {
  const wb = await bench().open('sample=broken/19-summor-fel-i-tva-block.xlsx');

  // Arrive from the workbench page: the last sheet tab, then Tab into the pane.
  await wb.page.locator('.tabs [role=tab]').last().focus();
  const first = await press(wb, 'Tab');
  expect(first).toMatchObject({ where: 'pane', role: 'tab', name: 'Plan' });

  // Kontrollera with Enter.
  expect(await press(wb, 'Tab')).toMatchObject({ role: 'button', name: SV.check });
  expect(await wb.act({ key: 'Enter' })).toBe(SV.summary(2, 0, 0));
  // Focus stays where the user pressed (not lost to the document while the check ran).
  expect(await focused(wb)).toMatchObject({ where: 'pane', role: 'button', name: SV.check });

  // Tab onwards to the first finding, whose Enter selects its cell in the grid.
  const finding = await tabTo(wb, /Tjänsteplan!C11 · /);
  expect(finding.role).toBe('button');
  expect(finding.name).toMatch(/^Fel: Summan i Utveckling 2022/);
  await wb.act({ key: 'Enter' });
  await until(async () => (await wb.nameBox().textContent()) === 'Tjänsteplan!C11', 'the name box to show Tjänsteplan!C11');
  expect(await wb.cell('C11').getAttribute('data-selected')).toBe('true');
  expect((await focused(wb)).name).toMatch(/Tjänsteplan!C11 · /);

  // Back with Shift+Tab to Markera i arket, operated with Space.
  await tabTo(wb, new RegExp(`^${SV.highlight}$`), 'Shift+Tab');
  expect(await wb.act({ key: 'Space' })).toBe('2 celler markerade.');
  expect(await wb.cell('C11').getAttribute('data-fill')).not.toBeNull();
  expect(await wb.cell('G14').getAttribute('data-fill')).not.toBeNull();

  // Ta bort markeringar with Enter.
  expect(await press(wb, 'Tab')).toMatchObject({ role: 'button', name: SV.clear });
  expect(await wb.act({ key: 'Enter' })).toBe('2 markeringar borttagna.');
  expect(await wb.cell('C11').getAttribute('data-fill')).toBeNull();

  // The dialog: Enter opens it with focus inside, Tab stays inside, Escape closes it and focus returns.
  const cells = await wb.cells();
  expect(await press(wb, 'Tab')).toMatchObject({ role: 'button', name: SV.recompute });
  await wb.page.keyboard.press('Enter');
  const dialog = wb.pane.getByRole('dialog', { name: SV.recompute });
  await dialog.waitFor();
  await until(async () => (await focused(wb)).inDialog, 'focus to move into the dialog');
  await wb.screenshot('keyboard-dialog');
  for (let i = 0; i < 4; i++) expect((await press(wb, 'Tab')).inDialog).toBe(true);
  await wb.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await until(async () => (await focused(wb)).name === SV.recompute, 'focus to return to Räkna om summor');
  expect((await focused(wb)).indicator).not.toBe('');
  expect(await wb.cells()).toEqual(cells);

  // The view tabs: back to Plan, then arrows between the tabs and Enter / Space to choose.
  expect(await tabTo(wb, /^Plan$/, 'Shift+Tab')).toMatchObject({ role: 'tab' });
  expect(await press(wb, 'ArrowRight')).toMatchObject({ role: 'tab', name: 'Granskning' });
  await wb.page.keyboard.press('Enter');
  await until(async () => (await wb.pane.getByRole('tab', { name: 'Granskning' }).getAttribute('aria-selected')) === 'true', 'Granskning to be chosen');
  expect(await wb.pane.getByRole('tabpanel').getAttribute('aria-label')).toBe('Granskning');
  expect(await press(wb, 'ArrowLeft')).toMatchObject({ role: 'tab', name: 'Plan' });
  await wb.page.keyboard.press('Space');
  await until(async () => (await wb.pane.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')) === 'true', 'Plan to be chosen');
  expect(await press(wb, 'Tab')).toMatchObject({ role: 'button', name: SV.check });
  expect(wb.problems).toEqual([]);
});
