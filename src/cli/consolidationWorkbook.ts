/** `consolidate --out X.xlsx`: the Sammanställning workbook with its chart sheet, written atomically. */
import { promises as fs } from 'node:fs';
import type { YearBrief } from '../domain/brief';
import { a1 } from '../domain/location';
import type { Consolidation } from '../domain/consolidation';
import { CITY_TABLE, consolidationTables } from '../workbook/contract/consolidationTables';
import { addColumnChart } from '../workbook/file/chart';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';

export async function writeConsolidationWorkbook(file: string, c: Consolidation, brief: YearBrief[]): Promise<void> {
  const wb = new XlsxWorkbook();
  await wb.createTables(consolidationTables(c, brief));
  let bytes: Uint8Array = await wb.toBuffer();
  // The chart reads the city table's own cells, so it follows any frame finance adjusts in the workbook.
  const city = (await wb.readTables()).find((t) => t.name === CITY_TABLE);
  if (city && city.body.length > 0) {
    const column = (header: string) => city.firstColumn + city.headers.indexOf(header);
    const range = (header: string) => `${a1(city.headerRow + 1, column(header))}:${a1(city.headerRow + city.body.length, column(header))}`;
    bytes = await addColumnChart(bytes, {
      sheetName: 'Diagram',
      title: 'Utveckling mot stadens ram per år',
      yAxisTitle: 'tkr',
      numberFormat: '#,##0',
      categories: { sheet: city.sheet, range: range('År') },
      series: [
        { name: 'Utveckling', sheet: city.sheet, range: range('Utveckling') },
        { name: 'Ram', sheet: city.sheet, range: range('Ram') },
      ],
    });
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
}
