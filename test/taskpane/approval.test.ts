/**
 * The approved version kept in the workbook, as a controller meets it: BF approves Ekonomi's plan in
 * Publicering, someone then edits a cell, Kontrollera says how many cells differ from the approved version
 * and takes the user there, and publishing that version is refused until the edit is undone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_TEST_TIMEOUT, until, useBench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 2);

let dataDir: string | undefined;
const bench = useBench(() => ({ library: { dataDir: (dataDir = mkdtempSync(path.join(os.tmpdir(), 'tjansteplan-approval-'))) } }));
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a cell edited after approval is found, shown, and keeps that version from being published until undone', async () => {
  const wb = await bench().open('sample=tjansteplan-ekonomi-2022-2024.xlsx');
  await wb.openView('Publicering');
  const panel = wb.pane.getByRole('tabpanel', { name: 'Publicering' });
  await panel.getByText('Senast fastställda version: v2.0').waitFor({ timeout: 15_000 });
  // Approved before the add-in kept records: none is there yet.
  await expect(panel.getByTestId('approval-record').count()).resolves.toBe(0);
  // Before anything is pressed: the history has moved on past 2.0, so the tables cannot be shown to be 2.0.
  await expect(panel.getByTestId('publish-hint').textContent()).resolves.toMatch(/^Kan inte publicera: versionshistoriken har gått vidare efter version 2\.0/);

  const form = panel.getByRole('form', { name: 'Registrera beslut' });
  await form.getByRole('combobox', { name: 'Forum' }).selectOption('BF');
  await form.getByRole('combobox', { name: 'Beslut' }).selectOption('Fastställd');
  await until(async () => (await form.getByRole('textbox', { name: /^Version/ }).inputValue()) === '4.0', 'the suggested version 4.0');
  await form.getByRole('textbox', { name: 'Ändrat av' }).fill('Controller Ekonomi');
  await form.getByRole('button', { name: 'Registrera beslut' }).click();
  await wb.statusSays('Publicering', /version 4\.0, Fastställd\. De fastställda tabellerna sparas i arbetsboken/);
  await expect(panel.getByTestId('approval-record').textContent()).resolves.toMatch(/^Arbetsboken har tabellerna från fastställandet av v4\.0 sparade \(fingeravtryck [0-9a-f]{12}…\)/);
  // Approved, not yet in the library: said where the plan's state is.
  const unpublished = panel.getByTestId('unpublished');
  await until(async () => /^Version 4\.0 är fastställd av BF men finns inte i dokumentbiblioteket/.test((await unpublished.textContent().catch(() => '')) ?? ''), 'the unpublished 4.0 to be named');
  // Kept where the user never sees it: no new sheet tab.
  await expect(wb.page.locator('.tabs [role=tab]').allTextContents()).resolves.toEqual(['Tjänsteplan', 'Ram', 'Versioner']);

  // The approved tables, checked: nothing to say about approval.
  await wb.openView('Plan');
  await wb.check();
  await expect(wb.pane.locator('button[data-code="CHANGED_SINCE_APPROVAL"]').count()).resolves.toBe(0);

  // A comment on the first initiative (Ekonomi's Initiativ has its header on row 8: Kommentar is I9).
  await wb.typeIn('Tjänsteplan', 'I9', 'Upphandlas 2023');
  await wb.showSheet('Ram');
  await wb.check();
  const changed = wb.finding('CHANGED_SINCE_APPROVAL', 'I9');
  // A warning: the history still says the workbook is 4.0.
  await expect(changed.textContent()).resolves.toMatch(/^Varning: 1 cell skiljer sig från den fastställda versionen 4\.0\./);
  await changed.click();
  await until(async () => (await wb.nameBox().textContent()) === 'Tjänsteplan!I9', 'the grid to select Tjänsteplan!I9');

  // Publishing what is no longer 4.0 is refused before anyone presses: the view read the edit when it was
  // shown, says why, and its button stays disabled (yet focusable, described by the reason).
  await wb.openView('Publicering');
  const hint = panel.getByTestId('publish-hint');
  await until(
    async () => /^Kan inte publicera: 1 cell i tabellerna skiljer sig från den fastställda versionen 4\.0, så de visar inte längre det forumet fastställde.*\.$/.test((await hint.textContent().catch(() => '')) ?? ''),
    'the reason 4.0 cannot be published',
  );
  const publish = panel.getByRole('button', { name: 'Publicera v4.0' });
  await expect(publish.getAttribute('aria-disabled')).resolves.toBe('true');
  const describedBy = (await publish.getAttribute('aria-describedby')) ?? '';
  await expect(panel.locator(`[id="${describedBy}"]`).textContent()).resolves.toMatch(/1 cell i tabellerna skiljer sig/);

  // Undone in the grid while Publicering is open: it notices by itself, and 4.0 goes out.
  await wb.typeIn('Tjänsteplan', 'I9', '');
  await until(async () => (await hint.count()) === 0 && (await publish.getAttribute('aria-disabled')) !== 'true', 'the view to notice the undo');
  await publish.click();
  await wb.statusSays('Publicering', /Ekonomi 2022–2024 v4\.0\.xlsx har kommit fram/);
  await expect(panel.getByTestId('publish-hint').count()).resolves.toBe(0);
  await until(async () => (await unpublished.count()) === 0, 'the published 4.0 to be no longer named as unpublished');
  expect(wb.problems).toEqual([]);
});
