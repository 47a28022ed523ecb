/** `prioritize --out X.xlsx`: the proposal as a Prioriteringsbeslut workbook (status Förslag), written atomically. */
import { promises as fs } from 'node:fs';
import type { Prioritization } from '../domain/prioritization';
import { decisionRows } from '../domain/prioritizationDecision';
import type { PrioritizationBasis } from '../domain/prioritizationInput';
import { decisionTables, type AreaTotals } from '../workbook/contract/prioritizationTables';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';

export async function writePrioritizationWorkbook(file: string, basis: PrioritizationBasis, r: Prioritization, period: string): Promise<void> {
  const wb = new XlsxWorkbook();
  const info = { forum: 'PF', date: new Date().toISOString().slice(0, 10), period, status: 'Förslag' as const };
  await wb.createTables(decisionTables(info, decisionRows(basis, r.amounts, r.proposal), areaTotals(basis, r.amounts)));
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, await wb.toBuffer());
  await fs.rename(tmp, file);
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
