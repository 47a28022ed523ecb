/**
 * The data snapshot as read back from a library, checked against a schema before anything uses it: a
 * snapshot is content anyone with write access to the library can craft, so a field of the wrong kind (an
 * object where an amount belongs, which a writer could turn into a formula; a list that is not one) is
 * refused here, with the path of the first wrong field, instead of failing later or reaching a workbook.
 * zod/mini: the same checks as zod, without the part of it a browser bundle would pay for and not use.
 */
import * as z from 'zod/mini';
import { PRIORITIES } from './prioritizationClass';
import type { PlanSnapshot } from './snapshot';

/** Excel's own limit for a cell's text: longer text in a snapshot was not written by the tool. */
const CELL_TEXT = 32_767;
/** Far above any plan; bounds what a crafted snapshot can make the tool write. */
const MAX_ROWS = 100_000;

const text = z.string().check(z.maxLength(CELL_TEXT));
const amount = z.nullable(z.number());
const amounts = z.array(amount).check(z.maxLength(1000));
const year = z.int().check(z.gte(1900), z.lte(9999));

const location = z.object({
  sheet: text,
  table: text,
  row: z.optional(z.int()),
  column: z.optional(text),
  address: z.optional(text),
});

const finding = z.object({
  code: z.string().check(z.regex(/^[A-Z_]{1,64}$/)),
  severity: z.enum(['error', 'warning', 'info']),
  message: text,
  messageEn: text,
  location: z.optional(location),
  year: z.optional(year),
  excess: z.optional(z.number()),
  area: z.optional(text),
});

const version = z.object({
  row: z.int(),
  date: z.nullable(text),
  dateShown: text,
  labelShown: text,
  description: text,
  changedBy: text,
  forum: z.nullable(z.enum(['TF', 'PF', 'BF'])),
  decision: z.nullable(z.enum(['Utkast', 'Inskickad', 'Fastställd', 'Återremitterad'])),
  forumShown: z.optional(text),
  decisionShown: z.optional(text),
});

const schema = z.object({
  schema: z.literal('tjansteplan.snapshot/1'),
  area: text,
  period: text,
  years: z.array(year).check(z.maxLength(100)),
  version: text,
  forum: z.nullable(text),
  decision: z.nullable(text),
  decisionDate: z.nullable(text),
  totals: z.record(z.string().check(z.regex(/^\d{4}$/)), z.object({ development: amount, maintenance: amount, frame: amount })),
  initiatives: z
    .array(
      z.object({
        row: z.int(),
        nr: text,
        name: text,
        development: amounts,
        maintenance: amounts,
        comment: text,
        isStatedSum: z.boolean(),
        // Optional: snapshots written before priorities were carried have none.
        priority: z.optional(z.nullable(z.enum(PRIORITIES))),
      }),
    )
    .check(z.maxLength(MAX_ROWS)),
  frame: z.optional(z.array(z.object({ year, development: amount, operations: amount })).check(z.maxLength(100))),
  maintenanceStated: z.optional(z.boolean()),
  versions: z.array(version).check(z.maxLength(MAX_ROWS)),
  findings: z.array(finding).check(z.maxLength(MAX_ROWS)),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  fileSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export type SnapshotParse = { ok: true; snapshot: PlanSnapshot } | { ok: false; reason: string };

/** A parsed JSON value as a PlanSnapshot, or why not: the first wrong field's path, in Swedish. */
export function parsePlanSnapshot(value: unknown): SnapshotParse {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, snapshot: result.data as PlanSnapshot };
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `fältet ${issue.path.map(String).join('.')}` : 'innehållet';
  return { ok: false, reason: `ögonblicksbilden följer inte formatet (${where} har fel form)` };
}
