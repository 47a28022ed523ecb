/**
 * The city's whole budget in `consolidate`: förvaltning and utveckling and their sum per year, the indicative
 * budget against the final one, and förvaltning per verksamhetsområde with the change from the year before —
 * finance's ekonomisk sammanställning beyond development against the frame. Shown only when the frame
 * workbook has the figures.
 */
import { changeFromYearBefore, type BudgetHalves, type Consolidation } from '../domain/consolidation';
import type { Language } from '../domain/findings';
import { formatMkr, formatNumber } from '../domain/money';

const amount = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));
/** A change is signed: it says which way the money moved. */
const change = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v > 0 ? '+' : ''}${formatNumber(v)}`);
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [fmt(head), ...rows.map(fmt)];
}

export function budgetText(c: Consolidation, lang: Language): string[] {
  const sv = lang === 'sv';
  const lines: string[] = [];
  const years = c.budget.filter((b) => b.operations !== null || b.development !== null);
  if (years.length > 0) {
    lines.push('', sv ? 'Stadens budget för kommungemensamma tjänster (tkr)' : "The city's budget for common services (tkr)");
    const head = sv ? ['År', 'Förvaltning', 'Utveckling', 'Summa'] : ['Year', 'Operations', 'Development', 'Total'];
    lines.push(...table(head, years.map((b) => [String(b.year), amount(b.operations), amount(b.development), amount(b.total)])));
    for (const b of years) {
      if (b.total === null) continue;
      lines.push(
        sv
          ? `  ${b.year}: ${formatMkr(b.total)} = ${formatMkr(b.operations!)} förvaltning + ${formatMkr(b.development!)} utveckling.`
          : `  ${b.year}: ${formatMkr(b.total)} = ${formatMkr(b.operations!)} operations + ${formatMkr(b.development!)} development.`,
      );
    }
  }
  for (const b of c.budget) {
    if (!b.indicative) continue;
    const ind = b.indicative;
    const row = (label: string, key: keyof BudgetHalves) => [label, amount(ind[key]), amount(b[key]), change(diff(ind[key], b[key]))];
    lines.push('', sv ? `Indikativ budget mot slutlig ${b.year} (tkr)` : `Indicative against final budget ${b.year} (tkr)`);
    const head = sv ? ['', 'Indikativ', 'Slutlig', 'Förändring'] : ['', 'Indicative', 'Final', 'Change'];
    lines.push(
      ...table(head, [
        row(sv ? 'Förvaltning' : 'Operations', 'operations'),
        row(sv ? 'Utveckling' : 'Development', 'development'),
        row(sv ? 'Summa' : 'Total', 'total'),
      ]),
    );
  }
  const ops = c.operations;
  if (ops) {
    const shown = ops.years.slice(-2);
    const last = shown[shown.length - 1];
    lines.push('', sv ? 'Förvaltning per verksamhetsområde (tkr)' : 'Operations per business area (tkr)');
    const head = [sv ? 'Verksamhetsområde' : 'Business area', ...shown.map(String), sv ? 'Förändring' : 'Change'];
    const rows = ops.units.map((u) => [u.unit, ...shown.map((y) => amount(u.amounts[y])), change(changeFromYearBefore(u.amounts, last))]);
    rows.push([sv ? 'Summa' : 'Total', ...shown.map((y) => amount(ops.totals[y])), change(changeFromYearBefore(ops.totals, last))]);
    lines.push(...table(head, rows));
  }
  return lines;
}

/** The same figures for `--json`, under keys of their own so the existing shape stays as it was. */
export function budgetJson(c: Consolidation) {
  return {
    budget: Object.fromEntries(c.budget.map(({ year, ...b }) => [String(year), b])),
    operationsByUnit: c.operations
      ? {
          years: c.operations.years,
          units: c.operations.units.map((u) => ({
            unit: u.unit,
            amounts: u.amounts,
            change: Object.fromEntries(c.operations!.years.slice(1).map((y) => [String(y), changeFromYearBefore(u.amounts, y)])),
          })),
          totals: c.operations.totals,
          change: Object.fromEntries(c.operations.years.slice(1).map((y) => [String(y), changeFromYearBefore(c.operations!.totals, y)])),
        }
      : null,
  };
}
