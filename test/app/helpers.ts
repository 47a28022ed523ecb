/**
 * The user actions against real doubles: a plan written through the template, opened in the Excel test
 * host and read through the real Office.js adapter (OfficeHost), and the local library over HTTPS with an
 * outbox in a temporary JSON file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Outbox } from '../../src/publish/outbox';
import { FileOutboxStore } from '../../src/publish/node/fileOutboxStore';
import { createExcelTestHost, WorkbookModel, type ExcelTestHost } from '../../src/simulators/excel';
import { OfficeHost } from '../../src/workbook/office/officeHost';
import { tempDir } from '../publish/helpers';
import { writePlan, type PlanSpec } from '../publish/plans';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

export interface OpenPlan {
  office: OfficeHost;
  host: ExcelTestHost;
}

/** The plan as Excel would have it open: Office.js globals installed (for the file's bytes) until the test ends. */
export async function openPlan(spec: PlanSpec): Promise<OpenPlan> {
  const file = await writePlan(tempDir(), spec);
  const host = createExcelTestHost(await WorkbookModel.fromXlsx(new Uint8Array(await readFile(file))));
  restore?.();
  restore = host.installGlobals();
  return { office: new OfficeHost(host.run), host };
}

export function newOutbox(): Outbox {
  return new Outbox(new FileOutboxStore(path.join(tempDir(), 'utkorg.json')));
}

/** The Versionshantering rows as the workbook holds them now. */
export async function historyRows(office: OfficeHost): Promise<unknown[][]> {
  const table = (await office.readTables()).find((t) => t.name === 'Versionshantering')!;
  return table.body;
}
