/**
 * A small library as the publisher leaves it, for the reviewers' page tests: plan versions put with Graph
 * (file, then the .json snapshot beside it, then the columns), as GraphPlanLibrary does, and a forum's
 * document in a subfolder of the period folder.
 */
import { SNAPSHOT_SCHEMA, type PlanSnapshot } from '../../../src/domain/snapshot';
import type { Finding } from '../../../src/domain/findings';
import { byPath, type TestLibrary } from './helpers';

export const YEARS = [2025, 2026, 2027];

export interface Row {
  nr: string;
  name: string;
  development: number[];
  maintenance?: number[];
  sum?: boolean;
}

export function snapshotOf(o: { area: string; period?: string; version: string; forum: string; decision: string; date?: string | null; rows: Row[]; frame?: number; findings?: Finding[] }): PlanSnapshot {
  const years = o.period ? [Number(o.period.slice(0, 4)), Number(o.period.slice(0, 4)) + 1, Number(o.period.slice(0, 4)) + 2] : YEARS;
  const plain = o.rows.filter((r) => !r.sum);
  const total = (f: 'development' | 'maintenance', k: number) => plain.reduce((s, r) => s + (r[f]?.[k] ?? 0), 0);
  return {
    schema: SNAPSHOT_SCHEMA,
    area: o.area,
    period: o.period ?? '2025–2027',
    years,
    version: o.version,
    forum: o.forum,
    decision: o.decision,
    decisionDate: o.date ?? null,
    totals: Object.fromEntries(years.map((y, k) => [String(y), { development: total('development', k), maintenance: total('maintenance', k), frame: o.frame ?? null }])),
    initiatives: o.rows.map((r, i) => ({ row: i + 1, nr: r.nr, name: r.name, development: r.development, maintenance: r.maintenance ?? years.map(() => 0), comment: '', isStatedSum: !!r.sum })),
    frame: years.map((year) => ({ year, development: o.frame ?? null, operations: null })),
    versions: [{ row: 1, date: o.date ?? null, dateShown: o.date ?? '', labelShown: o.version, description: 'Version för forum', changedBy: 'Controller', forum: o.forum as 'PF', decision: o.decision as 'Fastställd' }],
    findings: o.findings ?? [],
    fingerprint: 'a'.repeat(64),
    fileSha256: 'b'.repeat(64),
  };
}

/** Puts `<period>/<area> <period> v<version>.xlsx` (or `<fileName>.xlsx`), its snapshot (unless null) and its columns; returns the file's id. */
export async function publish(lib: TestLibrary, s: PlanSnapshot | null, fields: { area: string; period?: string; version: string; forum: string; decision: string; date?: string; fileName?: string }): Promise<string> {
  const client = lib.client();
  const { driveId } = lib.running.ids;
  const period = fields.period ?? '2025–2027';
  const name = fields.fileName ?? `${fields.area} ${period} v${fields.version}`;
  const file = (await client.api(`${byPath(driveId, period, `${name}.xlsx`)}:/content`).put(`arbetsbok ${name}`)) as { id: string };
  if (s) await client.api(`${byPath(driveId, period, `${name}.json`)}:/content`).header('Content-Type', 'application/json').put(JSON.stringify(s));
  await client.api(`/drives/${encodeURIComponent(driveId)}/items/${file.id}/listItem/fields`).patch({
    Tjansteomrade: fields.area,
    Planperiod: period,
    Version: fields.version,
    Forum: fields.forum,
    Beslut: fields.decision,
    ...(fields.date ? { Beslutsdatum: fields.date } : {}),
  });
  return file.id;
}

export async function put(lib: TestLibrary, path: string[], content: string): Promise<string> {
  const { driveId } = lib.running.ids;
  return ((await lib.client().api(`${byPath(driveId, ...path)}:/content`).put(content)) as { id: string }).id;
}

export async function page(lib: TestLibrary, path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await lib.fetch(`https://localhost:${lib.running.port}${path}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** The page's text with tags removed (inline ones without a space), entities of the escaper undone, spaces collapsed: what a reader sees. */
export function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<\/?(a|span|code)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
