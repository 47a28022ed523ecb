/**
 * What changed between two versions of a plan, for forum review (granskning): initiatives added, removed
 * and renamed (matched by Nr, then by name), amounts per year with deltas, and frame changes. Change notes
 * turn the diff into Swedish sentences for Beskrivning in the version history.
 */
import { formatDelta, formatTkr, type Tkr } from './money';
import { developmentColumn, maintenanceColumn, type Plan } from './plan';
import type { PlanSnapshot } from './snapshot';

/** A version of a plan as the diff needs it, from a workbook or from a published snapshot. */
export interface PlanVersion {
  years: readonly number[];
  initiatives: readonly { nr: string; name: string; development: readonly (Tkr | null)[]; maintenance: readonly (Tkr | null)[] }[];
  /** Development frame per year. */
  frame: Readonly<Record<number, Tkr | null>>;
}

export function versionOfPlan(plan: Plan): PlanVersion {
  const frame: Record<number, Tkr | null> = {};
  for (const y of plan.info.period.years) frame[y] = plan.frame?.years.get(y)?.development ?? null;
  return { years: plan.info.period.years, initiatives: plan.initiatives.filter((r) => !r.isStatedSum), frame };
}

export function versionOfSnapshot(s: PlanSnapshot): PlanVersion {
  const frame: Record<number, Tkr | null> = {};
  for (const y of s.years) frame[y] = s.totals[String(y)]?.frame ?? null;
  return { years: s.years, initiatives: s.initiatives.filter((r) => !r.isStatedSum), frame };
}

export interface AmountChange {
  /** Contract header, e.g. `Utveckling 2023`. */
  column: string;
  year: number;
  before: Tkr | null;
  after: Tkr | null;
  delta: Tkr | null;
}

export type InitiativeChange =
  | { kind: 'added'; nr: string; name: string; development: readonly (Tkr | null)[] }
  | { kind: 'removed'; nr: string; name: string; development: readonly (Tkr | null)[] }
  | { kind: 'changed'; nr: string; name: string; renamedFrom?: string; amounts: AmountChange[] };

export interface FrameChange {
  year: number;
  before: Tkr | null;
  after: Tkr | null;
}

export interface PlanDiff {
  years: readonly number[];
  initiatives: InitiativeChange[];
  frame: FrameChange[];
}

const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

export function diffPlans(before: PlanVersion, after: PlanVersion): PlanDiff {
  const years = [...new Set([...before.years, ...after.years])].sort((a, b) => a - b);
  const unmatched = new Set(before.initiatives.map((_, i) => i));
  const byNr = new Map<string, number>();
  const byName = new Map<string, number>();
  before.initiatives.forEach((r, i) => {
    if (r.nr !== '' && !byNr.has(r.nr)) byNr.set(r.nr, i);
    if (!byName.has(nameKey(r.name))) byName.set(nameKey(r.name), i);
  });
  const changes: InitiativeChange[] = [];
  for (const r of after.initiatives) {
    const take = (i: number | undefined) => (i !== undefined && unmatched.has(i) ? i : undefined);
    const i = take(r.nr !== '' ? byNr.get(r.nr) : undefined) ?? take(byName.get(nameKey(r.name)));
    if (i === undefined) {
      changes.push({ kind: 'added', nr: r.nr, name: r.name, development: align(after.years, years, r.development) });
      continue;
    }
    unmatched.delete(i);
    const old = before.initiatives[i];
    const amounts = [
      ...amountChanges(years, before.years, old.development, after.years, r.development, developmentColumn),
      ...amountChanges(years, before.years, old.maintenance, after.years, r.maintenance, maintenanceColumn),
    ];
    const renamed = nameKey(old.name) !== nameKey(r.name);
    if (amounts.length > 0 || renamed) changes.push({ kind: 'changed', nr: r.nr, name: r.name, ...(renamed ? { renamedFrom: old.name } : {}), amounts });
  }
  for (const i of unmatched) {
    const r = before.initiatives[i];
    changes.push({ kind: 'removed', nr: r.nr, name: r.name, development: align(before.years, years, r.development) });
  }
  const frame: FrameChange[] = [];
  for (const y of years) {
    const b = before.frame[y] ?? null;
    const a = after.frame[y] ?? null;
    if (a !== b) frame.push({ year: y, before: b, after: a });
  }
  return { years, initiatives: changes, frame };
}

function align(own: readonly number[], all: readonly number[], amounts: readonly (Tkr | null)[]): (Tkr | null)[] {
  return all.map((y) => {
    const i = own.indexOf(y);
    return i < 0 ? null : (amounts[i] ?? null);
  });
}

function amountChanges(
  years: readonly number[],
  beforeYears: readonly number[],
  before: readonly (Tkr | null)[],
  afterYears: readonly number[],
  after: readonly (Tkr | null)[],
  column: (y: number) => string,
): AmountChange[] {
  const b = align(beforeYears, years, before);
  const a = align(afterYears, years, after);
  const out: AmountChange[] = [];
  years.forEach((year, k) => {
    if (a[k] === b[k]) return;
    const delta = a[k] === null || b[k] === null ? null : a[k]! - b[k]!;
    out.push({ column: column(year), year, before: b[k], after: a[k], delta });
  });
  return out;
}

const amount = (v: Tkr | null) => (v === null ? 'okänt belopp' : formatTkr(v));
const label = (nr: string, name: string) => `initiativ ${nr !== '' ? `${nr} ` : ''}${name}`;

/**
 * The draft of Beskrivning: one Swedish sentence per change, e.g. "Utveckling 2023 för initiativ 7 E-arkiv
 * ändrad från 4 500 tkr till 3 040 tkr (−1 460 tkr)". The user edits it before it is written.
 */
export function changeNotes(diff: PlanDiff): string[] {
  const notes: string[] = [];
  for (const c of diff.initiatives) {
    if (c.kind === 'added') {
      const total = c.development.reduce<number>((s, v) => s + (v ?? 0), 0);
      notes.push(`${capital(label(c.nr, c.name))} tillagt (utveckling ${formatTkr(total)} under perioden).`);
    } else if (c.kind === 'removed') {
      notes.push(`${capital(label(c.nr, c.name))} borttaget.`);
    } else {
      if (c.renamedFrom !== undefined) notes.push(`${capital(label(c.nr, c.renamedFrom))} har bytt namn till ${c.name}.`);
      for (const a of c.amounts) {
        const delta = a.delta === null ? '' : ` (${formatDelta(a.delta)})`;
        notes.push(`${a.column} för ${label(c.nr, c.name)} ändrad från ${amount(a.before)} till ${amount(a.after)}${delta}.`);
      }
    }
  }
  for (const f of diff.frame) {
    const delta = f.before !== null && f.after !== null ? ` (${formatDelta(f.after - f.before)})` : '';
    notes.push(`Ramen för utveckling ${f.year} ändrad från ${amount(f.before)} till ${amount(f.after)}${delta}.`);
  }
  return notes;
}

function capital(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}
