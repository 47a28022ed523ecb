/**
 * Issue 15 fuzz, snapshot JSON: any JSON where a snapshot belongs — a valid snapshot with fields replaced by
 * anything (formula objects, lists that are not lists, huge numbers, deep nesting), or no snapshot at all.
 * Parsing never throws; what the schema lets through consolidates and packs without exceptions, and the
 * review pack written from it holds only the tool's own formulas.
 */
import fc from 'fast-check';
import { figuresOfSnapshot } from '../../src/domain/consolidation';
import { finding } from '../../src/domain/findings';
import { parsePlanSnapshot } from '../../src/domain/snapshotSchema';
import { SNAPSHOT_SCHEMA, type PlanSnapshot } from '../../src/domain/snapshot';
import { reviewPack } from '../../src/workbook/contract/reviewPackTables';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { formulasOf, OWN_FORMULA } from './formulas';

jest.setTimeout(300_000);

const HASH = 'a'.repeat(64);

function validSnapshot(): PlanSnapshot {
  return {
    schema: SNAPSHOT_SCHEMA,
    area: 'Ekonomi',
    period: '2022–2024',
    years: [2022, 2023, 2024],
    version: '1.0',
    forum: 'PF',
    decision: 'Fastställd',
    decisionDate: '2021-12-08',
    totals: { '2022': { development: 1200, maintenance: 0, frame: 5000 }, '2023': { development: 500, maintenance: null, frame: null }, '2024': { development: 0, maintenance: 100, frame: 5000 } },
    initiatives: [
      { row: 1, nr: '1', name: 'Nytt ekonomisystem', development: [1000, 500, 0], maintenance: [0, 100, 100], comment: '', isStatedSum: false },
      { row: 2, nr: '2', name: 'E-fakturor', development: [200, 0, null], maintenance: [null, null, null], comment: 'Gemensamt', isStatedSum: false },
    ],
    frame: [{ year: 2022, development: 5000, operations: null }],
    versions: [{ row: 1, date: '2021-12-08', dateShown: '2021-12-08', labelShown: '1.0', description: 'PF', changedBy: 'Åsa', forum: 'PF', decision: 'Fastställd' }],
    findings: [finding('FRAME_MISSING', { area: 'Ekonomi', year: 2024 }, { year: 2024, location: { sheet: 'Ram', table: 'Ram', row: 3, column: 'Utveckling', address: 'B4' } })],
    fingerprint: HASH,
    fileSha256: HASH,
  };
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    { formula: 'WEBSERVICE("https://x.example")', result: 1 },
    { formula: "cmd|' /C calc'!A0" },
    { sharedFormula: 'A1' },
    { richText: [{ text: '=1+1' }] },
    '=HYPERLINK("https://x.example","klicka")',
    "Område med ett långt namn som slutar'",
    '\u001b]0;titel\u0007',
    'x'.repeat(40_000),
    1e308,
    -0,
    [],
    {},
    null,
  ),
);

/** A path into the snapshot: a key at each level, indices as numbers. */
const path = fc.array(fc.oneof(fc.constantFrom('area', 'version', 'years', 'totals', '2022', 'development', 'initiatives', 'name', 'nr', 'comment', 'findings', 'message', 'location', 'sheet', 'versions', 'frame', 'forum', 'schema'), fc.nat(3)), { minLength: 1, maxLength: 4 });

function replaced(base: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const [key, ...rest] = at;
  if (typeof base !== 'object' || base === null) return base;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  if (!(key in copy)) return base;
  copy[key] = replaced(copy[key], rest, value);
  return copy;
}

const snapshotJson = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(path, hostileValue), { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce<unknown>((s, [p, v]) => replaced(s, p, v), validSnapshot())) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

describe('hostile snapshot JSON', () => {
  it('is parsed without exceptions; what passes packs and consolidates, and the pack has only the tool’s formulas', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(snapshotJson, async (json) => {
        // Through text, as it arrives from a library.
        const parsed = parsePlanSnapshot(JSON.parse(JSON.stringify(json) ?? 'null'));
        if (!parsed.ok) {
          expect(parsed.reason).toMatch(/^ögonblicksbilden följer inte formatet \(.+ har fel form\)$/);
          return;
        }
        accepted++;
        figuresOfSnapshot(parsed.snapshot);
        const version = { snapshot: parsed.snapshot, version: '1.0', forum: 'PF', decision: 'Fastställd', decisionDate: parsed.snapshot.decisionDate, file: 'x.xlsx' };
        const pack = reviewPack('PF', '2022–2024', [{ area: parsed.snapshot.area, presented: version, previous: { ...version, version: '0.5', snapshot: validSnapshot() } }]);
        const wb = new XlsxWorkbook();
        for (const sheet of pack.sheets) wb.workbook.addWorksheet(sheet.name).getCell('A1').value = sheet.title;
        await wb.createTables(pack.sheets.flatMap((s) => s.tables));
        for (const f of await formulasOf(await wb.toBuffer())) expect(f).toMatch(OWN_FORMULA);
      }),
      { numRuns: 150 },
    );
    // The property is about both sides: some hostile variants must pass the schema and be written.
    expect(accepted).toBeGreaterThan(5);
  });
});
