/**
 * Rows of Versionshantering for the tests that write version histories by hand, in the shape the table
 * contract reads them: the label parsed from what is shown, Datum shown as given, the other cells empty
 * unless given. One builder, so a change to VersionEntry is made here and not in every test.
 */
import { parseVersionLabel, type Decision, type Forum, type VersionEntry } from '../../src/domain/versions';

export interface EntryCells {
  date?: string | null;
  decision?: Decision | null;
  forum?: Forum | null;
  description?: string;
  changedBy?: string;
}

export function versionEntry(row: number, labelShown: string, cells: EntryCells = {}): VersionEntry {
  const date = cells.date ?? null;
  return {
    row,
    date,
    dateShown: date ?? '',
    label: parseVersionLabel(labelShown),
    labelShown,
    description: cells.description ?? '',
    changedBy: cells.changedBy ?? '',
    forum: cells.forum ?? null,
    decision: cells.decision ?? null,
  };
}
