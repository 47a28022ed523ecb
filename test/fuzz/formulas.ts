/** Every formula in a written workbook, and the shapes of the tool's own ones. */
import ExcelJS from 'exceljs';

export async function formulasOf(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const found: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void (c.formula && found.push(c.formula))));
  return found;
}

/** Deviations per row, the city's development, and totals rows: nothing else is the tool's. */
export const OWN_FORMULA = /^(IF\((Oversikt|Omradesniva|Stadsniva)\[\[#This Row\],\[Ram( \d{4})?\]\]="","",|SUMIFS\(Omradesniva\[Utveckling\],Omradesniva\[År\],Stadsniva\[\[#This Row\],\[År\]\]\)$|SUBTOTAL\(109,)/;
