/** Shared by the test host's tests and the OfficeHost tests: fixtures from disk and hosts over them. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createExcelTestHost, WorkbookModel, type ExcelTestHost, type ExcelTestHostOptions } from '../../../src/simulators/excel';

export const PLANS = path.resolve(__dirname, '../../fixtures/plans');

export async function planFiles(): Promise<string[]> {
  return (await fs.readdir(PLANS)).filter((f) => f.endsWith('.xlsx')).sort();
}

export async function fixtureBytes(name: string): Promise<Buffer> {
  return fs.readFile(path.join(PLANS, name));
}

export async function hostOf(bytes: Uint8Array, options: ExcelTestHostOptions = {}): Promise<ExcelTestHost> {
  return createExcelTestHost(await WorkbookModel.fromXlsx(bytes), options);
}

export async function emptyHost(options: ExcelTestHostOptions = {}): Promise<ExcelTestHost> {
  return createExcelTestHost(await WorkbookModel.create(), options);
}

/** Runs a batch and returns the error it failed with (or throws when it did not fail). */
export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; name: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; name: string };
  }
  throw new Error('expected the promise to fail');
}

/** What a function throws, synchronously. */
export function thrown(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a throw');
}
