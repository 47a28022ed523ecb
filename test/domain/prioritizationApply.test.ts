import { planApplication } from '../../src/domain/prioritizationApply';
import type { DecisionRow } from '../../src/domain/prioritizationDecision';
import { checkStatedSums } from '../../src/domain/rules/statedSums';
import { initiative, makePlan } from './planBuilder';
import type { VersionEntry } from '../../src/domain/versions';

// Initiativ: header on sheet row 10 from column B; Utveckling 2022–2024 = D–F; data row r is sheet row 10 + r.
const versions: VersionEntry[] = [
  { row: 1, date: '2021-02-01', dateShown: '2021-02-01', label: { major: 1, minor: 0 }, labelShown: '1.0', description: 'Fastställd', changedBy: 'A', forum: 'TF', decision: 'Fastställd' },
];
const plan = () =>
  makePlan({
    area: 'Kultur och fritid samt service',
    versions,
    initiatives: [
      initiative(1, 'Tjänster för bokning- och bidrag', [3_850, 500, 0]),
      initiative(2, 'En Ny Måltidstjänst', [2_190, 0, 0]),
      initiative(3, 'Tjänster för Service', [1_000, 4_000, 5_000]),
      initiative(4, 'Summa', [7_040, 4_500, 5_000]),
    ],
  });
const row = (r: number, name: string, year: number, before: number, after: number, area = 'Kultur och fritid samt service'): DecisionRow => ({
  area,
  nr: '',
  initiative: name,
  row: r,
  year,
  before,
  after,
  action: after === 0 ? 'cut' : 'reduce',
  reason: '',
});

describe('Tillämpa prioriteringsbeslut', () => {
  it('changes exactly the decided cells and the stated sums over them, and suggests the history row', () => {
    const a = planApplication(
      plan(),
      [row(1, 'Tjänster för bokning- och bidrag', 2022, 3_850, 0), row(3, 'Tjänster för Service', 2022, 1_000, 0), row(1, 'Annat område', 2022, 5, 0, 'IT')],
      { forum: 'PF', date: '2021-02-11' },
      '2021-03-01',
    );
    expect(a.changes.map((c) => [c.location.address, c.before, c.after, c.isSum])).toEqual([
      ['D11', 3_850, 0, false],
      ['D13', 1_000, 0, false],
      ['D14', 7_040, 2_190, true],
    ]);
    expect(a.skipped).toEqual([]);
    expect(a.versionRow).toEqual({ date: '2021-03-01', version: '1.1', description: 'Neddragning enligt beslut i prioriteringsforum 2021-02-11', decision: 'Utkast' });
    // After the writes the stated sums still add up.
    const after = plan();
    for (const c of a.changes) after.initiatives.find((r) => r.row === c.location.row)!.development[c.year - 2022] = c.after;
    expect(checkStatedSums(after)).toEqual([]);
  });

  it('leaves a cell changed since the decision alone and says so; counts one already applied', () => {
    const p = plan();
    p.initiatives[0].development[0] = 3_000;
    p.initiatives[2].development[1] = 0;
    const a = planApplication(
      p,
      [row(1, 'Tjänster för bokning- och bidrag', 2022, 3_850, 0), row(3, 'Tjänster för Service', 2023, 4_000, 0), row(2, 'Fel namn', 2022, 2_190, 0)],
      {},
      '2021-03-01',
    );
    expect(a.changes).toEqual([]);
    expect(a.alreadyApplied).toBe(1);
    expect(a.skipped.map((s) => s.sv)).toEqual([
      'Tjänster för bokning- och bidrag 2022: cellen Tjänsteplan!D11 visar 3 000 tkr, beslutet utgick från 3 850 tkr; den har ändrats sedan och lämnas orörd.',
      'Fel namn 2022: finns inte på rad 2 i Initiativ (Tjänsteplan!D12); raden har flyttats eller bytt namn sedan beslutet.',
    ]);
    // Each one can take the user to its cell.
    expect(a.skipped.map((s) => s.location)).toEqual([
      { sheet: 'Tjänsteplan', table: 'Initiativ', row: 1, column: 'Utveckling 2022', address: 'D11' },
      { sheet: 'Tjänsteplan', table: 'Initiativ', row: 2, column: 'Utveckling 2022', address: 'D12' },
    ]);
  });

  it('names the cell with its sheet quoted as Excel would when the sheet name has a space, in both languages', () => {
    const p = plan();
    p.initiativeTable = { ...p.initiativeTable, sheet: "Kultur o fritid's plan" };
    p.initiatives[1].development[0] = 2_000;
    const a = planApplication(p, [row(2, 'En Ny Måltidstjänst', 2022, 2_190, 0), row(3, 'Annat namn', 2024, 5_000, 0)], {}, '2021-03-01');
    expect(a.skipped.map((s) => s.en)).toEqual([
      "En Ny Måltidstjänst 2022: the cell 'Kultur o fritid''s plan'!D12 shows 2 000 tkr, the decision started from 2 190 tkr; it has changed since and is left alone.",
      "Annat namn 2024: not on row 3 of Initiativ ('Kultur o fritid''s plan'!F13); the row has moved or been renamed since the decision.",
    ]);
    expect(a.skipped[0].sv).toContain("cellen 'Kultur o fritid''s plan'!D12 visar");
  });

  it('points a row whose year is outside the plan at the row itself', () => {
    const a = planApplication(plan(), [row(2, 'En Ny Måltidstjänst', 2030, 2_190, 0)], {}, '2021-03-01');
    expect(a.skipped.map((s) => s.sv)).toEqual(['En Ny Måltidstjänst 2030: finns inte på rad 2 i Initiativ (Tjänsteplan!B12); raden har flyttats eller bytt namn sedan beslutet.']);
    expect(a.skipped[0].location).toMatchObject({ sheet: 'Tjänsteplan', row: 2, address: 'B12' });
  });
});
