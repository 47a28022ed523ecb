/** `prioritize --out X.xlsx`: the proposal as a Prioriteringsbeslut workbook (status Förslag), written atomically. */
import type { Prioritization } from '../domain/prioritization';
import { decisionRows } from '../domain/prioritizationDecision';
import type { PrioritizationBasis } from '../domain/prioritizationInput';
import type { CityFrame } from '../domain/frame';
import { basisTable, decisionTables, type AreaTotals } from '../workbook/contract/prioritizationTables';
import { frameWorkbookTables } from '../workbook/contract/template';
import { writeFileAtomic } from '../node/atomicFile';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';

/**
 * The basis (every initiative with its priority), the frame it was measured against and the proposal: the
 * workbook the forum opens in Excel, where the pane's Prioritering view reads the first two.
 */
export async function writePrioritizationWorkbook(file: string, basis: PrioritizationBasis, r: Prioritization, period: string, frame: CityFrame): Promise<void> {
  const wb = new XlsxWorkbook();
  const info = { forum: 'PF', date: new Date().toISOString().slice(0, 10), period, status: 'Förslag' as const };
  const years = (m: ReadonlyMap<number, { year: number; development: number | null; operations: number | null }>) =>
    [...m.values()].map((y) => ({ year: y.year, development: y.development, operations: y.operations }));
  await wb.createTables([
    basisTable(basis.years, basis.items),
    ...frameWorkbookTables(
      [...frame.areas.values()].map((a) => ({ area: a.area, years: years(a.years) })),
      years(frame.city),
    ),
    ...decisionTables(info, decisionRows(basis, r.amounts, r.proposal), areaTotals(basis, r.amounts)),
  ]);
  await writeFileAtomic(file, await wb.toBuffer());
}

/** Development per area and year before and after, in the order the areas come. */
export function areaTotals(basis: PrioritizationBasis, after: readonly (readonly number[])[]): AreaTotals[] {
  const totals = new Map<string, AreaTotals>();
  basis.items.forEach((it, i) => {
    basis.years.forEach((year, t) => {
      const key = `${it.area}\u0000${year}`;
      const row = totals.get(key) ?? { area: it.area, year, before: 0, after: 0 };
      row.before += it.development[t];
      row.after += after[i][t];
      totals.set(key, row);
    });
  });
  return [...totals.values()];
}
