import { fromExcelSerial, readDate, toExcelSerial } from '../../src/domain/dates';

describe('readDate', () => {
  it.each([
    ['2021-05-03', '2021-05-03'],
    ['  2021-05-03 ', '2021-05-03'],
    ['2021-5-3', '2021-05-03'],
    ['2021/05/03', '2021-05-03'],
    ['2021.05.03', '2021-05-03'],
    ['2021-05-03T10:15:00Z', '2021-05-03'],
    ['2021-05-03 10:15', '2021-05-03'],
    ['210503', '2021-05-03'],
    ['20210503', '2021-05-03'],
    ['2024-02-29', '2024-02-29'],
    ['240229', '2024-02-29'],
  ])('reads the text %j as %s', (text, iso) => {
    expect(readDate(text)).toBe(iso);
  });

  it.each([
    [210503, '2021-05-03'],
    [20210503, '2021-05-03'],
    [44319, '2021-05-03'],
    [44319.75, '2021-05-03'], // a date with a time of day
    [61, '1900-03-01'],
    [2_958_465, '9999-12-31'],
  ])('reads the number %d as %s', (n, iso) => {
    expect(readDate(n)).toBe(iso);
  });

  it('reads real dates and formulas by their result', () => {
    expect(readDate(new Date(Date.UTC(2021, 4, 3)))).toBe('2021-05-03');
    expect(readDate({ formula: 'TODAY()', result: 44319 })).toBe('2021-05-03');
    expect(readDate({ formula: 'TODAY()', result: new Date(Date.UTC(2021, 4, 3)) })).toBe('2021-05-03');
  });

  it.each([
    ['2021-02-30'],
    ['2021-02-29'], // not a leap year
    ['2021-13-01'],
    ['2021-00-10'],
    ['2021-04-31'],
    ['210230'],
    ['20210230'],
    ['20211301'],
    ['3 maj 2021'],
    ['03/05/2021'], // day and month order would be a guess
    ['2021-05'],
    ['44319'], // a serial number as text is no date a person typed
    [''],
    ['abc'],
  ])('refuses the text %j', (text) => {
    expect(readDate(text)).toBeNull();
  });

  it('refuses what is no date', () => {
    expect(readDate(null)).toBeNull();
    expect(readDate(true)).toBeNull();
    expect(readDate({ error: '#VALUE!' })).toBeNull();
    expect(readDate({ formula: 'TODAY()' })).toBeNull();
    expect(readDate(new Date(Number.NaN))).toBeNull();
    expect(readDate(-1)).toBeNull();
    expect(readDate(0)).toBeNull();
    expect(readDate(3_000_000)).toBeNull();
    expect(readDate(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('refuses serial 60, Excel\'s phantom 1900-02-29, instead of inventing a date', () => {
    expect(readDate(60)).toBeNull();
    expect(fromExcelSerial(60)).toBeNull();
  });

  it('refuses a number that looks like YYMMDD of an impossible date instead of reading it as a serial', () => {
    // 210230 is "2021-02-30" typed as a number; as a serial it would be a day in the year 2475.
    expect(readDate(210230)).toBeNull();
    expect(readDate(211301)).toBeNull();
  });
});

describe('Excel serials', () => {
  it('converts both ways', () => {
    expect(fromExcelSerial(44319)).toBe('2021-05-03');
    expect(toExcelSerial('2021-05-03')).toBe(44319);
    expect(toExcelSerial('1900-03-01')).toBe(61);
    expect(fromExcelSerial(1)).toBeNull(); // 1900-01-01 lies before the phantom day: not supported
  });

  it('round-trips serials from 1900-03-01 to 9999-12-31', () => {
    for (const serial of [61, 366, 36526, 44197, 44319, 45351, 2_958_465]) {
      const iso = fromExcelSerial(serial)!;
      expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(toExcelSerial(iso)).toBe(serial);
    }
  });
});
