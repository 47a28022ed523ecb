/**
 * Prioritering in the pane, as the forum and then an area's controller use it: the real plans before the cut
 * (built from the samples) in the basis workbook `prioritize --out` writes; the forum reads it, sees the
 * proposal bring 2022 to 121 600, changes the choices towards what the areas actually did and saves the
 * decision. Kultur och fritid's controller then applies such a decision to the plan: the cells are shown, a
 * decision row that no longer matches is named by its cell and goes there on a click, nothing is written on
 * Avbryt, and after confirming, Kontrollera finds the sums right and the history row there; a decided cell
 * edited while the dialog is open makes it refuse, listing that cell as a button that goes there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prioritizeCommand } from '../../src/cli/prioritize';
import { locate } from '../../src/domain/location';
import { periodOf } from '../../src/domain/period';
import type { DecisionRow } from '../../src/domain/prioritizationDecision';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { decisionTables } from '../../src/workbook/contract/prioritizationTables';
import { planTables } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { loadSamples, rowsBeforeTheCut, writeSamplePlans } from '../cli/prioritizeSamples';
import { BROWSER_TEST_TIMEOUT, plain, statusOf, until, useBench, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 2);

let dir: string;
const bench = useBench(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tjp-prio-'));
  return {};
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The basis workbook the forum opens, as `prioritize --out` writes it from the plans before the cut. */
let basis: string;
beforeAll(async () => {
  const plans = await writeSamplePlans(dir);
  basis = path.join(dir, 'prioriteringsunderlag.xlsx');
  expect(await prioritizeCommand(plans.files, { frame: plans.frame, out: basis, lang: 'sv' }, () => undefined, () => undefined)).toBe(0);
});

const live = (wb: Workbench) => wb.pane.getByTestId('prio-live');

test('the forum: the proposal meets 121 600, choices update the city at once, the decision is saved on new sheets', async () => {
  const wb = await bench().open('theme=dark');
  await wb.openFile(basis, 'Prioritering');
  await wb.pane.getByRole('button', { name: 'Läs underlaget' }).click();
  await until(async () => /initiativ lästa/.test((await statusOf(wb, 'prioritize').textContent()) ?? ''), 'the basis to be read');
  expect(plain(await statusOf(wb, 'prioritize').textContent())).toBe('50 initiativ lästa. Förslaget ändrar 3.');
  const row2022 = async () => plain(await wb.pane.locator('table[data-table="prio-city"] tbody tr').first().textContent());
  expect(await row2022()).toBe('2022157 792121 600121 6000 tkr kvar');
  expect(plain(await live(wb).textContent())).toContain('2022 121 600 tkr, 0 tkr kvar');

  // Readable and usable without a mouse, in the dark theme as well (below): no serious axe violation.
  expect((await wb.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  const choice = (area: string, initiative: string) => wb.pane.getByLabel(`Val för ${area}: ${initiative} 2022`);
  const utbildning = 'Utveckla tjänster för huvudmannaprocesser, skoladministration samt undervisning';
  // Keeping Utbildning's amount puts the city 31 692 over again, at once.
  await choice('Utbildning', utbildning).selectOption('keep');
  await until(async () => plain(await live(wb).textContent()).includes('2022 153 292 tkr, 31 692 tkr över'), 'the city to follow the choice');
  // By keyboard: focus the choice and pick Stryk with the arrow keys, as a forum member without a mouse would.
  const pott = choice('Vård och omsorg', 'Pott för förstudier/test/POC');
  await pott.selectOption('keep');
  await until(async () => plain(await live(wb).textContent()).includes('2022 157 292 tkr'), 'the pot kept');
  await pott.focus();
  await wb.page.keyboard.press('End');
  await until(async () => (await pott.inputValue()) === 'cut', 'Stryk chosen by keyboard');
  await until(async () => plain(await live(wb).textContent()).includes('2022 153 292 tkr, 31 692 tkr över'), 'the pot cut again');
  // What the areas did: Kultur och fritid drops two initiatives, HR scenario 1 (its own plan says Måste: only the forum can).
  await choice('Kultur och fritid samt service', 'Tjänster för bokning- och bidrag').selectOption('cut');
  await choice('Kultur och fritid samt service', 'Tjänster för Service').selectOption('defer');
  await wb.pane.getByLabel('Skjut Kultur och fritid samt service: Tjänster för Service till').selectOption('out');
  await choice('HR', 'Översyn IT-stöd inom HR, scenario 1').selectOption('cut');
  await until(async () => plain(await live(wb).textContent()).includes('2022 144 442 tkr, 22 842 tkr över'), 'the areas’ own cut');
  // The rest from Utbildning, typed as an amount.
  await choice('Utbildning', utbildning).selectOption('reduce');
  const amount = wb.pane.getByLabel(`Nytt belopp för Utbildning: ${utbildning}`);
  await amount.fill('20010');
  await until(async () => plain(await live(wb).textContent()).includes('2022 121 600 tkr, 0 tkr kvar'), 'the city to fit again');
  expect(await row2022()).toBe('2022157 792121 600121 6000 tkr kvar');

  await wb.pane.getByLabel('Mötesdatum').fill('2021-03-18');
  await wb.pane.getByRole('button', { name: 'Spara Prioriteringsbeslut' }).click();
  await until(async () => /sparat/.test((await statusOf(wb, 'prioritize').textContent()) ?? ''), 'the decision to be saved');
  // The two pots the proposal cut, the areas' three and Utbildning; only 2022 was tried.
  expect(plain(await statusOf(wb, 'prioritize').textContent())).toBe('Prioriteringsbeslutet är sparat på nya blad (6 ändrade celler).');
  await wb.showSheet('Prioriteringsbeslut');
  const sheet = (await wb.rows()).map((r) => plain(r.join('|')));
  expect(sheet.some((r) => r.includes('Kultur och fritid samt service||Tjänster för bokning- och bidrag|1|2022|3 850|0|Stryks'))).toBe(true);
  expect(sheet.some((r) => r.includes('Forum|PF'))).toBe(true);
  // A second save refuses and overwrites nothing.
  await wb.pane.getByRole('button', { name: 'Spara Prioriteringsbeslut' }).click();
  await until(async () => /inget har skrivits över/.test((await wb.pane.locator('main').textContent()) ?? ''), 'the refusal');
  expect(wb.problems).toEqual([]);
});

/** Kultur och fritid samt service's plan before the cut, with PF's decision copied into the workbook. */
async function planWithDecision(name: string) {
  const samples = loadSamples();
  const area = 'Kultur och fritid samt service';
  const rows = rowsBeforeTheCut(samples, area);
  const file = path.join(dir, name);
  const wbFile = new XlsxWorkbook();
  const cut = (row: number, name: string, amounts: number[]): DecisionRow[] =>
    amounts.flatMap((before, k) => (before === 0 ? [] : [{ area, nr: '', initiative: name, row, year: 2022 + k, before, after: 0, action: 'cut' as const, reason: 'Avslås av prioriteringsforum.' }]));
  await wbFile.createTables([
    ...planTables({
      area,
      period: periodOf(2022, 2024),
      initiatives: rows.map((r) => ({ nr: r.nr, name: r.initiativ, development: r.utveckling, maintenance: r.vidmakthalla ?? [] })),
      frame: [
        { year: 2022, development: 7040, operations: null },
        { year: 2023, development: 4500, operations: null },
        { year: 2024, development: 5000, operations: null },
      ],
      versions: [{ date: '2021-02-01', version: '0.1', description: 'Första utkast', changedBy: 'Controller' }],
    }),
    ...decisionTables(
      { forum: 'PF', date: '2021-02-11', period: '2022–2024', status: 'Beslut' },
      // The last row names an initiative no longer on row 2: it is left alone, named where it pointed.
      [...cut(1, 'Tjänster för bokning- och bidrag', [3850, 500]), ...cut(3, 'Tjänster för Service', [1000, 4000, 5000]), ...cut(2, 'Borttaget initiativ', [700])],
      [],
    ),
  ]);
  await wbFile.save(file);
  const { plan } = await checkWorkbook(await XlsxWorkbook.open(file));
  const at = (row: number, year: number) => locate(plan!.initiativeTable, row, `Utveckling ${year}`).address!;
  return { file, area, at };
}

test('the controller: Tillämpa prioriteringsbeslut shows the cells, writes only on confirmation, and Kontrollera is clean', async () => {
  const { file, area, at } = await planWithDecision('kultur-med-beslut.xlsx');
  const wb = await bench().open('');
  await wb.openFile(file, 'Prioritering');
  await wb.showSheet('Tjänsteplan');
  const before = await wb.cells();
  const apply = wb.pane.getByRole('button', { name: 'Tillämpa prioriteringsbeslut' });
  await apply.click();
  const dialog = wb.pane.getByRole('dialog', { name: 'Tillämpa prioriteringsbeslut' });
  await dialog.waitFor();
  const listed = await dialog.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '').join('|')));
  expect(listed.map(plain)).toEqual([
    `${at(1, 2022)} (Utveckling 2022)|Tjänster för bokning- och bidrag|3 850|0`,
    `${at(1, 2023)} (Utveckling 2023)|Tjänster för bokning- och bidrag|500|0`,
    `${at(3, 2022)} (Utveckling 2022)|Tjänster för Service|1 000|0`,
    `${at(3, 2023)} (Utveckling 2023)|Tjänster för Service|4 000|0`,
    `${at(3, 2024)} (Utveckling 2024)|Tjänster för Service|5 000|0`,
    `${at(4, 2022)} (Utveckling 2022)|Summa (summa)|7 040|2 190`,
    `${at(4, 2023)} (Utveckling 2023)|Summa (summa)|4 500|0`,
    `${at(4, 2024)} (Utveckling 2024)|Summa (summa)|5 000|0`,
  ]);
  expect(plain(await dialog.textContent())).toContain('0.2 – Neddragning enligt beslut i prioriteringsforum 2021-02-11');
  // The row left alone says where it pointed, and takes the user there with the dialog still open.
  const leftAlone = dialog.getByRole('button', { name: /^Borttaget initiativ 2022/ });
  expect(plain(await leftAlone.textContent())).toBe(
    `Borttaget initiativ 2022: finns inte på rad 2 i Initiativ (Tjänsteplan!${at(2, 2022)}); raden har flyttats eller bytt namn sedan beslutet.`,
  );
  await wb.showSheet('Versioner');
  await leftAlone.click();
  await until(async () => (await wb.nameBox().textContent()) === `Tjänsteplan!${at(2, 2022)}`, 'the left-alone cell to be selected');
  // Avbryt: nothing written.
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await wb.cells()).toEqual(before);

  await apply.click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Skriv ändringarna' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await until(async () => /celler ändrade/.test((await statusOf(wb, 'prioritize-apply').textContent()) ?? ''), 'the changes to be written');
  const after = await wb.cells();
  const changed = Object.keys(after).filter((a) => after[a].text !== before[a]?.text).sort();
  expect(changed).toEqual([at(1, 2022), at(1, 2023), at(3, 2022), at(3, 2023), at(3, 2024), at(4, 2022), at(4, 2023), at(4, 2024)].sort());
  expect(plain(after[at(4, 2022)].text)).toBe('2 190');

  // Applying again: nothing is left to do, and the row left alone stays listed under the status, still a way to its cell.
  await apply.click();
  await until(async () => /ändrar inget mer/.test((await statusOf(wb, 'prioritize-apply').textContent()) ?? ''), 'nothing more to apply');
  expect(plain(await statusOf(wb, 'prioritize-apply').textContent())).toBe(`Beslutet ändrar inget mer i ${area} (5 celler har redan beslutets belopp).`);
  await wb.showSheet('Versioner');
  await wb.pane.getByRole('button', { name: /^Borttaget initiativ 2022/ }).click();
  await until(async () => (await wb.nameBox().textContent()) === `Tjänsteplan!${at(2, 2022)}`, 'the left-alone cell to be selected from the list');
  expect(plain(await statusOf(wb, 'prioritize-apply').textContent())).toMatch(/^Beslutet ändrar inget mer/);

  await wb.openView('Plan');
  const summary = plain(await wb.check());
  expect(summary).toMatch(/^(0 fel, 0 varningar|Inga fel eller varningar)/);
  expect(await wb.pane.getByTestId('priority-summary').textContent()).toBe('Prioritet: 0 Måste, 0 Bör, 0 Kan, 3 ej angivna.');
  await wb.showSheet('Versioner');
  expect((await wb.rows()).some((r) => r.join('|').includes('0.2|Neddragning enligt beslut i prioriteringsforum 2021-02-11'))).toBe(true);
  expect(wb.problems).toEqual([]);
});

test('a decided cell changed while the dialog is open: nothing written, the refusal lists the cell as a button that goes there', async () => {
  const { file, at } = await planWithDecision('kultur-andrad.xlsx');
  const wb = await bench().open('');
  await wb.openFile(file, 'Prioritering');
  await wb.pane.getByRole('button', { name: 'Tillämpa prioriteringsbeslut' }).click();
  const dialog = wb.pane.getByRole('dialog', { name: 'Tillämpa prioriteringsbeslut' });
  await dialog.waitFor();
  // Someone raises Tjänster för bokning- och bidrag's 2022 in the grid while the changes are shown.
  await wb.typeIn('Tjänsteplan', at(1, 2022), '4000');
  const before = await wb.cells();
  await dialog.getByRole('button', { name: 'Skriv ändringarna' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const panel = wb.pane.getByRole('tabpanel', { name: 'Prioritering' });
  await until(async () => /Planen har ändrats sedan ändringarna visades/.test((await panel.textContent()) ?? ''), 'the refusal');
  expect(plain(await panel.textContent())).toMatch(/Inget har skrivits\./);
  expect(await wb.cells()).toEqual(before);
  // The changed cell is a labelled button in the list under the refusal, reached by keyboard like any button.
  const list = panel.getByRole('list', { name: 'Ändrade sedan ändringarna visades' });
  const cell = list.getByRole('button', { name: `Tjänsteplan!${at(1, 2022)} (Utveckling 2022)` });
  expect(await cell.getAttribute('title')).toBe(`Gå till Tjänsteplan!${at(1, 2022)}`);
  await wb.showSheet('Versioner');
  await cell.focus();
  await cell.press('Enter');
  await until(async () => (await wb.nameBox().textContent()) === `Tjänsteplan!${at(1, 2022)}`, 'the changed cell to be selected');
  expect(wb.problems).toEqual([]);
});

test('at task-pane width (320 px) the loaded what-if reads without sideways scrolling', async () => {
  const wb = await bench().open('pane=320', { viewport: { width: 1200, height: 1900 } });
  await wb.openFile(basis, 'Prioritering');
  await wb.pane.getByRole('button', { name: 'Läs underlaget' }).click();
  await until(async () => /initiativ lästa/.test((await statusOf(wb, 'prioritize').textContent()) ?? ''), 'the basis to be read');
  const s = await wb.sideways();
  expect({ ...s }).toEqual({ scroll: s.width, width: s.width, shifted: 0, outside: [] });
  expect((await wb.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  expect(wb.problems).toEqual([]);
});
