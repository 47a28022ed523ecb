import { formatPeriod, parsePeriod, periodOf } from '../../src/domain/period';

describe('parsePeriod', () => {
  it.each(['2022–2024', '2022-2024', '2022 – 2024', '2022 - 2024', ' 2022—2024 ', '2022\u22122024'])('reads %j', (text) => {
    expect(parsePeriod(text)).toEqual({ first: 2022, last: 2024, years: [2022, 2023, 2024] });
  });

  it('reads a one-year and a ten-year period', () => {
    expect(parsePeriod('2022-2022')).toEqual({ first: 2022, last: 2022, years: [2022] });
    expect(parsePeriod('2022-2031')?.years).toHaveLength(10);
  });

  it.each(['2024–2022', '2022–2032', '2022', '22–24', '2022–24', '2022 till 2024', '2022/2024', '', 'Planperiod'])(
    'refuses %j',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );
});

describe('formatPeriod', () => {
  it('writes an en dash', () => {
    expect(formatPeriod(periodOf(2022, 2024))).toBe('2022\u20132024');
    expect(parsePeriod(formatPeriod(periodOf(2022, 2024)))).toEqual(periodOf(2022, 2024));
  });
});
