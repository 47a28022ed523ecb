/**
 * Builds the broken workbooks in test/fixtures/broken and the unreadable files in test/fixtures/unreadable,
 * with the manifest test/fixtures/broken/expected.json that says, for every file, exactly which findings
 * `tjansteplan validate` (or `consolidate`) must report and where.
 *
 * Every plan starts from the project's own template code (planTables / frameWorkbookTables written by
 * XlsxWorkbook) and is then broken cell by cell with exceljs, the way people break plans: a table turned
 * into a range, a column deleted, a typed sum, text where a number belongs, an Excel error, a frame that
 * does not match finance's. A few are written "the way other tools write them" (odd header case and
 * spacing, tables away from A1, extra columns, shared formulas without cached values, dates as text).
 *
 * The expected findings are written out by hand from the workbook format (docs/workbook-format.md, docs/findings.md), never copied
 * from the command's output: the CLI tests compare the two. Run: `npm run fixtures`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as CFB from 'cfb';
import type ExcelJS from 'exceljs';
import { approvalOf } from '../src/domain/approval';
import type { CellValue } from '../src/domain/cell';
import { parsePeriod } from '../src/domain/period';
import { latestApproved } from '../src/domain/versions';
import { checkWorkbook } from '../src/workbook/checkPlan';
import { approvalTable } from '../src/workbook/contract/approvalTable';
import type { TableWrite } from '../src/workbook/host';
import { frameWorkbookTables, planTables, type PlanInput } from '../src/workbook/contract/template';
import { XlsxWorkbook } from '../src/workbook/file/xlsxWorkbook';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const BROKEN = path.join(FIXTURES, 'broken');
const UNREADABLE = path.join(FIXTURES, 'unreadable');
/** Paths in the manifest are relative to the repository root, as the tests pass them to the command. */
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const SAMPLE_FRAME = 'test/fixtures/frame/budgetram-2022-2024.xlsx';
const SAMPLE_PLANS = 'test/fixtures/plans';

// ---------------------------------------------------------------------------------------------------------
// The manifest

import type { ConsolidateEntry, ExpectedFinding, FrameEntry, PlanEntry, Severity, UnreadableEntry } from './fixtureManifest';

type Loc = Pick<ExpectedFinding, 'sheet' | 'table' | 'row' | 'column' | 'address'>;
type Extra = Pick<ExpectedFinding, 'year' | 'excess' | 'area' | 'messageIncludes'>;

const SEVERITY: Record<string, Severity> = {
  TABLE_MISSING: 'error',
  COLUMN_MISSING: 'error',
  PLAN_INFO_MISSING: 'error',
  UNIT_UNSUPPORTED: 'error',
  PERIOD_MISMATCH: 'error',
  NOT_A_NUMBER: 'error',
  NUMBER_AS_TEXT: 'info',
  FORMULA_ERROR: 'error',
  FORMULA_NOT_CALCULATED: 'warning',
  NOT_WHOLE_TKR: 'error',
  NEGATIVE_DEVELOPMENT: 'error',
  NAME_MISSING: 'error',
  DUPLICATE_NR: 'error',
  SUM_MISMATCH: 'error',
  TOTALS_NOT_FORMULA: 'error',
  // Warnings: over the frame before PF is the input to prioritisation (docs/findings.md); validate exits 0 on them.
  OVER_FRAME: 'warning',
  CITY_OVER_FRAME: 'warning',
  FRAME_MISSING: 'warning',
  FRAME_DIFFERS: 'warning',
  VERSION_ORDER: 'warning',
  VERSION_INVALID: 'warning',
  DATE_ORDER: 'warning',
  DATE_INVALID: 'warning',
  DECISION_INVALID: 'warning',
  DECISION_WITHOUT_FORUM: 'warning',
  FORUM_WITHOUT_DECISION: 'warning',
  DECISION_WITHOUT_VERSION: 'warning',
  APPROVAL_UNREADABLE: 'warning',
  // What the frame warnings block: a Fastställd at Beslutsforum over the frame.
  APPROVED_OVER_FRAME: 'error',
};

function f(code: string, loc: Loc, extra: Extra = {}, severity?: Severity): ExpectedFinding {
  const s = severity ?? SEVERITY[code];
  if (!s) throw new Error(`okänd kod ${code}`);
  return { code, severity: s, ...loc, ...extra };
}

const PLAN_SHEET = 'Tjänsteplan';
/** A cell of the Initiativ table (row within the body, contract header, A1 address). */
const ini = (row: number | null, column: string | null, address: string | null, sheet = PLAN_SHEET): Loc => ({
  sheet,
  table: 'Initiativ',
  row,
  column,
  address,
});
const info = (row: number | null, column: string | null, address: string | null): Loc => ({
  sheet: PLAN_SHEET,
  table: 'Planuppgifter',
  row,
  column,
  address,
});
const ram = (row: number | null, column: string | null, address: string | null): Loc => ({ sheet: 'Ram', table: 'Ram', row, column, address });
const ver = (row: number | null, column: string | null, address: string | null): Loc => ({
  sheet: 'Versioner',
  table: 'Versionshantering',
  row,
  column,
  address,
});
const budget = (row: number | null, column: string | null, address: string | null): Loc => ({
  sheet: 'Budgetram',
  table: 'Budgetram',
  row,
  column,
  address,
});
const city = (row: number | null, column: string | null, address: string | null): Loc => ({
  sheet: 'Budgetram',
  table: 'Stadsram',
  row,
  column,
  address,
});

const exitFor = (findings: ExpectedFinding[]): 0 | 1 => (findings.some((x) => x.severity === 'error') ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------
// The plan every broken plan starts from: Ekonomi 2022–2024 from the real plan, frame invented (= its sums).
//
// Layout written by XlsxWorkbook.createTables (each table below the previous one, an empty row between):
//   Tjänsteplan  Planuppgifter A1:B6   (B2 Tjänsteområde, B3 Planperiod, B4 Enhet, B5 Dokumentansvarig)
//                Initiativ     A8:I11  header row 8: A Nr, B Initiativ, C–E Utveckling 2022–2024,
//                                      F–H Vidmakthålla 2022–2024, I Kommentar; body rows 9, 10, 11 (Summa)
//   Ram          Ram           A1:C4   A År, B Utveckling, C Förvaltning; rows 2–4 = 2022–2024
//   Versioner    Versionshantering A1:F5  A Datum, B Version, C Beskrivning, D Ändrat av, E Forum, F Beslut

const PERIOD = parsePeriod('2022–2024')!;

function baseInput(): PlanInput {
  return {
    area: 'Ekonomi',
    period: PERIOD,
    owner: 'Jenny',
    initiatives: [
      {
        nr: 1,
        name: 'Fortsatt arbete: Digitalisering inom område ekonomi',
        development: [4700, 4500, 4500],
        maintenance: [200, 200, null],
      },
      { nr: 2, name: 'Förstudie: Sammanställda räkenskaper', development: [500, null, null], maintenance: [null, null, null] },
      { nr: null, name: 'Summa', development: [5200, 4500, 4500], maintenance: [200, 200, 0] },
    ],
    frame: [
      { year: 2022, development: 5200, operations: null },
      { year: 2023, development: 4500, operations: null },
      { year: 2024, development: 4500, operations: null },
    ],
    versions: [
      { date: '2020-10-28', version: '0.1', description: 'Första utkast', changedBy: 'Jenny' },
      { date: '2020-11-04', version: '0.2', description: 'Kompletteringar och justeringar', changedBy: 'Jenny' },
      { date: '2020-11-12', version: '0.5', description: 'Beslutad i tjänsteforum', changedBy: 'Jenny', forum: 'TF', decision: 'Fastställd' },
      {
        date: '2020-12-08',
        version: '1.0',
        description: 'Beslutad utan ändringar i prioriteringsforum',
        changedBy: 'Jenny/Magnus',
        forum: 'PF',
        decision: 'Fastställd',
      },
    ],
  };
}

async function build(input: PlanInput, tweak?: (tables: TableWrite[]) => void): Promise<XlsxWorkbook> {
  const tables = planTables(input);
  tweak?.(tables);
  const wb = new XlsxWorkbook();
  await wb.createTables(tables);
  return wb;
}

const base = (tweak?: (tables: TableWrite[]) => void) => build(baseInput(), tweak);

/** The base plan with its newest approved version (1.0, PF) recorded in the workbook, as the add-in records it. */
async function approvedBase(): Promise<XlsxWorkbook> {
  const wb = await base();
  const { plan } = await checkWorkbook(wb);
  await wb.writeHiddenTable(approvalTable(await approvalOf(plan!, latestApproved(plan!.versions)!)));
  return wb;
}

function sheet(wb: XlsxWorkbook, name: string): ExcelJS.Worksheet {
  const ws = wb.workbook.getWorksheet(name);
  if (!ws) throw new Error(`bladet ${name} saknas`);
  return ws;
}

/** Types into cells as a person (or another tool) would: `set(wb, 'Tjänsteplan', { D9: '1.000' })`. */
function set(wb: XlsxWorkbook, sheetName: string, cells: Record<string, ExcelJS.CellValue>) {
  const ws = sheet(wb, sheetName);
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
}

/** "Konvertera till område": the table goes, its cells stay. */
function convertToRange(wb: XlsxWorkbook, sheetName: string, table: string) {
  const ws = sheet(wb, sheetName);
  if (!ws.getTable(table)) throw new Error(`tabellen ${table} finns inte på ${sheetName}`);
  ws.removeTable(table);
}

function table(tables: TableWrite[], name: string): TableWrite {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`tabellen ${name} saknas i mallen`);
  return t;
}

/** Deletes a column of a table before it is written, as a person deleting the column would. */
function dropColumn(t: TableWrite, header: string) {
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`kolumnen ${header} saknas i ${t.name}`);
  t.headers.splice(i, 1);
  t.rows.forEach((r) => r.splice(i, 1));
  t.numberFormats?.splice(i, 1);
  t.widths?.splice(i, 1);
}

/** Inserts a column before `before` (or at the end). */
function insertColumn(t: TableWrite, header: string, values: CellValue[], before?: string) {
  const i = before === undefined ? t.headers.length : t.headers.indexOf(before);
  if (i < 0) throw new Error(`kolumnen ${before} saknas i ${t.name}`);
  t.headers.splice(i, 0, header);
  t.rows.forEach((r, k) => r.splice(i, 0, values[k] ?? null));
  t.numberFormats?.splice(i, 0, undefined);
  t.widths?.splice(i, 0, 12);
}

/** A table placed where another tool put it (not at A1), headers spelled as that tool spelled them. */
function addTableAt(ws: ExcelJS.Worksheet, name: string, ref: string, headers: string[], rows: ExcelJS.CellValue[][]) {
  ws.addTable({
    name,
    ref,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: rows as unknown[][],
  });
}

// ---------------------------------------------------------------------------------------------------------
// The broken plans

interface PlanFixture {
  name: string;
  description: string;
  frame?: string;
  make: () => Promise<XlsxWorkbook>;
  findings: ExpectedFinding[];
}

const U22 = 'Utveckling 2022';
const U23 = 'Utveckling 2023';
const U24 = 'Utveckling 2024';
const V22 = 'Vidmakthålla 2022';
const V23 = 'Vidmakthålla 2023';
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MINUS = '\u2212';

const PLAN_FIXTURES: PlanFixture[] = [
  {
    name: '00-grund-utan-fel.xlsx',
    description: 'Grundplanen (Ekonomi 2022–2024) som alla andra utgår från; inga fel / The base plan every other fixture breaks; no findings',
    make: () => base(),
    findings: [],
  },
  {
    name: '01-initiativ-omvandlad-till-omrade.xlsx',
    description: 'Tabellen Initiativ har gjorts om till ett vanligt område / The Initiativ table was converted to a plain range',
    make: async () => {
      const wb = await base();
      convertToRange(wb, PLAN_SHEET, 'Initiativ');
      return wb;
    },
    findings: [f('TABLE_MISSING', ini(null, null, null))],
  },
  {
    name: '02-planuppgifter-omvandlad-till-omrade.xlsx',
    description: 'Tabellen Planuppgifter har gjorts om till ett område / The Planuppgifter table was converted to a range',
    make: async () => {
      const wb = await base();
      convertToRange(wb, PLAN_SHEET, 'Planuppgifter');
      return wb;
    },
    findings: [f('TABLE_MISSING', info(null, null, null))],
  },
  {
    name: '03-versioner-bladet-borttaget.xlsx',
    description: 'Bladet Versioner är borttaget (varning) / The Versioner sheet was deleted (warning)',
    make: async () => {
      const wb = await base();
      wb.workbook.removeWorksheet(sheet(wb, 'Versioner').id);
      return wb;
    },
    findings: [f('TABLE_MISSING', ver(null, null, null), {}, 'warning')],
  },
  {
    name: '04-ram-bladet-borttaget.xlsx',
    description: 'Bladet Ram är borttaget: ingen ram något år (varningar vid rubrikerna) / The Ram sheet was deleted: no frame any year (warnings at the headers)',
    make: async () => {
      const wb = await base();
      wb.workbook.removeWorksheet(sheet(wb, 'Ram').id);
      return wb;
    },
    findings: [
      f('FRAME_MISSING', ini(null, U22, 'C8'), { year: 2022, area: 'Ekonomi' }),
      f('FRAME_MISSING', ini(null, U23, 'D8'), { year: 2023, area: 'Ekonomi' }),
      f('FRAME_MISSING', ini(null, U24, 'E8'), { year: 2024, area: 'Ekonomi' }),
    ],
  },
  {
    name: '05-kolumn-vidmakthalla-2023-borttagen.xlsx',
    description: 'Kolumnen Vidmakthålla 2023 är borttagen / The column Vidmakthålla 2023 was deleted',
    make: () => base((t) => dropColumn(table(t, 'Initiativ'), V23)),
    findings: [f('COLUMN_MISSING', ini(null, V23, 'A8'), { messageIncludes: V23, year: 2023 })],
  },
  {
    name: '06-nr-omdopad-och-andrat-av-borttagen.xlsx',
    description: 'Nr heter Nummer och Ändrat av är borttagen (varningar) / Nr renamed Nummer and Ändrat av deleted (warnings)',
    make: () =>
      base((t) => {
        table(t, 'Initiativ').headers[0] = 'Nummer';
        dropColumn(table(t, 'Versionshantering'), 'Ändrat av');
      }),
    findings: [
      f('COLUMN_MISSING', ini(null, 'Nr', 'A8'), { messageIncludes: 'Nr' }, 'warning'),
      f('COLUMN_MISSING', ver(null, 'Ändrat av', 'A1'), { messageIncludes: 'Ändrat av' }, 'warning'),
    ],
  },
  {
    name: '07-planuppgifter-ofullstandig.xlsx',
    description: 'Tjänsteområde tömt och raden Planperiod borttagen / Tjänsteområde cleared and the Planperiod row deleted',
    make: async () => {
      // Without the Planperiod row Planuppgifter is A1:B5, so Initiativ starts at row 7.
      const wb = await base((t) => table(t, 'Planuppgifter').rows.splice(1, 1));
      set(wb, PLAN_SHEET, { B2: null });
      return wb;
    },
    findings: [
      f('PLAN_INFO_MISSING', info(1, 'Värde', 'B2'), { messageIncludes: 'Tjänsteområde' }),
      f('PLAN_INFO_MISSING', info(null, null, 'A1'), { messageIncludes: 'Planperiod' }),
    ],
  },
  {
    name: '08-enhet-mkr.xlsx',
    description: 'Enheten är mkr i stället för tkr / The unit is mkr instead of tkr',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { B4: 'mkr' });
      return wb;
    },
    findings: [f('UNIT_UNSUPPORTED', info(3, 'Värde', 'B4'))],
  },
  {
    name: '09-planperiod-olaslig.xlsx',
    description: 'Planperioden skriven "2022/24" / The plan period written "2022/24"',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { B3: '2022/24' });
      return wb;
    },
    findings: [f('PERIOD_MISMATCH', info(2, 'Värde', 'B3'), { messageIncludes: '2022/24' })],
  },
  {
    name: '10-kolumn-utanfor-perioden.xlsx',
    description: 'En kolumn Utveckling 2025 har lagts till i en plan för 2022–2024 / A column Utveckling 2025 added to a 2022–2024 plan',
    // Columns: A Nr, B Initiativ, C–E Utveckling 2022–2024, F Utveckling 2025, G–I Vidmakthålla, J Kommentar.
    make: () => base((t) => insertColumn(table(t, 'Initiativ'), 'Utveckling 2025', [1000, null, 1000], V22)),
    findings: [f('PERIOD_MISMATCH', ini(null, 'Utveckling 2025', 'F8'), { messageIncludes: '2022–2024', year: 2025 })],
  },
  {
    name: '11-inte-ett-belopp.xlsx',
    description: 'Text som inte är belopp: "1.000" (tvetydig punkt), "45 00" (fel gruppering), "ca 500" / Text that is not an amount: ambiguous "1.000", bad grouping "45 00", "ca 500"',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { D9: '1.000', F10: '45 00', E10: 'ca 500' });
      return wb;
    },
    findings: [
      f('NOT_A_NUMBER', ini(1, U23, 'D9'), { year: 2023, messageIncludes: 'Punkten kan vara både tusental och decimal' }),
      f('NOT_A_NUMBER', ini(2, U24, 'E10'), { year: 2024, messageIncludes: 'ca 500' }),
      f('NOT_A_NUMBER', ini(2, V22, 'F10'), { year: 2022, messageIncludes: 'grupper om tre siffror' }),
    ],
  },
  {
    name: '12-tal-som-text.xlsx',
    description: 'Belopp som text med hårda mellanslag, Unicode-minus, "4 500 tkr", "0,5 mkr" och "1,2 mkr" (bara info) / Amounts as text with no-break spaces, Unicode minus, "4 500 tkr", mkr text (info only)',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, {
        C9: `4${NBSP}700`,
        D9: '4 500 tkr',
        C10: '0,5 mkr',
        G10: `${MINUS}200`,
        G11: 0,
      });
      set(wb, 'Ram', { C2: '1,2 mkr', C3: `1${NNBSP}200` });
      return wb;
    },
    findings: [
      f('NUMBER_AS_TEXT', ini(1, U22, 'C9'), { year: 2022, messageIncludes: '4 700 tkr' }),
      f('NUMBER_AS_TEXT', ini(1, U23, 'D9'), { year: 2023 }),
      f('NUMBER_AS_TEXT', ini(2, U22, 'C10'), { year: 2022, messageIncludes: '500 tkr' }),
      f('NUMBER_AS_TEXT', ini(2, V23, 'G10'), { year: 2023, messageIncludes: `${MINUS}200 tkr` }),
      f('NUMBER_AS_TEXT', ram(1, 'Förvaltning', 'C2'), { year: 2022, messageIncludes: '1 200 tkr' }),
      f('NUMBER_AS_TEXT', ram(2, 'Förvaltning', 'C3'), { year: 2023 }),
    ],
  },
  {
    name: '13-formelfel.xlsx',
    description: '#REF! och #DIV/0! som formelresultat, #VALUE! och #DIV/0! som felvärden (även i Ram) / #REF! and #DIV/0! as formula results, #VALUE! and #DIV/0! as error cells (also in Ram)',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, {
        E9: { formula: '#REF!*2', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue,
        F10: { error: '#VALUE!' } as ExcelJS.CellErrorValue,
        D11: { formula: 'SUM(D9:D10)/D12', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue,
      });
      set(wb, 'Ram', { B3: { error: '#DIV/0!' } as ExcelJS.CellErrorValue });
      return wb;
    },
    findings: [
      f('FORMULA_ERROR', ini(1, U24, 'E9'), { year: 2024, messageIncludes: '#REF!' }),
      f('FORMULA_ERROR', ini(2, V22, 'F10'), { year: 2022, messageIncludes: '#VALUE!' }),
      f('FORMULA_ERROR', ini(3, U23, 'D11'), { year: 2023, messageIncludes: '#DIV/0!' }),
      f('FORMULA_ERROR', ram(2, 'Utveckling', 'B3'), { year: 2023, messageIncludes: '#DIV/0!' }),
      // The frame for 2023 cannot be read, so there is none to check the plan against.
      f('FRAME_MISSING', ram(2, 'Utveckling', 'B3'), { year: 2023, area: 'Ekonomi' }),
    ],
  },
  {
    name: '14-formler-utan-berakning.xlsx',
    description: 'Summaraden som formler (även delade formler), två sparade utan beräknade värden / The Summa row as formulas (shared ones too), two saved without calculated values',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, {
        C11: { formula: 'SUM(C9:C10)' } as ExcelJS.CellFormulaValue,
        D11: { formula: 'SUM(D9:D10)', result: 4500, shareType: 'shared', ref: 'D11:H11' } as ExcelJS.CellFormulaValue,
        E11: { sharedFormula: 'D11', result: 4500 } as ExcelJS.CellSharedFormulaValue,
        F11: { sharedFormula: 'D11', result: 200 } as ExcelJS.CellSharedFormulaValue,
        G11: { sharedFormula: 'D11' } as unknown as ExcelJS.CellSharedFormulaValue,
        // Calculated to 0: a value, not a missing one.
        H11: { sharedFormula: 'D11', result: 0 } as ExcelJS.CellSharedFormulaValue,
      });
      return wb;
    },
    findings: [
      f('FORMULA_NOT_CALCULATED', ini(3, U22, 'C11'), { year: 2022, messageIncludes: '=SUM(C9:C10)' }),
      f('FORMULA_NOT_CALCULATED', ini(3, V23, 'G11'), { year: 2023, messageIncludes: '=SUM(G9:G10)' }),
    ],
  },
  {
    name: '15-inte-hela-tkr.xlsx',
    description: 'Belopp med decimaler: talet 4500,5, texten "4 500,5" och "0,5005 mkr" / Amounts with decimals: the number 4500.5, the text "4 500,5" and "0,5005 mkr"',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { D9: 4500.5, E9: '4 500,5', C10: '0,5005 mkr' });
      return wb;
    },
    findings: [
      f('NOT_WHOLE_TKR', ini(1, U23, 'D9'), { year: 2023, messageIncludes: '4 500,5' }),
      f('NOT_WHOLE_TKR', ini(1, U24, 'E9'), { year: 2024, messageIncludes: '4 500,5' }),
      f('NOT_WHOLE_TKR', ini(2, U22, 'C10'), { year: 2022, messageIncludes: '0,5005 mkr' }),
    ],
  },
  {
    name: '16-negativ-utveckling.xlsx',
    description: 'Negativ utvecklingskostnad, som tal och som text med Unicode-minus / Negative development cost, as a number and as text with a Unicode minus',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { D10: -300, D11: 4200, E10: `${MINUS}3 040`, E11: 1460 });
      return wb;
    },
    findings: [
      f('NEGATIVE_DEVELOPMENT', ini(2, U23, 'D10'), { year: 2023 }),
      f('NEGATIVE_DEVELOPMENT', ini(2, U24, 'E10'), { year: 2024, messageIncludes: `${MINUS}3 040 tkr` }),
      f('NUMBER_AS_TEXT', ini(2, U24, 'E10'), { year: 2024 }),
    ],
  },
  {
    name: '17-namn-saknas.xlsx',
    description: 'Ett initiativ med belopp men utan namn / An initiative with amounts but no name',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { B10: null });
      return wb;
    },
    findings: [f('NAME_MISSING', ini(2, 'Initiativ', 'B10'))],
  },
  {
    name: '18-dubbla-nr.xlsx',
    description: 'Nr 1 används två gånger (en gång som text) / Nr 1 used twice (once as text)',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { A10: '1' });
      return wb;
    },
    findings: [f('DUPLICATE_NR', ini(2, 'Nr', 'A10'), { messageIncludes: 'rad 1' })],
  },
  {
    name: '19-summor-fel-i-tva-block.xlsx',
    description: 'Två Summa-block: fel utvecklingssumma i det första, fel vidmakthållandesumma i det andra / Two Summa blocks: wrong development sum in the first, wrong maintenance sum in the second',
    // Body rows 9–14: two initiatives, Summa pågående (row 11), two initiatives, Summa nya (row 14).
    make: () =>
      build({
        ...baseInput(),
        initiatives: [
          { nr: 1, name: 'Digital ekonomiprocess', development: [3000, 2000, 1000], maintenance: [null, 300, 300] },
          { nr: 2, name: 'E-fakturering', development: [1200, 800, null], maintenance: [null, 100, 100] },
          { name: 'Summa pågående initiativ', development: [4500, 2800, 1000], maintenance: [0, 400, 400] },
          { nr: 3, name: 'Förstudie: Sammanställda räkenskaper', development: [500, 1500, 2000], maintenance: [null, null, 200] },
          { nr: 4, name: 'Analysverktyg', development: [500, 200, 1500], maintenance: [null, 150, 150] },
          { name: 'Summa nya initiativ', development: [1000, 1700, 3500], maintenance: [0, 250, 350] },
        ],
      }),
    findings: [
      f('SUM_MISMATCH', ini(3, U22, 'C11'), { year: 2022, messageIncludes: 'är 4 500 tkr men raderna 1–2 ger 4 200 tkr' }),
      f('SUM_MISMATCH', ini(6, V23, 'G14'), { year: 2023, messageIncludes: 'är 250 tkr men raderna 4–5 ger 150 tkr' }),
    ],
  },
  {
    name: '20-totalrad-inskriven.xlsx',
    description: 'Tabellens totalrad har inskrivna tal i stället för formler / The table totals row holds typed numbers instead of formulas',
    // Totals row at sheet row 12 (body rows 9–11), row 4 counted from the body's first row.
    make: async () => {
      const wb = await base((t) => {
        const it = table(t, 'Initiativ');
        it.totals = { label: 'Totalt', sum: it.headers.map((h) => /^(Utveckling|Vidmakthålla) /.test(h)) };
      });
      set(wb, PLAN_SHEET, { C12: 5200, D12: '4 500' });
      return wb;
    },
    findings: [
      f('TOTALS_NOT_FORMULA', ini(4, U22, 'C12'), { year: 2022, messageIncludes: '5200' }),
      f('TOTALS_NOT_FORMULA', ini(4, U23, 'D12'), { year: 2023, messageIncludes: '4 500' }),
    ],
  },
  {
    name: '21-over-ram.xlsx',
    description: 'Planens egen ram är lägre än utvecklingen 2023 och 2024 / The plan\'s own frame is below development in 2023 and 2024',
    make: async () => {
      const wb = await base();
      set(wb, 'Ram', { B3: 4000, B4: 4499 });
      return wb;
    },
    findings: [
      f('OVER_FRAME', ram(2, 'Utveckling', 'B3'), { year: 2023, excess: 500, area: 'Ekonomi' }),
      f('OVER_FRAME', ram(3, 'Utveckling', 'B4'), { year: 2024, excess: 1, area: 'Ekonomi' }),
    ],
  },
  {
    name: '22-ram-saknas.xlsx',
    description: 'Ram-raden för 2023 borttagen och ramen för 2024 tömd (varningar) / The Ram row for 2023 deleted and the 2024 frame cleared (warnings)',
    make: async () => {
      // Ram rows: 2022 (sheet row 2), 2024 (sheet row 3).
      const wb = await base((t) => table(t, 'Ram').rows.splice(1, 1));
      set(wb, 'Ram', { B3: null });
      return wb;
    },
    findings: [
      f('FRAME_MISSING', ini(null, U23, 'D8'), { year: 2023, area: 'Ekonomi' }),
      f('FRAME_MISSING', ram(2, 'Utveckling', 'B3'), { year: 2024, area: 'Ekonomi' }),
    ],
  },
  {
    name: '23-ram-skiljer-mot-budgetram.xlsx',
    description: 'Kontroll mot ekonomis budgetram: egen ram 2022 skiljer sig, utvecklingen 2023 över ramen, området skrivet " EKONOMI " / Checked against finance\'s frame: own 2022 frame differs, 2023 over the frame, area written " EKONOMI "',
    frame: SAMPLE_FRAME,
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { B2: '  EKONOMI ', D10: 300, D11: 4800 });
      set(wb, 'Ram', { B2: 6000, B3: 4800 });
      return wb;
    },
    findings: [
      f('FRAME_DIFFERS', ram(1, 'Utveckling', 'B2'), { year: 2022, area: 'EKONOMI', messageIncludes: '6 000 tkr' }),
      f('FRAME_DIFFERS', ram(2, 'Utveckling', 'B3'), { year: 2023, area: 'EKONOMI', messageIncludes: '4 500 tkr' }),
      f('OVER_FRAME', ram(2, 'Utveckling', 'B3'), { year: 2023, excess: 300, area: 'EKONOMI' }),
    ],
  },
  {
    name: '24-versioner-i-fel-ordning.xlsx',
    description: 'Version 0,2 efter 0.3 (etiketter med decimalkomma) / Version 0,2 after 0.3 (labels with a decimal comma)',
    make: () =>
      build({
        ...baseInput(),
        versions: [
          { date: '2020-10-28', version: '0,1', description: 'Första utkast', changedBy: 'Jenny' },
          { date: '2020-11-04', version: '0.3', description: 'Kompletteringar', changedBy: 'Jenny' },
          { date: '2020-11-12', version: '0,2', description: 'Justeringar', changedBy: 'Jenny' },
          { date: '2020-12-08', version: '1.0', description: 'Beslutad i prioriteringsforum', changedBy: 'Jenny', forum: 'PF', decision: 'Fastställd' },
        ],
      }),
    findings: [f('VERSION_ORDER', ver(3, 'Version', 'B4'), { messageIncludes: '0.3' })],
  },
  {
    name: '25-version-olaslig.xlsx',
    description: 'Versionerna "Utkast 2" och "1.0.1" kan inte läsas / The versions "Utkast 2" and "1.0.1" cannot be read',
    make: async () => {
      const wb = await base();
      set(wb, 'Versioner', { B3: 'Utkast 2', B5: '1.0.1' });
      return wb;
    },
    findings: [
      f('VERSION_INVALID', ver(2, 'Version', 'B3'), { messageIncludes: 'Utkast 2' }),
      f('VERSION_INVALID', ver(4, 'Version', 'B5'), { messageIncludes: '1.0.1' }),
    ],
  },
  {
    name: '26-datum-i-fel-ordning.xlsx',
    description: 'Datum som ÅÅMMDD-text, Excel-serienummer och ÅÅÅÅMMDD; det tredje är tidigare än det andra / Dates as YYMMDD text, an Excel serial and YYYYMMDD; the third is earlier than the second',
    make: async () => {
      const wb = await base();
      // 44139 is 2020-11-04 in Excel's 1900 date system, stored as a plain number (General format).
      set(wb, 'Versioner', { A3: '201112', A4: 44139, A5: '20201208' });
      sheet(wb, 'Versioner').getCell('A4').numFmt = 'General';
      return wb;
    },
    findings: [f('DATE_ORDER', ver(3, 'Datum', 'A4'), { messageIncludes: '2020-11-04' })],
  },
  {
    name: '27-datum-olasligt.xlsx',
    description: 'Datumen "2020-02-30" och "4 nov" kan inte läsas / The dates "2020-02-30" and "4 nov" cannot be read',
    make: async () => {
      const wb = await base();
      set(wb, 'Versioner', { A3: '2020-02-30', A4: '4 nov' });
      return wb;
    },
    findings: [
      f('DATE_INVALID', ver(2, 'Datum', 'A3'), { messageIncludes: '2020-02-30' }),
      f('DATE_INVALID', ver(3, 'Datum', 'A4'), { messageIncludes: '4 nov' }),
    ],
  },
  {
    name: '28-forum-och-beslut-fel.xlsx',
    description: 'Forum "Styrgrupp" och Beslut "Godkänd" finns inte (utskrivna forumnamn godtas) / Forum "Styrgrupp" and decision "Godkänd" are not allowed (spelled-out forum names are)',
    make: async () => {
      const wb = await base();
      set(wb, 'Versioner', { E4: 'Styrgrupp', E5: 'prioriteringsforum', F5: 'Godkänd' });
      return wb;
    },
    findings: [
      f('DECISION_INVALID', ver(3, 'Forum', 'E4'), { messageIncludes: 'TF, PF, BF' }),
      f('DECISION_INVALID', ver(4, 'Beslut', 'F5'), { messageIncludes: 'Fastställd' }),
    ],
  },
  {
    name: '42-beslut-utan-forum-och-version.xlsx',
    description: 'Beslutsliggaren går inte ihop: Fastställd utan forum, forum utan beslut, beslut utan version / The decision ledger does not add up: approved with no forum, a forum with no decision, a decision with no version',
    make: async () => {
      const wb = await base();
      set(wb, 'Versioner', { F3: 'Fastställd', F4: null, B5: null });
      return wb;
    },
    findings: [
      f('DECISION_WITHOUT_FORUM', ver(2, 'Forum', 'E3')),
      f('FORUM_WITHOUT_DECISION', ver(3, 'Beslut', 'F4')),
      f('DECISION_WITHOUT_VERSION', ver(4, 'Version', 'B5')),
    ],
  },
  {
    name: '43-andrad-efter-faststallande.xlsx',
    description: 'Version 1.0 fastställdes (tabellerna sparade i arbetsboken) och sedan ändrades en kommentar och ett initiativs namn / Version 1.0 was approved (its tables kept in the workbook), then a comment and an initiative name were changed',
    make: async () => {
      const wb = await approvedBase();
      set(wb, PLAN_SHEET, { I9: 'Upphandlas 2023', B10: 'Förstudie: Koncernredovisning' });
      return wb;
    },
    findings: [f('CHANGED_SINCE_APPROVAL', ini(1, 'Kommentar', 'I9'), { messageIncludes: '2 celler skiljer sig från den fastställda versionen 1.0' }, 'warning')],
  },
  {
    name: '44-faststalld-version-olaslig.xlsx',
    description: 'Arbetsbokens sparade fastställda version är skadad (en del av tabellerna saknas) / The workbook\'s record of its approved version is damaged (part of the tables is missing)',
    make: async () => {
      const wb = await approvedBase();
      // The record's table starts at A1: rows 2–6 hold Schema, Version, Forum, Datum, Fingeravtryck, then the tables.
      set(wb, 'Tjänsteplan fastställd', { B7: '|{"schema":"tjansteplan.canonical/1","area":"Ekon' });
      return wb;
    },
    findings: [f('APPROVAL_UNREADABLE', { sheet: 'Tjänsteplan fastställd', table: 'Fastställd', row: null, column: null, address: null })],
  },
  {
    name: '45-faststalld-i-bf-over-ram.xlsx',
    description: 'Historiken slutar med Fastställd i BF men planen är 500 tkr över sin ram 2023 / The history ends with Fastställd at BF while the plan is 500 tkr over its 2023 frame',
    make: () => {
      const input = baseInput();
      // Versionshantering rows 2–5 hold the base history; the BF row is body row 5, sheet row 6 (Beslut = F6).
      return build({
        ...input,
        frame: input.frame!.map((y) => (y.year === 2023 ? { ...y, development: 4000 } : y)),
        versions: [
          ...input.versions!,
          { date: '2021-03-12', version: '2.0', description: 'Enligt beslut i beslutsforum', changedBy: 'Magnus/Jenny', forum: 'BF', decision: 'Fastställd' },
        ],
      });
    },
    findings: [
      f('OVER_FRAME', ram(2, 'Utveckling', 'B3'), { year: 2023, excess: 500, area: 'Ekonomi' }),
      f('APPROVED_OVER_FRAME', ver(5, 'Beslut', 'F6'), { messageIncludes: 'Version 2.0 är fastställd i Beslutsforum men planen är över sin ram: 2023 500 tkr över ram.' }),
    ],
  },
  {
    name: '29-annat-verktyg-rubriker-och-placering.xlsx',
    description: 'Skriven av ett annat verktyg: rubriker i udda skiftläge med extra mellanslag, Initiativ från C5 med egna kolumner emellan, Ram från B3; fel summa och över ram / Written by another tool: odd header case and spacing, Initiativ from C5 with user columns in between, Ram from B3; a wrong sum and over frame',
    make: async () => {
      const wb = new XlsxWorkbook();
      const plan = wb.workbook.addWorksheet(PLAN_SHEET);
      addTableAt(plan, 'PLANUPPGIFTER', 'A1', ['UPPGIFT', ' värde '], [
        ['TJÄNSTEOMRÅDE', 'Ekonomi'],
        [' planperiod ', '2022-2024'],
        ['Enhet', 'TKR'],
        ['Dokument ansvarig', 'Jenny'],
        ['Säkerhetsnivå', null],
      ]);
      // Header row 5: C Nr, D Initiativ, E Ansvarig, F–H Utveckling, I Prio, J–L Vidmakthålla, M Kommentar.
      addTableAt(
        plan,
        'initiativ',
        'C5',
        [' nr', 'INITIATIV', 'Ansvarig', 'utveckling  2022', 'Utveckling 2023 ', 'UTVECKLING2024', 'Prio', 'Vidmakthålla2022', 'vidmakthålla 2023', `Vidmakthålla${NBSP}2024`, 'kommentar'],
        [
          [1, 'Fortsatt arbete: Digitalisering inom område ekonomi', 'Jenny', 4700, 4500, 4500, 'hög', 200, 200, null, null],
          [2, 'Förstudie: Sammanställda räkenskaper', 'Martin', 500, null, null, 'låg', null, null, null, 'ny'],
          [null, 'SUMMA', null, 5200, 4500, 4500, null, 200, 250, 0, null],
        ],
      );
      const frame = wb.workbook.addWorksheet('Ram');
      frame.getCell('A1').value = 'Ram enligt budgetdialogen';
      // Header row 3: B År, C Utveckling, D Förvaltning; rows 4–6.
      addTableAt(frame, 'RAM', 'B3', ['år', 'UTVECKLING', 'förvaltning '], [
        [2022, 5200, null],
        [2023, 4500, null],
        [2024, 4000, null],
      ]);
      const versions = wb.workbook.addWorksheet('Versioner');
      addTableAt(versions, 'Versions hantering', 'A1', ['DATUM', 'version', 'Beskrivning', 'Ändrat  av', 'FORUM', 'beslut'], [
        ['201028', '0,1', 'Första utkast', 'Jenny', null, null],
        [44148, '0,5', 'Beslutad i tjänsteforum', 'Jenny', 'Tjänsteforum', 'fastställd'],
      ]);
      return wb;
    },
    findings: [
      f('SUM_MISMATCH', ini(3, V23, 'K8'), { year: 2023 }),
      f('OVER_FRAME', ram(3, 'Utveckling', 'C6'), { year: 2024, excess: 500, area: 'Ekonomi' }),
    ],
  },
  {
    name: '30-annat-verktyg-allt-som-text.xlsx',
    description: 'Skriven av ett annat verktyg: alla belopp som text med hårda mellanslag, summor som delade formler med värden (bara info) / Written by another tool: every amount as text with no-break spaces, sums as shared formulas with values (info only)',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, {
        C9: `4${NBSP}700`,
        D9: `4${NBSP}500`,
        E9: `4${NBSP}500`,
        F9: '200',
        G9: '200',
        C10: '500',
        C11: { formula: 'SUM(C9:C10)', result: 5200, shareType: 'shared', ref: 'C11:G11' } as ExcelJS.CellFormulaValue,
        D11: { sharedFormula: 'C11', result: 4500 } as ExcelJS.CellSharedFormulaValue,
        E11: { sharedFormula: 'C11', result: 4500 } as ExcelJS.CellSharedFormulaValue,
        F11: { sharedFormula: 'C11', result: 200 } as ExcelJS.CellSharedFormulaValue,
        G11: { sharedFormula: 'C11', result: 200 } as ExcelJS.CellSharedFormulaValue,
        // A calculated 0 is a value like any other (Ekonomi has no maintenance impact in 2024).
        H11: { formula: 'SUM(H9:H10)', result: 0 } as ExcelJS.CellFormulaValue,
      });
      return wb;
    },
    findings: [
      f('NUMBER_AS_TEXT', ini(1, U22, 'C9'), { year: 2022 }),
      f('NUMBER_AS_TEXT', ini(1, U23, 'D9'), { year: 2023 }),
      f('NUMBER_AS_TEXT', ini(1, U24, 'E9'), { year: 2024 }),
      f('NUMBER_AS_TEXT', ini(1, V22, 'F9'), { year: 2022 }),
      f('NUMBER_AS_TEXT', ini(1, V23, 'G9'), { year: 2023 }),
      f('NUMBER_AS_TEXT', ini(2, U22, 'C10'), { year: 2022 }),
    ],
  },
  {
    name: '31-summa-formel-gammalt-varde.xlsx',
    description: 'Summaformeln har ett gammalt beräknat värde (4 700) från före senaste ändringen / The Summa formula carries a stale cached value (4 700) from before the last edit',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { C11: { formula: 'SUM(C9:C10)', result: 4700 } as ExcelJS.CellFormulaValue });
      return wb;
    },
    findings: [f('SUM_MISMATCH', ini(3, U22, 'C11'), { year: 2022, messageIncludes: '4 700 tkr' })],
  },
  {
    name: '32-excel-gjorde-datum-av-belopp.xlsx',
    description: 'Excel gjorde "3/4" till ett datum och ett belopp är SANT / Excel turned "3/4" into a date and an amount is TRUE',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { D10: new Date(Date.UTC(2022, 3, 3)), E10: true });
      sheet(wb, PLAN_SHEET).getCell('D10').numFmt = 'yyyy-mm-dd';
      return wb;
    },
    findings: [
      f('NOT_A_NUMBER', ini(2, U23, 'D10'), { year: 2023, messageIncludes: '2022-04-03' }),
      f('NOT_A_NUMBER', ini(2, U24, 'E10'), { year: 2024, messageIncludes: 'SANT' }),
    ],
  },
  {
    name: '33-tomma-rader-och-nr-utan-namn.xlsx',
    description: 'En tom rad, en rad med bara Nr och en rad med bara en kommentar / An empty row, a row with only a Nr and a row with only a comment',
    // Body rows 9–14: two initiatives, an empty row (11), Nr 3 only (12), a comment only (13), Summa (14).
    make: () =>
      build({
        ...baseInput(),
        initiatives: [
          ...baseInput().initiatives!.slice(0, 2),
          { name: '', development: [], maintenance: [] },
          { nr: 3, name: '', development: [], maintenance: [], comment: 'Namnet kommer senare' },
          { name: '', development: [], maintenance: [], comment: 'Att göra: fler initiativ efter dialogen' },
          baseInput().initiatives![2],
        ],
      }),
    findings: [f('NAME_MISSING', ini(4, 'Initiativ', 'B12'))],
  },
  {
    name: '34-ram-olaslig.xlsx',
    description: 'I Ram är året skrivet "år 2023" och "24" och förvaltningen "ca 900" / In Ram the year is written "år 2023" and "24" and operations "ca 900"',
    make: async () => {
      const wb = await base();
      set(wb, 'Ram', { A3: 'år 2023', A4: 24, C2: 'ca 900' });
      return wb;
    },
    findings: [
      f('NOT_A_NUMBER', ram(1, 'Förvaltning', 'C2'), { year: 2022, messageIncludes: 'ca 900' }),
      f('NOT_A_NUMBER', ram(2, 'År', 'A3'), { messageIncludes: 'år 2023' }),
      f('NOT_A_NUMBER', ram(3, 'År', 'A4'), { messageIncludes: '"24"' }),
      f('FRAME_MISSING', ini(null, U23, 'D8'), { year: 2023, area: 'Ekonomi' }),
      f('FRAME_MISSING', ini(null, U24, 'E8'), { year: 2024, area: 'Ekonomi' }),
    ],
  },
  {
    name: '35-planperiod-flyttad-men-inte-kolumnerna.xlsx',
    description: 'Förra årets plan: Planperiod och Ram ändrade till 2023–2025 men inte Initiativ-kolumnerna / Last year\'s plan: Planperiod and Ram moved to 2023–2025 but not the Initiativ columns',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { B3: '2023–2025' });
      set(wb, 'Ram', { A2: 2023, B2: 4500, A3: 2024, B3: 4500, A4: 2025, B4: 1000 });
      return wb;
    },
    findings: [
      f('COLUMN_MISSING', ini(null, 'Utveckling 2025', 'A8'), { messageIncludes: 'Utveckling 2025', year: 2025 }),
      f('COLUMN_MISSING', ini(null, 'Vidmakthålla 2025', 'A8'), { messageIncludes: 'Vidmakthålla 2025', year: 2025 }),
      f('PERIOD_MISMATCH', ini(null, U22, 'C8'), { messageIncludes: '2023–2025', year: 2022 }),
      f('PERIOD_MISMATCH', ini(null, V22, 'F8'), { messageIncludes: '2023–2025', year: 2022 }),
    ],
  },
  {
    name: '36-inga-tabeller.xlsx',
    description: 'Hela planen inskriven som vanliga områden utan tabeller / The whole plan typed as plain ranges without tables',
    make: async () => {
      const wb = await base();
      convertToRange(wb, PLAN_SHEET, 'Planuppgifter');
      convertToRange(wb, PLAN_SHEET, 'Initiativ');
      convertToRange(wb, 'Ram', 'Ram');
      convertToRange(wb, 'Versioner', 'Versionshantering');
      return wb;
    },
    findings: [f('TABLE_MISSING', info(null, null, null)), f('TABLE_MISSING', ini(null, null, null))],
  },
  {
    name: '37-planuppgifter-fel-rubrik.xlsx',
    description: 'Planuppgifter har rubriken Innehåll i stället för Värde / Planuppgifter has the header Innehåll instead of Värde',
    make: () => base((t) => (table(t, 'Planuppgifter').headers[1] = 'Innehåll')),
    findings: [
      f('COLUMN_MISSING', info(null, 'Värde', 'A1'), { messageIncludes: 'Värde' }),
      f('PLAN_INFO_MISSING', info(null, null, 'A1'), { messageIncludes: 'Tjänsteområde' }),
      f('PLAN_INFO_MISSING', info(null, null, 'A1'), { messageIncludes: 'Planperiod' }),
    ],
  },
  {
    name: '38-mkr-text-over-ram.xlsx',
    description: 'Belopp skrivna i mkr ("4,5 mkr", "1,2 mkr") läses exakt och ger utveckling över ramen 2023 / Amounts in mkr text are read exactly and put 2023 over the frame',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { D9: '4,5 mkr', D10: '1,2 mkr', D11: 5700 });
      return wb;
    },
    findings: [
      f('NUMBER_AS_TEXT', ini(1, U23, 'D9'), { year: 2023, messageIncludes: '4 500 tkr' }),
      f('NUMBER_AS_TEXT', ini(2, U23, 'D10'), { year: 2023, messageIncludes: '1 200 tkr' }),
      f('OVER_FRAME', ram(2, 'Utveckling', 'B3'), { year: 2023, excess: 1200, area: 'Ekonomi' }),
    ],
  },
  {
    name: '39-fel-enhet-i-cellen.xlsx',
    description: 'Ett belopp skrivet "4 500 kr" (kronor, inte tkr) bredvid "4 500 tkr" / An amount written "4 500 kr" (kronor, not tkr) beside "4 500 tkr"',
    make: async () => {
      const wb = await base();
      set(wb, PLAN_SHEET, { D9: '4 500 tkr', E9: '4 500 kr' });
      return wb;
    },
    findings: [
      f('NUMBER_AS_TEXT', ini(1, U23, 'D9'), { year: 2023 }),
      f('NOT_A_NUMBER', ini(1, U24, 'E9'), { year: 2024, messageIncludes: '4 500 kr' }),
    ],
  },
  {
    name: '40-blad-omdopat.xlsx',
    description: 'Bladet Tjänsteplan heter Blad1 (tabellerna hittas ändå) och Nr 2 står två gånger / The Tjänsteplan sheet is called Blad1 (tables are still found) and Nr 2 appears twice',
    make: async () => {
      const wb = await base();
      sheet(wb, PLAN_SHEET).name = 'Blad1';
      set(wb, 'Blad1', { A9: 2 });
      return wb;
    },
    findings: [f('DUPLICATE_NR', ini(2, 'Nr', 'A10', 'Blad1'), { messageIncludes: 'rad 1' })],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Finance's frame workbooks

/** Budgetram rows 2–4 Ekonomi 2022–2024, 5–7 HR; Stadsram below (header row 9, 2022 on row 10). */
function smallFrame(ekonomi: number[], hr: number[], cityDev: (number | null)[]) {
  const years = PERIOD.years;
  return frameWorkbookTables(
    [
      { area: 'Ekonomi', years: years.map((year, i) => ({ year, development: ekonomi[i], operations: null })) },
      { area: 'HR', years: years.map((year, i) => ({ year, development: hr[i], operations: null })) },
    ],
    years.flatMap((year, i) => (cityDev[i] === null ? [] : [{ year, development: cityDev[i], operations: 900000 }])),
  );
}

interface FrameFixture {
  name: string;
  description: string;
  plan: string;
  make: () => Promise<XlsxWorkbook>;
  findings: ExpectedFinding[];
  planFindings: ExpectedFinding[];
}

const FRAME_FIXTURES: FrameFixture[] = [
  {
    name: '41-budgetram-trasig.xlsx',
    description: 'Ekonomis budgetram: en rad utan tjänsteområde och en utvecklingsram "ca 21 mkr" / Finance\'s frame: a row without a service area and a frame "ca 21 mkr"',
    plan: 'test/fixtures/broken/00-grund-utan-fel.xlsx',
    make: async () => {
      // Budgetram: A Tjänsteområde, B År, C Förvaltning, D Utveckling; rows 2–7 + an extra row 8.
      const tables = smallFrame([5200, 4500, 4500], [16300, 21000, 5000], [121600, null, null]);
      table(tables, 'Budgetram').rows.push(['', 2022, null, 3000]);
      const wb = new XlsxWorkbook();
      await wb.createTables(tables);
      set(wb, 'Budgetram', { D6: 'ca 21 mkr' });
      return wb;
    },
    findings: [
      f('NOT_A_NUMBER', budget(5, 'Utveckling', 'D6'), { year: 2023, messageIncludes: 'ca 21 mkr' }),
      // The row names no area: the message must speak of the Budgetram table, not of a plan's Planuppgifter.
      f('PLAN_INFO_MISSING', budget(7, 'Tjänsteområde', 'A8'), { messageIncludes: 'Budgetram' }),
    ],
    planFindings: [],
  },
];

const CONSOLIDATE_FRAME = 'consolidate-budgetram-liten.xlsx';

// ---------------------------------------------------------------------------------------------------------
// Files that are not readable workbooks at all

async function unreadableFiles(baseBytes: Buffer): Promise<UnreadableEntry[]> {
  await fs.rm(UNREADABLE, { recursive: true, force: true });
  await fs.mkdir(UNREADABLE, { recursive: true });
  const entries: UnreadableEntry[] = [];
  const put = async (name: string, bytes: Buffer | string, description: string, message: string) => {
    await fs.writeFile(path.join(UNREADABLE, name), bytes);
    entries.push({ file: rel(path.join(UNREADABLE, name)), description, exitCode: 2, message });
  };
  await put('tom.xlsx', Buffer.alloc(0), 'Tom fil (0 byte) / An empty file (0 bytes)', 'filen är tom');
  await put(
    'text.xlsx',
    'Nr;Initiativ;Utveckling 2022\n1;Digitalisering;4700\n',
    'En textfil (CSV) med namnet .xlsx / A text (CSV) file named .xlsx',
    'inte en Excel-arbetsbok',
  );
  await put(
    'avbruten-zip.xlsx',
    baseBytes.subarray(0, Math.floor(baseBytes.length / 2)),
    'En .xlsx avbruten mitt i (trasig zip) / An .xlsx cut off halfway (corrupt zip)',
    'kunde inte läsas som .xlsx',
  );
  const legacy = CFB.utils.cfb_new();
  CFB.utils.cfb_add(legacy, 'Workbook', Buffer.from('BIFF8 stand-in: a legacy Excel 97–2003 workbook stream'));
  CFB.utils.cfb_add(legacy, '\u0005SummaryInformation', Buffer.alloc(64));
  await put(
    'gammal-xls.xlsx',
    Buffer.from(CFB.write(legacy, { type: 'buffer' }) as Uint8Array),
    'En gammal .xls (OLE-fil med strömmen Workbook) med namnet .xlsx / A legacy .xls (OLE file with a Workbook stream) named .xlsx',
    '.xls-formatet',
  );
  const encrypted = CFB.utils.cfb_new();
  // What Excel writes for "Kryptera med lösenord": an OLE container holding the encrypted package.
  const encryptionInfo = Buffer.concat([
    Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
    Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'),
  ]);
  CFB.utils.cfb_add(encrypted, 'EncryptionInfo', encryptionInfo);
  CFB.utils.cfb_add(encrypted, 'EncryptedPackage', Buffer.concat([Buffer.from([0x00, 0x10, 0, 0, 0, 0, 0, 0]), Buffer.alloc(4096, 0xa5)]));
  await put(
    'losenordsskyddad.xlsx',
    Buffer.from(CFB.write(encrypted, { type: 'buffer' }) as Uint8Array),
    'En lösenordsskyddad arbetsbok (OLE-fil med EncryptionInfo och EncryptedPackage) / A password-protected workbook (OLE file with EncryptionInfo and EncryptedPackage)',
    'lösenordsskyddad',
  );
  // A Word document saved with the wrong extension: a zip, but no workbook inside.
  await put(
    'word-dokument.xlsx',
    wordDocument(),
    'Ett Word-dokument (zip utan arbetsbok) med namnet .xlsx / A Word document (a zip without a workbook) named .xlsx',
    '.xlsx',
  );
  await fs.mkdir(path.join(UNREADABLE, 'mapp.xlsx'), { recursive: true });
  await fs.writeFile(path.join(UNREADABLE, 'mapp.xlsx', '.gitkeep'), '');
  entries.push({
    file: rel(path.join(UNREADABLE, 'mapp.xlsx')),
    description: 'En mapp med namnet .xlsx / A directory named .xlsx',
    exitCode: 2,
    message: 'mapp',
  });
  return entries;
}

/** A zip of the given parts, stored without compression (enough for a stand-in Office document). */
function storedZip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal Word document: a valid zip like any Office file, with no xl/workbook.xml inside. */
function wordDocument(): Buffer {
  return storedZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Tjänsteplan 2022–2024</w:t></w:r></w:p></w:body></w:document>',
  });
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  await fs.rm(BROKEN, { recursive: true, force: true });
  await fs.mkdir(BROKEN, { recursive: true });
  const out = (name: string) => path.join(BROKEN, name);

  const plans: PlanEntry[] = [];
  for (const fx of PLAN_FIXTURES) {
    const wb = await fx.make();
    await wb.save(out(fx.name));
    plans.push({
      file: rel(out(fx.name)),
      description: fx.description,
      ...(fx.frame ? { frame: fx.frame } : {}),
      exitCode: exitFor(fx.findings),
      findings: fx.findings,
    });
  }

  const frames: FrameEntry[] = [];
  for (const fx of FRAME_FIXTURES) {
    const wb = await fx.make();
    await wb.save(out(fx.name));
    frames.push({
      file: rel(out(fx.name)),
      description: fx.description,
      plan: fx.plan,
      exitCode: exitFor([...fx.findings, ...fx.planFindings]),
      findings: fx.findings,
      planFindings: fx.planFindings,
    });
  }

  // Consolidation: Ekonomi's frame 200 below its plan in 2022, Inköp has no frame at all, the city's frame
  // 20 000 in 2022 and 2023 and none in 2024.
  const consolidateFrame = new XlsxWorkbook();
  await consolidateFrame.createTables(smallFrame([5000, 4500, 4500], [16300, 21000, 5000], [20000, 20000, null]));
  await consolidateFrame.save(out(CONSOLIDATE_FRAME));
  const consolidateEntries: ConsolidateEntry[] = [
    {
      name: 'nio-exempelplaner',
      description: 'De nio exempelplanerna mot exempelramen: staden 22 342 tkr över ramen 2022 (verkliga siffror), en varning / The nine sample plans against the sample frame: the city 22 342 tkr over its 2022 frame (real figures), a warning',
      frame: SAMPLE_FRAME,
      files: (await fs.readdir(path.join(ROOT, SAMPLE_PLANS))).filter((x) => x.endsWith('.xlsx')).sort().map((x) => `${SAMPLE_PLANS}/${x}`),
      exitCode: 0,
      // The rows' sums (samples/README): 2023 is 131 261, not the stated 132 261, as Vård och omsorg's
      // Summa 2023 is 1 000 more than its rows.
      city: {
        2022: { development: 143942, frame: 121600 },
        2023: { development: 131261, frame: null },
        2024: { development: 105400, frame: null },
      },
      // Budgetram holds 27 rows (9 areas × 3 years, rows 2–28); Stadsram's header is row 30, 2022 is row 31.
      findings: [f('CITY_OVER_FRAME', city(1, 'Utveckling', 'C31'), { year: 2022, excess: 22342, messageIncludes: '143 942 tkr' })],
    },
    {
      name: 'liten-ram',
      description: 'Ekonomi över sin ram 2022, Inköp saknar ram, staden över ramen 2022 och 2023 / Ekonomi over its 2022 frame, Inköp has no frame, the city over its frame in 2022 and 2023',
      frame: rel(out(CONSOLIDATE_FRAME)),
      files: [rel(out('00-grund-utan-fel.xlsx')), `${SAMPLE_PLANS}/tjansteplan-hr-2022-2024.xlsx`, `${SAMPLE_PLANS}/tjansteplan-inkop-2022-2024.xlsx`],
      // Frame findings only: warnings, so exit 0.
      exitCode: 0,
      city: {
        2022: { development: 5200 + 16300 + 8700, frame: 20000 },
        2023: { development: 4500 + 21000 + 10100, frame: 20000 },
        2024: { development: 4500 + 5000 + 2900, frame: null },
      },
      findings: [
        f('OVER_FRAME', budget(1, 'Utveckling', 'D2'), { year: 2022, excess: 200, area: 'Ekonomi' }),
        f('FRAME_MISSING', ini(null, U22, 'C8'), { year: 2022, area: 'Inköp' }),
        f('FRAME_MISSING', ini(null, U23, 'D8'), { year: 2023, area: 'Inköp' }),
        f('FRAME_MISSING', ini(null, U24, 'E8'), { year: 2024, area: 'Inköp' }),
        f('CITY_OVER_FRAME', city(1, 'Utveckling', 'C10'), { year: 2022, excess: 10200 }),
        f('CITY_OVER_FRAME', city(2, 'Utveckling', 'C11'), { year: 2023, excess: 15600 }),
      ],
    },
  ];

  const baseBytes = await fs.readFile(out('00-grund-utan-fel.xlsx'));
  const unreadable = await unreadableFiles(baseBytes);

  const manifest = {
    about:
      'Generated by scripts/make-broken-fixtures.ts (npm run fixtures). Each list gives the complete set of findings ' +
      'the command must report for the file, info included; row, column and address are null where the location has ' +
      'none; year, excess and area appear exactly when the finding must carry them; messageIncludes is a fragment of ' +
      'the Swedish message. Paths are relative to the repository root.',
    plans,
    frames,
    consolidate: consolidateEntries,
    unreadable,
  };
  await fs.writeFile(path.join(BROKEN, 'expected.json'), JSON.stringify(manifest, null, 2) + '\n');
  const codes = new Set([...plans, ...frames].flatMap((p) => p.findings.map((x) => x.code)).concat(consolidateEntries.flatMap((c) => c.findings.map((x) => x.code))));
  console.log(
    `test/fixtures/broken: ${plans.length + frames.length + 1} workbooks, ${codes.size} finding codes; test/fixtures/unreadable: ${unreadable.length} files`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
