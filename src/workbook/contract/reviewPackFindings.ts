/**
 * The review pack's findings tables: each area sheet's findings recorded at approval (`Fynd_<key>`) and the
 * Ram sheet's findings of the consolidation and of the frame workbook (`Fynd_Ram`) share one shape, so the
 * forum reads them the same way: severity, code, year, where it points, the Swedish message.
 */
import type { CellValue } from '../../domain/cell';
import type { Finding, Severity } from '../../domain/findings';
import { locationAddress } from '../../domain/sheetAddress';
import type { TableWrite } from '../host';

export const FINDINGS_HEADERS = ['Allvarlighet', 'Kod', 'År', 'Plats', 'Meddelande'];
export const SEVERITY_SV: Record<Severity, string> = { error: 'Fel', warning: 'Varning', info: 'Upplysning' };

/** `Budgetram!C5` (the one way cells are named to the user, sheetAddress) when the finding has a cell, else its sheet and table, else nothing. */
export function findingPlace(f: Finding): string | null {
  const l = f.location;
  if (!l) return null;
  return l.address ? locationAddress(l) : [l.sheet, l.table].filter(Boolean).join(' / ') || null;
}

/** One row per finding in the order given; with none, one row that says so in `none`'s words. */
export function findingsTable(sheet: string, name: string, findings: readonly Finding[], none: string, message = (f: Finding) => f.message): TableWrite {
  const rows: CellValue[][] =
    findings.length > 0 ? findings.map((f) => [SEVERITY_SV[f.severity], f.code, f.year ?? null, findingPlace(f), message(f)]) : [[null, null, null, null, none]];
  return {
    sheet,
    name,
    headers: FINDINGS_HEADERS,
    rows,
    numberFormats: [undefined, undefined, '0', undefined, undefined],
    widths: [12, 22, 7, 18, 90],
  };
}
