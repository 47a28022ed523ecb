/**
 * The real Office.js adapter (OfficeHost) against the Excel test host: the same tables as the .xlsx adapter
 * reads from the same file, the sync counts of docs/targets.md §1, text that stays text, highlights that restore exactly.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../../src/domain/cell';
import type { Finding } from '../../../src/domain/findings';
import { fromExcelSerial, toExcelSerial } from '../../../src/domain/dates';
import { periodOf } from '../../../src/domain/period';
import { createExcelTestHost, DEFAULT_PAYLOAD_LIMIT, WorkbookModel, type ExcelTestHost } from '../../../src/simulators/excel';
import { approvalOf } from '../../../src/domain/approval';
import { latestApproved } from '../../../src/domain/versions';
import { checkTables, checkWorkbook } from '../../../src/workbook/checkPlan';
import { approvalTable } from '../../../src/workbook/contract/approvalTable';
import { planTables, type PlanInput } from '../../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';
import type { RawTable } from '../../../src/workbook/host';
import { OfficeHost, PRIORITIZATION_TABLES } from '../../../src/workbook/office/officeHost';
import { BASIS_TABLE, DECISION_NAMES } from '../../../src/workbook/contract/prioritizationTables';
import { dateFormatted, isDateFormat } from '../../../src/workbook/office/ranges';
import { emptyHost, fixtureBytes, hostOf, planFiles } from '../../simulators/excel/helpers';

const BROKEN = path.resolve(__dirname, '../../fixtures/broken');

/** exceljs's own rule and conversion, which the CLI reads dates by (the package has no typings for them). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep path of a CommonJS package without typings
const exceljsUtils = require('exceljs/lib/utils/utils') as { isDateFmt(fmt: string): boolean; excelToDate(v: number, date1904?: boolean): Date };

/** The tables with every formula's result left out: what two readers agree on when only the results differ. */
function withoutResults(tables: RawTable[]): RawTable[] {
  const cell = (v: CellValue): CellValue => (v && typeof v === 'object' && 'formula' in v ? { formula: v.formula } : v);
  return tables.map((t) => ({ ...t, body: t.body.map((r) => r.map(cell)), totals: t.totals && t.totals.map(cell) }));
}

function generatedPlan(rows: number): PlanInput {
  const initiatives = Array.from({ length: rows }, (_, i) =>
    i % 20 === 19
      ? { name: `Summa delprogram ${(i + 1) / 20}`, development: [1000, 2000, 3000], maintenance: [10, 20, 30] }
      : {
          nr: i + 1,
          name: `Initiativ ${i + 1}: uppgradera ${['ekonomisystemet', 'e-arkivet', 'lönesystemet'][i % 3]}`,
          development: [100 * (i % 7), i % 5 === 0 ? null : 250, 50],
          maintenance: [10, i % 3 === 0 ? null : 20, 5],
          comment: i % 11 === 0 ? 'Förstudie pågår' : undefined,
        },
  );
  return {
    area: 'IT',
    period: periodOf(2022, 2024),
    owner: 'Jenny',
    initiatives,
    frame: [
      { year: 2022, development: 50_000, operations: 20_000 },
      { year: 2023, development: 60_000, operations: 21_000 },
      { year: 2024, development: 70_000, operations: 22_000 },
    ],
    versions: [
      { date: '2021-03-01', version: '0.1', description: 'Första utkast', changedBy: 'Jenny' },
      { date: '2021-04-12', version: '0.5', description: 'Beslutad i tjänsteforum', changedBy: 'Jenny', forum: 'TF', decision: 'Fastställd' },
    ],
  };
}

async function xlsxOf(input: PlanInput): Promise<Buffer> {
  const wb = new XlsxWorkbook();
  await wb.createTables(planTables(input));
  return wb.toBuffer();
}

function within5MB(host: ExcelTestHost) {
  for (const r of host.requests) {
    expect(r.requestBytes).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    expect(r.responseBytes).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
  }
}

describe('readTables', () => {
  test.each([['fixture plans']])('gives the same tables as the .xlsx adapter for every %s, in 2 syncs', async () => {
    for (const file of await planFiles()) {
      const bytes = await fixtureBytes(file);
      const host = await hostOf(bytes);
      const fromOffice = await new OfficeHost(host.run).readTables();
      const fromFile = await (await XlsxWorkbook.fromBytes(bytes)).readTables();
      expect({ file, tables: fromOffice }).toEqual({ file, tables: fromFile });
      expect({ file, syncs: host.syncCount }).toEqual({ file, syncs: 2 });
      // The add-in finds in Excel exactly what the CLI finds in the file.
      expect(checkTables(fromOffice).findings).toEqual(checkTables(fromFile).findings);
    }
  }, 60_000);

  test.each([100, 1000, 5000])('a generated plan of %i rows: same tables, 2 syncs, each request under 5 MB', async (rows) => {
    const bytes = await xlsxOf(generatedPlan(rows));
    const host = await hostOf(bytes);
    const tables = await new OfficeHost(host.run).readTables();
    expect(tables.find((t) => t.name === 'Initiativ')!.body).toHaveLength(rows);
    expect(tables).toEqual(await (await XlsxWorkbook.fromBytes(bytes)).readTables());
    expect(host.syncCount).toBe(2);
    within5MB(host);
  }, 60_000);

  test("a large table of the user's own does not push the check past Excel on the web's 5 MB response limit", async () => {
    const bytes = await xlsxOf(generatedPlan(100));
    const host = await hostOf(bytes);
    const rows = 12_000;
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.add('Egna anteckningar');
      const block = Array.from({ length: rows }, (_, i) => Array.from({ length: 8 }, (__, j) => `anteckning ${i}:${j} om budgetarbetet i förvaltningen`));
      ws.getRangeByIndexes(0, 0, rows + 1, 8).values = [Array.from({ length: 8 }, (_, j) => `Kolumn ${j + 1}`), ...block];
      ws.tables.add(`'Egna anteckningar'!A1:H${rows + 1}`, true).name = 'Anteckningar';
    });
    // Its cells alone (values, formulas, value types and formats) are more than 5 MB: read as before, it fails.
    const everything = await host
      .run(async (context) => {
        const range = context.workbook.tables.getItem('Anteckningar').getRange();
        range.load('values,formulas,valueTypes,numberFormat');
        await context.sync();
      })
      .then(() => null, (e: { code: string }) => e.code);
    expect(everything).toBe('ResponsePayloadSizeLimitExceeded');
    host.resetCounters();
    const tables = await new OfficeHost(host.run).readTables();
    expect(host.syncCount).toBe(2);
    within5MB(host);
    expect(tables.find((t) => t.name === 'Anteckningar')).toEqual({ name: 'Anteckningar', sheet: 'Egna anteckningar', headerRow: 1, firstColumn: 1, headers: [], body: [], totals: null });
    // The check finds what it finds in the plan without that table.
    expect(checkTables(tables).findings).toEqual(checkTables(await (await XlsxWorkbook.fromBytes(bytes)).readTables()).findings);
    expect(tables.find((t) => t.name === 'Initiativ')!.body).toHaveLength(100);
  }, 60_000);

  test("the forums' prioritisation tables are the contract's too: read with their cells", async () => {
    const host = await emptyHost();
    const names = ['Prioriteringsunderlag', 'Prioriteringsbeslut', 'Beslutsuppgifter', 'Beslutssummor', 'Prioriteringsförslag', 'Förslagsuppgifter', 'Förslagssummor', 'Övrigt'];
    await host.run(async (context) => {
      names.forEach((name, i) => {
        const ws = context.workbook.worksheets.add(`Blad ${i + 1}`);
        ws.getRange('A1:B2').values = [['Tjänsteområde', 'Belopp'], ['IT', 1200]];
        ws.tables.add('A1:B2', true).name = name;
      });
    });
    const tables = await new OfficeHost(host.run).readTables();
    expect(tables.map((t) => [t.name, t.headers, t.body])).toEqual(names.map((name) => [name, name === 'Övrigt' ? [] : ['Tjänsteområde', 'Belopp'], name === 'Övrigt' ? [] : [['IT', 1200]]]));
    // The adapter's list is the one the prioritisation contract reads by.
    expect([...PRIORITIZATION_TABLES].sort()).toEqual([BASIS_TABLE, ...Object.values(DECISION_NAMES).flatMap((d) => [d.table, d.info, d.totals])].sort());
  });

  test('a table away from A1 on a sheet whose name Excel quotes', async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.add('Tjänsteplan 2');
      ws.getRange('C5:D7').values = [
        ['År', 'Belopp'],
        [2022, 5],
        [2023, '=D6*2'],
      ];
      ws.tables.add('C5:D7', true).name = 'Ram';
    });
    const tables = await new OfficeHost(host.run).readTables();
    expect(tables).toEqual([
      { name: 'Ram', sheet: 'Tjänsteplan 2', headerRow: 5, firstColumn: 3, headers: ['År', 'Belopp'], body: [[2022, 5], [2023, { formula: 'D6*2', result: 10 }]], totals: null },
    ]);
    expect(await (await XlsxWorkbook.fromBytes(await host.model.toXlsx())).readTables()).toEqual(tables);
  });

  test('totals rows and formulas come with their results', async () => {
    const host = await emptyHost();
    const office = new OfficeHost(host.run);
    const [frame] = planTables(generatedPlan(3)).filter((t) => t.name === 'Ram');
    await office.createTables([{ ...frame, totals: { label: 'Summa', sum: [false, true, true] } }]);
    const [ram] = await office.readTables();
    expect(ram.totals).toEqual(['Summa', { formula: 'SUBTOTAL(109,Ram[Utveckling])', result: 180_000 }, { formula: 'SUBTOTAL(109,Ram[Förvaltning])', result: 63_000 }]);
  });

  test('finds in every broken workbook what the CLI finds in the file, but for what Excel recalculates on open', async () => {
    const files = (await fs.readdir(BROKEN)).filter((f) => f.endsWith('.xlsx')).sort();
    expect(files.length).toBeGreaterThanOrEqual(45);
    const key = (f: Finding) => `${f.code} ${f.location?.address ?? ''}`;
    for (const file of files) {
      const bytes = await fs.readFile(path.join(BROKEN, file));
      const host = await hostOf(bytes);
      const fromOffice = await new OfficeHost(host.run).readTables();
      const fromFile = await (await XlsxWorkbook.fromBytes(bytes)).readTables();
      expect({ file, syncs: host.syncCount <= 2 }).toEqual({ file, syncs: true });
      const office = checkTables(fromOffice).findings;
      const cli = checkTables(fromFile).findings;
      if (file.startsWith('14-')) {
        // Two sums saved without a calculated value: the CLI says so; Excel calculates them on open (to the
        // right sums, 5 200 and 200), so the pane finds nothing to say about them. Everything else is the same.
        expect(withoutResults(fromOffice)).toEqual(withoutResults(fromFile));
        expect(cli.filter((f) => !office.some((o) => key(o) === key(f))).map(key)).toEqual(['FORMULA_NOT_CALCULATED C11', 'FORMULA_NOT_CALCULATED G11']);
        expect(cli.filter((f) => f.code !== 'FORMULA_NOT_CALCULATED')).toEqual(office);
      } else if (file.startsWith('30-')) {
        // Every amount is text and the Summa row is SUM over it: SUM skips text, so Excel recalculates each
        // sum to 0 where the file cached the sum of the numbers the text shows. The pane then finds the sums
        // wrong (SUM_MISMATCH, "är 0 tkr"); the CLI, on the cached values, does not. Everything else is the same.
        expect(withoutResults(fromOffice)).toEqual(withoutResults(fromFile));
        const mismatches = office.filter((f) => f.code === 'SUM_MISMATCH');
        expect(mismatches.map(key).sort()).toEqual(['C11', 'D11', 'E11', 'F11', 'G11'].map((a) => `SUM_MISMATCH ${a}`));
        expect(mismatches.every((f) => f.message.includes(' är 0 tkr '))).toBe(true);
        expect(cli.filter((f) => f.code === 'SUM_MISMATCH')).toEqual([]);
        expect(office.filter((f) => f.code !== 'SUM_MISMATCH')).toEqual(cli);
      } else if (file.startsWith('20-')) {
        // The typed totals row's SUBTOTALs were saved without values (Excel calculates them on open); the
        // findings do not rest on them.
        expect(withoutResults(fromOffice)).toEqual(withoutResults(fromFile));
        expect({ file, findings: office }).toEqual({ file, findings: cli });
      } else {
        expect({ file, tables: fromOffice }).toEqual({ file, tables: fromFile });
        expect({ file, findings: office }).toEqual({ file, findings: cli });
      }
    }
  }, 60_000);

  test('a date typed in an amount cell is a date, not its serial number as an amount (broken fixture 32)', async () => {
    const host = await hostOf(await fs.readFile(path.join(BROKEN, '32-excel-gjorde-datum-av-belopp.xlsx')));
    const tables = await new OfficeHost(host.run).readTables();
    const initiativ = tables.find((t) => t.name === 'Initiativ')!;
    expect(initiativ.body[1][3]).toEqual(new Date('2022-04-03T00:00:00Z'));
    const findings = checkTables(tables).findings;
    expect(findings.map((f) => `${f.code} ${f.location?.address}`)).toEqual(['NOT_A_NUMBER D10', 'NOT_A_NUMBER E10']);
    expect(findings[0].message).toContain('2022-04-03');
  });

  test('a number is a date exactly when exceljs, and so the CLI, reads it as one', () => {
    const formats = [
      'General', '0', '#,##0', '# ##0 "tkr"', '0.00%', '@', '0.00E+00', '[Red]#,##0;[Blue]-#,##0', '"dag "0',
      'yyyy-mm-dd', 'm/d/yyyy', 'mm-dd-yy', 'd mmm yyyy', '[$-41D]yyyy-mm-dd', 'hh:mm', '[h]:mm:ss', 'yyyy-mm-dd hh:mm',
      'MMM', 'b', '0\\ \\m', '', '"yyyy"0',
    ];
    for (const format of formats) expect({ format, date: isDateFormat(format) }).toEqual({ format, date: exceljsUtils.isDateFmt(format) });
    expect(isDateFormat(null)).toBe(false);
    for (const serial of [0, 1, 59, 60, 61, 25_569, 44_654, 44_654.5, 45_000.25, 2_958_465]) {
      expect({ serial, date: dateFormatted(serial, 'yyyy-mm-dd') }).toEqual({ serial, date: exceljsUtils.excelToDate(serial, false) });
    }
    // From 1900-03-01 on a whole serial is UTC midnight of the day src/domain/dates.ts names (Excel's phantom
    // 1900-02-29 is serial 60), and back.
    for (const serial of [61, 36_526, 44_654, 2_958_465]) {
      const date = dateFormatted(serial, 'yyyy-mm-dd') as Date;
      expect(date.toISOString()).toBe(`${fromExcelSerial(serial)}T00:00:00.000Z`);
      expect(toExcelSerial(date.toISOString().slice(0, 10))).toBe(serial);
    }
    // Only numbers become dates.
    expect(dateFormatted('2022-04-03', 'yyyy-mm-dd')).toBe('2022-04-03');
    expect(dateFormatted(true, 'yyyy-mm-dd')).toBe(true);
    expect(dateFormatted(4500, 'General')).toBe(4500);
  });
});

describe('createTables', () => {
  test('on an empty workbook makes real tables that checkTables reads with no TABLE_MISSING', async () => {
    const host = await emptyHost();
    const office = new OfficeHost(host.run);
    const input = generatedPlan(40);
    await office.createTables(planTables(input));
    const tables = await office.readTables();
    const check = checkTables(tables);
    expect(check.findings.filter((f) => f.code === 'TABLE_MISSING')).toEqual([]);
    expect(check.plan?.initiatives).toHaveLength(40);
    expect(host.model.getTables().map((t) => t.address)).toEqual(['Tjänsteplan!A1:B6', 'Tjänsteplan!A8:J48', 'Ram!A1:C4', 'Versioner!A1:F3']);
    // Saved, they are Excel tables the CLI reads to the same plan and findings.
    const saved = await (await XlsxWorkbook.fromBytes(await host.model.toXlsx())).readTables();
    expect(checkTables(saved).findings).toEqual(check.findings);
    const reference = checkTables(await (await XlsxWorkbook.fromBytes(await xlsxOf(input))).readTables());
    expect(check.findings.map((f) => f.code)).toEqual(reference.findings.map((f) => f.code));
  });

  test('writes every table in one request after one read (2 round trips), each under 5 MB, also for 5 000 rows', async () => {
    const host = await emptyHost();
    await new OfficeHost(host.run).createTables(planTables(generatedPlan(5000)));
    expect(host.syncCount).toBe(2);
    within5MB(host);
    expect(host.model.getTables().find((t) => t.name === 'Initiativ')!.bottom).toBe(8 + 5000);
  }, 60_000);

  test("text starting with '=' and numbers as text stay text, in Excel and in the saved file", async () => {
    const host = await emptyHost();
    const office = new OfficeHost(host.run);
    const input = generatedPlan(2);
    input.initiatives = [
      { nr: '007', name: '=SUMMA(C9:C10)', development: [100, null, null], maintenance: [null, null, null], comment: '=1+1' },
      { nr: 2, name: '4500', development: [null, null, null], maintenance: [null, null, null], comment: '+46 8 508 000 00' },
    ];
    input.owner = '=HYPERLINK("http://example.com")';
    await office.createTables(planTables(input));
    const initiativ = (await office.readTables()).find((t) => t.name === 'Initiativ')!;
    expect(initiativ.body.map((r) => [r[0], r[1], r[8]])).toEqual([
      ['007', '=SUMMA(C9:C10)', '=1+1'],
      [2, '4500', '+46 8 508 000 00'],
    ]);
    expect(host.model.getCell('Tjänsteplan', 9, 2)).toMatchObject({ formula: null, valueType: 'String', value: '=SUMMA(C9:C10)' });
    expect(host.model.getCellValue('Tjänsteplan', 5, 2)).toBe('=HYPERLINK("http://example.com")');
    const saved = (await (await XlsxWorkbook.fromBytes(await host.model.toXlsx())).readTables()).find((t) => t.name === 'Initiativ')!;
    expect(saved.body[0][1]).toBe('=SUMMA(C9:C10)');
  });

  test('a totals row shows exactly the label and the sums asked for', async () => {
    const host = await emptyHost();
    const office = new OfficeHost(host.run);
    const initiatives = planTables(generatedPlan(4)).find((t) => t.name === 'Initiativ')!;
    const sum = initiatives.headers.map((_, i) => i >= 2 && i < 8);
    await office.createTables([{ ...initiatives, totals: { label: 'Totalt', sum } }]);
    const [t] = await office.readTables();
    expect(t.totals![0]).toBe('Totalt');
    expect(t.totals![1]).toBeNull();
    expect(t.totals![8]).toBeNull(); // Excel's own SUBTOTAL in the last column is cleared
    expect(t.totals!.slice(2, 8).every((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(true);
    expect(checkTables([t]).findings.filter((f) => f.code === 'TOTALS_NOT_FORMULA')).toEqual([]);
  });

  test('refuses a table that exists, or the same name twice, before writing anything', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-hr-2022-2024.xlsx'));
    const office = new OfficeHost(host.run);
    const [ram] = planTables(generatedPlan(1)).filter((t) => t.name === 'Ram');
    await expect(office.createTables([ram])).rejects.toThrow('Tabellen Ram finns redan');
    await expect(office.createTables([{ ...ram, name: 'Ny' }, { ...ram, name: 'ny' }])).rejects.toThrow('Tabellen ny finns redan');
    expect(host.model.getTables()).toHaveLength(4);
  });

  test('places a new table below what a sheet already holds', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-hr-2022-2024.xlsx'));
    const office = new OfficeHost(host.run);
    const [ram] = planTables(generatedPlan(1)).filter((t) => t.name === 'Ram');
    await office.createTables([{ ...ram, name: 'RamKopia' }]);
    expect(host.model.getTables('Ram').map((t) => t.address)).toEqual(['Ram!A1:C4', 'Ram!A6:C9']);
  });
});

describe('writeCells', () => {
  test('text is stored as text, never a formula or a number; numbers as numbers; in one sync', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
    const office = new OfficeHost(host.run);
    await office.writeCells([
      { sheet: 'Tjänsteplan', address: 'B9', value: '=A1+1' },
      { sheet: 'Tjänsteplan', address: 'C9', value: '4500' },
      { sheet: 'Tjänsteplan', address: 'D9', value: 4500 },
      { sheet: 'Tjänsteplan', address: 'E9', value: null },
    ]);
    expect(host.syncCount).toBe(1);
    const cells = [2, 3, 4, 5].map((c) => host.model.getCell('Tjänsteplan', 9, c));
    expect(cells.map((c) => [c.value, c.valueType, c.formula])).toEqual([
      ['=A1+1', 'String', null],
      ['4500', 'String', null],
      [4500, 'Double', null],
      [null, 'Empty', null],
    ]);
  });
});

describe('highlight and clearHighlights', () => {
  const marks = [
    { sheet: 'Tjänsteplan', address: 'C10', severity: 'error' as const },
    { sheet: 'Tjänsteplan', address: 'D10', severity: 'warning' as const },
    { sheet: 'Tjänsteplan', address: 'E10', severity: 'info' as const },
    { sheet: 'Ram', address: 'B2', severity: 'error' as const },
    { sheet: 'Tjänsteplan', address: 'E10', severity: 'warning' as const },
  ];

  test('marks in one sync and clearing restores exactly the marked cells', async () => {
    const bytes = await fixtureBytes('tjansteplan-it-2022-2024.xlsx');
    const model = await WorkbookModel.fromXlsx(bytes);
    model.userFill('Tjänsteplan', 10, 4, '#00B050'); // D10 had the user's fill before
    model.userFill('Tjänsteplan', 11, 3, '#FFFF00'); // C11 is never marked
    const host = createExcelTestHost(model);
    const office = new OfficeHost(host.run);

    await office.highlight(marks);
    expect(host.syncCount).toBe(1);
    within5MB(host);
    const shown = () =>
      [
        ['Tjänsteplan', 10, 3],
        ['Tjänsteplan', 10, 4],
        ['Tjänsteplan', 10, 5],
        ['Ram', 2, 2],
        ['Tjänsteplan', 11, 3],
      ].map(([s, r, c]) => model.getCell(s as string, r as number, c as number).displayFill);
    expect(shown()).toEqual(['#FFC7CE', '#FFEB9C', '#FFEB9C', '#FFC7CE', '#FFFF00']);
    expect(model.getCellFill('Tjänsteplan', 10, 4)).toBe('#00B050'); // the cell's own fill is untouched

    // The user recolours a marked cell; a conditional format of the user's own stays too.
    model.userFill('Tjänsteplan', 10, 3, '#7030A0');
    await host.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('Ram').getRange('C3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#0070C0';
    });

    // Marks are saved with the workbook: clearing works after reopening it.
    const reopened = createExcelTestHost(await WorkbookModel.fromXlsx(await model.toXlsx()));
    const cleared = await new OfficeHost(reopened.run).clearHighlights();
    expect(cleared).toBe(4);
    const m = reopened.model;
    expect(m.getCell('Tjänsteplan', 10, 3)).toMatchObject({ fill: '#7030A0', displayFill: '#7030A0' });
    expect(m.getCell('Tjänsteplan', 10, 4)).toMatchObject({ fill: '#00B050', displayFill: '#00B050' });
    expect(m.getCell('Tjänsteplan', 10, 5)).toMatchObject({ fill: null, displayFill: null });
    expect(m.getCell('Ram', 2, 2)).toMatchObject({ fill: null, displayFill: null });
    expect(m.getCell('Tjänsteplan', 11, 3)).toMatchObject({ fill: '#FFFF00', displayFill: '#FFFF00' });
    expect(m.getCell('Ram', 3, 3).displayFill).toBe('#0070C0');
    expect(await new OfficeHost(reopened.run).clearHighlights()).toBe(0);
  });

  test('highlighting thousands of cells stays under the request limit', async () => {
    const host = await hostOf(await xlsxOf(generatedPlan(5000)));
    const many = Array.from({ length: 5000 }, (_, i) => ({ sheet: 'Tjänsteplan', address: `C${9 + i}`, severity: 'warning' as const }));
    await new OfficeHost(host.run).highlight(many);
    within5MB(host);
    expect(host.model.getCell('Tjänsteplan', 5008, 3).displayFill).toBe('#FFEB9C');
    expect(await new OfficeHost(host.run).clearHighlights()).toBe(5000);
  }, 60_000);
});

describe('a mark the user copied elsewhere (one conditional format over several ranges)', () => {
  async function copiedMark(options: { excelApi?: string } = {}) {
    const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'), options);
    await new OfficeHost(host.run).highlight([
      { sheet: 'Tjänsteplan', address: 'C10', severity: 'error' },
      { sheet: 'Ram', address: 'B2', severity: 'warning' },
    ]);
    host.model.userPasteFormats('Tjänsteplan', 'C10', 'E12:F12');
    return host;
  }

  test('the test host: getRange() fails the whole request as Excel does; getRangeOrNullObject is null', async () => {
    const host = await copiedMark();
    const error = await host
      .run(async (context) => {
        const formats = context.workbook.worksheets.getItem('Tjänsteplan').getRange('C10').conditionalFormats;
        formats.load('items');
        await context.sync();
        formats.items[0].getRange().load('address');
        await context.sync();
      })
      .then(() => null, (e: { code: string }) => e.code);
    expect(error).toBe('InvalidOperation');
    const isNull = await host.run(async (context) => {
      const formats = context.workbook.worksheets.getItem('Tjänsteplan').getRange('C10').conditionalFormats;
      formats.load('items');
      await context.sync();
      const range = formats.items[0].getRangeOrNullObject();
      range.load('address');
      await context.sync();
      return range.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test.each([
    ['1.17', 4],
    ['1.8', 2],
  ])('clearHighlights removes every mark, the copied one too (ExcelApi %s: %i cells counted)', async (excelApi, counted) => {
    const host = await copiedMark({ excelApi });
    const restore = host.installGlobals();
    try {
      expect(host.model.getCell('Tjänsteplan', 12, 6).displayFill).toBe('#FFC7CE');
      // 1.17: C10 + E12:F12 + Ram!B2, every cell; before getRanges (1.9) the copied mark counts as one cell.
      expect(await new OfficeHost(host.run).clearHighlights()).toBe(counted);
      for (const [sheet, row, column] of [['Tjänsteplan', 10, 3], ['Tjänsteplan', 12, 5], ['Tjänsteplan', 12, 6], ['Ram', 2, 2]] as const) {
        expect(host.model.getCell(sheet, row, column).displayFill).toBeNull();
      }
    } finally {
      restore();
    }
  });
});

describe('writeCells', () => {
  test('a number written over text in a cell formatted @ becomes a number in the amount format, in one sync', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
    const office = new OfficeHost(host.run);
    await office.writeCells([{ sheet: 'Tjänsteplan', address: 'C10', value: '1 000' }]);
    expect(host.model.getCell('Tjänsteplan', 10, 3)).toMatchObject({ value: '1 000', numberFormat: '@' });
    // The test host keeps a number written into an @ cell as text, as Excel keeps what is entered there.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Tjänsteplan').getRange('C10').values = [[1000]];
    });
    expect(host.model.getCell('Tjänsteplan', 10, 3)).toMatchObject({ value: '1000', valueType: 'String' });
    host.resetCounters();
    await office.writeCells([
      { sheet: 'Tjänsteplan', address: 'C10', value: 1000 },
      { sheet: 'Tjänsteplan', address: 'D10', value: 2.5 },
    ]);
    expect(host.syncCount).toBe(1);
    expect(host.model.getCell('Tjänsteplan', 10, 3)).toMatchObject({ value: 1000, valueType: 'Double', numberFormat: '#,##0' });
    expect(host.model.getCell('Tjänsteplan', 10, 4)).toMatchObject({ value: 2.5, valueType: 'Double', numberFormat: 'General' });
  });
});

describe('select', () => {
  test('activates the sheet and selects the cell', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-it-2022-2024.xlsx'));
    await new OfficeHost(host.run).select('Versioner', 'C2');
    expect(host.model.getSelection()).toMatchObject({ sheet: 'Versioner', address: 'C2' });
    expect(host.model.getActiveSheet()).toBe('Versioner');
    expect(host.syncCount).toBe(1);
  });
});

describe('writeHiddenTable', () => {
  const record = (rows: string[][]) => ({ sheet: 'Tjänsteplan fastställd', name: 'Fastställd', headers: ['Uppgift', 'Värde'], rows, numberFormats: ['@', '@'] });

  test('puts the table on a new very hidden sheet in 2 syncs, text kept as text, and it survives save and reopen', async () => {
    const host = await hostOf(await fixtureBytes('tjansteplan-ekonomi-2022-2024.xlsx'));
    const sheetsBefore = host.model.getSheetNames();
    await new OfficeHost(host.run).writeHiddenTable(record([['Version', '1.0'], ['Tabeller', '=inte en formel'], ['Tabeller', '2022']]));
    expect(host.syncCount).toBe(2);
    // The user sees the same sheets as before.
    expect(host.model.getSheetNames()).toEqual(sheetsBefore);
    const reopened = await hostOf(await host.model.toXlsx());
    const [table] = (await new OfficeHost(reopened.run).readTables()).filter((t) => t.name === 'Fastställd');
    expect(table).toMatchObject({ sheet: 'Tjänsteplan fastställd', headerRow: 1, body: [['Version', '1.0'], ['Tabeller', '=inte en formel'], ['Tabeller', '2022']] });
    expect(reopened.model.getSheetNames({ includeHidden: true })).toContain('Tjänsteplan fastställd');
    expect(reopened.model.getSheetNames()).toEqual(sheetsBefore);
  });

  test('replaces its own table whole: a shorter record leaves nothing of the longer one', async () => {
    const host = await emptyHost();
    const office = new OfficeHost(host.run);
    await office.writeHiddenTable(record(Array.from({ length: 6 }, (_, i) => ['Tabeller', `del ${i}`])));
    await office.writeHiddenTable(record([['Version', '2.0']]));
    const tables = (await office.readTables()).filter((t) => t.sheet === 'Tjänsteplan fastställd');
    expect(tables.map((t) => [t.name, t.body])).toEqual([['Fastställd', [['Version', '2.0']]]]);
    expect(host.model.getCellValue('Tjänsteplan fastställd', 4, 2)).toBeNull();
  });

  test('a 10 000-row plan that keeps its approved version still reads in 2 syncs, each response under 5 MB', async () => {
    const host = await hostOf(await xlsxOf(generatedPlan(10_000)));
    const office = new OfficeHost(host.run);
    const { plan } = await checkWorkbook(office);
    await office.writeHiddenTable(approvalTable(await approvalOf(plan!, latestApproved(plan!.versions)!)));
    host.resetCounters();
    const check = await checkWorkbook(office);
    expect(check.approval?.tables.initiatives).toHaveLength(10_000);
    expect(check.findings.filter((f) => f.code === 'CHANGED_SINCE_APPROVAL')).toEqual([]);
    expect(host.syncCount).toBe(2);
    within5MB(host);
  }, 120_000);

  test("refuses a sheet of the same name that is the user's, and leaves it as it was", async () => {
    const host = await emptyHost();
    await host.run(async (context) => {
      context.workbook.worksheets.add('Tjänsteplan fastställd').getRange('A1').values = [['mina anteckningar']];
    });
    await expect(new OfficeHost(host.run).writeHiddenTable(record([['Version', '1.0']]))).rejects.toThrow(
      'Bladet Tjänsteplan fastställd finns redan i arbetsboken och är inte tilläggets eget',
    );
    expect(host.model.getCellValue('Tjänsteplan fastställd', 1, 1)).toBe('mina anteckningar');
    expect(host.model.getTables()).toEqual([]);
  });
});

describe('appendTableRows', () => {
  const VERSIONS = 'Versionshantering';
  /** A plan whose Versioner sheet holds Versionshantering at A1:F3 (two versions), counted from here. */
  async function planHost(): Promise<ExcelTestHost> {
    const host = await emptyHost();
    await new OfficeHost(host.run).createTables(planTables(generatedPlan(3)));
    return createExcelTestHost(host.model);
  }
  const versionsOf = async (host: ExcelTestHost) => (await new OfficeHost(host.run).readTables()).find((t) => t.name === VERSIONS)!;

  test("adds the rows in one sync: text starting with '=' and numbers as text stay text, a Date is a date, numbers are numbers", async () => {
    const host = await planHost();
    await new OfficeHost(host.run).appendTableRows(VERSIONS, [
      [new Date('2021-05-20T00:00:00Z'), '1.0', '=SUMMA(C9:C10)', '+46 8 508 000 00', null, 'Fastställd'],
      [new Date('2021-06-01T00:00:00Z'), '1.1', 'Rättelse', '4500', 12, null],
    ]);
    expect(host.syncCount).toBe(1);
    within5MB(host);
    expect(host.model.getTables('Versioner').map((t) => t.address)).toEqual(['Versioner!A1:F5']);
    expect(host.model.getCell('Versioner', 4, 1)).toMatchObject({ value: toExcelSerial('2021-05-20'), numberFormat: 'yyyy-mm-dd', text: '2021-05-20', valueType: 'Double' });
    expect(host.model.getCell('Versioner', 4, 3)).toMatchObject({ value: '=SUMMA(C9:C10)', formula: null, valueType: 'String' });
    expect(host.model.getCell('Versioner', 5, 4)).toMatchObject({ value: '4500', valueType: 'String' });
    expect(host.model.getCell('Versioner', 5, 5)).toMatchObject({ value: 12, valueType: 'Double' });
    const versions = await versionsOf(host);
    expect(versions.body.slice(2)).toEqual([
      [new Date('2021-05-20T00:00:00Z'), '1.0', '=SUMMA(C9:C10)', '+46 8 508 000 00', null, 'Fastställd'],
      [new Date('2021-06-01T00:00:00Z'), '1.1', 'Rättelse', '4500', 12, null],
    ]);
    // Saved, the workbook reads back through the .xlsx adapter to the same rows.
    const saved = (await (await XlsxWorkbook.fromBytes(await host.model.toXlsx())).readTables()).find((t) => t.name === VERSIONS)!;
    expect(saved).toEqual(versions);
  });

  test('refuses when the cells just below the table are in use, and leaves the workbook as it was', async () => {
    const host = await planHost();
    host.model.userEnter('Versioner', 5, 6, 'anteckning'); // F5: the second of two new rows would take it
    const before = JSON.stringify(host.model.getTables());
    const office = new OfficeHost(host.run);
    const two = [
      [new Date('2021-05-20T00:00:00Z'), '1.0', 'a', 'Jenny', null, null],
      [new Date('2021-06-01T00:00:00Z'), '1.1', 'b', 'Jenny', null, null],
    ];
    await expect(office.appendTableRows(VERSIONS, two)).rejects.toThrow('Cellerna under tabellen Versionshantering används redan; flytta dem först');
    expect(host.syncCount).toBe(3); // the batch that stopped at the check, then two reads to say why
    expect(JSON.stringify(host.model.getTables())).toBe(before);
    expect(host.model.getUsedSize('Versioner')).toEqual({ rows: 5, columns: 6 });
    expect(host.model.getCellValue('Versioner', 5, 6)).toBe('anteckning');
    expect(host.model.getCellValue('Versioner', 4, 2)).toBeNull();
    // One row does not reach F5: it goes in below the table, which grows over it; nothing moves, so the
    // note is now just below the table and the next row is refused.
    await office.appendTableRows(VERSIONS, two.slice(0, 1));
    expect(host.model.getTables('Versioner')[0].address).toBe('Versioner!A1:F4');
    expect(host.model.getCellValue('Versioner', 5, 6)).toBe('anteckning');
    await expect(office.appendTableRows(VERSIONS, two.slice(1))).rejects.toThrow('Cellerna under tabellen Versionshantering används redan');
  });

  test('the totals row stays last, sums the new rows, and is saved so', async () => {
    const host = await emptyHost();
    const office = new OfficeHost(host.run);
    const [frame] = planTables(generatedPlan(3)).filter((t) => t.name === 'Ram');
    await office.createTables([{ ...frame, totals: { label: 'Summa', sum: [false, true, true] } }]);
    host.model.userEnter('Blad1', 1, 1, '=SUM(Ram[Utveckling])'); // the table is grown, not re-made: this follows it
    await office.appendTableRows('Ram', [[2025, 80_000, 23_000]]);
    expect(host.model.getCell('Blad1', 1, 1)).toMatchObject({ formula: '=SUM(Ram[Utveckling])', value: 260_000 });
    const [ram] = await office.readTables();
    expect(ram.body).toEqual([
      [2022, 50_000, 20_000],
      [2023, 60_000, 21_000],
      [2024, 70_000, 22_000],
      [2025, 80_000, 23_000],
    ]);
    expect(ram.totals).toEqual(['Summa', { formula: 'SUBTOTAL(109,Ram[Utveckling])', result: 260_000 }, { formula: 'SUBTOTAL(109,Ram[Förvaltning])', result: 86_000 }]);
    expect(host.model.getTables('Ram')[0]).toMatchObject({ address: 'Ram!A1:C6', showTotals: true });
    const saved = await (await XlsxWorkbook.fromBytes(await host.model.toXlsx())).readTables();
    expect(saved).toEqual([ram]);
  });

  test('a row that does not fit, a table that does not exist, or another table just below: a Swedish reason, nothing added', async () => {
    const host = await planHost();
    const office = new OfficeHost(host.run);
    await expect(office.appendTableRows(VERSIONS, [['2021-05-20', '1.0']])).rejects.toThrow('Raden har 2 celler men tabellen Versionshantering har 6 kolumner');
    await expect(office.appendTableRows('Saknas', [[1]])).rejects.toThrow('Tabellen Saknas finns inte i arbetsboken');
    await expect(office.appendTableRows(VERSIONS, [[null, 'x'.repeat(32_768), null, null, null, null]])).rejects.toThrow('En cell rymmer högst 32 767 tecken');
    expect(host.model.getTables().map((t) => t.address)).toEqual(['Tjänsteplan!A1:B6', 'Tjänsteplan!A8:J11', 'Ram!A1:C4', 'Versioner!A1:F3']);
    // Planuppgifter (A1:B6) stands above Initiativ (A8:J11): it grows into the empty row 7, then no further.
    await office.appendTableRows('Planuppgifter', [['Kontakt', 'Jenny']]);
    await expect(office.appendTableRows('Planuppgifter', [['Kontakt 2', 'Jenny']])).rejects.toThrow('Cellerna under tabellen Planuppgifter används redan');
    expect(host.model.getTables().map((t) => t.address)).toEqual(['Tjänsteplan!A1:B7', 'Tjänsteplan!A8:J11', 'Ram!A1:C4', 'Versioner!A1:F3']);
  });

  test('nothing to add is no request', async () => {
    const host = await planHost();
    await new OfficeHost(host.run).appendTableRows(VERSIONS, []);
    expect(host.syncCount).toBe(0);
  });
});
