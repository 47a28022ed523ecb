/**
 * `tjansteplan validate` (and `template`) as a user runs them: the real command in a child process, against
 * the broken workbooks of test/fixtures/broken and the manifest that says what each must report and where.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FINDING_CODES } from '../../src/domain/findings';
import {
  cli,
  expectFindings,
  expectOneLineReason,
  FIXTURES,
  inBatches,
  loadManifest,
  type ExpectedFinding,
  type Run,
  type ValidateJson,
} from './helpers';

jest.setTimeout(120_000);

const manifest = loadManifest();
const plain = manifest.plans.filter((p) => !p.frame);
const withFrame = manifest.plans.filter((p) => p.frame);
const SAMPLE_FRAME = 'test/fixtures/frame/budgetram-2022-2024.xlsx';
const SAMPLE_PLANS = readdirSync(path.join(FIXTURES, 'plans'))
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => `test/fixtures/plans/${f}`);
const byFile = (json: ValidateJson, file: string) => {
  const report = json.files.find((r) => r.file === file);
  if (!report) throw new Error(`${file} saknas i utdata`);
  return report;
};
const fixture = (name: string) => {
  const entry = manifest.plans.find((p) => p.file.endsWith(`/${name}`));
  if (!entry) throw new Error(`${name} saknas i expected.json`);
  return entry;
};

describe('the broken fixtures and their manifest', () => {
  const all = [...manifest.plans, ...manifest.frames];
  const expected = (): ExpectedFinding[] => [
    ...all.flatMap((p) => p.findings),
    ...manifest.frames.flatMap((f) => f.planFindings),
    ...manifest.consolidate.flatMap((c) => c.findings),
  ];

  it('holds at least 30 broken workbooks, every one of them in the manifest', () => {
    const dir = path.join(FIXTURES, 'broken');
    const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    const listed = new Set([
      ...all.map((p) => p.file),
      ...manifest.consolidate.flatMap((c) => [c.frame, ...c.files]),
    ]);
    expect(files.filter((f) => !listed.has(`test/fixtures/broken/${f}`))).toEqual([]);
    expect(all.filter((p) => p.findings.length > 0).length).toBeGreaterThanOrEqual(30);
    for (const p of all) expect(statSync(path.join(FIXTURES, '..', '..', p.file)).isFile()).toBe(true);
  });

  it('covers every finding code of the catalogue', () => {
    const covered = new Set(expected().map((f) => f.code));
    // These need more than one workbook: two plans of an area, a framed area without a plan (consolidation,
    // test/domain/consolidation.test.ts), or the library's published versions
    // (test/domain/rules/decisionLedger.test.ts). PRIORITY_INVALID has no broken fixture yet
    // (test/domain/rules/priority.test.ts reads it from a table).
    const elsewhere = ['AREA_PLAN_MISSING', 'AREA_DUPLICATE', 'APPROVED_WITH_ERRORS', 'DECISION_UNPUBLISHED', 'PRIORITY_INVALID'];
    expect(FINDING_CODES.filter((c) => !covered.has(c) && !elsewhere.includes(c))).toEqual([]);
  });

  it('covers the variants that matter', () => {
    const findings = expected();
    const has = (code: string, test: (f: ExpectedFinding) => boolean) => findings.some((f) => f.code === code && test(f));
    // PERIOD_MISMATCH: the unreadable Planperiod and a year column outside the period.
    expect(has('PERIOD_MISMATCH', (f) => f.table === 'Planuppgifter')).toBe(true);
    expect(has('PERIOD_MISMATCH', (f) => f.table === 'Initiativ' && f.row === null)).toBe(true);
    expect(has('NOT_A_NUMBER', (f) => /tusental/.test(f.messageIncludes ?? ''))).toBe(true);
    expect(has('NOT_A_NUMBER', (f) => /grupper/.test(f.messageIncludes ?? ''))).toBe(true);
    for (const error of ['#REF!', '#VALUE!', '#DIV/0!']) expect(has('FORMULA_ERROR', (f) => f.messageIncludes === error)).toBe(true);
    expect(has('SUM_MISMATCH', (f) => f.column?.startsWith('Utveckling') ?? false)).toBe(true);
    expect(has('SUM_MISMATCH', (f) => f.column?.startsWith('Vidmakthålla') ?? false)).toBe(true);
    expect(has('OVER_FRAME', (f) => f.table === 'Ram')).toBe(true);
    expect(has('CITY_OVER_FRAME', (f) => f.year === 2022 && f.excess === 27192)).toBe(true);
    expect(withFrame.some((p) => p.findings.some((f) => f.code === 'FRAME_DIFFERS'))).toBe(true);
  });
});

describe('validate --json on every broken plan (one batch)', () => {
  let run: Run;
  let json: ValidateJson;
  beforeAll(async () => {
    run = await cli(['validate', '--json', ...plain.map((p) => p.file)]);
    json = JSON.parse(run.stdout) as ValidateJson;
  });

  it('reports every file, in order, and exits 1 because some have errors', () => {
    expect(json.files.map((r) => r.file)).toEqual(plain.map((p) => p.file));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it.each(plain.map((p) => [p.file.split('/').pop()!, p] as const))('%s', (_name, entry) => {
    const report = byFile(json, entry.file);
    expect(report.error).toBeUndefined();
    expectFindings(report.findings, entry.findings);
  });

  it('gives every finding a Swedish message and a location with sheet and table', () => {
    for (const r of json.files) {
      for (const f of r.findings) {
        expect(f.message).toMatch(/\S/);
        expect(f.location?.sheet).toMatch(/\S/);
        expect(f.location?.table).toMatch(/\S/);
      }
    }
  });
});

describe('validate --frame on plans checked against finance\'s frame', () => {
  const runs = new Map<string, Run>();
  beforeAll(async () => {
    const jobs = [
      ...withFrame.map((p) => [p.file, ['validate', '--json', '--frame', p.frame!, p.file]] as const),
      ...manifest.frames.map((f) => [f.file, ['validate', '--json', '--frame', f.file, f.plan]] as const),
    ];
    for (const [file, run] of await inBatches(jobs, 4, async ([file, args]) => [file, await cli([...args])] as const)) runs.set(file, run);
  });

  it.each(withFrame.map((p) => [p.file.split('/').pop()!, p] as const))('%s', (_name, entry) => {
    const run = runs.get(entry.file)!;
    const json = JSON.parse(run.stdout) as ValidateJson;
    // The frame file itself is only listed when it has findings of its own.
    expect(json.files.map((r) => r.file)).toEqual([entry.file]);
    expectFindings(byFile(json, entry.file).findings, entry.findings);
    expect(run.code).toBe(entry.exitCode);
  });

  it.each(manifest.frames.map((f) => [f.file.split('/').pop()!, f] as const))('a broken frame: %s', (_name, entry) => {
    const run = runs.get(entry.file)!;
    const json = JSON.parse(run.stdout) as ValidateJson;
    expect(json.files.map((r) => r.file)).toEqual([entry.file, entry.plan]);
    expectFindings(byFile(json, entry.file).findings, entry.findings);
    expectFindings(byFile(json, entry.plan).findings, entry.planFindings);
    expect(run.code).toBe(entry.exitCode);
  });
});

describe('exit codes', () => {
  it('is 0 for the fixtures with warnings and info only, validated together', async () => {
    const quiet = plain.filter((p) => p.exitCode === 0);
    expect(quiet.length).toBeGreaterThanOrEqual(5);
    const run = await cli(['validate', '--json', ...quiet.map((p) => p.file)]);
    expect(run.code).toBe(0);
  });

  // One process per fixture costs half a second, so each error code is proven alone once: the fewest
  // fixtures that together hold every error code, each validated on its own, must exit 1. (Every fixture's
  // severities are already compared exactly in the batch above.)
  it('is 1 for a fixture with an error, validated alone, for every error code', async () => {
    const failing = plain.filter((p) => p.exitCode === 1);
    const errorCodes = (p: (typeof plain)[number]) => new Set(p.findings.filter((f) => f.severity === 'error').map((f) => f.code));
    const uncovered = new Set(failing.flatMap((p) => [...errorCodes(p)]));
    const chosen: typeof plain = [];
    while (uncovered.size > 0) {
      const best = failing.reduce((a, b) =>
        [...errorCodes(b)].filter((c) => uncovered.has(c)).length > [...errorCodes(a)].filter((c) => uncovered.has(c)).length ? b : a,
      );
      chosen.push(best);
      errorCodes(best).forEach((c) => uncovered.delete(c));
    }
    expect(chosen.length).toBeGreaterThanOrEqual(5);
    const codes = await inBatches(chosen, Math.max(2, os.cpus().length), async (p) => [p.file, (await cli(['validate', p.file])).code] as const);
    expect(codes.filter(([, code]) => code !== 1)).toEqual([]);
  });
});

describe('the nine sample plans', () => {
  it('have no errors (exit 0)', async () => {
    const run = await cli(['validate', '--json', ...SAMPLE_PLANS]);
    expect(SAMPLE_PLANS).toHaveLength(9);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as ValidateJson;
    expect(json.files).toHaveLength(9);
    expect(json.files.flatMap((r) => r.findings).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('have no errors against the sample frame either (exit 0)', async () => {
    const run = await cli(['validate', '--json', '--frame', SAMPLE_FRAME, ...SAMPLE_PLANS]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as ValidateJson;
    expect(json.files.map((r) => r.file)).toEqual(SAMPLE_PLANS);
    expect(json.files.flatMap((r) => r.findings).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('messages and output', () => {
  const notANumber = fixture('11-inte-ett-belopp.xlsx');
  const sums = fixture('19-summor-fel-i-tva-block.xlsx');
  const noFrame = fixture('04-ram-bladet-borttaget.xlsx');

  it('--lang en gives English messages', async () => {
    const run = await cli(['validate', '--json', '--lang', 'en', notANumber.file, sums.file, noFrame.file]);
    const json = JSON.parse(run.stdout) as ValidateJson;
    const messages = json.files.flatMap((r) => r.findings.map((f) => f.message));
    expect(messages).toHaveLength(notANumber.findings.length + sums.findings.length + noFrame.findings.length);
    expect(messages).toEqual(
      expect.arrayContaining([
        '"1.000" in column Utveckling 2023 is not an amount. The dot could be a thousands separator or a decimal point; write e.g. 1 000 or 1,5.',
        '"45 00" in column Vidmakthålla 2022 is not an amount. Spaces must split the number into groups of three digits (1 000 000).',
        'The sum in Utveckling 2022 is 4 500 tkr but rows 1–2 add up to 4 200 tkr (difference 300 tkr).',
        'No frame for Ekonomi 2022; the plan cannot be checked against a frame that year.',
      ]),
    );
    for (const m of messages) expect(m).not.toMatch(/(^|\s)(är|saknas|kolumnen|raderna|Ingen)(\s|$)/);
    // The findings themselves do not change with the language.
    expectFindings(byFile(json, notANumber.file).findings.map((f) => ({ ...f, message: '' })), notANumber.findings.map(({ messageIncludes: _m, ...f }) => f));
  });

  it('human output names each cell as sheet!address with its code', async () => {
    const shifted = fixture('29-annat-verktyg-rubriker-och-placering.xlsx');
    const renamed = fixture('40-blad-omdopat.xlsx');
    const run = await cli(['validate', notANumber.file, shifted.file, renamed.file]);
    expect(run.code).toBe(1);
    const out = run.stdout;
    expect(out).toContain(`${notANumber.file}: 3 fel, 0 varningar, 0 upplysningar`);
    for (const entry of [notANumber, shifted, renamed]) {
      for (const f of entry.findings) {
        const line = out.split('\n').find((l) => l.includes(f.code) && l.includes(`${f.sheet}!${f.address}`));
        expect(line ?? `${f.code} at ${f.sheet}!${f.address} not in:\n${out}`).toMatch(/^\s+FEL\s/);
      }
    }
    expect(out).toContain('"1.000" i kolumnen Utveckling 2023 är inte ett belopp.');
  });

  it('human output in English says row, not rad', async () => {
    const run = await cli(['validate', '--lang', 'en', notANumber.file]);
    expect(run.stdout).toContain('3 errors');
    expect(run.stdout).toMatch(/ERROR\s+NOT_A_NUMBER\s+Tjänsteplan!D9 \(Initiativ, row 1, Utveckling 2023\)/);
  });
});

describe('unreadable files', () => {
  const runs = new Map<string, Run>();
  beforeAll(async () => {
    for (const [file, run] of await inBatches(manifest.unreadable, 4, async (u) => [u.file, await cli(['validate', u.file])] as const)) {
      runs.set(file, run);
    }
  });

  it.each(manifest.unreadable.map((u) => [u.file.split('/').pop()!, u] as const))('%s exits 2 with a one-line reason', (_name, entry) => {
    const run = runs.get(entry.file)!;
    expect(run.code).toBe(entry.exitCode);
    expectOneLineReason(run.stderr, entry.file, entry.message);
    expect(run.stdout).toBe('');
  });

  it('are reported in the JSON beside the readable files, which are still checked', async () => {
    const good = fixture('00-grund-utan-fel.xlsx');
    const broken = fixture('11-inte-ett-belopp.xlsx');
    const [empty, notExcel] = manifest.unreadable;
    const run = await cli(['validate', '--json', good.file, empty.file, broken.file, notExcel.file]);
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout) as ValidateJson;
    expect(json.files.map((r) => r.file)).toEqual([good.file, empty.file, broken.file, notExcel.file]);
    expectFindings(byFile(json, good.file).findings, good.findings);
    expectFindings(byFile(json, broken.file).findings, broken.findings);
    expect(byFile(json, empty.file)).toEqual({ file: empty.file, error: expect.stringContaining(empty.message), findings: [] });
    expect(byFile(json, notExcel.file).error).toContain(notExcel.message);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0].startsWith(`${empty.file}: `)).toBe(true);
    expect(lines[1].startsWith(`${notExcel.file}: `)).toBe(true);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('a file that does not exist exits 2 naming it', async () => {
    const run = await cli(['validate', 'test/fixtures/finns-inte.xlsx']);
    expect(run.code).toBe(2);
    expectOneLineReason(run.stderr, 'test/fixtures/finns-inte.xlsx', 'finns inte');
  });

  it('an unreadable frame exits 2 naming the frame file', async () => {
    const frame = manifest.unreadable[0].file;
    const run = await cli(['validate', '--frame', frame, fixture('00-grund-utan-fel.xlsx').file]);
    expect(run.code).toBe(2);
    expectOneLineReason(run.stderr, frame, manifest.unreadable[0].message);
  });
});

describe('template', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tjansteplan-template-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const frameMissing = (years: number[]): ExpectedFinding[] =>
    years.map((year, i) => ({
      code: 'FRAME_MISSING',
      severity: 'warning',
      sheet: 'Ram',
      table: 'Ram',
      row: i + 1,
      column: 'Utveckling',
      address: `B${i + 2}`,
      year,
      area: 'Ekonomi',
    }));

  it('writes an empty plan that validates with only a missing frame each year (exit 0)', async () => {
    const out = path.join(dir, 'ekonomi.xlsx');
    const made = await cli(['template', '--area', 'Ekonomi', '--period', '2022–2024', out]);
    expect(made.code).toBe(0);
    expect(made.stderr).not.toMatch(/^\s+at /m);
    const run = await cli(['validate', '--json', out]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as ValidateJson;
    expectFindings(json.files[0].findings, frameMissing([2022, 2023, 2024]));
  });

  it('fills the Ram table from finance\'s frame, so the new plan validates clean against it', async () => {
    const out = path.join(dir, 'ekonomi-med-ram.xlsx');
    expect((await cli(['template', '--area', 'Ekonomi', '--period', '2022-2024', '--frame', SAMPLE_FRAME, out])).code).toBe(0);
    const alone = await cli(['validate', '--json', out]);
    expect(alone.code).toBe(0);
    expectFindings((JSON.parse(alone.stdout) as ValidateJson).files[0].findings, []);
    const against = await cli(['validate', '--json', '--frame', SAMPLE_FRAME, out]);
    expect(against.code).toBe(0);
    expectFindings((JSON.parse(against.stdout) as ValidateJson).files[0].findings, []);
  });

  it('refuses to overwrite an existing file without --force (exit 2), and replaces it with --force', async () => {
    const out = path.join(dir, 'finns.xlsx');
    writeFileSync(out, 'mitt arbete');
    const refused = await cli(['template', '--area', 'Ekonomi', '--period', '2022–2024', out]);
    expect(refused.code).toBe(2);
    expectOneLineReason(refused.stderr, out, '--force');
    expect(readFileSync(out, 'utf8')).toBe('mitt arbete');
    const forced = await cli(['template', '--area', 'Ekonomi', '--period', '2022–2024', '--force', out]);
    expect(forced.code).toBe(0);
    const run = await cli(['validate', '--json', out]);
    expect(run.code).toBe(0);
    expectFindings((JSON.parse(run.stdout) as ValidateJson).files[0].findings, frameMissing([2022, 2023, 2024]));
  });

  it('refuses a period it cannot read (exit 2) and writes nothing', async () => {
    const out = path.join(dir, 'fel-period.xlsx');
    const run = await cli(['template', '--area', 'Ekonomi', '--period', '2022/24', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2022/24');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).not.toContain('fel-period.xlsx');
  });
});
