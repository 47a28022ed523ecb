/**
 * VERSION_ORDER and DATE_ORDER over the version history. Real histories are untidy (the same label twice
 * when two forums decide on one version), so these are warnings and an equal label is in order.
 */
import { finding, type Finding } from '../findings';
import { locate, type TableRef } from '../location';
import { compareVersions, formatVersion, type VersionEntry, type VersionLabel } from '../versions';

export function checkVersionHistory(history: readonly VersionEntry[], ref: TableRef | null): Finding[] {
  if (!ref) return [];
  const findings: Finding[] = [];
  let highest: VersionLabel | null = null;
  let previousDate: string | null = null;
  for (const v of history) {
    if (v.label) {
      if (highest && compareVersions(v.label, highest) < 0) {
        findings.push(
          finding(
            'VERSION_ORDER',
            { version: v.labelShown, previous: formatVersion(highest) },
            { location: locate(ref, v.row, 'Version') },
          ),
        );
      } else highest = v.label;
    }
    if (v.date) {
      if (previousDate && v.date < previousDate) {
        findings.push(finding('DATE_ORDER', { date: v.date, previous: previousDate }, { location: locate(ref, v.row, 'Datum') }));
      }
      previousDate = v.date;
    }
  }
  return findings;
}
