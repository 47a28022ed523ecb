/**
 * A shared formula as seen from another cell: Excel stores it once, at its master cell, and each other cell
 * of the range means it shifted by its own offset. The shift follows exceljs (`slideFormula`), so both
 * readers report the same formula text: relative references move, `$` parts stay, function names and
 * names longer than a column (past XFD) are left alone.
 */
import { columnNumber } from '../tableCells';

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const REFERENCE = /^(\$)?([a-z]+)(\$)?([1-9][0-9]*)$/i;

interface At {
  row: number;
  column: number;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function slideFormula(formula: string, from: At, to: At): string {
  return formula.replace(CANDIDATE, (match: string, sheet: string | undefined, _name: string, part: string, paren: string | undefined) => {
    if (paren) return match;
    const m = REFERENCE.exec(part);
    if (!m) return match;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
    const column = columnNumber(letters) + (m[1] ? 0 : to.column - from.column);
    const row = parseInt(m[4], 10) + (m[3] ? 0 : to.row - from.row);
    return `${sheet ?? ''}${m[1] ?? ''}${columnLetters(column)}${m[3] ?? ''}${row}`;
  });
}
