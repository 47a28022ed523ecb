/**
 * Issue 15 fuzz, workbook cells: any cell values in a plan's tables. Written into a real .xlsx and read by
 * both readers, nothing escapes as an exception (a file is read or refused with a reason), both readers
 * agree, every finding is located, and the Sammanställning built from it holds only the tool's formulas.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cell';
import { frameGapBrief } from '../../src/domain/brief';
import { consolidate, figuresOfPlan } from '../../src/domain/consolidation';
import { checkTables } from '../../src/workbook/checkPlan';
import { consolidationTables } from '../../src/workbook/contract/consolidationTables';
import { planTables } from '../../src/workbook/contract/template';
import { StreamedWorkbook } from '../../src/workbook/file/stream/streamedWorkbook';
import { UnreadableWorkbook } from '../../src/workbook/file/unreadable';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { planInput } from '../cli/hostile/build';
import { plain } from '../workbook/file/stream/plain';
import { formulasOf, OWN_FORMULA } from './formulas';

jest.setTimeout(300_000);

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('=HYPERLINK("https://x.example")', "=cmd|' /C calc'!A0", '\u001b]0;titel\u0007', '1 000', '−3 040', '4 500 tkr', '1.000', 'Summa', 'Fastställd', '2022–2024', ''),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const number = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.5, 1e21));
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: number },
  { weight: 3, arbitrary: text },
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#VALUE!' }),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.record({ formula: fc.constantFrom('SUM(C9:C10)', 'WEBSERVICE("https://x.example")', 'HYPERLINK("https://x.example")', '1/0'), result: fc.option(fc.oneof(number, text), { nil: undefined }) }),
);

/** Cells to overwrite: table index, row, column, value. */
const edits = fc.array(fc.tuple(fc.nat(3), fc.nat(6), fc.nat(10), cell), { minLength: 1, maxLength: 25 });

/** XML 1.0 cannot carry most control characters: a file with them is refused, by both readers alike. */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
const writable = (v: CellValue) => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '') : v);

async function hostileFile(changes: [number, number, number, CellValue][]): Promise<Buffer> {
  const writes = planTables(planInput());
  const wb = new XlsxWorkbook();
  await wb.createTables(writes);
  // Written cell by cell through exceljs, as another tool (or an attacker) would: formulas as formulas.
  const tables = await wb.readTables();
  for (const [t, r, c, v] of changes) {
    const table = tables[t % tables.length];
    const row = table.headerRow + 1 + (r % Math.max(1, table.body.length));
    const column = table.firstColumn + (c % table.headers.length);
    wb.workbook.getWorksheet(table.sheet)!.getCell(row, column).value = writable(v) as ExcelJS.CellValue;
  }
  return wb.toBuffer();
}

async function outcome(read: () => Promise<unknown>) {
  try {
    return { ok: true as const, value: await read() };
  } catch (e) {
    // A refusal is fine; anything but a one-line UnreadableWorkbook is an escaped exception.
    expect(e).toBeInstanceOf(UnreadableWorkbook);
    return { ok: false as const };
  }
}

describe('hostile cell values', () => {
  it('are read alike by both readers, checked without exceptions, located, and never become formulas in a Sammanställning', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (changes) => {
        const bytes = await hostileFile(changes);
        const viaStream = await outcome(async () => (await StreamedWorkbook.fromBytes(bytes, 'fuzz.xlsx')).tables);
        const viaExceljs = await outcome(async () => (await XlsxWorkbook.fromBytes(bytes, 'fuzz.xlsx')).readTables());
        expect(viaStream.ok).toBe(viaExceljs.ok);
        if (!viaStream.ok || !viaExceljs.ok) return;
        expect(plain(viaStream.value)).toEqual(plain(viaExceljs.value));
        const check = checkTables(viaStream.value as Parameters<typeof checkTables>[0]);
        for (const f of check.findings) {
          expect(f.location?.sheet).toBeTruthy();
          expect(f.location?.table).toBeTruthy();
        }
        if (!check.plan) return;
        const result = consolidate([{ figures: figuresOfPlan(check.plan), file: 'fuzz.xlsx' }], { areas: new Map(), city: new Map(), cityRef: null });
        const out = new XlsxWorkbook();
        await out.createTables(consolidationTables(result, frameGapBrief(result)));
        for (const f of await formulasOf(await out.toBuffer())) expect(f).toMatch(OWN_FORMULA);
      }),
      { numRuns: 40 },
    );
  });
});
