/**
 * Granskningsunderlag from the pane (issue 14): finance, in Sammanställning, publishes Prioriteringsforum's
 * review pack to the local library (on its own origins, reached through CORS as in a tenant) holding the nine
 * samples with earlier approvals. The library then holds `2022–2024/Forum/Granskningsunderlag PF <date>.xlsx`
 * with the same tables as `tjansteplan pack` writes for that library; the status says so with a link to open
 * it there, and a second publish says it is already there. With finance's frame workbook open, the pack
 * has the sheet Ram, as `tjansteplan pack --frame` writes it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCa, trustedFetch } from '../../src/publish/node/trustedFetch';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { cli } from '../cli/helpers';
import { publishSamples } from '../cli/librarySamples';
import { connect, TOKEN, type RunningLibrary } from '../publish/helpers';
import { publishPlan, SCHEMA_BROKEN } from '../publish/plans';
import { useLibraryBench } from './libraryBench';
import type { Download } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT, plain, statusOf, until, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 3);

const PERIOD = '2022–2024';
const FRAME = path.join(__dirname, '..', 'fixtures', 'frame', 'budgetram-2022-2024.xlsx');
const DATE = '2022-03-18';
const NAME = `Granskningsunderlag PF ${DATE}.xlsx`;

const { bench, dir, library: testLibrary } = useLibraryBench('tjp-pane-pack-', TOKEN);

beforeAll(async () => {
  const lib = testLibrary();
  await publishSamples(lib, dir());
  // Another period: one plan, and one whose snapshot does not follow the schema.
  const { library } = await connect(lib);
  await publishPlan(library, dir(), { area: 'Hel', period: '2031–2033' });
  await publishPlan(library, dir(), { area: 'Trasig', period: '2031–2033' }, SCHEMA_BROKEN);
});

const summaryStatus = (wb: Workbench) => statusOf(wb, 'summary');

/** The workbook the library holds under that name in the period's Forum folder, as its tables. */
async function publishedTables(lib: RunningLibrary, name: string) {
  const { library } = await connect(lib);
  const doc = (await library.listForumDocuments(PERIOD)).find((d) => d.name === name);
  if (!doc) throw new Error(`no ${name} in ${PERIOD}/Forum`);
  const fetch = trustedFetch(await readCa(lib.info.ca));
  const item = (await (await fetch(`${lib.info.url}/drives/${encodeURIComponent(lib.info.driveId)}/items/${encodeURIComponent(doc.itemId)}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as {
    '@microsoft.graph.downloadUrl': string;
  };
  const bytes = new Uint8Array(await (await fetch(item['@microsoft.graph.downloadUrl'])).arrayBuffer());
  return (await XlsxWorkbook.fromBytes(bytes)).readTables();
}

async function publishFromDialog(wb: Workbench, day = DATE): Promise<void> {
  const panel = wb.pane.getByRole('tabpanel', { name: 'Sammanställning' });
  await panel.getByRole('button', { name: 'Granskningsunderlag…' }).click();
  const dialog = wb.pane.getByRole('dialog', { name: 'Granskningsunderlag' });
  await dialog.getByRole('radio', { name: 'Prioriteringsforum (PF)' }).check();
  await expect(dialog.getByRole('textbox', { name: /^Planperiod/ }).inputValue()).resolves.toBe(PERIOD);
  const date = dialog.getByRole('textbox', { name: /^Mötesdatum/ });
  await date.fill(day);
  // From the keyboard: Enter in the form publishes.
  await date.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

test('finance publishes the PF pack from Sammanställning: the library holds what `tjansteplan pack` writes; again, it is already there', async () => {
  const lib = testLibrary();
  const wb = await bench().open('sample=tjansteplan-it-2022-2024.xlsx&pane=350');
  await wb.openView('Sammanställning');
  const panel = wb.pane.getByRole('tabpanel', { name: 'Sammanställning' });
  await panel.getByLabel('Planperiod').fill(PERIOD);

  await publishFromDialog(wb);
  await until(async () => /publicerat i biblioteket/.test((await summaryStatus(wb).textContent()) ?? ''), 'the pack to be published', 60_000);
  expect(plain(await summaryStatus(wb).textContent())).toBe(
    `${PERIOD}/Forum/${NAME} är publicerat i biblioteket: 9 områden, 3 med ändringar sedan föregående fastställda version.`,
  );
  const link = panel.getByRole('link', { name: 'Öppna i biblioteket' });
  const { library } = await connect(lib);
  const [doc] = await library.listForumDocuments(PERIOD);
  expect(doc).toMatchObject({ kind: 'Granskningsunderlag', forum: 'PF', date: DATE, name: NAME });
  await expect(link.getAttribute('href')).resolves.toBe(doc.webUrl);

  // The same tables, row for row, as the command writes for this library.
  const out = path.join(dir(), 'pf.xlsx');
  const run = await cli(['pack', '--library', lib.address, '--token', TOKEN, '--ca', lib.info.ca, '--period', PERIOD, '--forum', 'PF', '--out', out]);
  expect(run.code).toBe(0);
  const fromCli = await (await XlsxWorkbook.open(out)).readTables();
  const fromPane = await publishedTables(lib, NAME);
  expect(fromPane.map((t) => t.name)).toContain('Oversikt');
  const shape = (ts: typeof fromCli) => ts.map((t) => ({ sheet: t.sheet, name: t.name, headers: t.headers, body: t.body }));
  expect(shape(fromPane)).toEqual(shape(fromCli));

  // A second publish: recognised by its tables, nothing written.
  await publishFromDialog(wb);
  await until(async () => /redan publicerat/.test((await summaryStatus(wb).textContent()) ?? ''), 'the second publish');
  expect(plain(await summaryStatus(wb).textContent())).toBe(`${PERIOD}/Forum/${NAME} är redan publicerat i biblioteket med samma innehåll; inget skrevs.`);
  expect(await library.listForumDocuments(PERIOD)).toHaveLength(1);
  expect(wb.problems).toEqual([]);
});

test('the dialog in the dark theme: labelled, no serious axe violations; an unreadable version is left out and said; a period without approved versions is said', async () => {
  const wb = await bench().open('sample=tjansteplan-it-2022-2024.xlsx&pane=350&theme=dark');
  await wb.openView('Sammanställning');
  const panel = wb.pane.getByRole('tabpanel', { name: 'Sammanställning' });
  await panel.getByLabel('Planperiod').fill('2031–2033');
  await panel.getByRole('button', { name: 'Granskningsunderlag…' }).click();
  const dialog = wb.pane.getByRole('dialog', { name: 'Granskningsunderlag' });
  await dialog.getByRole('radio', { name: 'Beslutsforum (BF)' }).check();
  expect((await wb.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await dialog.getByRole('textbox', { name: /^Mötesdatum/ }).fill('2030-11-20');
  await dialog.getByRole('button', { name: 'Publicera i biblioteket' }).click();
  await until(async () => /publicerat i biblioteket/.test((await summaryStatus(wb).textContent()) ?? ''), 'the 2031–2033 pack');
  expect(plain(await summaryStatus(wb).textContent())).toBe(
    '2031–2033/Forum/Granskningsunderlag BF 2030-11-20.xlsx är publicerat i biblioteket: 1 område, 0 med ändringar sedan föregående fastställda version. 1 version i biblioteket kunde inte läsas och är inte med.',
  );

  await panel.getByLabel('Planperiod').fill('2040–2042');
  await panel.getByRole('button', { name: 'Granskningsunderlag…' }).click();
  await dialog.getByRole('button', { name: 'Publicera i biblioteket' }).click();
  await until(async () => /ingen fastställd version för 2040–2042/.test((await summaryStatus(wb).textContent()) ?? ''), 'nothing approved');
  const { library } = await connect(testLibrary());
  expect(await library.listForumDocuments('2040–2042')).toEqual([]);
  expect(await panel.getByRole('link', { name: 'Öppna i biblioteket' }).count()).toBe(0);
});

test('Öppna: the pack as a new workbook in Excel, nothing published', async () => {
  const lib = testLibrary();
  const wb = await bench().open('sample=tjansteplan-it-2022-2024.xlsx&pane=350');
  await wb.openView('Sammanställning');
  const panel = wb.pane.getByRole('tabpanel', { name: 'Sammanställning' });
  await panel.getByLabel('Planperiod').fill(PERIOD);
  await panel.getByRole('button', { name: 'Granskningsunderlag…' }).click();
  const dialog = wb.pane.getByRole('dialog', { name: 'Granskningsunderlag' });
  await dialog.getByRole('radio', { name: 'Tjänsteforum (TF)' }).check();
  const before = (await (await connect(lib)).library.listForumDocuments(PERIOD)).length;
  await dialog.getByRole('button', { name: 'Öppna', exact: true }).click();
  await until(async () => /öppnat som en ny arbetsbok/.test((await summaryStatus(wb).textContent()) ?? ''), 'the pack to open');
  expect(plain(await summaryStatus(wb).textContent())).toBe(`Granskningsunderlaget för TF ${PERIOD} (9 områden) är öppnat som en ny arbetsbok.`);
  // Excel opens it in a window of its own; the workbench names it and offers it.
  const notice = wb.page.getByTestId('created-workbook');
  await until(async () => ((await notice.textContent().catch(() => '')) ?? '').includes('Mapp1'), 'the workbench to show the new workbook');
  const [download] = (await Promise.all([wb.page.waitForEvent('download'), wb.page.getByRole('button', { name: 'Ladda ned Mapp1.xlsx' }).click()])) as [Download, void];
  const tables = await (await XlsxWorkbook.fromBytes(readFileSync((await download.path())!))).readTables();
  expect(tables.find((t) => t.name === 'Oversikt')!.body).toHaveLength(9);
  expect(await (await connect(lib)).library.listForumDocuments(PERIOD)).toHaveLength(before);
});

test('with the frame workbook open, the pack has the Ram sheet: the same tables as `tjansteplan pack --frame`', async () => {
  const lib = testLibrary();
  const day = '2022-03-25';
  const name = `Granskningsunderlag PF ${day}.xlsx`;
  const wb = await bench().open('pane=350');
  await wb.openFile(FRAME, 'Sammanställning');
  await wb.pane.getByRole('tabpanel', { name: 'Sammanställning' }).getByLabel('Planperiod').fill(PERIOD);

  await publishFromDialog(wb, day);
  await until(async () => /publicerat i biblioteket/.test((await summaryStatus(wb).textContent()) ?? ''), 'the pack with the frame to be published', 60_000);
  expect(plain(await summaryStatus(wb).textContent())).toBe(
    `${PERIOD}/Forum/${name} är publicerat i biblioteket: 9 områden, 3 med ändringar sedan föregående fastställda version. Staden mot ramen är med (bladet Ram, från arbetsbokens Budgetram); där står 1 varning.`,
  );

  const out = path.join(dir(), 'pf-ram.xlsx');
  const run = await cli(['pack', '--library', lib.address, '--token', TOKEN, '--ca', lib.info.ca, '--period', PERIOD, '--forum', 'PF', '--frame', FRAME, '--out', out]);
  expect(run.code).toBe(0);
  const fromCli = await (await XlsxWorkbook.open(out)).readTables();
  const fromPane = await publishedTables(lib, name);
  const city = fromPane.find((t) => t.name === 'Stadsniva')!;
  expect(city.sheet).toBe('Ram');
  expect(city.body[0].map((c) => (typeof c === 'object' && c !== null && 'result' in c ? c.result : c))).toEqual([2022, 143942, 121600, 22342]);
  // The one warning the notice counted is the Ram sheet's: the city over its frame in 2022.
  const onRam = fromPane.find((t) => t.name === 'Fynd_Ram')!;
  expect(onRam.body.map((r) => [r[0], r[1], r[2]])).toEqual([['Varning', 'CITY_OVER_FRAME', 2022]]);
  const shape = (ts: typeof fromCli) => ts.map((t) => ({ sheet: t.sheet, name: t.name, headers: t.headers, body: t.body }));
  expect(shape(fromPane)).toEqual(shape(fromCli));
  expect(wb.problems).toEqual([]);
});
