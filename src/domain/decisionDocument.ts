/**
 * A prioritisation decision as the library keeps it beside the Prioriteringsbeslut workbook, for the area's
 * controller to apply without opening that workbook: the decision's particulars and rows, exactly what
 * `readDecision` gets from the workbook's tables. Anyone with write access to the library can craft it, so
 * it is checked on read like a snapshot (snapshotSchema.ts): wrong kinds, lengths or words are refused with
 * the path of the first wrong field.
 */
import * as z from 'zod/mini';
import type { DecisionAction, DecisionRow } from './prioritizationDecision';

export interface DecisionDocumentData {
  info: { forum: string; date: string; period: string; status: 'Beslut' };
  rows: DecisionRow[];
}

const CELL_TEXT = 32_767;
const text = z.string().check(z.maxLength(CELL_TEXT));
const tkr = z.int().check(z.gte(-1e12), z.lte(1e12));
const ACTIONS: readonly DecisionAction[] = ['cut', 'reduce', 'defer', 'receive'];

const schema = z.object({
  info: z.object({
    forum: z.enum(['TF', 'PF', 'BF']),
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    period: z.string().check(z.maxLength(64)),
    status: z.literal('Beslut'),
  }),
  rows: z
    .array(
      z.object({
        area: text,
        nr: text,
        initiative: text,
        row: z.int().check(z.gte(1), z.lte(1_048_576)),
        year: z.int().check(z.gte(1900), z.lte(9999)),
        before: tkr,
        after: tkr,
        action: z.enum(ACTIONS as ['cut', 'reduce', 'defer', 'receive']),
        reason: text,
      }),
    )
    .check(z.maxLength(100_000)),
});

export type DecisionDocumentParse = { ok: true; data: DecisionDocumentData } | { ok: false; reason: string };

export function parseDecisionDocumentData(value: unknown): DecisionDocumentParse {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `fältet ${issue.path.map(String).join('.')}` : 'innehållet';
  return { ok: false, reason: `beslutet följer inte formatet (${where} har fel form)` };
}

/**
 * The decision in one canonical form (fixed key order), whether it comes from the pane that saved it or from
 * the saved workbook's tables: its hash is how the library recognises the same decision published again.
 */
export function decisionDocumentData(info: { forum: string; date: string; period: string }, rows: readonly DecisionRow[]): DecisionDocumentData {
  return {
    info: { forum: info.forum, date: info.date, period: info.period, status: 'Beslut' },
    rows: rows.map((r) => ({ area: r.area, nr: r.nr, initiative: r.initiative, row: r.row, year: r.year, before: r.before, after: r.after, action: r.action, reason: r.reason })),
  };
}
