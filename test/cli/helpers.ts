/**
 * Shared by the CLI tests: run the real command (`node bin/tjansteplan.js …`, built by `npm run build`) and
 * compare its findings with test/fixtures/broken/expected.json, written by scripts/make-broken-fixtures.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'tjansteplan.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'cli', 'main.js'))) {
  throw new Error('The command is not built: run `npm run build` before the CLI tests (npm test does).');
}

/** Runs `tjansteplan ARGS` in `cwd` (the repository root unless given). */
export function cli(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function inBatches<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// The manifest

export type { ConsolidateEntry, ExpectedFinding, FrameEntry, Manifest, PlanEntry, Severity, UnreadableEntry } from '../../scripts/fixtureManifest';
import type { ExpectedFinding, Manifest, Severity } from '../../scripts/fixtureManifest';

export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'broken', 'expected.json'), 'utf8')) as Manifest;
}

// ---------------------------------------------------------------------------------------------------------
// The command's JSON (docs/findings.md)

export interface JsonLocation {
  sheet: string;
  table: string;
  row?: number;
  column?: string;
  address?: string;
}

export interface JsonFinding {
  code: string;
  severity: Severity;
  message: string;
  year?: number;
  excess?: number;
  area?: string;
  location?: JsonLocation;
}

export interface ValidateJson {
  files: { file: string; error?: string; findings: JsonFinding[] }[];
}

export interface ConsolidateJson {
  areas: {
    area: string;
    file: string;
    version: string | null;
    years: Record<string, { development: number | null; maintenance: number | null; frame: number | null }>;
  }[];
  city: Record<string, { development: number | null; frame: number | null }>;
  findings: JsonFinding[];
  budget?: Record<string, { operations: number | null; development: number | null; total: number | null; indicative: { operations: number | null; development: number | null; total: number | null } | null }>;
  operationsByUnit?: {
    years: number[];
    units: { unit: string; amounts: Record<string, number | null>; change: Record<string, number | null> }[];
    totals: Record<string, number | null>;
    change: Record<string, number | null>;
  } | null;
}

/** A finding as the manifest states it, without the message: what must match exactly. */
export type Key = Omit<ExpectedFinding, 'messageIncludes'>;

export function keyOfActual(f: JsonFinding): Key {
  const k: Key = {
    code: f.code,
    severity: f.severity,
    sheet: f.location?.sheet ?? '',
    table: f.location?.table ?? '',
    row: f.location?.row ?? null,
    column: f.location?.column ?? null,
    address: f.location?.address ?? null,
  };
  if (f.year !== undefined) k.year = f.year;
  if (f.excess !== undefined) k.excess = f.excess;
  if (f.area !== undefined) k.area = f.area;
  return k;
}

export function keyOfExpected(f: ExpectedFinding): Key {
  const { messageIncludes: _ignored, ...k } = f;
  return k;
}

const order = (a: Key, b: Key) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/**
 * The full set of findings must be exactly the expected one (info included), and every expected message
 * fragment must appear in the message of a finding at that place.
 */
export function expectFindings(actual: JsonFinding[], expected: ExpectedFinding[]) {
  expect(actual.map(keyOfActual).sort(order)).toEqual(expected.map(keyOfExpected).sort(order));
  for (const e of expected) {
    if (!e.messageIncludes) continue;
    const key = JSON.stringify(keyOfExpected(e));
    const messages = actual.filter((a) => JSON.stringify(keyOfActual(a)) === key).map((a) => a.message);
    expect(messages.some((m) => m.includes(e.messageIncludes!)) ? e.messageIncludes : messages).toBe(e.messageIncludes);
  }
}

/** A message for an unreadable file: one line, naming the file, no stack trace. */
export function expectOneLineReason(stderr: string, file: string, fragment: string) {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`${file}: `)).toBe(true);
  expect(lines[0]).toContain(fragment);
  expect(stderr).not.toMatch(/^\s+at /m);
}
