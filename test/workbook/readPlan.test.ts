import type { CellValue } from '../../src/domain/cell';
import type { Finding } from '../../src/domain/findings';
import { frameForArea } from '../../src/domain/frame';
import { readCityFrame } from '../../src/workbook/contract/readFrame';
import { readPlan } from '../../src/workbook/contract/readPlan';
import { checkTables } from '../../src/workbook/checkPlan';
import type { RawTable } from '../../src/workbook/host';
import { frameTable, goodInitiatives, initiatives, INITIATIVE_HEADERS, planInfo, raw, versionTable } from './rawTables';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function goodTables(): RawTable[] {
  return [
    planInfo(),
    initiatives(goodInitiatives()),
    frameTable([
      [2022, 1500, 90000],
      [2023, 3000, 91000],
      [2024, 600, 92000],
    ]),
    versionTable([
      [d('2021-03-01'), '0.1', 'Första utkast', 'Anna', null, 'Utkast'],
      [44319, '0.5', 'Beslut i TF', 'Anna', 'TF', 'Fastställd'],
      ['210601', '1.0', 'Beslut i BF', 'Bo', 'Beslutsforum', 'fastställd'],
    ]),
  ];
}

/** code, severity and A1 address of each finding: what the task pane shows and selects. */
const brief = (fs: readonly Finding[]) => fs.map((f) => [f.code, f.severity, f.location?.address]);

describe('readPlan: a good plan', () => {
  const { plan, findings } = readPlan(goodTables());

  it('reads without findings', () => {
    expect(findings).toEqual([]);
    expect(plan).not.toBeNull();
  });

  it('reads Planuppgifter', () => {
    expect(plan!.info).toEqual({
      area: 'IT',
      period: { first: 2022, last: 2024, years: [2022, 2023, 2024] },
      owner: 'Anna Andersson',
      securityLevel: 'Intern',
    });
  });

  it('reads every initiative, amounts in tkr, the Summa row marked as a stated sum', () => {
    expect(plan!.initiatives).toEqual([
      { row: 1, nr: '1', name: 'Ny e-tjänsteplattform', development: [1000, 2000, 500], maintenance: [0, -200, -400], comment: 'Startar Q2', isStatedSum: false },
      { row: 2, nr: '2', name: 'Digital signering', development: [500, 0, 0], maintenance: [100, 100, 100], comment: '', isStatedSum: false },
      { row: 3, nr: '', name: 'Summa', development: [1500, 2000, 500], maintenance: [100, -100, -300], comment: '', isStatedSum: true },
    ]);
    expect(plan!.initiativeTable).toMatchObject({ sheet: 'Tjänsteplan', table: 'Initiativ', headerRow: 9, firstColumn: 1, bodyRows: 3 });
  });

  it('reads the Ram table', () => {
    expect(plan!.frame?.area).toBe('IT');
    expect([...plan!.frame!.years.values()]).toEqual([
      { year: 2022, development: 1500, operations: 90000, row: 1 },
      { year: 2023, development: 3000, operations: 91000, row: 2 },
      { year: 2024, development: 600, operations: 92000, row: 3 },
    ]);
  });

  it('reads the version history with forums and decisions, dates as ISO', () => {
    expect(plan!.versions).toEqual([
      { row: 1, date: '2021-03-01', dateShown: '2021-03-01', label: { major: 0, minor: 1 }, labelShown: '0.1', description: 'Första utkast', changedBy: 'Anna', forum: null, decision: 'Utkast' },
      { row: 2, date: '2021-05-03', dateShown: '2021-05-03', label: { major: 0, minor: 5 }, labelShown: '0.5', description: 'Beslut i TF', changedBy: 'Anna', forum: 'TF', decision: 'Fastställd' },
      { row: 3, date: '2021-06-01', dateShown: '2021-06-01', label: { major: 1, minor: 0 }, labelShown: '1.0', description: 'Beslut i BF', changedBy: 'Bo', forum: 'BF', decision: 'Fastställd' },
    ]);
    expect(plan!.versionTable).toMatchObject({ sheet: 'Versioner', table: 'Versionshantering' });
  });
});

describe('readPlan: names and headers as people type them', () => {
  it('matches table names in any case, and uses the contract spelling in locations', () => {
    const tables = goodTables();
    tables[0].name = 'PLANUPPGIFTER';
    tables[1].name = 'initiativ';
    tables[2].name = 'rAM';
    tables[3].name = 'versionsHANTERING';
    const { plan, findings } = readPlan(tables);
    expect(findings).toEqual([]);
    expect(plan!.initiatives).toHaveLength(3);
    expect(plan!.frame!.years.size).toBe(3);
    expect(plan!.versions).toHaveLength(3);
    expect(plan!.initiativeTable.table).toBe('Initiativ');
    expect(plan!.versionTable!.table).toBe('Versionshantering');
    expect(plan!.frame!.ref.table).toBe('Ram');
  });

  it('matches headers without regard to case, spacing or column order, and locates by the real column', () => {
    const headers = [
      'Kommentar',
      ' initiativ ',
      'NR',
      'VIDMAKTHÅLLA  2022',
      'vidmakthålla2023',
      'Vidmakthålla\u00a02024'.normalize('NFD'),
      'UTVECKLING 2022',
      ' Utveckling 2023',
      'utveckling\u202f2024',
    ];
    const body: CellValue[][] = [
      ['kommentar', 'Moln', 7, 10, 20, 30, 1000, '2 000', 3000],
      [null, 'Summa', null, 10, 20, 30, 1000, 2000, 3000],
    ];
    const { plan, findings } = readPlan([planInfo(), initiatives(body, { headers, totals: null })]);
    expect(plan!.initiatives[0]).toEqual({
      row: 1,
      nr: '7',
      name: 'Moln',
      development: [1000, 2000, 3000],
      maintenance: [10, 20, 30],
      comment: 'kommentar',
      isStatedSum: false,
    });
    expect(plan!.initiatives[1].isStatedSum).toBe(true);
    // Utveckling 2023 is the table's 8th column (H); the number typed as text is on data row 1 (sheet row 10).
    expect(findings.filter((f) => f.code !== 'TABLE_MISSING')).toEqual([
      {
        code: 'NUMBER_AS_TEXT',
        severity: 'info',
        message: '"2 000" i kolumnen Utveckling 2023 är skrivet som text; läst som 2 000 tkr.',
        messageEn: '"2 000" in column Utveckling 2023 is stored as text; read as 2 000 tkr.',
        location: { sheet: 'Tjänsteplan', table: 'Initiativ', row: 1, column: 'Utveckling 2023', address: 'H10' },
        year: 2023,
      },
    ]);
  });

  it('reads Planuppgifter items in any case and spacing', () => {
    const info = raw('Planuppgifter', 'Tjänsteplan', ['UPPGIFT', ' värde '], [
      [' tjänsteområde ', '  IT  '],
      ['PLANPERIOD', '2022 - 2024'],
      ['enhet', 'TKR'],
    ]);
    const { plan, findings } = readPlan([info, initiatives(goodInitiatives())]);
    expect(findings.filter((f) => f.code !== 'TABLE_MISSING')).toEqual([]);
    expect(plan!.info).toMatchObject({ area: 'IT', period: { first: 2022, last: 2024 }, owner: '', securityLevel: '' });
  });

  it('ignores empty rows and keeps the real row numbers of the others', () => {
    const body: CellValue[][] = [
      [1, 'A', 100, 0, 0, 0, 0, 0, null],
      [null, null, null, null, null, null, null, null, null],
      [' ', '', '  ', null, null, null, null, null, ''],
      [2, 'B', 200, 0, 0, 0, 0, 0, null],
    ];
    const { plan } = readPlan([planInfo(), initiatives(body)]);
    expect(plan!.initiatives.map((r) => [r.row, r.name])).toEqual([
      [1, 'A'],
      [4, 'B'],
    ]);
  });
});

describe('readPlan: missing tables and columns', () => {
  it('cannot read a plan without tables, and says which are missing', () => {
    const { plan, findings } = readPlan([]);
    expect(plan).toBeNull();
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'TABLE_MISSING',
        severity: 'error',
        message: 'Tabellen Planuppgifter saknas (ska ligga på bladet Tjänsteplan).',
        location: { sheet: 'Tjänsteplan', table: 'Planuppgifter' },
      }),
      expect.objectContaining({ code: 'TABLE_MISSING', severity: 'error', location: { sheet: 'Tjänsteplan', table: 'Initiativ' } }),
    ]);
  });

  it('reads a plan without Ram silently and without Versionshantering with a warning', () => {
    const { plan, findings } = readPlan([planInfo(), initiatives(goodInitiatives())]);
    expect(plan!.frame).toBeNull();
    expect(plan!.versions).toEqual([]);
    expect(plan!.versionTable).toBeNull();
    expect(findings).toEqual([
      expect.objectContaining({ code: 'TABLE_MISSING', severity: 'warning', location: { sheet: 'Versioner', table: 'Versionshantering' } }),
    ]);
  });

  it('reads the period from the year columns when Planuppgifter is missing', () => {
    const { plan, findings } = readPlan([initiatives(goodInitiatives())]);
    expect(plan!.info.period.years).toEqual([2022, 2023, 2024]);
    expect(plan!.info.area).toBe('');
    expect(findings.map((f) => [f.code, f.severity, f.location?.table])).toEqual([
      ['TABLE_MISSING', 'error', 'Planuppgifter'],
      ['TABLE_MISSING', 'warning', 'Versionshantering'],
    ]);
  });

  it('reports missing columns at the table with the severity the column deserves', () => {
    const headers = INITIATIVE_HEADERS.filter((h) => h !== 'Nr' && h !== 'Utveckling 2023' && h !== 'Kommentar');
    const body: CellValue[][] = [['A', 100, 300, 1, 2, 3]];
    const { plan, findings } = readPlan([
      planInfo(),
      initiatives(body, { headers }),
      frameTable([[2022, 1500]], ['År', 'Utveckling']),
      versionTable([[d('2021-03-01'), '0.1', 'Utkast']], ['Datum', 'Version', 'Beskrivning']),
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.location, f.year])).toEqual([
      ['COLUMN_MISSING', 'warning', { sheet: 'Tjänsteplan', table: 'Initiativ', column: 'Nr', address: 'A9' }, undefined],
      ['COLUMN_MISSING', 'error', { sheet: 'Tjänsteplan', table: 'Initiativ', column: 'Utveckling 2023', address: 'A9' }, 2023],
      ['COLUMN_MISSING', 'warning', { sheet: 'Versioner', table: 'Versionshantering', column: 'Ändrat av', address: 'A1' }, undefined],
      ['COLUMN_MISSING', 'error', { sheet: 'Ram', table: 'Ram', column: 'Förvaltning', address: 'A1' }, undefined],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Kolumnen Nr saknas i tabellen Initiativ.',
      'Kolumnen Utveckling 2023 saknas i tabellen Initiativ.',
      'Kolumnen Ändrat av saknas i tabellen Versionshantering.',
      'Kolumnen Förvaltning saknas i tabellen Ram.',
    ]);
    expect(plan!.initiatives[0]).toMatchObject({ nr: '', name: 'A', development: [100, 0, 300], maintenance: [1, 2, 3] });
    expect(plan!.frame!.years.get(2022)).toEqual({ year: 2022, development: 1500, operations: null, row: 1 });
  });
});

describe('readPlan: Planuppgifter', () => {
  it('reports an unreadable Planperiod at its cell and still reads the plan by its year columns', () => {
    const { plan, findings } = readPlan([planInfo({ Planperiod: '2022/2024' }), initiatives(goodInitiatives())]);
    expect(plan!.info.period.years).toEqual([2022, 2023, 2024]);
    expect(findings[0]).toEqual({
      code: 'PERIOD_MISMATCH',
      severity: 'error',
      message: 'Planperioden "2022/2024" kan inte läsas; skriv t.ex. 2022–2024.',
      messageEn: 'The plan period "2022/2024" cannot be read; write e.g. 2022–2024.',
      location: { sheet: 'Tjänsteplan', table: 'Planuppgifter', row: 2, column: 'Värde', address: 'B3' },
    });
  });

  it('reports a year column outside the period at its header', () => {
    const headers = [...INITIATIVE_HEADERS.slice(0, 5), 'Utveckling 2025', ...INITIATIVE_HEADERS.slice(5)];
    const body: CellValue[][] = [[1, 'A', 1, 2, 3, 999, 4, 5, 6]];
    const { plan, findings } = readPlan([planInfo(), initiatives(body, { headers })]);
    expect(findings[0]).toEqual({
      code: 'PERIOD_MISMATCH',
      severity: 'error',
      message: 'Kolumnen Utveckling 2025 hör inte till planperioden 2022–2024.',
      messageEn: 'The column Utveckling 2025 is outside the plan period 2022–2024.',
      location: { sheet: 'Tjänsteplan', table: 'Initiativ', column: 'Utveckling 2025', address: 'F9' },
      year: 2025,
    });
    expect(plan!.initiatives[0]).toMatchObject({ development: [1, 2, 3], maintenance: [4, 5, 6] });
  });

  it('reports columns of the wrong period: missing years and years outside', () => {
    const { findings } = readPlan([planInfo({ Planperiod: '2023–2025' }), initiatives(goodInitiatives())]);
    expect(findings.filter((f) => f.code !== 'TABLE_MISSING').map((f) => [f.code, f.severity, f.message, f.location?.address])).toEqual([
      ['COLUMN_MISSING', 'error', 'Kolumnen Utveckling 2025 saknas i tabellen Initiativ.', 'A9'],
      ['COLUMN_MISSING', 'error', 'Kolumnen Vidmakthålla 2025 saknas i tabellen Initiativ.', 'A9'],
      ['PERIOD_MISMATCH', 'error', 'Kolumnen Utveckling 2022 hör inte till planperioden 2023–2025.', 'C9'],
      ['PERIOD_MISMATCH', 'error', 'Kolumnen Vidmakthålla 2022 hör inte till planperioden 2023–2025.', 'F9'],
    ]);
  });

  it.each(['mkr', 'kr', 'tusental kronor'])('refuses the unit %j', (unit) => {
    const { findings } = readPlan([planInfo({ Enhet: unit }), initiatives(goodInitiatives())]);
    expect(findings.filter((f) => f.code !== 'TABLE_MISSING')).toEqual([
      expect.objectContaining({
        code: 'UNIT_UNSUPPORTED',
        severity: 'error',
        message: `Enheten "${unit}" stöds inte; planen förs i tkr.`,
        location: { sheet: 'Tjänsteplan', table: 'Planuppgifter', row: 3, column: 'Värde', address: 'B4' },
      }),
    ]);
  });

  it.each([[' TKR '], ['']])('accepts the unit %j', (unit) => {
    const { findings } = readPlan([planInfo({ Enhet: unit }), initiatives(goodInitiatives())]);
    expect(findings.filter((f) => f.code !== 'TABLE_MISSING')).toEqual([]);
  });

  it('reports a missing Tjänsteområde at the table and an empty one at its cell', () => {
    const missing = readPlan([planInfo({}, ['Tjänsteområde']), initiatives(goodInitiatives())]);
    expect(missing.findings.filter((f) => f.code !== 'TABLE_MISSING')).toEqual([
      expect.objectContaining({
        code: 'PLAN_INFO_MISSING',
        severity: 'error',
        message: 'Uppgiften Tjänsteområde saknas i tabellen Planuppgifter.',
        location: { sheet: 'Tjänsteplan', table: 'Planuppgifter', address: 'A1' },
      }),
    ]);
    const empty = readPlan([planInfo({ Tjänsteområde: '   ' }), initiatives(goodInitiatives())]);
    expect(brief(empty.findings.filter((f) => f.code !== 'TABLE_MISSING'))).toEqual([['PLAN_INFO_MISSING', 'error', 'B2']]);
  });

  it('reports a missing Planperiod', () => {
    const { plan, findings } = readPlan([planInfo({}, ['Planperiod']), initiatives(goodInitiatives())]);
    expect(plan!.info.period.years).toEqual([2022, 2023, 2024]);
    expect(findings.filter((f) => f.code !== 'TABLE_MISSING').map((f) => [f.code, f.message])).toEqual([
      ['PLAN_INFO_MISSING', 'Uppgiften Planperiod saknas i tabellen Planuppgifter.'],
    ]);
  });
});

describe('readPlan: amount cells', () => {
  const read = (cells: CellValue[]) => {
    const { plan, findings } = readPlan([planInfo(), initiatives([[1, 'A', ...cells]])]);
    return { row: plan!.initiatives[0], findings: findings.filter((f) => f.code !== 'TABLE_MISSING') };
  };

  it('reads numbers stored as text, with an info each', () => {
    const { row, findings } = read(['1 000', '4\u00a0500 tkr', '1,5 mkr', '\u22123 040', 0, 0]);
    expect(row.development).toEqual([1000, 4500, 1500]);
    expect(row.maintenance).toEqual([-3040, 0, 0]);
    expect(findings.map((f) => [f.code, f.severity, f.year, f.location?.address])).toEqual([
      ['NUMBER_AS_TEXT', 'info', 2022, 'C10'],
      ['NUMBER_AS_TEXT', 'info', 2023, 'D10'],
      ['NUMBER_AS_TEXT', 'info', 2024, 'E10'],
      ['NUMBER_AS_TEXT', 'info', 2022, 'F10'],
    ]);
    expect(findings[1].message).toBe('"4\u00a0500 tkr" i kolumnen Utveckling 2023 är skrivet som text; läst som 4 500 tkr.');
  });

  it('reads empty cells as 0 and formulas by their result, silently', () => {
    const { row, findings } = read([null, '', { formula: 'SUM(X1:X3)', result: 700 }, { formula: 'C10*2', result: 4499.999999999999 }, 5, 6]);
    expect(row.development).toEqual([0, 0, 700]);
    expect(row.maintenance).toEqual([4500, 5, 6]);
    expect(findings).toEqual([]);
  });

  it('reports error values, uncalculated formulas, fractions and text that is no amount, each as unknown', () => {
    const { row, findings } = read([{ error: '#REF!' }, { formula: 'SUM(X1:X3)' }, 4500.5, '1.000', 'ca 5 000', true]);
    expect(row.development).toEqual([null, null, null]);
    expect(row.maintenance).toEqual([null, null, null]);
    expect(findings.map((f) => [f.code, f.severity, f.year, f.location?.column, f.location?.address])).toEqual([
      ['FORMULA_ERROR', 'error', 2022, 'Utveckling 2022', 'C10'],
      ['FORMULA_NOT_CALCULATED', 'warning', 2023, 'Utveckling 2023', 'D10'],
      ['NOT_WHOLE_TKR', 'error', 2024, 'Utveckling 2024', 'E10'],
      ['NOT_A_NUMBER', 'error', 2022, 'Vidmakthålla 2022', 'F10'],
      ['NOT_A_NUMBER', 'error', 2023, 'Vidmakthålla 2023', 'G10'],
      ['NOT_A_NUMBER', 'error', 2024, 'Vidmakthålla 2024', 'H10'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Cellen i kolumnen Utveckling 2022 visar felet #REF!.',
      'Formeln =SUM(X1:X3) i kolumnen Utveckling 2023 har inget beräknat värde i filen; öppna och spara den i Excel.',
      '4 500,5 i kolumnen Utveckling 2024 är inte hela tkr; planen förs i hela tusental kronor.',
      '"1.000" i kolumnen Vidmakthålla 2022 är inte ett belopp. Punkten kan vara både tusental och decimal; skriv t.ex. 1 000 eller 1,5.',
      '"ca 5 000" i kolumnen Vidmakthålla 2023 är inte ett belopp.',
      '"SANT" i kolumnen Vidmakthålla 2024 är inte ett belopp.',
    ]);
  });

  it('reports a formula whose result is an error as FORMULA_ERROR', () => {
    const { findings } = read([{ formula: '1/0', result: { error: '#DIV/0!' } }, 0, 0, 0, 0, 0]);
    expect(findings.map((f) => [f.code, f.message])).toEqual([['FORMULA_ERROR', 'Cellen i kolumnen Utveckling 2022 visar felet #DIV/0!.']]);
  });
});

describe('readPlan: the totals row', () => {
  const totals = (cells: CellValue[]): Finding[] =>
    readPlan([planInfo(), initiatives(goodInitiatives(), { totals: cells })]).findings.filter((f) => f.code !== 'TABLE_MISSING');

  it('accepts formulas and empty cells', () => {
    expect(
      totals([null, 'Totalt', { formula: 'SUBTOTAL(109,[Utveckling 2022])', result: 3000 }, { formula: 'SUBTOTAL(109,[Utveckling 2023])' }, null, '', null, null, null]),
    ).toEqual([]);
  });

  it('reports a typed number at its cell in the totals row', () => {
    const found = totals([null, 'Totalt', 3000, { formula: 'SUBTOTAL(109,[Utveckling 2023])', result: 4000 }, '1 000', null, null, -600, 'text i kommentar']);
    expect(found.map((f) => [f.code, f.severity, f.location?.row, f.location?.column, f.location?.address])).toEqual([
      ['TOTALS_NOT_FORMULA', 'error', 4, 'Utveckling 2022', 'C13'],
      ['TOTALS_NOT_FORMULA', 'error', 4, 'Utveckling 2024', 'E13'],
      ['TOTALS_NOT_FORMULA', 'error', 4, 'Vidmakthålla 2024', 'H13'],
    ]);
    expect(found[0].message).toBe('Totalraden i Utveckling 2022 är ett inskrivet tal (3000); den ska vara en formel.');
  });
});

describe('readPlan: Versionshantering', () => {
  it('reports unreadable dates, versions, forums and decisions as warnings at their cells', () => {
    const { plan, findings } = readPlan([
      planInfo(),
      initiatives(goodInitiatives()),
      versionTable([
        ['3 maj', 'ett', 'x', 'Anna', 'KS', 'Godkänd'],
        ['2021-02-30', '0.2', 'y', 'Anna', 'tf', 'Återremitterad'],
        [null, null, null, null, null, null],
        [d('2021-05-03'), 'v1', 'z', 'Bo', ' pf ', null],
      ]),
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.location?.row, f.location?.column, f.location?.address])).toEqual([
      ['DATE_INVALID', 'warning', 1, 'Datum', 'A2'],
      ['VERSION_INVALID', 'warning', 1, 'Version', 'B2'],
      ['DECISION_INVALID', 'warning', 1, 'Forum', 'E2'],
      ['DECISION_INVALID', 'warning', 1, 'Beslut', 'F2'],
      ['DATE_INVALID', 'warning', 2, 'Datum', 'A3'],
    ]);
    expect(findings[2].message).toBe('"KS" i Forum är inte ett av TF, PF, BF.');
    expect(findings[3].message).toBe('"Godkänd" i Beslut är inte ett av Utkast, Inskickad, Fastställd, Återremitterad.');
    expect(plan!.versions.map((v) => [v.row, v.date, v.dateShown, v.labelShown, v.forum, v.decision])).toEqual([
      [1, null, '3 maj', 'ett', null, null],
      [2, null, '2021-02-30', '0.2', 'TF', 'Återremitterad'],
      [4, '2021-05-03', '2021-05-03', 'v1', 'PF', null],
    ]);
  });

  it('reads a history without the Forum and Beslut columns', () => {
    const { plan, findings } = readPlan([
      planInfo(),
      initiatives(goodInitiatives()),
      versionTable([['2021-03-01', '0,1', 'Utkast', 'Anna']], ['Datum', 'Version', 'Beskrivning', 'Ändrat av']),
    ]);
    expect(findings).toEqual([]);
    expect(plan!.versions[0]).toMatchObject({ date: '2021-03-01', label: { major: 0, minor: 1 }, forum: null, decision: null });
  });
});

describe('readPlan: the Ram table', () => {
  const withFrame = (rows: CellValue[][]) => [planInfo(), initiatives(goodInitiatives()), frameTable(rows)];

  it('reads an empty frame cell as no frame, not as a frame of 0', () => {
    const { plan, findings } = readPlan(withFrame([[2022, null, 100], [2023, 3000, null]]));
    expect(findings.filter((f) => f.code !== 'TABLE_MISSING')).toEqual([]);
    expect(plan!.frame!.years.get(2022)).toEqual({ year: 2022, development: null, operations: 100, row: 1 });
    expect(plan!.frame!.years.get(2023)).toEqual({ year: 2023, development: 3000, operations: null, row: 2 });
  });

  it('reads a frame cell holding only an empty text or spaces as no frame (FRAME_MISSING), not as 0 (OVER_FRAME)', () => {
    // Office.js reports an empty cell as ""; a controller "clears" a cell by typing a space.
    const tables = withFrame([[2022, '', 100], [2023, '  ', 100], [2024, 600, 100]]);
    const { plan } = readPlan(tables);
    expect(plan!.frame!.years.get(2022)?.development).toBeNull();
    expect(plan!.frame!.years.get(2023)?.development).toBeNull();
    const check = checkTables(tables);
    expect(check.findings.map((f) => [f.code, f.severity, f.year])).toEqual([
      ['TABLE_MISSING', 'warning', undefined],
      ['FRAME_MISSING', 'warning', 2022],
      ['FRAME_MISSING', 'warning', 2023],
    ]);
  });

  it('reports a year that is no year', () => {
    const { plan, findings } = readPlan([planInfo(), initiatives(goodInitiatives()), frameTable([[22, 1000, 1000], ['år 2023', 1000, 1000]])]);
    expect(plan!.frame!.years.size).toBe(0);
    expect(findings.filter((f) => f.code !== 'TABLE_MISSING').map((f) => [f.code, f.location?.address])).toEqual([
      ['NOT_A_NUMBER', 'A2'],
      ['NOT_A_NUMBER', 'A3'],
    ]);
  });
});

describe('readCityFrame', () => {
  const budget = (body: CellValue[][]) => raw('Budgetram', 'Budgetram', ['Tjänsteområde', 'År', 'Förvaltning', 'Utveckling'], body);
  const city = (body: CellValue[][]) => raw('Stadsram', 'Budgetram', ['År', 'Förvaltning', 'Utveckling'], body, { headerRow: 20, firstColumn: 6 });

  it('reads the frame per area (names matched as people type them) and the city frame', () => {
    const { frame, findings } = readCityFrame([
      budget([
        ['IT', 2022, 90000, 1500],
        [' it ', 2023, 91000, '3 000'],
        ['HR', 2022, 50000, 700],
        ['Kultur  och fritid', 2022, 1, 2],
      ]),
      city([
        [2022, 500000, 4000],
        [2023, 510000, 8000],
      ]),
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.location?.table, f.location?.address])).toEqual([['NUMBER_AS_TEXT', 'info', 'Budgetram', 'D3']]);
    const it_ = frameForArea(frame, 'IT')!;
    expect(it_.area).toBe('IT');
    expect([...it_.years.values()]).toEqual([
      { year: 2022, development: 1500, operations: 90000, row: 1 },
      { year: 2023, development: 3000, operations: 91000, row: 2 },
    ]);
    expect(frameForArea(frame, 'hr')!.years.get(2022)?.development).toBe(700);
    expect(frameForArea(frame, 'Kultur och fritid')).not.toBeNull();
    expect(frameForArea(frame, 'Ekonomi')).toBeNull();
    expect([...frame.city.values()].map((y) => [y.year, y.development, y.operations, y.row])).toEqual([
      [2022, 4000, 500000, 1],
      [2023, 8000, 510000, 2],
    ]);
    expect(frame.cityRef).toMatchObject({ sheet: 'Budgetram', table: 'Stadsram', headerRow: 20, firstColumn: 6 });
  });

  it('reports a missing Budgetram as an error and a missing Stadsram as a warning', () => {
    const { frame, findings } = readCityFrame([]);
    expect(findings.map((f) => [f.code, f.severity, f.location])).toEqual([
      ['TABLE_MISSING', 'error', { sheet: 'Budgetram', table: 'Budgetram' }],
      ['TABLE_MISSING', 'warning', { sheet: 'Budgetram', table: 'Stadsram' }],
    ]);
    expect(frame.areas.size).toBe(0);
    expect(frame.city.size).toBe(0);
    expect(frame.cityRef).toBeNull();
  });

  it('reports a frame row without an area, and unreadable amounts, at their cells', () => {
    const { frame, findings } = readCityFrame([budget([['IT', 2022, 1, { error: '#N/A' }], [null, 2022, 1, 2]]), city([])]);
    expect(findings.map((f) => [f.code, f.severity, f.year, f.location?.address])).toEqual([
      ['FORMULA_ERROR', 'error', 2022, 'D2'],
      ['PLAN_INFO_MISSING', 'error', undefined, 'A3'],
    ]);
    expect(frameForArea(frame, 'IT')!.years.get(2022)?.development).toBeNull();
  });

  it('says that a Budgetram row lacks its Tjänsteområde, not that Planuppgifter does', () => {
    const { findings } = readCityFrame([budget([['IT', 2022, 1, 2], [null, 2023, 1, 2]]), city([])]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', location: { sheet: 'Budgetram', table: 'Budgetram', row: 2, address: 'A3' } });
    // A frame workbook has no Planuppgifter table: the message must send finance to the right table.
    expect(findings[0].message).not.toContain('Planuppgifter');
    expect(findings[0].message).toContain('Budgetram');
  });

  it('matches table names in any case', () => {
    const b = budget([['IT', 2022, 1, 2]]);
    b.name = 'BUDGETRAM';
    const c = city([[2022, 1, 2]]);
    c.name = 'stadsram';
    const { frame, findings } = readCityFrame([b, c]);
    expect(findings).toEqual([]);
    expect(frame.areas.size).toBe(1);
    expect(frame.cityRef?.table).toBe('Stadsram');
  });
});

describe('checkTables', () => {
  it("reads, validates against finance's frame, and lists errors, then warnings, then info", () => {
    const { frame } = readCityFrame([
      raw('Budgetram', 'Budgetram', ['Tjänsteområde', 'År', 'Förvaltning', 'Utveckling'], [
        ['it', 2022, 1, 1000],
        ['IT', 2023, 1, 5000],
        ['IT', 2024, 1, 5000],
      ]),
    ]);
    const body: CellValue[][] = [
      [1, 'A', '1 500', 2000, 500, 0, 0, 0, null],
      [2, 'B', 0, -10, 0, 0, 0, 0, null],
    ];
    const { plan, findings } = checkTables([planInfo(), initiatives(body)], frame);
    expect(plan!.info.area).toBe('IT');
    expect(findings.map((f) => [f.code, f.severity, f.year, f.excess])).toEqual([
      ['NEGATIVE_DEVELOPMENT', 'error', 2023, undefined],
      ['TABLE_MISSING', 'warning', undefined, undefined],
      ['OVER_FRAME', 'warning', 2022, 500],
      ['NUMBER_AS_TEXT', 'info', 2022, undefined],
    ]);
  });

  it('gives no plan and only the reading findings when the plan cannot be read', () => {
    const { plan, findings } = checkTables([planInfo()]);
    expect(plan).toBeNull();
    expect(findings.map((f) => [f.code, f.severity, f.location?.table])).toEqual([['TABLE_MISSING', 'error', 'Initiativ']]);
  });
});
