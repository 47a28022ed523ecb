/**
 * "Markera i arket" colours every finding's cell in the grid by severity; "Ta bort markeringar" removes
 * exactly those marks: a fill the user gave a cell (even in a highlight colour) stays, and a marked cell
 * the user recoloured afterwards keeps the user's colour.
 */
import { HIGHLIGHT } from '../../src/workbook/office/officeHost';
import { BROWSER_TEST_TIMEOUT, expectedFor, useBench, until, WORDS, type Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

const bench = useBench();

type Fills = Record<string, Record<string, string | null>>;

/** The fill every drawn cell shows, per sheet. */
async function fillsOf(wb: Workbench, sheets: string[]): Promise<Fills> {
  const out: Fills = {};
  for (const sheet of sheets) {
    await wb.showSheet(sheet);
    const cells = await wb.cells();
    out[sheet] = Object.fromEntries(Object.entries(cells).map(([a, c]) => [a, c.fill]));
  }
  return out;
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

test('marks every finding cell by severity and removes exactly its own marks', async () => {
  const file = '13-formelfel.xlsx';
  const sheets = ['Tjänsteplan', 'Ram'];
  const wb = await bench().open(`sample=broken/${file}`);

  // The user's own fill, before the add-in does anything: in the very colour of an error mark.
  await wb.showSheet('Tjänsteplan');
  await wb.selectCell('B2');
  await wb.fillSelected(HIGHLIGHT.error.toLowerCase());
  await until(async () => (await wb.cell('B2').getAttribute('data-fill')) === HIGHLIGHT.error, 'the user fill on B2');
  const before = await fillsOf(wb, sheets);
  expect(before['Tjänsteplan'].B2).toBe(HIGHLIGHT.error);

  // Each marked cell gets the colour of its most severe finding (Ram!B3 has an error and a warning).
  const expected = new Map<string, keyof typeof HIGHLIGHT>();
  for (const f of expectedFor(file).findings) {
    if (!f.address) continue;
    const key = `${f.sheet}!${f.address}`;
    const had = expected.get(key);
    if (!had || RANK[f.severity] > RANK[had]) expected.set(key, f.severity);
  }
  expect([...expected.keys()].sort()).toEqual(['Ram!B3', 'Tjänsteplan!D11', 'Tjänsteplan!E9', 'Tjänsteplan!F10']);

  await wb.check();
  await wb.showSheet('Tjänsteplan');
  expect(await wb.act(WORDS.sv.highlight)).toBe(`${expected.size} ${expected.size === 1 ? 'cell markerad' : 'celler markerade'}.`);
  await until(async () => (await wb.cell('E9').getAttribute('data-fill')) !== null, 'the marks to show in the grid');
  const marked = await fillsOf(wb, sheets);
  await wb.screenshot('highlights-marked');
  for (const sheet of sheets) {
    for (const [address, fill] of Object.entries(marked[sheet])) {
      const severity = expected.get(`${sheet}!${address}`);
      // A finding's cell shows its mark; every other cell shows what it showed before.
      expect({ cell: `${sheet}!${address}`, fill }).toEqual({ cell: `${sheet}!${address}`, fill: severity ? HIGHLIGHT[severity] : before[sheet][address] });
    }
  }

  // The user recolours one marked cell.
  await wb.showSheet('Tjänsteplan');
  await wb.selectCell('E9');
  await wb.fillSelected('#00b0f0');
  await wb.selectCell('A1');
  const recoloured = await fillsOf(wb, sheets);

  const status = await wb.act(WORDS.sv.clear);
  const after = await fillsOf(wb, sheets);
  await wb.screenshot('highlights-cleared');

  // Afterwards every cell shows what it showed before marking, except the one the user recoloured.
  for (const sheet of sheets) {
    for (const [address, fill] of Object.entries(after[sheet])) {
      const want = sheet === 'Tjänsteplan' && address === 'E9' ? '#00B0F0' : before[sheet][address];
      expect({ cell: `${sheet}!${address}`, fill }).toEqual({ cell: `${sheet}!${address}`, fill: want });
    }
  }
  // The notice counts the marks removed: the marked cells whose look changed when clearing.
  const changed = [...expected.keys()].filter((key) => {
    const [sheet, address] = key.split('!');
    return recoloured[sheet][address] !== after[sheet][address];
  });
  expect(changed.length).toBeGreaterThanOrEqual(expected.size - 1);
  expect(status).toBe(`${changed.length} ${changed.length === 1 ? 'markering borttagen' : 'markeringar borttagna'}.`);

  // Clearing again finds nothing of its own; the user's fills stay.
  expect(await wb.act(WORDS.sv.clear)).toBe('0 markeringar borttagna.');
  expect(await fillsOf(wb, sheets)).toEqual(after);
  expect(wb.problems).toEqual([]);
});
