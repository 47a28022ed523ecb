/**
 * Both readers over every workbook under test/fixtures: the streaming reader must hand the contract exactly
 * what the exceljs adapter does — the same tables and cells, so the same plan, findings and locations.
 * Any difference fails; there is no tolerance.
 */
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { readCityFrame } from '../../../../src/workbook/contract/readFrame';
import { checkTables } from '../../../../src/workbook/checkPlan';
import { StreamedWorkbook } from '../../../../src/workbook/file/stream/streamedWorkbook';
import { XlsxWorkbook } from '../../../../src/workbook/file/xlsxWorkbook';
import { plain } from './plain';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'fixtures');

function workbooks(dir: string): string[] {
  const found: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) found.push(...workbooks(full));
    else if (e.name.endsWith('.xlsx')) found.push(full);
  }
  return found.sort();
}

type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

async function attempt(read: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await read() };
  } catch (e) {
    return { ok: false, reason: (e as { reason?: string }).reason ?? String(e) };
  }
}

const files = workbooks(FIXTURES);

describe('the streaming reader and the exceljs reader', () => {
  it('find the fixtures (plans, broken, frame, unreadable)', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const dir of ['plans', 'broken', 'frame', 'unreadable']) expect(files.some((f) => f.includes(`${path.sep}${dir}${path.sep}`))).toBe(true);
  });

  it.each(files.map((f) => [path.relative(FIXTURES, f), f]))('give the same tables, plan, findings and locations: %s', async (_name, file) => {
    const bytes = await fs.readFile(file);
    const viaExceljs = await attempt(async () => (await XlsxWorkbook.fromBytes(bytes, file)).readTables());
    const viaStream = await attempt(async () => (await StreamedWorkbook.fromBytes(bytes, file)).tables);
    expect(viaStream.ok).toBe(viaExceljs.ok);
    if (!viaExceljs.ok || !viaStream.ok) return;
    const [a, b] = [viaExceljs.value, viaStream.value] as Parameters<typeof checkTables>[0][];
    expect(plain(b)).toEqual(plain(a));
    expect(plain(checkTables(b))).toEqual(plain(checkTables(a)));
    expect(plain(readCityFrame(b))).toEqual(plain(readCityFrame(a)));
  }, 30_000);
});
