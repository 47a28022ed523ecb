/** Opening workbooks for the CLI: one unreadable file is reported and never stops the others. */
import { readCityFrame } from '../workbook/contract/readFrame';
import type { CityFrame } from '../domain/frame';
import type { Finding } from '../domain/findings';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';
import { UnreadableWorkbook } from '../workbook/file/unreadable';

export type Opened = { ok: true; workbook: XlsxWorkbook } | { ok: false; reason: string };

export async function openWorkbook(file: string): Promise<Opened> {
  try {
    return { ok: true, workbook: await XlsxWorkbook.open(file) };
  } catch (e) {
    return { ok: false, reason: e instanceof UnreadableWorkbook ? e.reason : `oväntat fel: ${(e as Error).message}` };
  }
}

export interface FrameFile {
  frame: CityFrame;
  findings: Finding[];
}

/** Finance's frame workbook; throws UnreadableWorkbook when it cannot be used at all. */
export async function openFrame(file: string): Promise<FrameFile> {
  const opened = await openWorkbook(file);
  if (!opened.ok) throw new UnreadableWorkbook(file, opened.reason);
  const reading = readCityFrame(await opened.workbook.readTables());
  if (reading.frame.areas.size === 0 && reading.frame.city.size === 0) {
    throw new UnreadableWorkbook(file, 'ingen budgetram hittades (tabellerna Budgetram och Stadsram saknas eller är tomma)');
  }
  return reading;
}
