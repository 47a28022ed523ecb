/**
 * Recalculation of the formulas the test host can calculate (formulas/), over the workbook's cells and
 * tables, and rewriting every formula when something they name changes (a sheet or table renamed).
 */
import { compile, evaluate, isSubtotalFormula, type FormulaEnv } from '../formulas';
import { sameScalar } from '../values';
import { SheetModel } from './sheetModel';
import { structuredRect } from './tableModel';
import type { WorkbookModel } from './workbookModel';

/** Evaluates every formula until none changes (at most 32 passes: the host keeps no dependency order). */
export function recalculate(model: WorkbookModel): void {
  for (let pass = 0; pass < 32; pass++) {
    let changed = false;
    for (const sheet of model.sheets) {
      const env = formulaEnv(model, sheet);
      for (const key of sheet.formulas) {
        const cell = sheet.cells.get(key);
        if (!cell?.c) continue;
        const v = evaluate(cell.c, env);
        if (!sameScalar(v, cell.v)) {
          cell.v = v;
          sheet.dirty.add(key);
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

/** What a formula standing on `sheet` sees of the workbook. */
export function formulaEnv(model: WorkbookModel, sheet: SheetModel): FormulaEnv {
  return {
    sheet: sheet.name,
    value: (name, row, column) => {
      const s = name === sheet.name ? sheet : model.sheetByName(name);
      return s ? (s.get(row, column)?.v ?? null) : undefined;
    },
    isSubtotal: (name, row, column) => {
      const s = name === sheet.name ? sheet : model.sheetByName(name);
      return isSubtotalFormula(s?.get(row, column)?.f);
    },
    structured: (tableName, spec) => {
      const t = model.tableByName(tableName);
      const r = t ? structuredRect(t, spec) : null;
      return t && r ? { sheet: t.sheet.name, rect: r } : null;
    },
  };
}

/** Rewrites every formula of the workbook (`rewrite` gives the text back unchanged where nothing applies). */
export function rewriteFormulas(model: WorkbookModel, rewrite: (formula: string) => string): void {
  for (const sheet of model.sheets) {
    for (const key of sheet.formulas) {
      const cell = sheet.cells.get(key)!;
      const f = rewrite(cell.f!);
      if (f === cell.f) continue;
      const { row, column } = SheetModel.position(key);
      sheet.put(row, column, { ...cell, f, c: compile(f) });
    }
  }
  model.invalidate();
}
