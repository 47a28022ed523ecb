/**
 * The formulas the test host can calculate, so that a formula written through the API shows a result as
 * it would in Excel, and formulas recalculate when their inputs change:
 *   - references: `=C5`, `=$C$5`, `=Ram!B2`, `='Tjänsteplan 2'!C5`, ranges inside functions (`C5:C20`);
 *   - structured references: `Initiativ[Utveckling 2022]`, `T[#Data]`, `T[#All]`, `T[#Headers]`, `T[#Totals]`,
 *     `T[[#Totals],[Col]]`, `T[[Col1]:[Col2]]`;
 *   - `SUM`, `SUBTOTAL` (1/101 average, 2/102 count, 3/103 counta, 4/104 max, 5/105 min, 9/109 sum; nested
 *     SUBTOTALs in its ranges are skipped as Excel does), `AVERAGE`, `COUNT`, `COUNTA`, `MIN`, `MAX`,
 *     `ISTEXT`, `ISNUMBER`, `ISBLANK`, `N`;
 *   - numbers, "text", TRUE/FALSE, error literals, `+ - * / ^ & %` and comparisons.
 * Anything else (another function, a defined name, a formula that does not parse) is "not supported":
 * written through the API its result is `#NAME?`; read from a file it keeps the result the file cached.
 *
 * tokens.ts reads the text, parse.ts makes the tree (compile), evaluate.ts calculates it, rewrite.ts
 * changes references in the text when sheets, tables or cells move.
 */
export { evaluate, type FormulaEnv } from './evaluate';
export { compile, isSubtotalFormula, type Compiled } from './parse';
export { renameSheetIn, renameTableIn, shiftRowsIn, type RowShift } from './rewrite';
