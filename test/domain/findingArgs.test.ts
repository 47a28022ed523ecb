import { finding } from '../../src/domain/findings';

/**
 * Each code's arguments are typed by what its message reads. The @ts-expect-error lines are checked by
 * `npm run typecheck` (which covers test/): were a misspelt or missing argument to compile again, the
 * directive would be unused and the typecheck would fail.
 */
describe('finding arguments', () => {
  it('renders the arguments its message reads', () => {
    const f = finding('SUM_MISMATCH', { column: 'Utveckling 2023', stated: 999, computed: 200, fromRow: 1, toRow: 2 });
    expect(f.message).toBe('Summan i Utveckling 2023 är 999 tkr men raderna 1–2 ger 200 tkr (skillnad 799 tkr).');
    expect(finding('NAME_MISSING').message).toBe('Raden saknar namn på initiativet.');
  });

  it('does not compile a misspelt or missing argument', () => {
    // Never called: only the compiler's verdict matters here.
    const misspelt = () =>
      // @ts-expect-error toRw is not an argument of SUM_MISMATCH (it would render "raderna 1–undefined").
      finding('SUM_MISMATCH', { column: 'Utveckling 2023', stated: 999, computed: 200, fromRow: 1, toRw: 2 });
    // @ts-expect-error TABLE_MISSING reads the table and its sheet.
    const missing = () => finding('TABLE_MISSING', { table: 'Ram' });
    // @ts-expect-error NAME_MISSING reads no arguments.
    const extra = () => finding('NAME_MISSING', { nr: '3' });
    expect([misspelt, missing, extra].every((f) => typeof f === 'function')).toBe(true);
  });
});
