import { checkInitiatives } from '../../../src/domain/rules/initiatives';
import { initiative, makePlan } from '../planBuilder';

describe('checkInitiatives', () => {
  it('allows negative maintenance (savings) but flags negative development at its cell', () => {
    const plan = makePlan({
      initiatives: [
        initiative(1, 'Avveckla gammalt system', [0, 0, 0], [-500, -1000, -1500], '1'),
        initiative(2, 'Felbokad besparing', [0, -300, 0], [-500, -500, -500], '2'),
      ],
    });
    expect(checkInitiatives(plan)).toEqual([
      {
        code: 'NEGATIVE_DEVELOPMENT',
        severity: 'error',
        message:
          'Utvecklingskostnaden \u2212300 tkr för 2023 är negativ; besparingar förs som påverkan på vidmakthållande.',
        messageEn: 'The development cost \u2212300 tkr for 2023 is negative; savings belong in the impact on maintenance.',
        location: { sheet: 'Tjänsteplan', table: 'Initiativ', row: 2, column: 'Utveckling 2023', address: 'E12' },
        year: 2023,
      },
    ]);
  });

  it('reports each duplicate Nr at the duplicate, naming the first row', () => {
    const plan = makePlan({
      initiatives: [
        initiative(1, 'A', [1, 0, 0], undefined, '1'),
        initiative(2, 'B', [1, 0, 0], undefined, '2'),
        initiative(3, 'C', [1, 0, 0], undefined, '1'),
        initiative(5, 'D', [1, 0, 0], undefined, '1'),
      ],
    });
    const findings = checkInitiatives(plan);
    expect(findings.map((f) => [f.code, f.severity, f.location?.row, f.location?.column, f.location?.address])).toEqual([
      ['DUPLICATE_NR', 'error', 3, 'Nr', 'B13'],
      ['DUPLICATE_NR', 'error', 5, 'Nr', 'B15'],
    ]);
    expect(findings.map((f) => f.message)).toEqual(['Nr 1 används redan på rad 1.', 'Nr 1 används redan på rad 1.']);
  });

  it('reports a row with amounts or a Nr but no name', () => {
    const plan = makePlan({
      initiatives: [
        initiative(1, 'A', [1, 0, 0]),
        initiative(4, '', [100, 0, 0]),
        initiative(6, '', [0, 0, 0], undefined, '7'),
        initiative(7, '', [0, 0, 0], [0, 0, -5]),
        initiative(8, '', [0, null, 0]),
      ],
    });
    expect(checkInitiatives(plan).map((f) => [f.code, f.location?.row, f.location?.address])).toEqual([
      ['NAME_MISSING', 4, 'C14'],
      ['NAME_MISSING', 6, 'C16'],
      ['NAME_MISSING', 7, 'C17'],
      ['NAME_MISSING', 8, 'C18'],
    ]);
  });

  it('says nothing about a row with neither name, Nr nor amounts', () => {
    const plan = makePlan({ initiatives: [initiative(1, 'A', [1, 0, 0]), initiative(2, '', [0, 0, 0])] });
    expect(checkInitiatives(plan)).toEqual([]);
  });

  it('does not call a Summa row a negative development', () => {
    const plan = makePlan({ initiatives: [initiative(1, 'A', [0, 0, 0]), initiative(2, 'Summa', [-1, 0, 0])] });
    expect(checkInitiatives(plan)).toEqual([]);
  });
});
