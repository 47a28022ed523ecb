import { locationAddress, quoteSheet, sheetAddress } from '../../src/domain/sheetAddress';

describe('a cell named with its sheet, as the user types it in Excel', () => {
  it('leaves a name of letters bare, in any script', () => {
    expect(sheetAddress('Tjänsteplan', 'D12')).toBe('Tjänsteplan!D12');
    expect(sheetAddress('Plan_2024.v2', 'A1')).toBe('Plan_2024.v2!A1');
  });

  it('quotes a name with a space, a dash or an apostrophe (doubled), or one that starts with a digit', () => {
    expect(sheetAddress('Mitt blad', 'D12')).toBe("'Mitt blad'!D12");
    expect(sheetAddress('Plan-2024', 'A1')).toBe("'Plan-2024'!A1");
    expect(sheetAddress("Annas plan's", 'A1')).toBe("'Annas plan''s'!A1");
    expect(quoteSheet('2024')).toBe("'2024'");
  });

  it('quotes a name Excel would read as a cell reference or a boolean', () => {
    expect(['AB12', 'R1C1', 'R', 'C3', 'TRUE'].map(quoteSheet)).toEqual(["'AB12'", "'R1C1'", "'R'", "'C3'", "'TRUE'"]);
    expect(quoteSheet('ABCD12')).toBe('ABCD12');
  });

  it('names a location without a cell by its sheet alone', () => {
    expect(locationAddress({ sheet: 'Mitt blad', address: 'B2' })).toBe("'Mitt blad'!B2");
    expect(locationAddress({ sheet: 'Mitt blad' })).toBe('Mitt blad');
  });
});
