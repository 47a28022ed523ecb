/**
 * Rewriting formulas as Excel does when what they name changes: a table or sheet renamed, cells inserted.
 * Only the tokens concerned change; the rest of the text stays exactly as it was.
 */
import { columnNumber, MAX_ROWS } from '../addresses';
import { tokenize, type Tok } from './tokens';

/** Replaces the table name in structured references; other text is left exactly as it was. */
export function renameTableIn(formula: string, from: string, to: string): string {
  const toks = tokenize(formula);
  if (!toks) return formula;
  return splice(formula, toks.filter((t) => t.t === 'struct' && t.table!.toLowerCase() === from.toLowerCase()), (t) => `${to}[${t.v}]`);
}

/** Replaces a sheet name in references, quoting the new name when Excel would. */
export function renameSheetIn(formula: string, from: string, to: string, quote: (name: string) => string): string {
  const toks = tokenize(formula);
  if (!toks) return formula;
  return splice(formula, toks.filter((t) => t.t === 'sheet' && t.v.toLowerCase() === from.toLowerCase()), () => `${quote(to)}!`);
}

function splice(text: string, toks: Tok[], replace: (t: Tok) => string): string {
  let out = text;
  for (const t of [...toks].sort((a, b) => b.start - a.start)) out = out.slice(0, t.start) + replace(t) + out.slice(t.end);
  return out;
}

/** Cells inserted on a sheet: from row `top` down, in columns `left`..`right`, everything moved `count` rows down. */
export interface RowShift {
  sheet: string;
  top: number;
  left: number;
  right: number;
  count: number;
}

const CORNER = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;

/**
 * Rewrites A1 references after cells were inserted, as Excel does: a reference to a cell that moved follows
 * it; a range whose columns lie within the inserted columns moves when it starts at or below the insertion
 * and grows when the insertion falls inside it; a range only partly in those columns, and everything on
 * other sheets, stays as it was. `$` anchors are kept. `formulaSheet` is the sheet the formula stands on
 * (for references without a sheet). Text the tokenizer cannot read is left as it was.
 */
export function shiftRowsIn(formula: string, formulaSheet: string, shift: RowShift): string {
  const toks = tokenize(formula);
  if (!toks) return formula;
  const target = shift.sheet.toLowerCase();
  const edits: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t !== 'name') continue;
    const a = CORNER.exec(t.v);
    if (!a) continue;
    const sheet = toks[i - 1]?.t === 'sheet' ? toks[i - 1].v : formulaSheet;
    const second = toks[i + 1]?.t === 'colon' && toks[i + 2]?.t === 'name' ? CORNER.exec(toks[i + 2].v) : null;
    const end = second ? i + 2 : i;
    if (sheet.toLowerCase() === target) {
      const corners = second ? [a, second] : [a];
      const rows = corners.map((c) => Number(c[4]));
      const columns = corners.map((c) => columnNumber(c[2]));
      const inColumns = Math.min(...columns) >= shift.left && Math.max(...columns) <= shift.right;
      const top = Math.min(...rows);
      const bottom = Math.max(...rows);
      let moved: number[] | null = null;
      if (inColumns && top >= shift.top) moved = rows.map((r) => r + shift.count);
      else if (inColumns && bottom >= shift.top) moved = rows.map((r) => (r === bottom ? r + shift.count : r));
      if (moved) {
        const text = corners.map((c, k) => `${c[1]}${c[2]}${c[3]}${moved![k]}`);
        // A reference pushed off the sheet's last row is lost, as in Excel.
        const ref = moved.some((r) => r > MAX_ROWS) ? '#REF!' : second ? `${text[0]}:${text[1]}` : text[0];
        edits.push({ start: t.start, end: toks[end].end, text: ref });
      }
    }
    i = end;
  }
  let out = formula;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
