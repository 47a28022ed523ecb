/** `consolidate --out X.xlsx`: the Sammanställning workbook, written atomically. */
import type { YearBrief } from '../domain/brief';
import type { Consolidation } from '../domain/consolidation';
import { consolidationTables } from '../workbook/contract/consolidationTables';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';

export async function writeConsolidationWorkbook(file: string, c: Consolidation, brief: YearBrief[]): Promise<void> {
  const wb = new XlsxWorkbook();
  await wb.createTables(consolidationTables(c, brief));
  await wb.save(file);
}
