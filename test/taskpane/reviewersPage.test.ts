/**
 * The reviewers' pages on a phone (360 px wide, light and dark): from the library page a keyboard user
 * tabs to a version and opens it; the version page never scrolls sideways as a whole, its wide tables
 * scroll inside their own focusable region, nothing breaks the page's content security policy (no script,
 * style only by hash), and axe finds nothing serious. Runs the local library in-process and Chromium as the
 * other browser tests do (browser.ts). REVIEWERS_SHOTS=/some/dir keeps a full-page screenshot of each page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './browser';
import { startTestLibrary, type TestLibrary } from '../simulators/library/helpers';
import { publish, snapshotOf } from '../simulators/library/reviewersData';

jest.setTimeout(120_000);

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTH = 360;

let lib: TestLibrary;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  lib = await startTestLibrary();
  origin = `https://localhost:${lib.running.port}`;
  const rows = (d: number) => [
    { nr: '1', name: 'E-arkiv för hela förvaltningen med en lång benämning', development: [4500 + d, 4500, 4500], maintenance: [0, 250, 250] },
    { nr: '2', name: 'Lönesystem', development: [1000, 1000, 1000], maintenance: [100, 100, 100] },
    { nr: '', name: 'Summa', development: [5500 + d, 5500, 5500], maintenance: [100, 350, 350], sum: true },
  ];
  const f = (version: string, decision: string, date?: string) => ({ area: 'Ekonomi', version, forum: 'PF', decision, ...(date ? { date } : {}) });
  await publish(lib, snapshotOf({ ...f('1.0', 'Fastställd', '2025-03-01'), frame: 10_000, rows: rows(0) }), f('1.0', 'Fastställd', '2025-03-01'));
  await publish(lib, snapshotOf({ ...f('1.1', 'Inskickad'), frame: 10_000, rows: rows(-1460) }), f('1.1', 'Inskickad'));
  browser = await chromium.launch({ executablePath: await findChromium(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  await lib?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.REVIEWERS_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

async function axeSerious(page: Page): Promise<string[]> {
  // Through the devtools protocol, which the page's CSP does not govern (the page itself runs no script).
  await page.evaluate(`(function () {\n${AXE_SOURCE}\n}).call(window); typeof window.axe`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
  test('a keyboard user opens a version at 360 px: readable, no sideways page, tables scroll in place, axe clean', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: WIDTH, height: 740 }, colorScheme });
    try {
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      await page.goto(`${origin}/`);
      await page.getByRole('heading', { level: 1, name: 'Tjänsteplaner' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
      expect(await axeSerious(page)).toEqual([]);
      await shot(page, `library-${colorScheme}`);

      // Tab to the submitted version's link (the first in its forum's table) and open it with Enter.
      let reached = '';
      for (let i = 0; i < 30 && !reached.startsWith('Öppna Ekonomi v1.1'); i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
      }
      expect(reached).toBe('Öppna Ekonomi v1.1');
      await Promise.all([page.waitForURL(/\/_library\/v\//), page.keyboard.press('Enter')]);

      await page.getByRole('heading', { level: 1, name: 'Ekonomi 2025–2027 v1.1' }).waitFor();
      for (const name of ['Ändringar sedan förra fastställda versionen', 'Kontroller', 'Tabeller', 'Versionshistorik']) await page.getByRole('heading', { level: 2, name }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
      // The body text is not shrunk to fit: at least 14 px.
      expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(14);

      // The initiatives table is wider than the phone: it scrolls inside its region, which the keyboard reaches.
      const region = page.getByRole('region', { name: 'Initiativ' });
      const box = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(box.scroll).toBeGreaterThan(box.client);
      let onRegion = false;
      for (let i = 0; i < 40 && !onRegion; i++) {
        await page.keyboard.press('Tab');
        onRegion = await region.evaluate((el) => el === document.activeElement);
      }
      expect(onRegion).toBe(true);
      // Arrow keys scroll the focused region sideways (smoothly: wait for it to move).
      let left = 0;
      for (let i = 0; i < 20 && left === 0; i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(100);
        left = await region.evaluate((el) => el.scrollLeft);
      }
      expect(left).toBeGreaterThan(0);

      expect(await axeSerious(page)).toEqual([]);
      expect(blocked).toEqual([]);
      await shot(page, `version-${colorScheme}`);
    } finally {
      await context.close();
    }
  });
});
