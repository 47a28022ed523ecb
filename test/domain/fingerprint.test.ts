import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  canonicalForm,
  canonicalPlan,
  changedCells,
  fingerprint,
  normalizeText,
} from '../../src/domain/fingerprint';
import { checkChangedSinceApproval } from '../../src/domain/approval';
import { periodOf } from '../../src/domain/period';
import type { FrameYear, Initiative, Plan } from '../../src/domain/plan';
import { snapshotOf, type PlanSnapshot } from '../../src/domain/snapshot';
import { parseVersionLabel, type VersionEntry } from '../../src/domain/versions';
import { areaFrame, initiative, initiativeRef, makePlan } from './planBuilder';

const SAMPLES = path.resolve(__dirname, '../fixtures/samples/tjansteplan-2022-2024.json');
if (!existsSync(SAMPLES)) {
  throw new Error(`The samples are missing: expected ${SAMPLES} (a copy of ../shared/samples kept in test/fixtures/samples by npm run fixtures). These tests read the real plans from it.`);
}
interface SampleArea {
  rows: { nr: number | null; initiativ: string; utveckling: (number | null)[]; vidmakthalla: (number | null)[] }[];
  versions?: { datum: string; version: string; beskrivning: string; andratAv: string }[];
}
const samples = JSON.parse(readFileSync(SAMPLES, 'utf8')) as { areas: Record<string, SampleArea> };

function entry(row: number, labelShown: string, decision: VersionEntry['decision'] = null, forum: VersionEntry['forum'] = null): VersionEntry {
  return { row, date: null, dateShown: '', label: parseVersionLabel(labelShown), labelShown, description: '', changedBy: '', forum, decision };
}

/** The Ekonomi plan of the samples, built fresh each time; its frame (= its sums) is invented for the test. */
function ekonomi(): Plan {
  const a = samples.areas.Ekonomi;
  return makePlan({
    area: 'Ekonomi',
    initiatives: a.rows.map((r, i) =>
      initiative(i + 1, r.initiativ, r.utveckling.map((v) => v ?? 0), r.vidmakthalla.map((v) => v ?? 0), r.nr === null ? '' : String(r.nr)),
    ),
    frame: areaFrame('Ekonomi', { 2022: 5200, 2023: 4500, 2024: 4500 }),
    versions: (a.versions ?? []).map((v, i) => ({ ...entry(i + 1, v.version), date: v.datum, dateShown: v.datum, description: v.beskrivning })),
  });
}

/** Changes one year of the plan's Ram table (its map is read-only to the domain). */
function setFrame(p: Plan, year: number, patch: Partial<FrameYear>) {
  const years = new Map(p.frame!.years);
  years.set(year, { ...years.get(year)!, ...patch });
  p.frame = { ...p.frame!, years };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Initiativ: header on sheet row 10 from column B (Nr B, Initiativ C, Utveckling D–F, Vidmakthålla G–I, Kommentar J). */
const at = (row: number, column: string, address: string) => ({ sheet: 'Tjänsteplan', table: 'Initiativ', row, column, address });

describe('canonicalPlan', () => {
  it('is one line per fact, every text quoted', () => {
    expect(canonicalPlan(ekonomi())).toBe(
      [
        'tjansteplan.canonical/1',
        '["plan","Ekonomi","2022–2024","tkr"]',
        '["initiative","1","Fortsatt arbete: Digitalisering inom område ekonomi",[4700,4500,4500],[200,200,0],"",false]',
        '["initiative","2","Förstudie: Sammanställda räkenskaper",[500,0,0],[0,0,0],"",false]',
        '["initiative","","Summa",[5200,4500,4500],[200,200,0],"",true]',
        '["frame",2022,5200,null]',
        '["frame",2023,4500,null]',
        '["frame",2024,4500,null]',
        '',
      ].join('\n'),
    );
  });

  it('keeps an unreadable amount apart from 0, and a name with quotes or a line break apart from the next field', () => {
    const plan = makePlan({ initiatives: [{ ...initiative(1, 'A "B"\nC', [null, 0, -0]), comment: 'x","y' }] });
    expect(canonicalPlan(plan).split('\n')[2]).toBe('["initiative","","A \\"B\\"\\nC",[null,0,0],[0,0,0],"x\\",\\"y",false]');
  });

  it('normalises what a person cannot see: NFC, trailing and repeated spaces, no-break spaces, CRLF', () => {
    expect(normalizeText('  Inko\u0308p \u00a0 och  styrning \r\nrad två \t')).toBe('Inköp och styrning\nrad två');
    const a = makePlan({ area: 'Inköp', initiatives: [{ ...initiative(1, 'Avtalskatalog', [100, 0, 0], [0, 0, 0], '1'), comment: 'Ny' }] });
    const b = makePlan({
      area: 'Inko\u0308p ',
      initiatives: [{ ...initiative(1, 'Avtalskatalog\u00a0 ', [100, 0, 0], [0, 0, 0], ' 1 '), comment: ' Ny  ' }],
    });
    expect(canonicalPlan(b)).toBe(canonicalPlan(a));
  });

  it('reads the period as the en-dash text and the frame in year order, whatever order the Ram rows have', () => {
    const a = makePlan({ frame: areaFrame('IT', { 2022: 1, 2023: 2, 2024: 3 }) });
    const reversed = new Map([...a.frame!.years.entries()].reverse());
    const b: Plan = { ...a, frame: { ...a.frame!, years: reversed } };
    expect(canonicalPlan(b)).toBe(canonicalPlan(a));
    expect(canonicalForm(a).period).toBe('2022–2024');
  });
});

describe('fingerprint', () => {
  it('is the SHA-256 hex of the canonical text, through Web Crypto', async () => {
    expect(globalThis.crypto?.subtle).toBeDefined();
    const plan = ekonomi();
    const fp = await fingerprint(plan);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fp).toBe(sha256(canonicalPlan(plan)));
  });

  it('is stable across equal plans, and ignores the history, the owner, empty rows and where the tables stand', async () => {
    const base = await fingerprint(ekonomi());
    expect(await fingerprint(ekonomi())).toBe(base);
    const other = ekonomi();
    other.versions.push(entry(8, '4.0', 'Fastställd', 'PF'));
    other.versions[0] = { ...other.versions[0], description: 'Första utkastet', changedBy: 'Någon annan' };
    other.info.owner = 'Magnus';
    other.info.securityLevel = 'K2';
    other.initiatives = other.initiatives.map((r, i) => ({ ...r, row: r.row + i * 2 })); // empty rows between
    other.initiativeTable = initiativeRef(undefined, 40);
    other.initiativeTable = { ...other.initiativeTable, headerRow: 30, firstColumn: 5 };
    expect(await fingerprint(other)).toBe(base);
  });

  it('changes on any amount, name, Nr, comment, frame, area or period edit, and on moving a row', async () => {
    const base = await fingerprint(ekonomi());
    const edits: [string, (p: Plan) => void][] = [
      ['an amount', (p) => (p.initiatives[0].development[1] = 4501)],
      ['a maintenance amount', (p) => (p.initiatives[1].maintenance[2] = -1)],
      ['an amount becoming unreadable', (p) => (p.initiatives[1].development[1] = null)],
      ['a name', (p) => (p.initiatives[1].name = 'Förstudie: Sammanställd räkenskap')],
      ['a Nr', (p) => (p.initiatives[1].nr = '3')],
      ['a comment', (p) => (p.initiatives[0].comment = 'Fortsätter')],
      ['the frame', (p) => setFrame(p, 2023, { development: 4600 })],
      ['the frame operations', (p) => setFrame(p, 2024, { operations: 1 })],
      ['no frame table', (p) => (p.frame = null)],
      ['the area', (p) => (p.info.area = 'Inköp')],
      ['the period', (p) => (p.info.period = periodOf(2023, 2025))],
      ['the row order', (p) => p.initiatives.splice(0, 2, p.initiatives[1], p.initiatives[0])],
      ['a removed row', (p) => p.initiatives.splice(1, 1)],
    ];
    const seen = new Set([base]);
    for (const [what, edit] of edits) {
      const p = ekonomi();
      edit(p);
      const fp = await fingerprint(p);
      expect({ what, changed: fp !== base }).toEqual({ what, changed: true });
      seen.add(fp);
    }
    expect(seen.size).toBe(edits.length + 1);
  });
});

describe('changedCells', () => {
  const approvedEntry = entry(5, '1.0', 'Fastställd', 'PF');
  const snapshot = (plan: Plan): PlanSnapshot => snapshotOf(plan, approvedEntry, [], { fingerprint: '', fileSha256: '' });

  it('is 0 for the same tables, from a snapshot or the canonical form', () => {
    const approved = ekonomi();
    expect(changedCells(snapshot(approved), ekonomi())).toEqual({ count: 0, cells: [] });
    expect(changedCells(canonicalForm(approved), ekonomi())).toEqual({ count: 0, cells: [] });
  });

  it('counts each changed cell once, located in the current workbook', () => {
    const approved = snapshot(ekonomi());
    const now = ekonomi();
    now.initiatives[0].development[1] = 4000; // E11
    now.initiatives[0].maintenance[2] = 100; // I11
    now.initiatives[1].name = 'Förstudie'; // C12
    now.initiatives[2].comment = 'Summan stämmer'; // J13
    setFrame(now, 2023, { development: 4000 }); // Ram B3
    expect(changedCells(approved, now)).toEqual({
      count: 5,
      cells: [
        at(1, 'Utveckling 2023', 'E11'),
        at(1, 'Vidmakthålla 2024', 'I11'),
        at(2, 'Initiativ', 'C12'),
        at(3, 'Kommentar', 'J13'),
        { sheet: 'Ram', table: 'Ram', row: 2, column: 'Utveckling', address: 'B3' },
      ],
    });
  });

  it('counts every cell of an added or removed row (Nr, Initiativ, 6 amounts, Kommentar)', () => {
    const approved = snapshot(ekonomi());
    const added = ekonomi();
    added.initiatives.push(initiative(4, 'Nytt initiativ', [0, 0, 0], [0, 0, 0], '3'));
    const a = changedCells(approved, added);
    expect(a.count).toBe(9);
    expect(a.cells[0]).toEqual(at(4, 'Nr', 'B14'));
    expect(a.cells[8]).toEqual(at(4, 'Kommentar', 'J14'));

    const removed = ekonomi();
    removed.initiatives.pop();
    const r = changedCells(approved, removed);
    expect(r.count).toBe(9);
    // The removed Summa row has no cell left: named by the row it would take, without an address.
    expect(r.cells[0]).toEqual({ sheet: 'Tjänsteplan', table: 'Initiativ', row: 3, column: 'Nr' });
    expect(r.cells.every((c) => c.address === undefined)).toBe(true);
  });

  it('matches rows by position, so moving a row changes both rows', () => {
    const now = ekonomi();
    now.initiatives.splice(0, 2, { ...now.initiatives[1], row: 1 }, { ...now.initiatives[0], row: 2 });
    // Nr, Initiativ and the differing amounts of both rows; equal cells (Kommentar, empty maintenance 2024) are not counted.
    const cells = changedCells(snapshot(ekonomi()), now).cells.map((c) => c.address);
    expect(cells).toEqual(['B11', 'C11', 'D11', 'E11', 'F11', 'G11', 'H11', 'B12', 'C12', 'D12', 'E12', 'F12', 'G12', 'H12']);
  });

  it('counts the area, the period and the year columns of a changed period', () => {
    const now = ekonomi();
    now.info.area = 'Ekonomi och inköp';
    expect(changedCells(snapshot(ekonomi()), now).cells).toEqual([{ sheet: 'Tjänsteplan', table: 'Planuppgifter', column: 'Värde' }]);
    const later = makePlan({ years: [2023, 2024, 2025], initiatives: [initiative(1, 'A', [1, 2, 3])] });
    const earlier = makePlan({ years: [2022, 2023, 2024], initiatives: [initiative(1, 'A', [0, 1, 2])] });
    // The period (1), then per row: Utveckling 2022 and 2025 exist on one side only (2), 2023 and 2024 agree;
    // Vidmakthålla 2022 and 2025 likewise (2).
    expect(changedCells(canonicalForm(earlier), later).count).toBe(5);
  });

  it('counts frame years added or removed, and compares an older snapshot by its development frame only', () => {
    const approved = snapshot(ekonomi());
    const noFrame = ekonomi();
    noFrame.frame = null;
    expect(changedCells(approved, noFrame)).toEqual({
      count: 6,
      // No Ram table left: named by the contract's names and the rows the years took.
      cells: [1, 2, 3].flatMap((row) => [
        { sheet: 'Ram', table: 'Ram', row, column: 'Utveckling' },
        { sheet: 'Ram', table: 'Ram', row, column: 'Förvaltning' },
      ]),
    });
    const old: PlanSnapshot = { ...approved };
    delete old.frame;
    const ops = ekonomi();
    setFrame(ops, 2022, { operations: 46168 });
    expect(changedCells(old, ops).count).toBe(0);
    setFrame(ops, 2022, { development: 5000 });
    expect(changedCells(old, ops).cells).toEqual([{ sheet: 'Ram', table: 'Ram', row: 1, column: 'Utveckling', address: 'B2' }]);
    // An older snapshot of a plan without a Ram table against a plan still without one: nothing changed.
    const bare = makePlan({ initiatives: [initiative(1, 'A', [1, 2, 3])] });
    const bareOld: PlanSnapshot = { ...snapshotOf(bare, approvedEntry, [], { fingerprint: '', fileSha256: '' }) };
    delete bareOld.frame;
    expect(changedCells(bareOld, bare).count).toBe(0);
  });

  it('counts 0 exactly when the canonical texts agree (random plans and edits)', () => {
    const text = fc.constantFrom('', 'A', 'A ', 'Inköp', 'Inko\u0308p', 'Summa', 'B');
    const amount = fc.option(fc.integer({ min: -3, max: 3 }), { nil: null });
    const row = fc.record({
      nr: text,
      name: text,
      development: fc.array(amount, { minLength: 3, maxLength: 3 }),
      maintenance: fc.array(amount, { minLength: 3, maxLength: 3 }),
      comment: text,
    });
    const frameYear = fc.record({ development: amount, operations: amount });
    const plan = fc.record({
      area: fc.constantFrom('IT', 'IT ', 'HR'),
      first: fc.constantFrom(2022, 2023),
      rows: fc.array(row, { maxLength: 4 }),
      frame: fc.option(fc.array(frameYear, { maxLength: 3 }), { nil: null }),
    });
    const build = (p: { area: string; first: number; rows: Omit<Initiative, 'row' | 'isStatedSum'>[]; frame: { development: number | null; operations: number | null }[] | null }): Plan => {
      const years = [p.first, p.first + 1, p.first + 2];
      const built = makePlan({
        area: p.area,
        years,
        initiatives: p.rows.map((r, i) => ({ ...initiative(i + 1, r.name, r.development, r.maintenance, r.nr), comment: r.comment })),
      });
      if (p.frame) {
        const f = areaFrame(p.area, Object.fromEntries(p.frame.map((y, i) => [years[i], y.development])));
        built.frame = f;
        p.frame.forEach((y, i) => setFrame(built, years[i], { operations: y.operations }));
      }
      return built;
    };
    // The second plan is the first after 0–2 edits, some of which change nothing a person can see.
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), row: fc.nat(3), field: fc.constantFrom('nr' as const, 'name' as const, 'comment' as const), value: text }),
      fc.record({ kind: fc.constant('amount' as const), row: fc.nat(3), field: fc.constantFrom('development' as const, 'maintenance' as const), year: fc.nat(2), value: amount }),
      fc.record({ kind: fc.constant('area' as const), value: fc.constantFrom('IT', 'IT ', 'HR') }),
      fc.record({ kind: fc.constant('drop' as const), row: fc.nat(3) }),
    );
    fc.assert(
      fc.property(plan, fc.array(edit, { maxLength: 2 }), (a, edits) => {
        const b = structuredClone(a);
        for (const e of edits) {
          if (e.kind === 'area') b.area = e.value;
          else if (b.rows.length === 0) continue;
          else if (e.kind === 'drop') b.rows.splice(e.row % b.rows.length, 1);
          else if (e.kind === 'text') b.rows[e.row % b.rows.length][e.field] = e.value;
          else b.rows[e.row % b.rows.length][e.field][e.year] = e.value;
        }
        const pa = build(a);
        const pb = build(b);
        const same = canonicalPlan(pa) === canonicalPlan(pb);
        const { count, cells } = changedCells(canonicalForm(pa), pb);
        expect(cells.length).toBe(count);
        expect(count === 0).toBe(same);
        expect(changedCells(snapshot(pa), pb).count).toBe(count);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkChangedSinceApproval', () => {
  const approved = (): PlanSnapshot => snapshotOf(ekonomi(), entry(5, '1.0', 'Fastställd', 'PF'), [], { fingerprint: '', fileSha256: '' });

  it('says nothing when the tables are those approved', () => {
    expect(checkChangedSinceApproval(approved(), ekonomi())).toEqual([]);
  });

  it('says how many cells differ, at the first of them; info while the plan is a new draft', () => {
    const now = ekonomi(); // its history's newest row is the 3.0 draft
    for (let i = 0; i < 3; i++) now.initiatives[i].development = [1, 2, 3];
    for (let i = 0; i < 3; i++) now.initiatives[i].maintenance = [1, 2, 3];
    expect(checkChangedSinceApproval(approved(), now)).toEqual([
      {
        code: 'CHANGED_SINCE_APPROVAL',
        severity: 'info',
        message: '18 celler skiljer sig från den fastställda versionen 1.0.',
        messageEn: '18 cells differ from the approved version 1.0.',
        location: at(1, 'Utveckling 2022', 'D11'),
      },
    ]);
    const one = ekonomi();
    one.initiatives[1].comment = 'Ny';
    expect(checkChangedSinceApproval(approved(), one).map((f) => [f.message, f.messageEn])).toEqual([
      ['1 cell skiljer sig från den fastställda versionen 1.0.', '1 cell differs from the approved version 1.0.'],
    ]);
  });

  it('is a warning when the history says the workbook is that approved version', () => {
    const now = ekonomi();
    now.versions = [entry(1, '0.5', 'Fastställd', 'TF'), entry(2, '1,0', 'Fastställd', 'PF')];
    now.initiatives[1].name = 'Förstudie';
    expect(checkChangedSinceApproval(approved(), now).map((f) => [f.code, f.severity, f.location?.address])).toEqual([
      ['CHANGED_SINCE_APPROVAL', 'warning', 'C12'],
    ]);
    // Approved again since, as 2.0: the 1.0 snapshot is an older version, the changes are expected.
    now.versions.push(entry(3, '2.0', 'Fastställd', 'BF'));
    expect(checkChangedSinceApproval(approved(), now).map((f) => f.severity)).toEqual(['info']);
  });
});
