/** Issue 15: a sheet name Excel accepts for every area name, whatever a library or a cell says it is. */
import fc from 'fast-check';
import { sheetNames } from '../../../src/workbook/contract/reviewPackTables';

/** Excel's rules, as exceljs enforces them when it adds a worksheet. */
function acceptable(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- Excel refuses control characters in a sheet name
  return name.length >= 1 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !/^'|'$/.test(name) && !/[\u0000-\u001f]/.test(name) && name.toLowerCase() !== 'history';
}

describe('sheetNames for hostile area names', () => {
  it('an apostrophe that lands at the end after clipping to 31 characters is removed', () => {
    const area = `Område ${'a'.repeat(23)}'s tjänster`;
    expect(area[30]).toBe("'");
    expect(sheetNames([area])).toEqual([`Område ${'a'.repeat(23)}`]);
    // Also when a suffix makes room for a second one of the same name.
    expect(sheetNames([area, area])[1]).toMatch(/^Område a+ \(2\)$/);
  });

  it('control characters, only apostrophes, only spaces: still a name', () => {
    expect(sheetNames(['\u001b]0;titel\u0007', "'''", '   ', "' '"])).toEqual(['-0;titel', 'Område', 'Område (2)', 'Område (3)']);
  });

  it('every list of strings gives names Excel accepts, unique without regard to case', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 12 }), fc.array(fc.constantFrom("'", '[', ']', ':', '\u0007', ' ', 'Ö', 'history'), { maxLength: 40 }), (areas, noise) => {
        const names = sheetNames([...areas, noise.join(''), ...areas.map((a) => `${a}${noise.join('')}`)]);
        for (const n of names) expect(acceptable(n)).toBe(true);
        expect(new Set(names.map((n) => n.toLocaleLowerCase('sv'))).size).toBe(names.length);
      }),
    );
  });
});
