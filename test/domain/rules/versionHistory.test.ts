import { checkVersionHistory } from '../../../src/domain/rules/versionHistory';
import { versionRef } from '../planBuilder';
import { versionEntry } from '../versionEntries';

describe('checkVersionHistory', () => {
  const history = [
    versionEntry(1, '0.1', { date: '2021-03-01' }),
    versionEntry(2, '0.2', { date: '2021-03-05' }),
    versionEntry(3, '0.2', { date: '2021-03-05', decision: 'Fastställd' }), // the same label when a forum decides: in order
    versionEntry(4, '0.5', { date: '2021-04-01' }),
    versionEntry(5, '0,3', { date: '2021-04-02' }),
    versionEntry(6, '0.4', { date: '2021-04-03' }), // above 0.3 but still below the highest, 0.5
    versionEntry(7, '0.9', { date: '2021-04-04' }),
    versionEntry(8, '0.10', { date: '2021-04-05' }), // 0.10 comes after 0.9
    versionEntry(9, '1.0', { date: '2021-03-20' }),
    versionEntry(10, 'slutversion', { date: null }),
    versionEntry(11, '1,0', { date: '2021-05-01' }),
  ];

  it('warns about labels below the highest so far and dates before the row above', () => {
    expect(checkVersionHistory(history, versionRef())).toEqual([
      {
        code: 'VERSION_ORDER',
        severity: 'warning',
        message: 'Version 0,3 kommer efter den högre versionen 0.5.',
        messageEn: 'Version 0,3 comes after the higher version 0.5.',
        location: { sheet: 'Versioner', table: 'Versionshantering', row: 5, column: 'Version', address: 'B8' },
      },
      expect.objectContaining({
        code: 'VERSION_ORDER',
        severity: 'warning',
        message: 'Version 0.4 kommer efter den högre versionen 0.5.',
        location: expect.objectContaining({ row: 6, address: 'B9' }),
      }),
      {
        code: 'DATE_ORDER',
        severity: 'warning',
        message: 'Datumet 2021-03-20 är tidigare än 2021-04-05 på raden ovanför.',
        messageEn: 'The date 2021-03-20 is earlier than 2021-04-05 on the row above.',
        location: { sheet: 'Versioner', table: 'Versionshantering', row: 9, column: 'Datum', address: 'A12' },
      },
    ]);
  });

  it('accepts a tidy history with repeated labels', () => {
    const tidy = [
      versionEntry(1, '0.1', { date: '2021-03-01' }),
      versionEntry(2, '0.5', { date: '2021-03-05' }),
      versionEntry(3, '0.5', { date: '2021-03-05' }),
      versionEntry(4, 'v1', { date: '2021-06-01' }),
      versionEntry(5, '1.0', { date: '2021-06-01' }),
    ];
    expect(checkVersionHistory(tidy, versionRef())).toEqual([]);
  });

  it('compares a date with the last readable date above it', () => {
    const h = [versionEntry(1, '0.1', { date: '2021-03-10' }), versionEntry(2, '0.2', { date: null }), versionEntry(3, '0.3', { date: '2021-03-09' })];
    expect(checkVersionHistory(h, versionRef()).map((f) => [f.code, f.location?.row])).toEqual([['DATE_ORDER', 3]]);
  });

  it('has nothing to say without a version table', () => {
    expect(checkVersionHistory(history, null)).toEqual([]);
  });
});
