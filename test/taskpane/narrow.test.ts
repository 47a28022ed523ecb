/**
 * Every view at task-pane width (320 and 350 px, light and dark): the pane never scrolls sideways, every
 * tab is reachable (in the strip or behind "Fler"), selecting one never shifts the pane, the charts' axis
 * labels are whole and inside the chart, Sammanställning shows Ram and Avvikelse per area without a
 * sideways scroll, and axe finds nothing serious. PANE_SHOTS=/some/dir keeps a screenshot of each view.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_TEST_TIMEOUT, until, useBench, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 3);

let dataDir: string | undefined;
const bench = useBench(() => ({ library: { dataDir: (dataDir = mkdtempSync(path.join(os.tmpdir(), 'tjansteplan-narrow-'))) } }));
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const TABS = ['Plan', 'Granskning', 'Publicering', 'Sammanställning', 'Prioritering'];
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function expectNoSideways(wb: Workbench, where: string) {
  const s = await wb.sideways();
  expect({ where, ...s }).toEqual({ where, scroll: s.width, width: s.width, shifted: 0, outside: [] });
}

async function expectAxeClean(wb: Workbench, where: string) {
  const serious = (await wb.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ where, serious }).toEqual({ where, serious: [] });
}

describe.each([
  [320, 'light'],
  [350, 'light'],
  [320, 'dark'],
  [350, 'dark'],
] as const)('%i px, %s', (width, theme) => {
  test('every view: no sideways scroll, every tab reachable, whole axis labels, per-area Ram and Avvikelse, axe clean', async () => {
    const wb = await bench().open(`sample=tjansteplan-utbildning-2022-2024.xlsx&pane=${width}&theme=${theme}`, { viewport: { width: 1200, height: 1900 } });
    const name = `${width}-${theme}`;
    expect(await wb.page.locator('.pane iframe').evaluate((f) => Math.round(f.getBoundingClientRect().width))).toBe(width);

    // Every tab is there, by name, in the strip or in the menu.
    const hidden: string[] = [];
    for (const tab of TABS) if (!(await wb.pane.getByRole('tab', { name: tab, exact: true }).isVisible())) hidden.push(tab);
    if (hidden.length > 0) {
      await wb.pane.getByTestId('more-tabs').click();
      expect(await wb.pane.getByRole('menuitem').allTextContents()).toEqual(hidden);
      await wb.page.keyboard.press('Escape');
    }

    // Plan, checked: findings and the frame chart.
    await wb.check();
    await wb.pane.getByTestId('frame-chart').waitFor();
    await expectNoSideways(wb, `${name} Plan`);
    await wb.expectWholeAxisLabels('Plan');
    await expectAxeClean(wb, `${name} Plan`);
    await wb.paneShot(`${name}-plan`);

    await wb.openView('Granskning');
    await expectNoSideways(wb, `${name} Granskning`);
    await expectAxeClean(wb, `${name} Granskning`);
    await wb.paneShot(`${name}-granskning`);

    await wb.openView('Publicering');
    const publishing = wb.pane.getByRole('tabpanel', { name: 'Publicering' });
    await publishing.getByTestId('plan-state').waitFor({ timeout: 15_000 });
    await expectNoSideways(wb, `${name} Publicering`);
    await expectAxeClean(wb, `${name} Publicering`);
    await wb.paneShot(`${name}-publicering`);

    // Sammanställning of the open workbook's plan against its own frame.
    await wb.openView('Sammanställning');
    const summary = wb.pane.getByRole('tabpanel', { name: 'Sammanställning' });
    await summary.getByRole('radio', { name: 'Den öppna arbetsbokens plan' }).check();
    await summary.getByRole('button', { name: 'Sammanställ', exact: true }).click();
    await until(async () => /sammanställt|sammanställda/.test((await summary.locator('[role=status]').textContent()) ?? ''), 'the consolidation');
    await summary.getByTestId('frame-chart').waitFor();
    await expectNoSideways(wb, `${name} Sammanställning`);
    await wb.expectWholeAxisLabels('Sammanställning');
    // Per area: Ram and Avvikelse are on screen, inside the pane, with no sideways scroll to reach them.
    const area = summary.locator('[data-list="areas"] li').first();
    for (const column of ['Ram', 'Avvikelse']) {
      const header = area.getByRole('columnheader', { name: column });
      expect(await header.isVisible()).toBe(true);
      // Measured inside the pane (the page's own coordinates start at the grid).
      expect(await header.evaluate((e) => e.getBoundingClientRect().right)).toBeLessThanOrEqual(width + 1);
      // Over amounts, so aligned as they are: on the right.
      expect(await header.evaluate((e) => getComputedStyle(e).textAlign)).toMatch(/^(end|right)$/);
    }
    expect(plain(await area.locator('tr[data-year="2022"]').textContent())).toMatch(/2022.*\d/);
    await expectAxeClean(wb, `${name} Sammanställning`);
    await wb.paneShot(`${name}-sammanstallning`);

    // Prioritering, before any basis is read.
    await wb.openView('Prioritering');
    await expectNoSideways(wb, `${name} Prioritering`);
    await expectAxeClean(wb, `${name} Prioritering`);
    await wb.paneShot(`${name}-prioritering`);

    // Back to the first tab: still nothing shifted.
    await wb.openView('Plan');
    await expectNoSideways(wb, `${name} back on Plan`);
    expect(wb.problems).toEqual([]);
  });
});
