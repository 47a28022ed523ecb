import { checkStatedSums } from '../../../src/domain/rules/statedSums';
import { initiative, makePlan } from '../planBuilder';

describe('checkStatedSums (SUM_MISMATCH)', () => {
  it('reports a wrong stated sum at its cell, with year, rows and difference', () => {
    const plan = makePlan({
      initiatives: [
        initiative(1, 'Ny e-tjänsteplattform', [100, 200, 300], [10, -20, 0]),
        initiative(2, 'Digital signering', [50, 0, 0], [0, -5, 0]),
        initiative(3, 'Summa utveckling', [150, 999, 300], [10, -25, 0]),
      ],
    });
    expect(checkStatedSums(plan)).toEqual([
      {
        code: 'SUM_MISMATCH',
        severity: 'error',
        message: 'Summan i Utveckling 2023 är 999 tkr men raderna 1–2 ger 200 tkr (skillnad 799 tkr).',
        messageEn: 'The sum in Utveckling 2023 is 999 tkr but rows 1–2 add up to 200 tkr (difference 799 tkr).',
        location: { sheet: 'Tjänsteplan', table: 'Initiativ', row: 3, column: 'Utveckling 2023', address: 'E13' },
        year: 2023,
      },
    ]);
  });

  it('accepts correct sums, also with savings (negative maintenance)', () => {
    const plan = makePlan({
      initiatives: [
        initiative(1, 'A', [100, 200, 300], [-10, -20, -30]),
        initiative(2, 'B', [0, 0, 0], [5, 5, 5]),
        initiative(3, 'SUMMA', [100, 200, 300], [-5, -15, -25]),
      ],
    });
    expect(checkStatedSums(plan)).toEqual([]);
  });

  it('checks each Summa block against its own rows only', () => {
    const plan = makePlan({
      initiatives: [
        initiative(1, 'A', [100, 0, 0]),
        initiative(2, 'B', [200, 0, 0]),
        initiative(3, 'Summa block 1', [300, 0, 0]),
        // row 4 is empty and not an initiative
        initiative(5, 'C', [10, 0, 0], [0, 0, -100]),
        initiative(6, 'D', [20, 0, 0], [0, 0, -50]),
        initiative(7, '  summa block 2', [30, 0, 0], [0, 0, -100]),
      ],
    });
    const findings = checkStatedSums(plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'SUM_MISMATCH',
      year: 2024,
      location: { row: 7, column: 'Vidmakthålla 2024', address: 'I17' },
    });
    expect(findings[0].message).toBe('Summan i Vidmakthålla 2024 är \u2212100 tkr men raderna 4–6 ger \u2212150 tkr (skillnad 50 tkr).');
  });

  it('does not repeat an unreadable cell as a SUM_MISMATCH, and forgets it after the Summa row', () => {
    const plan = makePlan({
      initiatives: [
        initiative(1, 'A', [null, 100, 0]),
        initiative(2, 'B', [200, 100, 0]),
        initiative(3, 'Summa', [5, 300, 0]),
        initiative(4, 'C', [100, 0, 0]),
        initiative(5, 'Summa', [999, 0, 0]),
      ],
    });
    const found = checkStatedSums(plan).map((f) => [f.location?.row, f.location?.column]);
    expect(found).toEqual([
      [3, 'Utveckling 2023'],
      [5, 'Utveckling 2022'],
    ]);
  });

  it('says nothing about a stated sum that cannot be read', () => {
    const plan = makePlan({
      initiatives: [initiative(1, 'A', [100, 0, 0]), initiative(2, 'Summa', [null, 0, 0])],
    });
    expect(checkStatedSums(plan)).toEqual([]);
  });

  it('has nothing to check without Summa rows', () => {
    const plan = makePlan({ initiatives: [initiative(1, 'A', [100, 0, 0]), initiative(2, 'B', [1, 0, 0])] });
    expect(checkStatedSums(plan)).toEqual([]);
  });
});
