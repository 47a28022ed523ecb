/**
 * A plan in front of Prioriteringsforum, as its people meet it (issue 14): the controller changes an amount
 * after TF's approval and sends the plan to PF; a forum member opens the library's reviewers' page, finds it
 * waiting under PF, opens it and reads its tables, its findings and what changed since TF approved it; PF's
 * approval is recorded and published, and the page then shows it approved, nothing waiting any more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_TEST_TIMEOUT, useBench, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 3);

let dataDir: string | undefined;
const bench = useBench(() => ({ library: { dataDir: (dataDir = mkdtempSync(path.join(os.tmpdir(), 'tjansteplan-forum-review-'))) } }));
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function publishPanel(wb: Workbench) {
  return wb.pane.getByRole('tabpanel', { name: 'Publicering' });
}


test('a version sent to PF waits on the reviewers’ page with its tables, findings and diff, and shows approved once PF decides', async () => {
  const wb = await bench().open('sample=tjansteplan-ekonomi-2022-2024.xlsx');
  await wb.openView('Publicering');
  const panel = publishPanel(wb);
  await panel.getByText(/Senast fastställda version/).waitFor({ timeout: 15_000 });

  // TF approves 4.0, which goes to the library: the version PF's diff is measured against.
  const approvedByTf = await wb.recordDecision('TF', 'Fastställd', '2021-10-14');
  await panel.getByRole('button', { name: `Publicera v${approvedByTf}` }).click();
  await wb.statusSays('Publicering', /har kommit fram/);

  // The controller raises the pre-study from 500 to 800 tkr in 2022 (and its Summa), over the frame of 5 200.
  await wb.typeIn('Tjänsteplan', 'C10', '800');
  await wb.typeIn('Tjänsteplan', 'C11', '5500');
  await wb.openView('Publicering');
  const submitted = await wb.recordDecision('PF', 'Inskickad', '2021-11-02');
  await wb.statusSays('Publicering', /inskickad till PF\.xlsx har kommit fram/);

  // The forum member's view: the library page, the version waiting under Prioriteringsforum.
  const page = await wb.context.newPage();
  const origin = new URL(bench().library!.url).origin;
  await page.goto(`${origin}/_library/`);
  const pf = page.locator('section', { has: page.getByRole('heading', { name: 'Prioriteringsforum (PF)' }) });
  const waiting = pf.locator('tr', { hasText: `v${submitted} inskickad till PF.xlsx` });
  await waiting.waitFor();
  await expect(waiting.textContent()).resolves.toContain('väntar på beslut');
  await expect(page.locator('body').textContent()).resolves.toContain('1 väntar på beslut');

  // Opened from the keyboard: its own page.
  await waiting.getByRole('link', { name: /Ekonomi/ }).first().focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Ekonomi 2022–2024 v${submitted}` }).waitFor();
  // What changed since TF's 4.0: the pre-study's 2022 amount, 500 → 800.
  const changes = page.locator('section[aria-labelledby="andringar"]');
  await expect(changes.textContent()).resolves.toContain(`v${approvedByTf}`);
  const change = changes.locator('tr', { hasText: 'Förstudie: Sammanställda räkenskaper' });
  await expect(change.locator('td').allTextContents()).resolves.toEqual(['Ändrat', 'Utveckling 2022', '500', '800', '+300 tkr']);
  // Its findings: over the area's frame in 2022 by 300 tkr, said in words.
  const findings = page.locator('section[aria-labelledby="kontroller"]');
  await expect(findings.textContent()).resolves.toMatch(/2022[^.]*300/);
  // Its tables, from the snapshot.
  const initiatives = page.getByRole('region', { name: 'Initiativ' });
  await expect(initiatives.textContent()).resolves.toContain('800');

  // PF approves what was sent; the approval is published beside the submitted version.
  const approvedByPf = await wb.recordDecision('PF', 'Fastställd', '2021-11-18');
  await panel.getByRole('button', { name: `Publicera v${approvedByPf}` }).click();
  await wb.statusSays('Publicering', /har kommit fram/);

  await page.goto(`${origin}/_library/`);
  const approved = pf.locator('tr', { hasText: `Ekonomi 2022–2024 v${approvedByPf}.xlsx` });
  await approved.waitFor();
  await expect(approved.textContent()).resolves.toContain('Fastställd');
  // The submitted version is still there, never overwritten, but nothing is waiting any more.
  const answered = pf.locator('tr', { hasText: `v${submitted} inskickad till PF.xlsx` });
  await expect(answered.count()).resolves.toBe(1);
  await expect(answered.textContent()).resolves.toContain(`Inskickad (besvarad: Fastställd v${approvedByPf})`);
  await expect(page.locator('main .pending').count()).resolves.toBe(0);
  await expect(page.getByText('3 planversioner.', { exact: true }).count()).resolves.toBe(1);
  expect(wb.problems).toEqual([]);
});
