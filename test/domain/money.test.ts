import { formatMkr, formatTkr, parseTkr, readAmount } from '../../src/domain/money';

describe('money', () => {
  it('reads what Swedish controllers type', () => {
    expect(parseTkr('1 105,6 mkr')).toBe(1_105_600);
    expect(parseTkr('−3 040')).toBe(-3040);
    expect(parseTkr('4\u00a0500 tkr')).toBe(4500);
    expect(formatTkr(4500)).toBe('4 500 tkr');
    expect(formatMkr(1_105_600)).toBe('1 105,6 mkr');
    expect(readAmount('4 500,5').kind).toBe('fraction');
  });
});
