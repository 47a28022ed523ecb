/** The one Versionshantering row writer: the entry in the table's own column order, headers matched as the contract reads them. */
import type { VersionEntry } from '../../../src/domain/versions';
import { versionRow } from '../../../src/workbook/contract/versionRow';

const entry: VersionEntry = {
  row: 7,
  date: '2022-01-20',
  dateShown: '2022-01-20',
  label: { major: 1, minor: 1 },
  labelShown: '1,1',
  description: '=Till PF',
  changedBy: 'Controller',
  forum: 'PF',
  decision: 'Inskickad',
};

test('the contract’s headers in another order, case and spacing, and a column of the user’s own', () => {
  expect(versionRow(['beslut', ' FORUM ', 'Anteckning', 'Version', 'Datum', 'Beskrivning', 'Ändrat  av'], entry)).toEqual([
    'Inskickad',
    'PF',
    null,
    '1,1',
    new Date('2022-01-20T00:00:00Z'),
    '=Till PF',
    'Controller',
  ]);
});

test('a decomposed Ä (A + U+0308, as some Macs save it) is the same Ändrat av header', () => {
  const decomposed = 'A\u0308ndrat av';
  expect(decomposed).not.toBe('Ändrat av');
  expect(versionRow(['Datum', 'Version', 'Beskrivning', decomposed, 'Forum', 'Beslut'], entry)[3]).toBe('Controller');
});

test('a date that could not be read is written as it was typed; empty text stays an empty cell', () => {
  const typed = { ...entry, date: null, dateShown: 'i maj', description: '', changedBy: '', forum: null, decision: null };
  expect(versionRow(['Datum', 'Version', 'Beskrivning', 'Ändrat av', 'Forum', 'Beslut'], typed)).toEqual(['i maj', '1,1', null, null, null, null]);
});
