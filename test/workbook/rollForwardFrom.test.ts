/**
 * What the pane's "Ny period…" makes, without a browser: the checks `tjansteplan rollforward` makes, in its
 * order, and the bytes the browser's writer (tablesToXlsx) gives read back as next period's plan.
 */
import path from 'node:path';
import { parsePeriod } from '../../src/domain/period';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { tablesToXlsx } from '../../src/workbook/file/tablesToXlsx';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { nextPeriod, rollForwardFrom } from '../../src/workbook/rollForwardFrom';

const PLANS = path.resolve(__dirname, '../fixtures/plans');
const open = async (name: string) => checkWorkbook(await XlsxWorkbook.open(path.join(PLANS, name)));
const period = (text: string) => parsePeriod(text)!;

test('IT 2022–2024 v3.0 rolls forward to 2023–2025: amounts shifted, 2025 empty, a fresh history, the indicative figures', async () => {
  const check = await open('tjansteplan-it-2022-2024.xlsx');
  expect(nextPeriod(check.plan!.info.period)).toEqual(period('2023–2025'));
  const result = rollForwardFrom(check, period('2023–2025'), '2021-11-15');
  if (!result.ok) throw new Error(`refused: ${result.kind}`);
  expect(result.version).toBe('3.0');

  const rolled = await checkWorkbook(await XlsxWorkbook.fromBytes(await tablesToXlsx(result.tables)));
  const plan = rolled.plan!;
  expect(plan.info).toMatchObject({ area: 'IT', period: { first: 2023, last: 2025 } });
  const old = check.plan!.initiatives;
  expect(plan.initiatives.map((r) => r.name)).toEqual(old.map((r) => r.name));
  plan.initiatives.forEach((r, i) => {
    if (r.isStatedSum) return;
    expect(r.development).toEqual([old[i].development[1] ?? 0, old[i].development[2] ?? 0, 0]);
    expect(r.priority ?? null).toEqual(old[i].priority ?? null);
    expect(r.comment).toBe(old[i].comment);
  });
  expect(plan.initiatives.find((r) => r.isStatedSum)!.development).toEqual([41500, 42000, 0]);
  expect(plan.versions.map((v) => [v.dateShown, v.labelShown, v.description])).toEqual([['2021-11-15', '0.1', 'Upprättad från tjänsteplan 2022–2024 v3.0']]);
  expect(rolled.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const indicative = (await (await XlsxWorkbook.fromBytes(await tablesToXlsx(result.tables))).readTables()).find((t) => t.name === 'Indikativ')!;
  expect(indicative.body).toHaveLength(result.rolled.indicative.length);
});

test('refused as the command line refuses: history moved on, nothing approved, an earlier or a distant period', async () => {
  // Ekonomi's history has moved on past its approved 2.0, and the workbook keeps no record of 2.0's tables.
  const ekonomi = rollForwardFrom(await open('tjansteplan-ekonomi-2022-2024.xlsx'), period('2023–2025'), '2021-11-15');
  expect(ekonomi).toEqual({ ok: false, kind: 'moved-on', version: '2.0' });
  // Kommunikation's plan has never been approved: nothing to start from.
  expect(rollForwardFrom(await open('tjansteplan-kommunikation-2022-2024.xlsx'), period('2023–2025'), '2021-11-15')).toEqual({ ok: false, kind: 'no-approved' });
  const it = await open('tjansteplan-it-2022-2024.xlsx');
  expect(rollForwardFrom(it, period('2022–2024'), '2021-11-15')).toMatchObject({ ok: false, kind: 'not-later' });
  expect(rollForwardFrom(it, period('2025–2027'), '2021-11-15')).toMatchObject({ ok: false, kind: 'no-overlap' });
});
