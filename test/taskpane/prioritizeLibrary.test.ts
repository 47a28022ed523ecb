/**
 * Prioritering through the library (issue 13, items 1 and 4), in the workbench with the local library on its
 * own origins: two areas' approved plans, with their priorities, published through the command. A forum
 * member opens finance's frame workbook, reads the basis from the library, saves the proposal as the decision
 * and the pane publishes it beside the plans; IT's controller then opens IT's plan (no decision in it), and
 * Tillämpa prioriteringsbeslut finds the decision in the library, writes its cells on confirmation, and
 * Kontrollera finds the plan clean with the history row there.
 */
import path from 'node:path';
import { locate } from '../../src/domain/location';
import { periodOf } from '../../src/domain/period';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { frameWorkbookTables, planTables } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { publishPlan, SCHEMA_BROKEN } from '../publish/plans';
import { useLibraryBench } from './libraryBench';
import { BROWSER_TEST_TIMEOUT, plain, statusOf, until } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 3);

const APPROVED = [
  { date: '2021-10-01', version: '0.1', description: 'Första utkast', changedBy: 'Controller' },
  { date: '2021-12-08', version: '1.0', description: 'Beslutad i PF', changedBy: 'Controller', forum: 'PF', decision: 'Fastställd' },
];

async function writePlan(file: string, area: string, rows: { nr: number; name: string; development: number[]; priority: string | null }[]) {
  const wb = new XlsxWorkbook();
  await wb.createTables(
    planTables({
      area,
      period: periodOf(2022, 2024),
      owner: 'Controller',
      initiatives: rows.map((r) => ({ ...r, maintenance: [0, 0, 0] })),
      frame: [2022, 2023, 2024].map((year) => ({ year, development: 5000, operations: 20_000 })),
      versions: APPROVED,
    }),
  );
  await wb.save(file);
}

let itPlan: string;
let frame: string;
const { bench, dir: folder, publish, connect } = useLibraryBench('tjp-prio-lib-', 'prioritering-test');

beforeAll(async () => {
  const dir = folder();
  const ekonomi = path.join(dir, 'ekonomi.xlsx');
  await writePlan(ekonomi, 'Ekonomi', [
    { nr: 1, name: 'Lagkrav arkiv', development: [1000, 500, 0], priority: 'Måste' },
    { nr: 2, name: 'Pott för förstudier', development: [800, 0, 0], priority: 'Kan' },
    { nr: 3, name: 'Nytt ekonomisystem', development: [600, 600, 0], priority: 'Bör' },
  ]);
  itPlan = path.join(dir, 'it.xlsx');
  await writePlan(itPlan, 'IT', [
    { nr: 1, name: 'Ny plattform', development: [2000, 1000, 0], priority: null },
    { nr: 2, name: 'Pott för automatisering', development: [300, 300, 300], priority: 'Kan' },
  ]);
  for (const f of [ekonomi, itPlan]) await publish(f);
  // A third area whose snapshot does not follow the schema: left out, and the forum is told which.
  await publishPlan((await connect()).library, dir, { area: 'HR' }, SCHEMA_BROKEN);
  const wb = new XlsxWorkbook();
  await wb.createTables(frameWorkbookTables([], [{ year: 2022, development: 3000, operations: null }]));
  frame = path.join(dir, 'budgetram.xlsx');
  await wb.save(frame);
});

test('the forum reads the basis from the library and the saved decision is published; the controller applies it from there', async () => {
  const forum = await bench().open('');
  await forum.openFile(frame, 'Prioritering');
  await forum.pane.getByLabel('Planperiod').fill('2022–2024');
  await forum.pane.getByRole('button', { name: 'Läs ur biblioteket' }).click();
  await until(async () => /initiativ lästa/.test((await statusOf(forum, 'prioritize').textContent()) ?? ''), 'the basis to be read from the library');
  // Five initiatives with their priorities; the two pots (Kan) and then the largest Bör, IT's platform, change.
  expect(plain(await statusOf(forum, 'prioritize').textContent())).toBe(
    '5 initiativ lästa. Förslaget ändrar 3. Obs: HR 2022–2024 v1.0.xlsx kunde inte läsas ur biblioteket och är inte med; förslaget och ramens utfall gäller utan den.',
  );
  expect(plain(await forum.pane.locator('table[data-table="prio-city"] tbody tr').first().textContent())).toBe('20224 7003 0003 0000 tkr kvar');
  await forum.pane.getByLabel('Mötesdatum').fill('2021-03-18');
  await forum.pane.getByRole('button', { name: 'Spara Prioriteringsbeslut' }).click();
  await until(async () => /biblioteket/.test((await statusOf(forum, 'prioritize').textContent()) ?? ''), 'the decision to be saved and published');
  expect(plain(await statusOf(forum, 'prioritize').textContent())).toBe(
    'Prioriteringsbeslutet (3 ändrade celler) är sparat i arbetsboken och publicerat i biblioteket: 2022–2024/Forum/Prioriteringsbeslut PF 2021-03-18.xlsx.',
  );
  // Publishing again from the saved workbook finds it already there (its tables are the same), writes nothing.
  await forum.pane.getByRole('button', { name: 'Publicera beslutet i biblioteket' }).click();
  await until(async () => /fanns redan/.test((await statusOf(forum, 'prioritize').textContent()) ?? ''), 'the decision to be found already published');
  expect(forum.problems).toEqual([]);

  // IT's controller: the plan as published, no decision in the workbook.
  const { plan } = await checkWorkbook(await XlsxWorkbook.open(itPlan));
  const at = (row: number) => locate(plan!.initiativeTable, row, 'Utveckling 2022').address!;
  const wb = await bench().open('');
  await wb.openFile(itPlan, 'Prioritering');
  await wb.pane.getByRole('button', { name: 'Tillämpa prioriteringsbeslut' }).click();
  const dialog = wb.pane.getByRole('dialog', { name: 'Tillämpa prioriteringsbeslut' });
  await dialog.waitFor();
  expect(plain(await dialog.textContent())).toContain('Beslutet ur biblioteket: Prioriteringsbeslut PF 2021-03-18.xlsx.');
  const listed = await dialog.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '').join('|')));
  expect(listed.map(plain)).toEqual([`${at(1)} (Utveckling 2022)|Ny plattform|2 000|1 400`, `${at(2)} (Utveckling 2022)|Pott för automatisering|300|0`]);
  await wb.showSheet('Tjänsteplan');
  const before = await wb.cells();
  await dialog.getByRole('button', { name: 'Skriv ändringarna' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await until(async () => /celler ändrade/.test((await statusOf(wb, 'prioritize-apply').textContent()) ?? ''), 'the changes to be written');
  const after = await wb.cells();
  expect(Object.keys(after).filter((a) => after[a].text !== before[a]?.text).sort()).toEqual([at(1), at(2)].sort());

  await wb.openView('Plan');
  expect(plain(await wb.check())).toMatch(/^(0 fel, 0 varningar|Inga fel eller varningar)/);
  await wb.showSheet('Versioner');
  expect((await wb.rows()).some((r) => r.join('|').includes('Neddragning enligt beslut i prioriteringsforum 2021-03-18'))).toBe(true);
  expect(wb.problems).toEqual([]);
});
