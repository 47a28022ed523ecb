/**
 * The one writer of a Versionshantering row (docs/workbook-format.md): a VersionEntry as cells in the
 * table's own column order, headers matched as the contract reads them (headerKey: case, spacing and
 * Unicode form aside, so a decomposed `Ä` in `Ändrat av` is the same header). Columns the contract does not
 * name stay empty; text stays text (the host never writes it as a formula), the date a real date.
 */
import type { CellValue } from '../../domain/cell';
import type { VersionEntry } from '../../domain/versions';
import type { InteractiveHost, RawTable } from '../host';
import { findTable, headerKey, TABLES } from './tables';

const [DATUM, VERSION, BESKRIVNING, ANDRAT_AV, FORUM, BESLUT] = TABLES.versions.headers.map(headerKey);

export function versionRow(headers: readonly string[], entry: VersionEntry): CellValue[] {
  return headers.map((h) => {
    switch (headerKey(h)) {
      case DATUM:
        return entry.date ? new Date(`${entry.date}T00:00:00Z`) : entry.dateShown || null;
      case VERSION:
        return entry.labelShown;
      case BESKRIVNING:
        return entry.description || null;
      case ANDRAT_AV:
        return entry.changedBy || null;
      case FORUM:
        return entry.forum;
      case BESLUT:
        return entry.decision;
      default:
        return null;
    }
  });
}

/** The workbook's Versionshantering table, found by name as the contract finds tables. */
export function versionTable(tables: readonly RawTable[]): RawTable | undefined {
  return findTable(tables, TABLES.versions.name);
}

/** Appends the entry as one row at the end of the table (the host refuses when the cells below are in use). */
export async function appendVersionRow(host: Pick<InteractiveHost, 'appendTableRows'>, table: RawTable, entry: VersionEntry): Promise<void> {
  await host.appendTableRows(table.name, [versionRow(table.headers, entry)]);
}
