/**
 * Office.js as Microsoft requires it: taskpane.html loads it from the CDN with a <script> in <head>, after
 * the content security policy and before the bundle; the workbench still hands the pane its own Office.
 * When the CDN cannot be reached, or Office.onReady never settles, the pane says so and what to do —
 * in the browser's language, since Office's is not known then.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT, useBench, WEB_ROOT } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const bench = useBench();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
});

/** taskpane.html opened the way Office opens it (top level, not in the workbench), with the CDN as given. */
async function openPane(locale: string, cdn: 'blocked' | 'never-ready' | 'late') {
  const context = await bench().browser.newContext({ ignoreHTTPSErrors: true, locale });
  contexts.push(context);
  // An office.js whose onReady never settles (Office not answering), or settles after 10 s outside Office.
  const fake = {
    'never-ready': 'window.Office = { onReady: function () { return new Promise(function () {}); } };',
    late: "window.Office = { HostType: { Excel: 'Excel' }, onReady: function () { return new Promise(function (r) { setTimeout(function () { r({ host: null, platform: null }); }, 10000); }); } };",
  };
  await context.route(OFFICE_JS, (route) =>
    cdn === 'blocked' ? route.abort('namenotresolved') : route.fulfill({ contentType: 'text/javascript', body: fake[cdn] }),
  );
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`${bench().url}taskpane.html`);
  return { page, requested };
}

test('taskpane.html: the CSP, then office.js from the CDN, then the bundle, all in <head>', () => {
  const html = readFileSync(path.join(WEB_ROOT, 'taskpane.html'), 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  const csp = head.indexOf('Content-Security-Policy');
  const office = head.indexOf(`<script src=${OFFICE_JS}>`) >= 0 ? head.indexOf(`<script src=${OFFICE_JS}>`) : head.indexOf(`<script src="${OFFICE_JS}">`);
  const bundle = head.search(/<script\b[^>]*src="?taskpane\.[0-9a-f]+\.js/);
  expect(csp).toBeGreaterThan(0);
  expect(office).toBeGreaterThan(csp);
  expect(bundle).toBeGreaterThan(office);
  expect(head).toMatch(/script-src[^;]*https:\/\/appsforoffice\.microsoft\.com/);
});

test('the CDN cannot be reached: the pane says so in Swedish, with what to do', async () => {
  const { page, requested } = await openPane('sv-SE', 'blocked');
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  expect(await alert.getByRole('heading').textContent()).toBe('Tjänsteplan kunde inte starta');
  expect(await alert.textContent()).toContain('gick inte att hämta från appsforoffice.microsoft.com');
  expect(await alert.textContent()).toContain('brandväggen eller proxyn släpper igenom https://appsforoffice.microsoft.com');
  expect(requested).toContain(OFFICE_JS);
});

test('Office.onReady never settles: after a few seconds the pane says so, in English for an English browser', async () => {
  const started = Date.now();
  const { page } = await openPane('en-GB', 'never-ready');
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 20_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(7_000);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await alert.textContent()).toContain('Office did not answer: Office.js loaded but was not ready within a few seconds.');
  expect(await alert.textContent()).toContain('Close the task pane and open it again');
});

test('Office.onReady settling late: the message first, then the pane after all', async () => {
  const { page } = await openPane('sv-SE', 'late');
  await page.getByRole('alert').waitFor({ timeout: 20_000 });
  expect(await page.getByRole('alert').textContent()).toContain('Office svarade inte');
  // Settled outside Excel, the pane itself says where it works.
  await page.locator('main:not([role=alert])').waitFor({ timeout: 20_000 });
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.locator('main').textContent()).toContain('Öppna Tjänsteplan i Excel');
});

test('the workbench hands the pane its own Office: the pane works without the CDN', async () => {
  // The machines the tests run on cannot reach appsforoffice.microsoft.com; the pane needs it only in Office.
  const wb = await bench().open('sample=broken/19-summor-fel-i-tva-block.xlsx');
  // open() waited for the pane's first button, i.e. Office.onReady settled on the workbench's Office.
  expect(await wb.button('Kontrollera').count()).toBe(1);
  expect(await wb.pane.getByRole('alert').count()).toBe(0);
});
