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

const TABS = ['Plan', 'Granskning', 'Publicering', 'Sammanställning'];
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * What sticks out of the pane sideways: the document's own overflow, any visible element past the pane's
 * edge (unless a parent clips it on purpose: the chart's svg, the tab strip's hidden tabs), and any box
 * that scrolls sideways inside the pane.
 */
async function sideways(wb: Workbench): Promise<{ scroll: number; width: number; shifted: number; outside: string[] }> {
  return wb.frame().evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside: string[] = [];
    const describe = (el: Element, what: string) => `${what}: ${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const clippedByParent = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (['hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > width + 1 || r.left < -1) && !clippedByParent(el)) outside.push(describe(el, `${Math.round(r.left)}–${Math.round(r.right)} px`));
      const o = getComputedStyle(el).overflowX;
      if ((o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1) outside.push(describe(el, 'scrolls sideways'));
    }
    return {
      scroll: document.documentElement.scrollWidth,
      width,
      shifted: Math.round(document.querySelector('main')!.getBoundingClientRect().left + window.scrollX),
      outside: outside.slice(0, 5),
    };
  });
}

async function expectNoSideways(wb: Workbench, where: string) {
  const s = await sideways(wb);
  expect({ where, ...s }).toEqual({ where, scroll: s.width, width: s.width, shifted: 0, outside: [] });
}

/** Every y-axis label of every chart in the view: whole (as the scale made it) and inside its chart. */
async function expectWholeAxisLabels(wb: Workbench, panel: string) {
  const charts = await wb.pane.getByRole('tabpanel', { name: panel }).locator('[data-testid="frame-chart"]').evaluateAll((els) =>
    els.map((chart) => {
      const svg = chart.querySelector('svg')!.getBoundingClientRect();
      const labels = Array.from(chart.querySelectorAll('svg text')).filter((t) => /^[\d\s\u00a0\u2212]+$/.test(t.textContent ?? ''));
      return {
        ticks: chart.getAttribute('data-ticks')!.split('|'),
        texts: labels.map((t) => t.textContent ?? ''),
        outside: labels.filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.left < 0;
        }).map((t) => t.textContent),
      };
    }),
  );
  expect(charts.length).toBeGreaterThan(0);
  for (const c of charts) {
    // The axis prints the scale's round labels (the years are x-axis text, also digits, so a subset check).
    for (const tick of c.ticks) expect(c.texts).toContain(tick);
    expect(c.outside).toEqual([]);
  }
}

async function expectAxeClean(wb: Workbench, where: string) {
  const serious = (await wb.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ where, serious }).toEqual({ where, serious: [] });
}

async function shot(wb: Workbench, name: string) {
  if (process.env.PANE_SHOTS) await wb.page.locator('.pane iframe').screenshot({ path: path.join(process.env.PANE_SHOTS, `${name}.png`) });
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
    await expectWholeAxisLabels(wb, 'Plan');
    await expectAxeClean(wb, `${name} Plan`);
    await shot(wb, `${name}-plan`);

    await wb.openView('Granskning');
    await expectNoSideways(wb, `${name} Granskning`);
    await expectAxeClean(wb, `${name} Granskning`);
    await shot(wb, `${name}-granskning`);

    await wb.openView('Publicering');
    const publishing = wb.pane.getByRole('tabpanel', { name: 'Publicering' });
    await publishing.getByTestId('plan-state').waitFor({ timeout: 15_000 });
    await expectNoSideways(wb, `${name} Publicering`);
    await expectAxeClean(wb, `${name} Publicering`);
    await shot(wb, `${name}-publicering`);

    // Sammanställning of the open workbook's plan against its own frame.
    await wb.openView('Sammanställning');
    const summary = wb.pane.getByRole('tabpanel', { name: 'Sammanställning' });
    await summary.getByRole('radio', { name: 'Den öppna arbetsbokens plan' }).check();
    await summary.getByRole('button', { name: 'Sammanställ', exact: true }).click();
    await until(async () => /sammanställt|sammanställda/.test((await summary.locator('[role=status]').textContent()) ?? ''), 'the consolidation');
    await summary.getByTestId('frame-chart').waitFor();
    await expectNoSideways(wb, `${name} Sammanställning`);
    await expectWholeAxisLabels(wb, 'Sammanställning');
    // Per area: Ram and Avvikelse are on screen, inside the pane, with no sideways scroll to reach them.
    const area = summary.locator('[data-list="areas"] li').first();
    for (const column of ['Ram', 'Avvikelse']) {
      const header = area.getByRole('columnheader', { name: column });
      expect(await header.isVisible()).toBe(true);
      // Measured inside the pane (the page's own coordinates start at the grid).
      expect(await header.evaluate((e) => e.getBoundingClientRect().right)).toBeLessThanOrEqual(width + 1);
    }
    expect(plain(await area.locator('tr[data-year="2022"]').textContent())).toMatch(/2022.*\d/);
    await expectAxeClean(wb, `${name} Sammanställning`);
    await shot(wb, `${name}-sammanstallning`);

    // Back to the first tab: still nothing shifted.
    await wb.openView('Plan');
    await expectNoSideways(wb, `${name} back on Plan`);
    expect(wb.problems).toEqual([]);
  });
});
