import { BROWSER_TEST_TIMEOUT, useBench } from './workbench';
jest.setTimeout(BROWSER_TEST_TIMEOUT * 3);
const bench = useBench();
test('debug', async () => {
  const wb = await bench().open(`sample=tjansteplan-utbildning-2022-2024.xlsx&pane=320`, { viewport: { width: 1200, height: 1000 } });
  await wb.page.waitForTimeout(500);
  await wb.page.locator('.pane iframe').screenshot({ path: '/tmp/pane-shots/debug.png' });
  const tabs = await wb.frame().evaluate(() => Array.from(document.querySelectorAll('[role=tablist] > *')).map((e) => ({ t: e.textContent, r: JSON.stringify(e.getBoundingClientRect()), d: getComputedStyle(e).display, attrs: Array.from(e.attributes).map((a) => a.name + '=' + a.value).join(' ') })));
  console.log(JSON.stringify(tabs, null, 1));
});
