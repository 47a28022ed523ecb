/**
 * Granskning's version picker in the workbench, against the local library: after TF's approval is published
 * and the plan is sent to PF (published as `… inskickad till PF.xlsx`), the picker names each version with its
 * decision and forum — the submitted one as submitted — and compares the open workbook with the approved one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_TEST_TIMEOUT, useBench, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 2);

let dataDir: string | undefined;
const bench = useBench(() => ({ library: { dataDir: (dataDir = mkdtempSync(path.join(os.tmpdir(), 'tjp-review-picker-'))) } }));
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const publishPanel = (wb: Workbench) => wb.pane.getByRole('tabpanel', { name: 'Publicering' });


test('a version sent to PF is labelled as submitted in the picker, and the workbook is compared with the approved one', async () => {
  const wb = await bench().open('sample=tjansteplan-ekonomi-2022-2024.xlsx');
  await wb.openView('Publicering');
  await publishPanel(wb).getByText(/Senast fastställda version/).waitFor({ timeout: 15_000 });
  const approved = await wb.recordDecision('TF', 'Fastställd', '2021-10-14');
  await publishPanel(wb).getByRole('button', { name: `Publicera v${approved}` }).click();
  await wb.statusSays('Publicering', /har kommit fram/);
  const submitted = await wb.recordDecision('PF', 'Inskickad', '2021-11-02');
  await wb.statusSays('Publicering', /inskickad till PF\.xlsx har kommit fram/);

  await wb.openView('Granskning');
  await wb.pane.getByRole('button', { name: 'Hämta versioner' }).click();
  const before = wb.pane.getByRole('combobox', { name: 'Före (publicerad version)' });
  await before.waitFor();
  const options = (await before.locator('option').allTextContents()).map((s) => s.trim());
  expect(options).toEqual([`v${submitted}, inskickad till PF 2021-11-02`, `v${approved}, fastställd av TF 2021-10-14`]);
  // The baseline is the approved version, though the submitted one is newer.
  expect(await before.locator('option:checked').textContent()).toBe(`v${approved}, fastställd av TF 2021-10-14`);

  // Between two published versions: the submitted one against the approval it would replace.
  await wb.pane.getByRole('radio', { name: 'Två publicerade versioner av området' }).check();
  const after = wb.pane.getByRole('combobox', { name: 'Efter (publicerad version)' });
  await after.waitFor();
  expect(await after.locator('option:checked').textContent()).toBe(`v${submitted}, inskickad till PF 2021-11-02`);
  expect(await before.locator('option:checked').textContent()).toBe(`v${approved}, fastställd av TF 2021-10-14`);
  expect(wb.problems).toEqual([]);
});
