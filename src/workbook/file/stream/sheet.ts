/**
 * One worksheet read as events, keeping only the cells inside the given table ranges: everything else in
 * the sheet passes through the parser without being kept. Cell values follow exceljs's reading (see
 * cellValue), so the contract cannot tell the readers apart.
 * This runs once per cell of a 50 000-row sheet, in a process that has just started: the open cell is one
 * object reused for every cell, and nothing is allocated for a cell that is not kept.
 */
import type { CellValue } from '../../../domain/cell';
import type { TableRange } from '../tableCells';
import { StringCollector, type Part } from './parts';
import { slideFormula } from './sharedFormula';
import { parseXmlPart } from './xmlPart';

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** The cells of one table range, row by row, filled as the sheet is read. */
export class TableGrid {
  readonly cells: CellValue[][];
  constructor(readonly range: TableRange) {
    const width = range.right - range.left + 1;
    this.cells = Array.from({ length: range.bottom - range.top + 1 }, () => new Array<CellValue>(width).fill(null));
  }
}

export interface SheetRead {
  /** The `r:id`s of the sheet's `<tablePart>`s, in the sheet's order. */
  tableParts: string[];
}

interface OpenCell {
  open: boolean;
  row: number;
  column: number;
  type: string;
  style: number;
  value: string | null;
  formula: string | null;
  shared: { si: string; master: boolean } | null;
  inline: StringCollector | null;
  grid: TableGrid | null;
}

type Masters = Map<string, { formula: string; row: number; column: number }>;

/** exceljs: (serial − 25 569 days, + 1 462 in the 1904 system) as milliseconds since 1970, rounded. */
export function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

export async function readSheet(part: Part, name: string, grids: readonly TableGrid[], ctx: SheetContext): Promise<SheetRead> {
  const tableParts: string[] = [];
  const masters: Masters = new Map();
  const inside = (g: TableGrid, row: number, column: number) => row >= g.range.top && row <= g.range.bottom && column >= g.range.left && column <= g.range.right;
  // Cells come row by row, so the table of the last cell is nearly always the table of the next.
  let last: TableGrid | null = null;
  const gridFor = (row: number, column: number): TableGrid | null => {
    if (last && inside(last, row, column)) return last;
    for (const g of grids) if (inside(g, row, column)) return (last = g);
    return null;
  };
  let rowNumber = 0;
  let column = 0;
  const cell: OpenCell = { open: false, row: 0, column: 0, type: 'n', style: 0, value: null, formula: null, shared: null, inline: null, grid: null };
  /** Which of the open cell's texts the parser's text events go to. */
  let into: 'value' | 'formula' | null = null;

  const entry = part.entries.get(name);
  if (!entry) return { tableParts };
  await parseXmlPart(part.bytes, entry, part.budget, {
    open(tag, a) {
      if (cell.open) {
        // Outside the tables only a shared formula's master is kept (cells inside may copy it).
        if (tag === 'v') {
          into = cell.grid ? 'value' : null;
          if (into) cell.value = '';
        } else if (tag === 'f') {
          if (a.t === 'shared' && a.si !== undefined) cell.shared = { si: a.si, master: a.ref !== undefined };
          into = cell.grid || cell.shared?.master ? 'formula' : null;
          if (into) cell.formula = '';
        } else if (tag === 'is') cell.inline = new StringCollector();
        else cell.inline?.open(tag);
        return;
      }
      if (tag === 'c') {
        const ref = a.r;
        if (ref === undefined) {
          cell.row = rowNumber;
          cell.column = column + 1;
        } else readAddress(ref, cell);
        column = cell.column;
        cell.open = true;
        cell.type = a.t ?? 'n';
        const s = a.s;
        cell.style = s ? parseInt(s, 10) : 0;
        cell.value = null;
        cell.formula = null;
        cell.shared = null;
        cell.inline = null;
        cell.grid = gridFor(cell.row, cell.column);
      } else if (tag === 'row') {
        rowNumber = a.r ? Number(a.r) : rowNumber + 1;
        column = 0;
      } else if (tag === 'tablePart') {
        tableParts.push(a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '');
      }
    },
    text(t) {
      if (into !== null) {
        if (cell.open) cell[into] += t;
      } else cell.inline?.text(t);
    },
    close(tag) {
      if (!cell.open) return;
      if (tag === 'c') {
        const formula = cell.formula ?? '';
        // A shared formula's master is needed even outside the tables: cells inside may copy it.
        if (cell.shared?.master && formula) masters.set(cell.shared.si, { formula, row: cell.row, column: cell.column });
        const grid = cell.grid;
        if (grid) grid.cells[cell.row - grid.range.top][cell.column - grid.range.left] = cellValue(cell, formula, masters, ctx);
        cell.open = false;
        into = null;
      } else if (tag === 'v' || tag === 'f') into = null;
      else if (tag !== 'is') cell.inline?.close(tag);
    },
  });
  return { tableParts };
}

/** `C11` → row 11, column 3 on the cell (0 and 0 when it is no address), by character codes. */
function readAddress(ref: string, into: { row: number; column: number }): void {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    column = column * 26 + (c - 0x60);
  }
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 0x30;
    if (d < 0 || d > 9) {
      row = -1;
      break;
    }
    row = row * 10 + d;
  }
  const ok = i > 0 && i < ref.length && row >= 0;
  into.row = ok ? row : 0;
  into.column = ok ? column : 0;
}

/** The cell as exceljs reads it, translated to the domain's CellValue as the exceljs adapter does. */
function cellValue(c: OpenCell, formulaText: string, masters: Masters, ctx: SheetContext): CellValue {
  const isDate = c.style > 0 && ctx.dateStyles[c.style] === true;
  const raw = c.value ?? undefined;
  if (formulaText || c.shared) {
    let formula = formulaText;
    if (c.shared && !c.shared.master) {
      const master = masters.get(c.shared.si);
      formula = master ? slideFormula(master.formula, master, c) : '';
    }
    let result: CellValue | undefined;
    if (raw) {
      if (c.type === 'str') result = raw;
      else if (c.type === 'b') result = parseInt(raw, 10) !== 0;
      else if (c.type === 'e') result = { error: raw };
      else result = parseFloat(raw);
    }
    if (result !== undefined && isDate) {
      const date = excelToDate(result, ctx.date1904);
      // A cached text or error in a date-formatted cell cannot be read as its result.
      if (Number.isNaN(date.getTime())) return { formula };
      result = date;
    }
    return result === undefined ? { formula } : { formula, result };
  }
  if (c.inline) return c.inline.take();
  if (raw === undefined) return null;
  switch (c.type) {
    case 's':
      return ctx.sharedStrings[parseInt(raw, 10)] ?? null;
    case 'str':
    case 'inlineStr':
      return raw;
    case 'b':
      return parseInt(raw, 10) !== 0;
    case 'e':
      return { error: raw };
    default: {
      const n = parseFloat(raw);
      if (!isDate) return n;
      const date = excelToDate(n, ctx.date1904);
      // Past any date: what Excel shows as #NUM!, as the exceljs adapter reads it.
      return Number.isNaN(date.getTime()) ? { error: '#NUM!' } : date;
    }
  }
}
