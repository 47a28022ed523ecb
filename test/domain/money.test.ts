import fc from 'fast-check';
import {
  formatDelta,
  formatMkr,
  formatNumber,
  formatTkr,
  parseTkr,
  readAmount,
  sumTkr,
} from '../../src/domain/money';

const amount = (tkr: number, fromText: boolean) => ({ kind: 'amount', tkr, fromText });

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

describe('readAmount: text as Swedish controllers type it', () => {
  it.each([
    ['1 000', 1000],
    ['1\u00a0000', 1000], // no-break space (Excel's own grouping in sv-SE)
    ['1\u202f000', 1000], // narrow no-break space
    ['1\u2009000', 1000], // thin space
    ['1\u2007000', 1000], // figure space
    ['1 000 000', 1_000_000],
    ['  1 000  ', 1000],
    ['4500', 4500], // a number stored as text
    ['-3 040', -3040],
    ['\u22123 040', -3040], // Unicode minus, as Excel and formatNumber write it
    ['\u20133 040', -3040], // en dash, as Word turns a typed minus into
    ['+12', 12],
    ['4 500 tkr', 4500],
    ['4 500tkr', 4500],
    ['4 500 TKR', 4500],
    ['1 105,6 mkr', 1_105_600],
    ['\u22121 105,6 mkr', -1_105_600],
    ['2 mkr', 2000],
    ['0,1 mkr', 100],
    ['0,05 mkr', 50],
    ['1,234 mkr', 1234],
    ['1,2340 mkr', 1234],
    ['4 500,0', 4500],
    ['4 500,00', 4500],
    ['0', 0],
    ['-0', 0],
  ])('%j is %d tkr, read from text', (text, tkr) => {
    expect(readAmount(text)).toEqual(amount(tkr, true));
  });

  it('reads an amount of minus zero as plain zero', () => {
    const r = readAmount('-0');
    expect(r.kind === 'amount' && Object.is(r.tkr, 0)).toBe(true);
  });

  it.each(['', '   ', '\u00a0'])('%j is an empty cell', (text) => {
    expect(readAmount(text)).toEqual({ kind: 'empty' });
  });

  it.each(['4 500,5', '1,2345 mkr', '0,0005 mkr', '1 105,6', '\u22124 500,5', '4 500,05'])(
    '%j has a fraction of a tkr (NOT_WHOLE_TKR) and is shown as typed',
    (text) => {
      expect(readAmount(text)).toEqual({ kind: 'fraction', shown: text.trim() });
    },
  );

  it('refuses to choose what 1.000 means and says why', () => {
    expect(readAmount('1.000')).toEqual({ kind: 'not-a-number', shown: '1.000', hint: 'ambiguous-dot' });
    expect(readAmount('-1.000')).toEqual({ kind: 'not-a-number', shown: '-1.000', hint: 'ambiguous-dot' });
    expect(readAmount('1.000 mkr')).toMatchObject({ kind: 'not-a-number', hint: 'ambiguous-dot' });
  });

  it('reads a dot with one or two decimals as a decimal point, never as grouping', () => {
    expect(readAmount('1.5')).toEqual({ kind: 'fraction', shown: '1.5' });
    expect(readAmount('1.0')).toEqual(amount(1, true));
    expect(readAmount('1,5 mkr')).toEqual(amount(1500, true));
  });

  it.each(['45 00', '1 0000', '10 00 000', '4 5'])('%j is badly grouped and says how to group', (text) => {
    expect(readAmount(text)).toEqual({ kind: 'not-a-number', shown: text, hint: 'grouping' });
  });

  it.each(['abc', 'ca 4 500', '4 500 kr', '4 500 sek', '12 tkr tkr', 'tkr', '1e3', '0x10', '4,500,000', '--5', 'Infinity', 'NaN'])(
    '%j is not an amount, without a grouping hint',
    (text) => {
      expect(readAmount(text)).toEqual({ kind: 'not-a-number', shown: text, hint: undefined });
    },
  );

  it('reports an amount too large to count exactly instead of rounding it', () => {
    expect(readAmount('9 007 199 254 740 991')).toEqual(amount(Number.MAX_SAFE_INTEGER, true));
    expect(readAmount('9 007 199 254 740 992')).toMatchObject({ kind: 'not-a-number' });
    expect(readAmount('99 999 999 999 999 mkr')).toMatchObject({ kind: 'not-a-number' });
  });
});

describe('readAmount: cells that are not text', () => {
  it('reads numbers as amounts not from text', () => {
    expect(readAmount(4500)).toEqual(amount(4500, false));
    expect(readAmount(-3040)).toEqual(amount(-3040, false));
    expect(readAmount(0)).toEqual(amount(0, false));
    expect(readAmount(null)).toEqual({ kind: 'empty' });
  });

  it('keeps 15 significant digits as Excel does, so float noise is no fraction', () => {
    expect(readAmount(4499.999999999999)).toEqual(amount(4500, false));
    expect(readAmount(4500.000000000001)).toEqual(amount(4500, false));
    expect(readAmount((0.1 + 0.2) * 10_000)).toEqual(amount(3000, false));
    let tenTimes = 0;
    for (let i = 0; i < 10; i++) tenTimes += 0.1;
    expect(tenTimes).not.toBe(1);
    expect(readAmount(tenTimes * 1000)).toEqual(amount(1000, false));
    // A fraction within 15 significant digits is a real fraction.
    expect(readAmount(4500.00000000001)).toEqual({ kind: 'fraction', shown: '4 500,00000000001' });
  });

  it('shows a fractional number the Swedish way', () => {
    expect(readAmount(0.1 + 0.2)).toEqual({ kind: 'fraction', shown: '0,3' });
    expect(readAmount(4500.5)).toEqual({ kind: 'fraction', shown: '4 500,5' });
    expect(readAmount(-1234567.25)).toEqual({ kind: 'fraction', shown: '\u22121 234 567,25' });
  });

  it('refuses numbers that are not finite or too large to be exact', () => {
    expect(readAmount(Number.NaN)).toMatchObject({ kind: 'not-a-number' });
    expect(readAmount(Number.POSITIVE_INFINITY)).toMatchObject({ kind: 'not-a-number' });
    expect(readAmount(1e300)).toMatchObject({ kind: 'not-a-number' });
  });

  it('refuses booleans and dates, shown as Swedish Excel shows them', () => {
    expect(readAmount(true)).toEqual({ kind: 'not-a-number', shown: 'SANT' });
    expect(readAmount(false)).toEqual({ kind: 'not-a-number', shown: 'FALSKT' });
    expect(readAmount(new Date(Date.UTC(2022, 0, 31)))).toEqual({ kind: 'not-a-number', shown: '2022-01-31' });
  });

  it('passes error values on', () => {
    expect(readAmount({ error: '#REF!' })).toEqual({ kind: 'error', error: '#REF!' });
    expect(readAmount({ error: '#DIV/0!' })).toEqual({ kind: 'error', error: '#DIV/0!' });
  });

  it('reads a formula by its cached result, and reports one without a result', () => {
    expect(readAmount({ formula: 'SUM(C2:C4)', result: 4500 })).toEqual(amount(4500, false));
    // A formula's text result is not a number someone typed as text.
    expect(readAmount({ formula: 'TEXT(C2;"# ##0")', result: '4 500' })).toEqual(amount(4500, false));
    expect(readAmount({ formula: 'C2/3', result: 1500.5 })).toEqual({ kind: 'fraction', shown: '1 500,5' });
    expect(readAmount({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ kind: 'error', error: '#DIV/0!' });
    expect(readAmount({ formula: 'C2*0,1', result: 4499.999999999999 })).toEqual(amount(4500, false));
    expect(readAmount({ formula: 'SUM(C2:C4)' })).toEqual({ kind: 'uncalculated', formula: 'SUM(C2:C4)' });
    expect(readAmount({ formula: 'A1', result: null })).toEqual({ kind: 'empty' });
    expect(readAmount({ formula: 'A1', result: true })).toEqual({ kind: 'not-a-number', shown: 'SANT' });
  });
});

describe('parseTkr', () => {
  it('parses amounts and reads an empty text as 0', () => {
    expect(parseTkr('4 500 tkr')).toBe(4500);
    expect(parseTkr('-3 040')).toBe(-3040);
    expect(parseTkr('1 105,6 mkr')).toBe(1_105_600);
    expect(parseTkr('')).toBe(0);
  });

  it.each(['4 500,5', '1,2345 mkr', '1.000', '45 00', 'abc', '9 007 199 254 740 992'])('throws a Swedish RangeError on %j', (text) => {
    expect(() => parseTkr(text)).toThrow(RangeError);
    expect(() => parseTkr(text)).toThrow(`Inte ett belopp i hela tkr: "${text}"`);
  });
});

describe('sumTkr', () => {
  it('sums exactly and refuses to leave the exact range', () => {
    expect(sumTkr([4500, -3040, 0])).toBe(1460);
    expect(sumTkr([])).toBe(0);
    expect(() => sumTkr([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('formats numbers with space grouping and a Unicode minus', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1 000');
    expect(formatNumber(4500)).toBe('4 500');
    expect(formatNumber(1_234_567)).toBe('1 234 567');
    expect(formatNumber(-3040)).toBe('\u22123 040');
    expect(formatNumber(Number.MAX_SAFE_INTEGER)).toBe('9 007 199 254 740 991');
  });

  it('formats tkr and signed changes', () => {
    expect(formatTkr(4500)).toBe('4 500 tkr');
    expect(formatTkr(-3040)).toBe('\u22123 040 tkr');
    expect(formatDelta(1460)).toBe('+1 460 tkr');
    expect(formatDelta(-1460)).toBe('\u22121 460 tkr');
    expect(formatDelta(0)).toBe('0 tkr');
  });

  it('formats mkr with one decimal, rounding half away from zero', () => {
    expect(formatMkr(1_105_600)).toBe('1 105,6 mkr');
    expect(formatMkr(121_600)).toBe('121,6 mkr');
    expect(formatMkr(0)).toBe('0,0 mkr');
    expect(formatMkr(1000)).toBe('1,0 mkr');
    expect(formatMkr(1049)).toBe('1,0 mkr');
    expect(formatMkr(1050)).toBe('1,1 mkr');
    expect(formatMkr(-1050)).toBe('\u22121,1 mkr');
    expect(formatMkr(999_950)).toBe('1 000,0 mkr');
    expect(formatMkr(-50)).toBe('\u22120,1 mkr');
    // Rounds to zero: no minus before a zero.
    expect(formatMkr(-40)).toBe('0,0 mkr');
  });
});

describe('properties', () => {
  const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

  it('formatTkr then parseTkr is the identity for every safe integer', () => {
    fc.assert(
      fc.property(safe, (tkr) => {
        expect(parseTkr(formatTkr(tkr))).toBe(tkr);
      }),
    );
  });

  it('formatNumber then readAmount gives back the same whole tkr, read from text', () => {
    fc.assert(
      fc.property(safe, (tkr) => {
        expect(parseTkr(formatNumber(tkr))).toBe(tkr);
        expect(readAmount(formatNumber(tkr))).toEqual(amount(tkr, true));
      }),
    );
  });

  it('formatMkr then parseTkr is exact for every multiple of 100 tkr', () => {
    const hundreds = fc.integer({ min: -Math.floor(Number.MAX_SAFE_INTEGER / 100), max: Math.floor(Number.MAX_SAFE_INTEGER / 100) });
    fc.assert(
      fc.property(hundreds, (h) => {
        const tkr = h * 100;
        expect(parseTkr(formatMkr(tkr))).toBe(tkr);
      }),
    );
  });

  it('formatMkr is never more than half a tenth of a mkr off', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (tkr) => {
        expect(Math.abs(parseTkr(formatMkr(tkr)) - tkr)).toBeLessThanOrEqual(50);
      }),
    );
  });

  // Amount texts as they arrive: whole tkr in several spellings, and mkr with one decimal as Excel
  // (sv-SE) shows them. Each carries its exact value in tkr as a BigInt, computed without floats.
  const sv = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const amountText = fc.oneof(
    fc.integer({ min: -1e12, max: 1e12 }).chain((tkr) =>
      fc.constantFrom<[string, bigint]>(
        [formatTkr(tkr), BigInt(tkr)],
        [formatNumber(tkr), BigInt(tkr)],
        [String(tkr), BigInt(tkr)],
        [`${tkr} tkr`, BigInt(tkr)],
      ),
    ),
    fc.integer({ min: -1e10, max: 1e10 }).map((tenths): [string, bigint] => [`${sv.format(tenths / 10)} mkr`, BigInt(tenths) * 100n]),
  );

  it('sums never drift: the sum of parsed texts is the parsed exact sum', () => {
    fc.assert(
      fc.property(fc.array(amountText, { maxLength: 60 }), (items) => {
        const exact = items.reduce((s, [, v]) => s + v, 0n);
        const parsed = items.map(([text]) => parseTkr(text));
        expect(parsed.map(BigInt)).toEqual(items.map(([, v]) => v));
        expect(sumTkr(parsed)).toBe(Number(exact));
        expect(sumTkr(parsed)).toBe(parseTkr(formatTkr(Number(exact))));
      }),
    );
  });

  it('0,1 mkr ten times is exactly 1 000 tkr', () => {
    const texts = new Array(10).fill('0,1 mkr');
    let floats = 0;
    for (let i = 0; i < 10; i++) floats += 0.1;
    expect(floats * 1000).not.toBe(1000);
    expect(sumTkr(texts.map(parseTkr))).toBe(1000);
    expect(parseTkr(formatMkr(sumTkr(texts.map(parseTkr))))).toBe(1000);
  });
});
