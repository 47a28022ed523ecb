/** Excel tables (ListObjects) in the test host's model: where they stand and what their columns are called. */
import type { Rect } from '../addresses';
import type { SheetModel } from './sheetModel';

export interface TableColumnData {
  name: string;
  /** The file's column model (totals function, styles…), kept so that writing the file back loses nothing. */
  raw?: Record<string, unknown>;
}

export class TableModel {
  deleted = false;
  /** The file's table model (style and options), kept when the file is written back. */
  raw: Record<string, unknown> | null = null;
  readonly showHeaders = true;

  constructor(
    readonly id: number,
    public name: string,
    public sheet: SheetModel,
    /** Header, body and totals row. */
    public rect: Rect,
    public showTotals: boolean,
    public columns: TableColumnData[],
    public style = 'TableStyleMedium2',
  ) {}

  headerRect(): Rect {
    return { ...this.rect, bottom: this.rect.top };
  }

  bodyRect(): Rect {
    return { ...this.rect, top: this.rect.top + 1, bottom: this.showTotals ? this.rect.bottom - 1 : this.rect.bottom };
  }

  totalsRect(): Rect | null {
    return this.showTotals ? { ...this.rect, top: this.rect.bottom } : null;
  }

  /** 0-based index of a column by name (case-insensitive), or -1. */
  columnIndex(name: string): number {
    const key = name.toLowerCase();
    return this.columns.findIndex((c) => c.name.toLowerCase() === key);
  }
}

/** A name Excel accepts for a table: starts with a letter, `_` or `\`, no spaces, not a cell reference. */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^(R|C|R\d+C\d+|R\d+|C\d+)$/i.test(name)) return false;
  return true;
}

/**
 * The text of a structured reference's brackets (`Col`, `#Data`, `[#Totals],[Col]`, `[Col1]:[Col2]`) →
 * the rows and columns it names; null when it names nothing the table has.
 */
export function structuredRect(table: TableModel, spec: string): Rect | null {
  const text = spec.trim();
  let area: 'data' | 'all' | 'headers' | 'totals' = 'data';
  let first = 0;
  let last = table.columns.length - 1;
  const items = text.startsWith('[') ? splitItems(text) : [text];
  if (!items) return null;
  let columnsGiven = false;
  for (const item of items) {
    const special = item.toLowerCase();
    if (special === '#data') area = 'data';
    else if (special === '#all') area = 'all';
    else if (special === '#headers') area = 'headers';
    else if (special === '#totals') area = 'totals';
    else if (special.startsWith('#') || special.startsWith('@')) return null;
    else {
      const [a, b] = item.includes(']:[') ? item.split(']:[') : [item, item];
      const i = table.columnIndex(unescape(a));
      const j = table.columnIndex(unescape(b));
      if (i < 0 || j < 0 || columnsGiven) return null;
      columnsGiven = true;
      first = Math.min(i, j);
      last = Math.max(i, j);
    }
  }
  const left = table.rect.left + first;
  const right = table.rect.left + last;
  if (area === 'all') return { top: table.rect.top, bottom: table.rect.bottom, left, right };
  if (area === 'headers') return { top: table.rect.top, bottom: table.rect.top, left, right };
  if (area === 'totals') {
    const t = table.totalsRect();
    return t ? { top: t.top, bottom: t.bottom, left, right } : null;
  }
  const body = table.bodyRect();
  return { top: body.top, bottom: body.bottom, left, right };
}

/** `[#Totals],[Col]` → ['#Totals', 'Col']; `[A]:[B]` → ['A]:[B']. */
function splitItems(text: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ',' || text[i] === ' ') {
      i++;
      continue;
    }
    if (text[i] !== '[') return null;
    let j = i + 1;
    while (j < text.length && text[j] !== ']') j += text[j] === "'" ? 2 : 1;
    if (j >= text.length) return null;
    if (text.slice(j, j + 3) === ']:[') {
      let k = j + 3;
      while (k < text.length && text[k] !== ']') k += text[k] === "'" ? 2 : 1;
      out.push(text.slice(i + 1, k));
      i = k + 1;
    } else {
      out.push(text.slice(i + 1, j));
      i = j + 1;
    }
  }
  return out;
}

/** Column names escape `[`, `]`, `#` and `'` with a `'` inside structured references. */
function unescape(name: string): string {
  return name.replace(/'(.)/g, '$1').trim();
}
