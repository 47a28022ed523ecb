/**
 * Opening workbooks for the CLI's reading: one unreadable file is reported and never stops the others.
 * Reading goes through the streaming reader, which does not load exceljs (commands that write load it).
 */
import { readCityFrame } from '../workbook/contract/readFrame';
import type { CityFrame } from '../domain/frame';
import type { Finding } from '../domain/findings';
import { StreamedWorkbook } from '../workbook/file/stream/streamedWorkbook';
import { UnreadableWorkbook } from '../workbook/file/unreadable';
import { printable } from './printable';

export type Opened = { ok: true; workbook: StreamedWorkbook } | { ok: false; reason: string };

export async function openWorkbook(file: string): Promise<Opened> {
  try {
    return { ok: true, workbook: await StreamedWorkbook.open(file) };
  } catch (e) {
    // Whatever a hostile file makes the reader throw stays one line about that file.
    return { ok: false, reason: e instanceof UnreadableWorkbook ? e.reason : `oväntat fel: ${printable(String((e as Error)?.message ?? e).split('\n')[0])}` };
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
