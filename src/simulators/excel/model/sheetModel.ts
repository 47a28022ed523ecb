/** One worksheet of the test host's model: its cells (sparse), column widths, selection and conditional formats. */
import type { Worksheet as XlsxWorksheet } from 'exceljs';
import { MAX_COLUMNS, type Rect } from '../addresses';
import type { Compiled } from '../formulas';
import type { Scalar } from '../values';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface CellData {
  /** What the cell shows; for a formula, its (cached or calculated) result. */
  v: Scalar;
  /** Formula text without `=`. */
  f?: string;
  /** The formula compiled for calculation; null when the test host cannot calculate it. */
  c?: Compiled | null;
  /** Number format; undefined is General. */
  nf?: string;
  /** Fill colour `#RRGGBB`; undefined is no fill. */
  fill?: string;
}

/** A custom conditional format (the kind the API adds) or one read from a file that is kept as it was. */
export interface ConditionalFormatData {
  id: string;
  rects: Rect[];
  /** `Custom` for expression rules; other Excel types (`CellValue`, `ColorScale`, …) are kept, not evaluated. */
  type: string;
  /** The rule's formula with `=`, for Custom. */
  formula: string;
  fill: string | null;
  stopIfTrue: boolean;
  /** The file's own rule, for types the host does not model. */
  raw?: unknown;
  compiled?: Compiled | null;
}

export class SheetModel {
  readonly cells = new Map<number, CellData>();
  /** Keys of the cells that hold a formula. */
  readonly formulas = new Set<number>();
  readonly widths = new Map<number, number>();
  /** Conditional formats in priority order: index 0 is applied first. */
  conditionalFormats: ConditionalFormatData[] = [];
  selection: Rect = { top: 1, left: 1, bottom: 1, right: 1 };
  visibility: Visibility = 'Visible';
  deleted = false;
  /** Cells and widths changed since the model was last written to .xlsx. */
  readonly dirty = new Set<number>();
  readonly dirtyWidths = new Set<number>();
  /** The exceljs sheet this one was read from (and is written back to). */
  xlsx: XlsxWorksheet | null = null;
  private bounds: { values: Rect | null; all: Rect | null } | null = null;
  private cfIndex: Map<number, ConditionalFormatData[]> | null = null;

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  static key(row: number, column: number): number {
    return (row - 1) * MAX_COLUMNS + (column - 1);
  }

  static position(key: number): { row: number; column: number } {
    return { row: Math.floor(key / MAX_COLUMNS) + 1, column: (key % MAX_COLUMNS) + 1 };
  }

  get(row: number, column: number): CellData | undefined {
    return this.cells.get(SheetModel.key(row, column));
  }

  /** Replaces a cell (or removes it when it holds nothing), marking it changed. */
  put(row: number, column: number, cell: CellData): void {
    const key = SheetModel.key(row, column);
    if (cell.v === null && cell.f === undefined && cell.nf === undefined && cell.fill === undefined) this.cells.delete(key);
    else this.cells.set(key, cell);
    if (cell.f !== undefined) this.formulas.add(key);
    else this.formulas.delete(key);
    this.dirty.add(key);
    this.bounds = null;
  }

  /** Sets a cell read from a file, without marking it changed. */
  load(row: number, column: number, cell: CellData): void {
    const key = SheetModel.key(row, column);
    this.cells.set(key, cell);
    if (cell.f !== undefined) this.formulas.add(key);
    this.bounds = null;
  }

  /** The cells inside a block that hold something, in no particular order. */
  *cellsIn(r: Rect): Iterable<[number, number, CellData]> {
    const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area <= this.cells.size * 2) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let column = r.left; column <= r.right; column++) {
          const c = this.cells.get(SheetModel.key(row, column));
          if (c) yield [row, column, c];
        }
      }
      return;
    }
    for (const [key, c] of this.cells) {
      const { row, column } = SheetModel.position(key);
      if (row >= r.top && row <= r.bottom && column >= r.left && column <= r.right) yield [row, column, c];
    }
  }

  /** The block from the first to the last cell with a value (valuesOnly) or with anything at all; null when empty. */
  usedRect(valuesOnly: boolean): Rect | null {
    if (!this.bounds) {
      let values: Rect | null = null;
      let all: Rect | null = null;
      for (const [key, c] of this.cells) {
        const { row, column } = SheetModel.position(key);
        all = grow(all, row, column);
        if (c.v !== null || c.f !== undefined) values = grow(values, row, column);
      }
      this.bounds = { values, all };
    }
    return valuesOnly ? this.bounds.values : this.bounds.all;
  }

  /** The conditional formats covering a cell, in priority order. */
  conditionalFormatsAt(row: number, column: number): ConditionalFormatData[] {
    if (this.conditionalFormats.length === 0) return [];
    if (!this.cfIndex) {
      const index = new Map<number, ConditionalFormatData[]>();
      for (const cf of this.conditionalFormats) {
        for (const r of cf.rects) {
          const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
          if (area > 100_000) continue;
          for (let y = r.top; y <= r.bottom; y++) {
            for (let x = r.left; x <= r.right; x++) {
              const key = SheetModel.key(y, x);
              const list = index.get(key) ?? [];
              if (!list.includes(cf)) list.push(cf);
              index.set(key, list);
            }
          }
        }
      }
      this.cfIndex = index;
    }
    return this.cfIndex.get(SheetModel.key(row, column)) ?? [];
  }

  conditionalFormatsChanged(): void {
    this.cfIndex = null;
  }
}

function grow(r: Rect | null, row: number, column: number): Rect {
  if (!r) return { top: row, left: column, bottom: row, right: column };
  return {
    top: Math.min(r.top, row),
    left: Math.min(r.left, column),
    bottom: Math.max(r.bottom, row),
    right: Math.max(r.right, column),
  };
}
