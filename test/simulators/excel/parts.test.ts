/** The test host's small parts: addresses, typed input, number formats, formulas. */
import { columnLetters, columnNumber, formatAddress, parseAddress, quoteSheet } from '../../../src/simulators/excel/addresses';
import { compile, evaluate, renameSheetIn, type FormulaEnv } from '../../../src/simulators/excel/formulas';
import { formatValue, numberLocale } from '../../../src/simulators/excel/numberFormat';
import { readInput, type Scalar } from '../../../src/simulators/excel/values';

describe('addresses', () => {
  test('column letters both ways', () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA', 'XFD']);
    expect(['A', 'z', 'AA', 'XFD'].map(columnNumber)).toEqual([1, 26, 27, 16384]);
  });

  test('sheet names are quoted as Excel quotes them', () => {
    expect(['Tjänsteplan', 'Ram', 'Tjänsteplan 2', '2022', 'A1', "Kim's", 'R1C1', 'Ram_2', 'Ram-2'].map(quoteSheet)).toEqual([
      'Tjänsteplan',
      'Ram',
      "'Tjänsteplan 2'",
      "'2022'",
      "'A1'",
      "'Kim''s'",
      "'R1C1'",
      'Ram_2',
      "'Ram-2'",
    ]);
    expect(formatAddress('Tjänsteplan', { top: 1, left: 1, bottom: 6, right: 2 })).toBe('Tjänsteplan!A1:B6');
  });

  test('parsing: quotes, $ anchors, whole rows and columns', () => {
    expect(parseAddress("'Kim''s plan'!$C$5:K20")).toEqual({ sheet: "Kim's plan", rect: { top: 5, left: 3, bottom: 20, right: 11 } });
    expect(parseAddress('B:C')?.rect).toEqual({ top: 1, left: 2, bottom: 1_048_576, right: 3 });
    expect(parseAddress('3:4')?.rect).toEqual({ top: 3, left: 1, bottom: 4, right: 16_384 });
    expect(parseAddress('K20:C5')?.rect).toEqual({ top: 5, left: 3, bottom: 20, right: 11 });
    expect(parseAddress('XFE1')).toBeNull();
    expect(parseAddress('Initiativ')).toBeNull();
  });
});

describe('typed input', () => {
  test.each<[string, string | undefined, ReturnType<typeof readInput>]>([
    ['4500', undefined, { value: 4500 }],
    ['4500', '@', { value: '4500' }],
    ['=A1', undefined, { value: null, formula: 'A1' }],
    ['=A1', '@', { value: '=A1' }],
    ['1 000', undefined, { value: '1 000' }],
    ['50%', undefined, { value: 0.5, numberFormat: '0%' }],
    ['false', undefined, { value: false }],
    ['#REF!', undefined, { value: { error: '#REF!' } }],
    ['2022-02-30', undefined, { value: '2022-02-30' }],
    ["'=x", undefined, { value: '=x' }],
    ['', undefined, { value: null }],
  ])('%j in a cell formatted %s', (input, format, expected) => {
    expect(readInput(input, format)).toEqual(expected);
  });
});

describe('number formats', () => {
  const sv = numberLocale('sv-SE');
  const en = numberLocale('en-US');
  test.each<[Scalar, string | undefined, string, string]>([
    [1234567, '#,##0', '1\u00a0234\u00a0567', '1,234,567'],
    [-3040, '#,##0', '-3\u00a0040', '-3,040'],
    [1.5, '0.00', '1,50', '1.50'],
    [4500, '#,##0 "tkr"', '4\u00a0500 tkr', '4,500 tkr'],
    [0.125, '0%', '13%', '13%'],
    [44621, 'yyyy-mm-dd', '2022-03-01', '2022-03-01'],
    [1 / 3, undefined, '0,3333333333', '0.3333333333'],
    ['text', '@', 'text', 'text'],
    [true, undefined, 'TRUE', 'TRUE'],
    [{ error: '#N/A' }, '#,##0', '#N/A', '#N/A'],
    [-5, '#,##0;(#,##0)', '(5)', '(5)'],
  ])('%j as %s', (value, format, swedish, english) => {
    expect(formatValue(value, format, sv)).toBe(swedish);
    expect(formatValue(value, format, en)).toBe(english);
  });
});

describe('formulas', () => {
  const cells: Record<string, Scalar> = { 'S!A1': 1, 'S!A2': 2, 'S!A3': 'x', 'S!A4': null, 'T T!B1': 10 };
  const env: FormulaEnv = {
    sheet: 'S',
    value: (sheet, row, column) => (sheet === 'S' || sheet === 'T T' ? (cells[`${sheet}!${String.fromCharCode(64 + column)}${row}`] ?? null) : undefined),
    isSubtotal: () => false,
    structured: (table, spec) => (table === 'Tab' && spec === 'Kol' ? { sheet: 'S', rect: { top: 1, left: 1, bottom: 4, right: 1 } } : null),
  };
  const calc = (f: string) => {
    const c = compile(f);
    return c ? evaluate(c, env) : 'unsupported';
  };

  test.each<[string, Scalar | 'unsupported']>([
    ['SUM(A1:A4)', 3],
    ['SUM(A1:A4,5,TRUE)', 9],
    ['SUBTOTAL(109,Tab[Kol])', 3],
    ['SUBTOTAL(103,Tab[Kol])', 3],
    ['SUBTOTAL(7,Tab[Kol])', { error: '#NAME?' }],
    ['A1+A2*2', 5],
    ["'T T'!B1/4", 2.5],
    ['A3+1', { error: '#VALUE!' }],
    ['A4', 0],
    ['A1/0', { error: '#DIV/0!' }],
    ['"a"&A1', 'a1'],
    ['A1<A2', true],
    ['ISTEXT("marker")', true],
    ['Saknas!A1', { error: '#REF!' }],
    ['VLOOKUP(1,A1:B2,2)', 'unsupported'],
    ['Namn', 'unsupported'],
    ['SUM(', 'unsupported'],
  ])('=%s', (formula, expected) => {
    expect(calc(formula)).toEqual(expected);
  });

  test('a sheet rename rewrites references and quotes the new name when needed', () => {
    expect(renameSheetIn('SUM(Ram!B2:B4)+Ram!C1+"Ram!"', 'Ram', 'Ram 2022', (s) => (s.includes(' ') ? `'${s}'` : s))).toBe(
      `SUM('Ram 2022'!B2:B4)+'Ram 2022'!C1+"Ram!"`,
    );
  });
});
