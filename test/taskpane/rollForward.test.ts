/**
 * "Ny period…" as a controller meets it: IT's plan, approved as 3.0, rolled forward to 2023–2025 becomes a
 * new workbook (Excel.createWorkbook; the workbench offers it for download) with the 2023–2024 amounts first,
 * an empty 2025 and a fresh history, while the open plan stays as it was. A plan whose history has moved on
 * is refused in the dialog before anyone presses; an Excel without ExcelApi 1.8 gets the file as a download.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Download } from 'playwright-core';
import type { PlanCheck } from '../../src/workbook/checkPlan';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { BROWSER_TEST_TIMEOUT, ROOT, until, useBench, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 2);

const bench = useBench();
const IT = path.join(ROOT, 'test/fixtures/plans/tjansteplan-it-2022-2024.xlsx');

async function downloaded(wb: Workbench, click: () => Promise<void>): Promise<{ name: string; check: PlanCheck; tables: string[] }> {
  const [download] = (await Promise.all([wb.page.waitForEvent('download'), click()])) as [Download, void];
  const bytes = readFileSync((await download.path())!);
  const file = await XlsxWorkbook.fromBytes(bytes);
  return { name: download.suggestedFilename(), check: await checkWorkbook(file), tables: (await file.readTables()).map((t) => t.name).sort() };
}

async function openDialog(wb: Workbench) {
  await wb.act('Ny period…');
  const dialog = wb.pane.getByRole('dialog', { name: 'Rulla fram till nästa period' });
  await dialog.waitFor();
  return dialog;
}

test('IT 3.0 rolled forward to 2023–2025 is a new workbook with the amounts shifted and a fresh history; the open plan is unchanged', async () => {
  const wb = await bench().open('sample=tjansteplan-it-2022-2024.xlsx');
  const original = await checkWorkbook(await XlsxWorkbook.open(IT));

  const dialog = await openDialog(wb);
  await expect(dialog.getByTestId('rollforward-source').textContent()).resolves.toBe('Utgår från IT 2022–2024 v3.0, fastställd.');
  await expect(dialog.getByRole('textbox', { name: /Ny planperiod/ }).inputValue()).resolves.toBe('2023–2025');
  await wb.paneShot('rollforward-dialog');
  expect(await wb.axe()).toEqual([]);
  const status = await wb.act(dialog.getByRole('button', { name: 'Skapa plan för 2023–2025' }));
  expect(status).toBe(
    'IT 2023–2025 v0.1 är skapad i en ny arbetsbok, upprättad från 2022–2024 v3.0 (17 initiativ med indikativa belopp). Tillägget är inte öppet i den nya arbetsboken: spara den där. Den öppna planen är orörd.',
  );

  // Excel opens it in a window of its own; the workbench names it and offers it.
  const notice = wb.page.getByTestId('created-workbook');
  await until(async () => ((await notice.textContent().catch(() => '')) ?? '').includes('Mapp1'), 'the workbench to show the new workbook');
  const rolled = await downloaded(wb, () => wb.page.getByRole('button', { name: 'Ladda ned Mapp1.xlsx' }).click());
  const plan = rolled.check.plan!;
  expect(plan.info).toMatchObject({ area: 'IT', period: { first: 2023, last: 2025 } });
  expect(plan.initiatives.map((r) => r.name)).toEqual(original.plan!.initiatives.map((r) => r.name));
  plan.initiatives.forEach((r, i) => {
    const was = original.plan!.initiatives[i];
    if (!r.isStatedSum) expect(r.development).toEqual([was.development[1] ?? 0, was.development[2] ?? 0, 0]);
  });
  expect(plan.initiatives.find((r) => r.isStatedSum)!.development).toEqual([41500, 42000, 0]);
  expect(plan.versions.map((v) => [v.labelShown, v.description])).toEqual([['0.1', 'Upprättad från tjänsteplan 2022–2024 v3.0']]);
  expect(rolled.tables).toContain('Indikativ');

  // The open plan: the same sheets, and read back the same plan as the file it was opened from.
  await expect(wb.page.locator('.tabs [role=tab]').allTextContents()).resolves.toEqual(['Tjänsteplan', 'Ram', 'Versioner']);
  const open = await downloaded(wb, () => wb.page.getByRole('button', { name: 'Ladda ned', exact: true }).click());
  expect(open.tables).toEqual((await (await XlsxWorkbook.open(IT)).readTables()).map((t) => t.name).sort());
  expect(open.check.plan!.info).toEqual(original.plan!.info);
  expect(open.check.plan!.initiatives).toEqual(original.plan!.initiatives);
  expect(open.check.plan!.versions).toEqual(original.plan!.versions);
  expect(wb.problems).toEqual([]);
});

test('a plan whose history has moved on past its approved version is refused in the dialog, before anyone presses', async () => {
  const wb = await bench().open('sample=tjansteplan-ekonomi-2022-2024.xlsx');
  const dialog = await openDialog(wb);
  const field = dialog.locator('.fui-Field', { hasText: 'Ny planperiod' });
  await until(async () => ((await field.textContent()) ?? '').includes('Versionshistoriken har gått vidare efter version 2.0'), 'the refusal at the period field');
  await expect(dialog.getByRole('button', { name: 'Skapa plan för 2023–2025' }).isDisabled()).resolves.toBe(true);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(wb.page.getByTestId('created-workbook').count()).resolves.toBe(0);
  expect(wb.problems).toEqual([]);
});

test('in English, where Excel lacks ExcelApi 1.8: the new plan is downloaded instead', async () => {
  const wb = await bench().open('sample=tjansteplan-it-2022-2024.xlsx&lang=en');
  // An Excel that reports ExcelApi 1.7 at most, as older perpetual builds do.
  await wb.page.evaluate(() => {
    type Requirements = { isSetSupported(name: string, version?: string | number): boolean };
    const requirements = (window as unknown as { __tjansteplanWorkbench: { Office: { context: { requirements: Requirements } } } }).__tjansteplanWorkbench.Office.context.requirements;
    const reported = requirements.isSetSupported.bind(requirements);
    requirements.isSetSupported = (name: string, version?: string | number) => (name === 'ExcelApi' ? Number(String(version ?? '1.1').split('.')[1] ?? 0) <= 7 : reported(name, version));
  });
  await wb.act('Next period…');
  const dialog = wb.pane.getByRole('dialog', { name: 'Roll forward to the next period' });
  const rolled = await downloaded(wb, async () => {
    await dialog.getByRole('button', { name: 'Create plan for 2023–2025' }).click();
  });
  expect(rolled.name).toBe('Tjänsteplan IT 2023–2025.xlsx');
  expect(rolled.check.plan!.info.period).toMatchObject({ first: 2023, last: 2025 });
  await until(async () => ((await wb.status().textContent()) ?? '').startsWith('IT 2023–2025 v0.1 has been drawn up from 2022–2024 v3.0'), 'the pane to say it was downloaded');
  await expect(wb.status().textContent()).resolves.toContain('downloaded as Tjänsteplan IT 2023–2025.xlsx');
  await expect(wb.page.getByTestId('created-workbook').count()).resolves.toBe(0);
  expect(wb.problems).toEqual([]);
});
