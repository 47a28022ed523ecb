/**
 * What a snapshot carries for Prioriteringsforum and for reports read from the library: each initiative's
 * Prioritet and whether the plan states maintenance impact at all. Both are optional, so snapshots published
 * before they were added still parse and read as before.
 */
import { figuresOfSnapshot } from '../../src/domain/consolidation';
import { prioritizationBasis } from '../../src/domain/prioritizationInput';
import { snapshotOf, type PlanSnapshot } from '../../src/domain/snapshot';
import { planOfSnapshot } from '../../src/domain/snapshotPlan';
import { parsePlanSnapshot } from '../../src/domain/snapshotSchema';
import { parseVersionLabel, type VersionEntry } from '../../src/domain/versions';
import { areaFrame, cityFrame, initiative, makePlan } from './planBuilder';

const approved: VersionEntry = { row: 1, date: '2021-12-08', dateShown: '2021-12-08', label: parseVersionLabel('1.0'), labelShown: '1.0', description: '', changedBy: '', forum: 'PF', decision: 'Fastställd' };
const HASH = 'a'.repeat(64);

function prioritised() {
  const plan = makePlan({
    area: 'IT',
    initiatives: [
      { ...initiative(1, 'Lag om tillgänglighet', [100, 100, 0], [0, 10, 10], '1'), priority: 'Måste', priorityShown: 'Måste' },
      { ...initiative(2, 'Pott digitalisering', [50, 50, 50], [0, 0, 0], '2'), priority: 'Kan', priorityShown: 'kan' },
      { ...initiative(3, 'Nytt intranät', [20, 0, 0], [0, 0, 0], '3'), priority: null, priorityShown: '' },
    ],
    frame: areaFrame('IT', { 2022: 150, 2023: 140, 2024: 40 }),
  });
  return plan;
}

/** Through JSON and the schema, as a reader of the library gets it. */
function readBack(s: PlanSnapshot): PlanSnapshot {
  const parsed = parsePlanSnapshot(JSON.parse(JSON.stringify(s)));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.snapshot;
}

describe('priority in the snapshot', () => {
  it('round-trips through JSON and the schema, empty as null', () => {
    const s = readBack(snapshotOf(prioritised(), approved, [], { fingerprint: HASH, fileSha256: HASH }));
    expect(s.initiatives.map((r) => r.priority)).toEqual(['Måste', 'Kan', null]);
  });

  it('is left out for a plan without the Prioritet column, and such a snapshot reads as one with none stated', () => {
    const plan = makePlan({ initiatives: [initiative(1, 'A', [1, 2, 3], [0, 0, 0], '1')] });
    const s = readBack(snapshotOf(plan, approved, [], { fingerprint: HASH, fileSha256: HASH }));
    expect('priority' in s.initiatives[0]).toBe(false);
    expect(planOfSnapshot(s).initiatives[0].priority).toBeUndefined();
  });

  it('refuses a priority that is not one of the words, naming the field', () => {
    const s = JSON.parse(JSON.stringify(snapshotOf(prioritised(), approved, [], { fingerprint: HASH, fileSha256: HASH }))) as Record<string, unknown>;
    (s.initiatives as Record<string, unknown>[])[1].priority = '=HYPERLINK("x")';
    const parsed = parsePlanSnapshot(s);
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('initiatives.1.priority') });
  });

  it('gives the prioritisation basis the same items, priorities and frames as the plan itself', () => {
    const plan = prioritised();
    const frame = cityFrame({}, { 2022: 150 });
    const fromPlan = prioritizationBasis([{ plan, file: 'it.xlsx' }], frame);
    const fromSnapshot = prioritizationBasis([{ plan: planOfSnapshot(readBack(snapshotOf(plan, approved, [], { fingerprint: HASH, fileSha256: HASH }))), file: 'it.xlsx' }], frame);
    expect(fromSnapshot.items).toEqual(fromPlan.items);
    expect(fromSnapshot.items.map((i) => i.priority)).toEqual(['Måste', 'Kan', null]);
    expect(fromSnapshot.areaFrames).toEqual([[150, 140, 40]]);
    expect(fromSnapshot.frame).toEqual([150, null, null]);
  });
});

describe('maintenanceStated in the snapshot', () => {
  it('says false for a plan whose Vidmakthålla cells are all empty, and reports then show no maintenance', () => {
    const plan = { ...makePlan({ area: 'Kommunikation', initiatives: [initiative(1, 'A', [1, 2, 3], [null, null, null], '1')] }), maintenanceStated: false };
    const s = readBack(snapshotOf(plan, approved, [], { fingerprint: HASH, fileSha256: HASH }));
    expect(s.maintenanceStated).toBe(false);
    expect(figuresOfSnapshot(s).maintenanceStated).toBe(false);
  });

  it('says true for a plan that states maintenance, even when every figure is 0 (a stated 0 is not "–")', () => {
    const plan = makePlan({ area: 'Ekonomi', initiatives: [initiative(1, 'A', [1, 2, 3], [0, 0, 0], '1')] });
    const s = readBack(snapshotOf(plan, approved, [], { fingerprint: HASH, fileSha256: HASH }));
    expect(s.maintenanceStated).toBe(true);
    expect(figuresOfSnapshot(s).maintenanceStated).toBeUndefined();
  });

  it('an old snapshot without the field still parses, and all-zero maintenance is still taken as not stated', () => {
    const plan = makePlan({ area: 'Vård och omsorg', initiatives: [initiative(1, 'A', [1, 2, 3], [0, 0, 0], '1')] });
    const { maintenanceStated: _m, ...old } = snapshotOf(plan, approved, [], { fingerprint: HASH, fileSha256: HASH });
    const s = readBack(old as PlanSnapshot);
    expect(s.maintenanceStated).toBeUndefined();
    expect(figuresOfSnapshot(s).maintenanceStated).toBe(false);
  });
});
