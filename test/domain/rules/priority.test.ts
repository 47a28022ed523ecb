/** Prioritet: read from the Initiativ table, unknown words reported where they stand, the template carrying it. */
import { validatePlan } from '../../../src/domain/validate';
import { periodOf } from '../../../src/domain/period';
import { readPlan } from '../../../src/workbook/contract/readPlan';
import { planTables } from '../../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsxWorkbook';
import { INITIATIVE_HEADERS, initiatives, planInfo, versionTable } from '../../workbook/rawTables';

const HEADERS = [...INITIATIVE_HEADERS, 'Prioritet'];

function planWith(priorities: (string | null)[]) {
  const body = priorities.map((p, i) => [i + 1, `Initiativ ${i + 1}`, 100, 0, 0, 0, 0, 0, null, p]);
  const { plan, findings } = readPlan([planInfo(), initiatives(body, { headers: HEADERS }), versionTable([])]);
  if (!plan) throw new Error(JSON.stringify(findings));
  return { plan, findings };
}

describe('Prioritet in the Initiativ table', () => {
  it('reads the three words whatever their case and spacing, and empty as not stated', () => {
    const { plan, findings } = planWith(['Måste', ' kan ', 'BÖR', '', null]);
    expect(findings).toEqual([]);
    expect(plan.initiatives.map((r) => r.priority)).toEqual(['Måste', 'Kan', 'Bör', null, null]);
    expect(validatePlan(plan).filter((f) => f.code === 'PRIORITY_INVALID')).toEqual([]);
  });

  it('reports an unknown word as PRIORITY_INVALID at its cell, as a warning, in Swedish and English', () => {
    const { plan } = planWith(['Måste', 'Viktig', 'Kan']);
    const found = validatePlan(plan).filter((f) => f.code === 'PRIORITY_INVALID');
    expect(found).toEqual([
      {
        code: 'PRIORITY_INVALID',
        severity: 'warning',
        message: '"Viktig" i kolumnen Prioritet är inte Måste, Bör eller Kan; prioriteringen behandlar raden som ej angiven (Bör).',
        messageEn: '"Viktig" in the Prioritet column is not Måste, Bör or Kan; prioritisation treats the row as not stated (Bör).',
        location: { sheet: 'Tjänsteplan', table: 'Initiativ', row: 2, column: 'Prioritet', address: 'J11' },
      },
    ]);
  });

  it('leaves a plan without the column as it was: no priority, no finding', () => {
    const { plan, findings } = readPlan([planInfo(), initiatives([[1, 'A', 100, 0, 0, 0, 0, 0, null]]), versionTable([])]);
    expect(findings).toEqual([]);
    expect(plan!.initiatives[0]).not.toHaveProperty('priority');
    expect(validatePlan(plan!).filter((f) => f.code === 'PRIORITY_INVALID')).toEqual([]);
  });

  it('is written by the template as the last column and read back from the .xlsx', async () => {
    const wb = new XlsxWorkbook();
    await wb.createTables(
      planTables({
        area: 'HR',
        period: periodOf(2022, 2024),
        initiatives: [
          { name: 'Digitalisering inom HR', development: [1000, 1000, 1000], maintenance: [250, 250, 250], priority: 'Måste' },
          { name: 'Pott för förstudier', development: [500, 0, 0], maintenance: [], priority: 'Kan' },
          { name: 'Ej angiven', development: [300, 0, 0], maintenance: [] },
        ],
      }),
    );
    const tables = await (await XlsxWorkbook.fromBytes(await wb.toBuffer(), 'hr.xlsx')).readTables();
    const initiativ = tables.find((t) => t.name === 'Initiativ')!;
    expect(initiativ.headers[initiativ.headers.length - 1]).toBe('Prioritet');
    expect(initiativ.headers.slice(0, -1)).toEqual(INITIATIVE_HEADERS);
    const { plan, findings } = readPlan(tables);
    expect(findings).toEqual([]);
    expect(plan!.initiatives.map((r) => [r.name, r.priority])).toEqual([
      ['Digitalisering inom HR', 'Måste'],
      ['Pott för förstudier', 'Kan'],
      ['Ej angiven', null],
    ]);
  });
});
