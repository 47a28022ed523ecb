/**
 * "Räkna om summor" on a plan whose stated sums do not add up: the dialog lists each differing sum (stated
 * and recomputed, as the grid shows them), Avbryt leaves the workbook as it was, and confirming writes the
 * recomputed sums into exactly those cells, after which the check finds no SUM_MISMATCH.
 */
import { BROWSER_TEST_TIMEOUT, expectedFor, useBench, until, WORDS, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

const bench = useBench();

const SV = WORDS.sv;
/** `4 500`, `−300` as the grid and the pane write numbers (no-break or narrow spaces between thousands). */
const number = (text: string) => Number(text.replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-'));

/**
 * What a sum row should be, from the grid: the rows above it in its column, up to the previous sum row or
 * the table's header row (the row whose column B is `Initiativ`).
 */
function recomputed(rows: string[][], address: string): number {
  const column = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  let total = 0;
  for (let r = row - 1; r >= 0; r--) {
    const name = rows[r][1];
    if (name === 'Initiativ' || name.startsWith('Summa')) break;
    if (rows[r][column] !== '') total += number(rows[r][column]);
  }
  return total;
}

async function dialogRows(wb: Workbench): Promise<string[][]> {
  return wb.pane.getByRole('dialog').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
}

test('lists the differing sums, cancels without a change and writes exactly the recomputed sums', async () => {
  const file = '19-summor-fel-i-tva-block.xlsx';
  const mismatches = expectedFor(file).findings.filter((f) => f.code === 'SUM_MISMATCH');
  expect(mismatches.map((f) => f.address)).toEqual(['C11', 'G14']);
  const wb = await bench().open(`sample=broken/${file}`);
  await wb.showSheet('Tjänsteplan');
  const before = await wb.cells();
  const rows = await wb.rows();
  const want = mismatches.map((f) => ({ address: f.address!, stated: number(before[f.address!].text), computed: recomputed(rows, f.address!) }));
  expect(want).toEqual([
    { address: 'C11', stated: 4500, computed: 4200 },
    { address: 'G14', stated: 250, computed: 150 },
  ]);

  // Before a check there is nothing to recompute.
  expect(await wb.button(SV.recompute).isDisabled()).toBe(true);
  await wb.check();
  await wb.button(SV.recompute).click();
  const dialog = wb.pane.getByRole('dialog', { name: SV.recompute });
  await dialog.waitFor();
  await wb.screenshot('recompute-dialog');
  expect(await dialog.textContent()).toContain('2 summor skiljer sig');
  const listed = await dialogRows(wb);
  expect(listed.map(([cell, stated, computed]) => ({ address: cell.split(' ')[0], stated: number(stated), computed: number(computed) }))).toEqual(want);
  expect(listed.map(([cell]) => cell)).toEqual(['C11 (Utveckling 2022)', 'G14 (Vidmakthålla 2023)']);
  // The amounts are right-aligned under right-aligned headers, as numbers are in the sheet.
  const alignment = await dialog.locator('table').evaluate((table) => ({
    headers: Array.from(table.querySelectorAll('thead th')).map((th) => getComputedStyle(th.firstElementChild ?? th).justifyContent),
    cells: Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => getComputedStyle(td).textAlign)),
  }));
  expect(alignment.headers.slice(1)).toEqual(['flex-end', 'flex-end']);
  for (const row of alignment.cells) expect(row.slice(1).map((a) => (a === 'right' ? 'end' : a))).toEqual(['end', 'end']);

  // Avbryt: the dialog closes and not a cell changes.
  await dialog.getByRole('button', { name: SV.cancel }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await wb.cells()).toEqual(before);

  // Confirm: exactly the two sums change, to the recomputed values, and the recheck is clean.
  await wb.button(SV.recompute).click();
  await dialog.waitFor();
  expect(await wb.act(dialog.getByRole('button', { name: SV.confirm }))).toBe('2 summor har skrivits in.');
  await dialog.waitFor({ state: 'detached' });
  await until(async () => (await wb.cell('C11').textContent()) !== before.C11.text, 'the grid to show the new sum');
  const after = await wb.cells();
  const changed = Object.keys(after).filter((a) => JSON.stringify(after[a]) !== JSON.stringify(before[a]));
  expect(changed.sort()).toEqual(['C11', 'G14']);
  for (const w of want) expect(number(after[w.address].text)).toBe(w.computed);

  expect(await wb.check()).toBe('Inga fel eller varningar. Planen kan lämnas till forum.');
  expect(await wb.pane.locator('[data-code="SUM_MISMATCH"]').count()).toBe(0);
  expect(await wb.button(SV.recompute).isDisabled()).toBe(true);
  expect(wb.problems).toEqual([]);
});
