/**
 * Publicering end to end in the workbench with the local library on its own two origins (Graph and file
 * bytes, as in a tenant) under the pane's enforced policy: record TF's approval of
 * Ekonomi's plan with the suggested version, see the row in the grid's Versioner sheet, publish it, see it
 * arrive (with a link), publish it again and be told it is already there, and find it on the reviewers' page
 * with its Forum and Beslut.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_TEST_TIMEOUT, until, useBench, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 2);

let dataDir: string | undefined;
const bench = useBench(() => ({ library: { dataDir: (dataDir = mkdtempSync(path.join(os.tmpdir(), 'tjansteplan-publish-'))) } }));
// After useBench's own afterAll, so the library is closed before its folder goes.
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function publishPanel(wb: Workbench) {
  return wb.pane.getByRole('tabpanel', { name: 'Publicering' });
}

test('records a TF decision, publishes the approved version once, and the reviewers see it', async () => {
  const wb = await bench().open('sample=tjansteplan-ekonomi-2022-2024.xlsx');
  await wb.openView('Publicering');
  const panel = publishPanel(wb);

  // The plan's state from a fresh read: Ekonomi's history ends with a draft row after BF's 2.0.
  await panel.getByText('Senast fastställda version: v2.0').waitFor({ timeout: 15_000 });
  await expect(panel.getByTestId('plan-state').textContent()).resolves.toMatch(/Utkast/);

  // Registrera beslut: TF, Fastställd; the version field carries the suggestion, which the hint names.
  const form = panel.getByRole('form', { name: 'Registrera beslut' });
  // It opens as a draft with no forum: an approval is chosen, never pre-filled.
  const forum = form.getByRole('combobox', { name: 'Forum' });
  const decision = form.getByRole('combobox', { name: 'Beslut' });
  await expect(forum.inputValue()).resolves.toBe('');
  await expect(decision.inputValue()).resolves.toBe('Utkast');
  await form.getByRole('combobox', { name: 'Forum' }).selectOption('TF');
  await form.getByRole('combobox', { name: 'Beslut' }).selectOption('Fastställd');
  const version = form.getByRole('textbox', { name: /^Version/ });
  await until(async () => (await version.inputValue()) === '4.0', 'the suggested version 4.0');
  await expect(form.getByText(/Förslag: 4\.0/).count()).resolves.toBe(1);
  await form.getByRole('textbox', { name: 'Ändrat av' }).fill('Controller Ekonomi');
  await form.getByRole('textbox', { name: 'Beskrivning' }).fill('=Beslutad i tjänsteforum');
  await form.getByRole('button', { name: 'Registrera beslut' }).click();
  await wb.statusSays('Publicering', /Beslutet är registrerat: version 4\.0, Fastställd/);
  await panel.getByText('Senast fastställda version: v4.0.').waitFor();
  await expect(panel.getByTestId('plan-state').getAttribute('data-state')).resolves.toBe('approved');
  // Recorded, the form starts over, so one more click cannot record a second approval.
  await until(async () => (await decision.inputValue()) === 'Utkast' && (await forum.inputValue()) === '', 'the form to start over');
  await expect(form.getByRole('textbox', { name: 'Beskrivning' }).inputValue()).resolves.toBe('');
  await expect(form.getByRole('textbox', { name: 'Ändrat av' }).inputValue()).resolves.toBe('Controller Ekonomi');

  // The new row in the grid: text stays text (also a description starting with '='), the date a date.
  await wb.showSheet('Versioner');
  const rows = await wb.rows();
  const row = rows.find((r) => r.includes('4.0') && r.includes('TF') && r.includes('Fastställd'));
  expect(row).toBeDefined();
  expect(row).toContain('=Beslutad i tjänsteforum');
  expect(row).toContain('Controller Ekonomi');
  expect(row!.some((c) => /^\d{4}-\d{2}-\d{2}$/.test(c))).toBe(true);

  // Publish: it arrives, with a link that opens in a new tab.
  await panel.getByRole('button', { name: 'Publicera v4.0' }).click();
  await wb.statusSays('Publicering', /Ekonomi 2022–2024 v4\.0\.xlsx har kommit fram/);
  const link = panel.getByTestId('published-link');
  await expect(link.getAttribute('target')).resolves.toBe('_blank');
  await expect(link.getAttribute('rel')).resolves.toMatch(/noopener/);
  expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
  const entry = panel.locator('li[data-state="landed"]');
  await expect(entry.textContent()).resolves.toMatch(/Har kommit fram.*Ekonomi 2022–2024 v4\.0\.xlsx/);

  // Again: already published, nothing rewritten.
  await panel.getByRole('button', { name: 'Publicera v4.0' }).click();
  await wb.statusSays('Publicering', /redan publicerad/);

  // The link opens the version's own page in the library: its columns, and its tables from the snapshot.
  await expect(link.textContent()).resolves.toContain('Öppna Ekonomi 2022–2024 v4.0.xlsx i biblioteket');
  const page = await wb.context.newPage();
  await page.goto((await link.getAttribute('href'))!);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ekonomi 2022–2024 v4.0');
  const facts = await page.locator('dl.facts').textContent();
  expect(facts).toContain('Tjänsteforum (TF)');
  expect(facts).toContain('Fastställd');
  await page.getByRole('region', { name: 'Initiativ' }).waitFor();
  // The library page lists it under its forum.
  await page.goto(`${new URL(bench().library!.url).origin}/_library/`);
  const line = page.locator('tr', { hasText: 'Ekonomi' }).filter({ hasText: '4.0' });
  await line.waitFor();
  await expect(line.textContent()).resolves.toContain('Fastställd');
  expect(wb.problems).toEqual([]);
});

test('recording Inskickad to PF puts that version in the library as submitted, with a name that says so', async () => {
  const wb = await bench().open('sample=tjansteplan-ekonomi-2022-2024.xlsx');
  await wb.openView('Publicering');
  const panel = publishPanel(wb);
  await panel.getByText(/Senast fastställda version/).waitFor({ timeout: 15_000 });

  const form = panel.getByRole('form', { name: 'Registrera beslut' });
  await form.getByRole('combobox', { name: 'Forum' }).selectOption('PF');
  await form.getByRole('combobox', { name: 'Beslut' }).selectOption('Inskickad');
  // Said before it happens: recording it publishes the version.
  await form.getByText('När beslutet registreras publiceras versionen i biblioteket, med beslutet och forumet PF.').waitFor();
  const version = form.getByRole('textbox', { name: /^Version/ });
  let label = '';
  await until(async () => /^\d+\.\d+$/.test((label = await version.inputValue())), 'a suggested version');
  await form.getByLabel('Datum').fill('2022-01-20');
  await form.getByRole('button', { name: 'Registrera beslut' }).click();
  const fileName = `Ekonomi 2022–2024 v${label} inskickad till PF.xlsx`;
  const said = await wb.statusSays('Publicering', /har kommit fram|publicerades inte|väntar/);
  expect(said).toContain(`Beslutet är registrerat: version ${label}, Inskickad.`);
  expect(said).toContain(`${fileName} har kommit fram till biblioteket.`);
  await expect(panel.getByTestId('plan-state').getAttribute('data-state')).resolves.toBe('submitted');
  await expect(panel.locator('li[data-state="landed"]', { hasText: fileName }).count()).resolves.toBe(1);

  // The reviewers' page: the file with Forum PF and Beslut Inskickad, the approved one beside it unchanged.
  const page = await wb.context.newPage();
  await page.goto(`${new URL(bench().library!.url).origin}/_library/`);
  const line = page.locator('tr', { hasText: fileName });
  await line.waitFor();
  const cells = await line.locator('td').allTextContents();
  expect(cells).toContain('PF');
  expect(cells.some((c) => c.includes('Inskickad'))).toBe(true);
  expect(cells.some((c) => c.startsWith('2022-01-20'))).toBe(true);
  expect(wb.problems).toEqual([]);
});
