/**
 * Publicering refuses a Fastställd at Beslutsforum while the plan is over its frame, naming the excess per
 * year in the words `validate` uses (docs/findings.md); a PF decision on the same plan is recorded, since being over
 * the frame before BF is the input to prioritisation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_TEST_TIMEOUT, until, useBench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 2);

// Publicering shows its decision form once a library is connected, as in the approval test.
let dataDir: string | undefined;
const bench = useBench(() => ({ library: { dataDir: (dataDir = mkdtempSync(path.join(os.tmpdir(), 'tjansteplan-overframe-'))) } }));
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('BF cannot approve Ekonomi while it is 500 tkr over its 2023 frame and 1 tkr over 2024; PF can', async () => {
  const wb = await bench().open('sample=broken/21-over-ram.xlsx');
  await wb.openView('Publicering');
  const panel = wb.pane.getByRole('tabpanel', { name: 'Publicering' });
  const status = panel.locator('[role=status]');
  const form = panel.getByRole('form', { name: 'Registrera beslut' });
  await form.getByRole('combobox', { name: 'Forum' }).selectOption('BF');
  await form.getByRole('combobox', { name: 'Beslut' }).selectOption('Fastställd');
  await form.getByRole('textbox', { name: 'Ändrat av' }).fill('Controller Ekonomi');
  await form.getByRole('button', { name: 'Registrera beslut' }).click();
  const refusal =
    'Beslutet Fastställd i Beslutsforum registreras inte: planen är över sin ram 2023 500 tkr över ram, 2024 1 tkr över ram. Beslutsforum fastställer bara en plan som ryms i sin ram; prioritera eller flytta initiativ först.';
  await until(async () => ((await status.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').includes(refusal), 'the refusal');
  // Nothing was written to Versionshantering.
  await wb.showSheet('Versioner');
  const cells = Object.values(await wb.cells()).map((c) => c.text);
  expect(cells.filter((c) => c === 'BF')).toEqual([]);

  await form.getByRole('combobox', { name: 'Forum' }).selectOption('PF');
  await form.getByRole('button', { name: 'Registrera beslut' }).click();
  await until(async () => /Fastställd/.test((await status.textContent()) ?? '') && !/registreras inte/.test((await status.textContent()) ?? ''), 'the PF decision');
  expect(wb.problems).toEqual([]);
});
