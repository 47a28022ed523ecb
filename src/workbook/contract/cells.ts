/** Turns one amount cell into integer tkr, or into a located finding: read exactly, never guessed. */
import type { CellValue } from '../../domain/cell';
import { finding, type Finding } from '../../domain/findings';
import type { Location } from '../../domain/location';
import { readAmount, type Tkr } from '../../domain/money';

/**
 * null when the cell cannot be read (the finding says why); 0 for an empty cell. The location is made only
 * when there is something to report: most cells are plain numbers.
 */
export function amountFromCell(value: CellValue, where: () => Location, findings: Finding[], year?: number): Tkr | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (value === null) return 0;
  const r = readAmount(value);
  if (r.kind === 'empty') return 0;
  const location = where();
  const column = location.column;
  const extras = year === undefined ? { location } : { location, year };
  switch (r.kind) {
    case 'amount':
      if (r.fromText) findings.push(finding('NUMBER_AS_TEXT', { shown: String(cellShown(value)), tkr: r.tkr, column }, extras));
      return r.tkr;
    case 'fraction':
      findings.push(finding('NOT_WHOLE_TKR', { shown: r.shown, column }, extras));
      return null;
    case 'error':
      findings.push(finding('FORMULA_ERROR', { error: r.error, column }, extras));
      return null;
    case 'uncalculated':
      findings.push(finding('FORMULA_NOT_CALCULATED', { formula: `=${r.formula}`, column }, extras));
      return null;
    case 'not-a-number':
      findings.push(finding('NOT_A_NUMBER', { shown: r.shown, column, hint: r.hint }, extras));
      return null;
  }
}

function cellShown(value: CellValue): CellValue {
  return typeof value === 'string' ? value.trim() : value;
}
