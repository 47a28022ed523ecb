import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TableRef } from '../../src/domain/location';
import { checkDecisionLedger } from '../../src/domain/rules/decisionLedger';
import { latestApproved, compareVersions, type Decision, type Forum, type VersionEntry } from '../../src/domain/versions';
import { planState, recordDecision, suggestNextVersion, type VersionIntent } from '../../src/domain/workflow';
import { finding } from '../../src/domain/findings';
import { versionEntry } from './versionEntries';

// ---------------------------------------------------------------------------------------------------------
// The real histories

const SAMPLES = path.resolve(__dirname, '../fixtures/samples/tjansteplan-2022-2024.json');
if (!existsSync(SAMPLES)) {
  throw new Error(`The samples are missing: expected ${SAMPLES} (a copy of ../shared/samples kept in test/fixtures/samples by npm run fixtures). These tests read the real version histories from it.`);
}

interface SampleVersion {
  datum: string;
  version: string;
  beskrivning: string;
  andratAv: string;
}
const samples = JSON.parse(readFileSync(SAMPLES, 'utf8')) as { areas: Record<string, { versions?: SampleVersion[] }> };

/**
 * The source names the deciding forum only in Beskrivning; this reads it as the fixtures do
 * (scripts/make-fixtures.ts), so that the histories carry their decisions.
 */
function decisionIn(text: string): { forum: Forum; decision: Decision } | null {
  const t = text.toLowerCase();
  if (t.includes('återremitter')) return null; // the version after a return, not the return itself
  if (/beslutad i tjänsteforum/.test(t)) return { forum: 'TF', decision: 'Fastställd' };
  if (/beslutad.*prioriteringsforum/.test(t)) return { forum: 'PF', decision: 'Fastställd' };
  if (/enligt beslut i beslutsforum/.test(t)) return { forum: 'BF', decision: 'Fastställd' };
  return null;
}

function realHistory(area: string): VersionEntry[] {
  const versions = samples.areas[area]?.versions;
  if (!versions) throw new Error(`The samples have no version history for ${area}`);
  return versions.map((v, i) => {
    const d = decisionIn(v.beskrivning);
    return versionEntry(i + 1, v.version, { date: v.datum, description: v.beskrivning, changedBy: v.andratAv, forum: d?.forum, decision: d?.decision });
  });
}

const AREAS_WITH_HISTORY = ['Ekonomi', 'Kommunikation', 'Ledning och styrning', 'Inköp'];

function intentOf(v: VersionEntry): VersionIntent {
  return v.forum && (v.decision === 'Fastställd' || v.decision === 'Återremitterad')
    ? { forum: v.forum, decision: v.decision }
    : { decision: 'Utkast' };
}

/** Row by row: what the add-in would have suggested for each real row, given the rows above it. */
function replay(area: string): [string, string][] {
  const h = realHistory(area);
  return h.map((v, i) => [v.labelShown, suggestNextVersion(h.slice(0, i), intentOf(v)).text]);
}

// ---------------------------------------------------------------------------------------------------------
// Hand-made histories

let nextRow = 0;
function entry(labelShown: string, decision: Decision | null = null, forum: Forum | null = null, date: string | null = null): VersionEntry {
  return versionEntry(++nextRow, labelShown, { decision, forum, date });
}
beforeEach(() => {
  nextRow = 0;
});

const draft: VersionIntent = { decision: 'Utkast' };
const submit: VersionIntent = { decision: 'Inskickad' };
const approve = (forum: Forum): VersionIntent => ({ forum, decision: 'Fastställd' });
const returnBy = (forum: Forum): VersionIntent => ({ forum, decision: 'Återremitterad' });
const suggest = (h: VersionEntry[], intent: VersionIntent) => suggestNextVersion(h, intent).text;

/** Versionshantering on sheet Versioner, header on row 3 from column A (as in planBuilder). */
function versionRef(bodyRows: number): TableRef {
  const headers = ['Datum', 'Version', 'Beskrivning', 'Ändrat av', 'Forum', 'Beslut'];
  return { sheet: 'Versioner', table: 'Versionshantering', headerRow: 3, firstColumn: 1, columns: new Map(headers.map((h, i) => [h, i])), bodyRows };
}

describe('suggestNextVersion on the real 2022–2024 histories', () => {
  it.each(AREAS_WITH_HISTORY)('%s: every suggestion is above every label so far, or the same version for a later forum', (area) => {
    const h = realHistory(area);
    h.forEach((v, i) => {
      const before = h.slice(0, i);
      const s = suggestNextVersion(before, intentOf(v));
      for (const earlier of before) {
        if (!earlier.label) continue;
        const c = compareVersions(s.label, earlier.label);
        if (s.reason === 'same-version') expect(c).toBeGreaterThanOrEqual(0);
        else expect(c).toBeGreaterThan(0);
      }
    });
  });

  it('Ekonomi: every suggestion as written — the drafts, TF 0.5, then PF 1.0 and BF 2.0', () => {
    expect(replay('Ekonomi')).toEqual([
      ['0.1', '0.1'],
      ['0.2', '0.2'],
      ['0.3', '0.3'],
      ['0.5', '0.5'], // Beslutad i tjänsteforum
      ['1.0', '1.0'], // PF "utan ändringar" on TF's 0.5: a new whole version, as Ekonomi wrote it
      ['2.0', '2.0'], // BF on PF's 1.0, likewise
      ['3.0', '2.1'], // "efter dialog i TF" is not worded as a decision, so it reads as a draft edit
    ]);
  });

  it('Ekonomi: a later forum gets the next whole version unless asked to keep the label', () => {
    const h = realHistory('Ekonomi');
    expect(suggestNextVersion(h.slice(0, 4), approve('PF'))).toEqual({
      label: { major: 1, minor: 0 },
      text: '1.0',
      reason: 'whole-version',
    });
    expect(suggestNextVersion(h.slice(0, 5), approve('BF')).text).toBe('2.0');
    // The autumn round starts at TF again: a new whole version (the real 3.0), changed or not.
    expect(suggestNextVersion(h.slice(0, 6), approve('TF')).text).toBe('3.0');
  });

  it('Inköp: PF decided 0.8 where 1.0 is suggested; from there on as written', () => {
    expect(replay('Inköp')).toEqual([
      ['0.1', '0.1'],
      ['0.2', '0.2'],
      ['0.3', '0.3'],
      ['0.4', '0.4'],
      ['0.5', '0.5'],
      ['0.8', '1.0'], // Beslutad i prioriteringsforum: the next whole version is suggested; Inköp chose 0.8
      ['0.9', '0.9'],
      ['1.0', '1.0'], // PF again, after a draft: the next whole version
      ['2.0', '2.0'], // BF on PF's 1.0: the next whole version, as written
      ['3.0', '2.1'],
    ]);
  });

  it('Kommunikation: labels chosen by hand (0.5, 1.0, 2.0, 3.5) without a recorded decision are drafts to the add-in', () => {
    expect(replay('Kommunikation')).toEqual([
      ['0.1', '0.1'],
      ['0.2', '0.2'],
      ['0.5', '0.3'], // "Justeringar": no forum named, so the next draft is suggested
      ['0.6', '0.6'],
      ['0.7', '0.7'],
      ['1.0', '0.8'], // "Korrektur"
      ['2.0', '1.1'], // "Neddragning" after BF's återremiss, not recorded as a decision
      ['3.0', '2.1'],
      ['3.5', '3.1'],
    ]);
  });

  it('Ledning och styrning: continues the decimal comma of the row above', () => {
    expect(replay('Ledning och styrning')).toEqual([
      ['0,1', '0.1'],
      ['0,2', '0,2'],
      ['0,3', '0,3'],
      ['0.4', '0,4'],
      ['0,5', '0.5'],
      ['0.6', '0,6'],
      ['0.7', '0.7'],
      ['0.8', '0.8'],
      ['0.9', '0.9'],
      ['1.0', '0.10'], // labels compare part by part: after 0.9 comes 0.10
      ['2.0', '1.1'],
      ['3.0', '2.1'],
    ]);
  });

  it('Ledning och styrning: a TF decision after 0,3 suggests 0,5', () => {
    const h = realHistory('Ledning och styrning').slice(0, 3);
    expect(suggestNextVersion(h, approve('TF'))).toEqual({ label: { major: 0, minor: 5 }, text: '0,5', reason: 'tf-decision' });
  });
});

describe('suggestNextVersion rules', () => {
  it('starts at 0.1, or at the decision label when a forum decides first', () => {
    expect(suggestNextVersion([], draft)).toEqual({ label: { major: 0, minor: 1 }, text: '0.1', reason: 'draft' });
    expect(suggest([], submit)).toBe('0.1');
    expect(suggest([], approve('TF'))).toBe('0.5');
    expect(suggest([], approve('PF'))).toBe('1.0');
    expect(suggest([], returnBy('BF'))).toBe('0.1');
  });

  it('a draft edit or a submission takes the next minor of the highest label, not of the newest row', () => {
    expect(suggest([entry('0.1'), entry('0.2')], draft)).toBe('0.3');
    expect(suggest([entry('0.1'), entry('0.2')], submit)).toBe('0.3');
    expect(suggest([entry('0.1'), entry('0.4'), entry('0.2')], draft)).toBe('0.5');
    expect(suggest([entry('1.0', 'Fastställd', 'PF')], draft)).toBe('1.1');
    expect(suggest([entry('0.9')], draft)).toBe('0.10');
  });

  it('a TF approval below 0.5 suggests 0.5; at or above it, the next whole version', () => {
    expect(suggestNextVersion([entry('0.3')], approve('TF')).reason).toBe('tf-decision');
    expect(suggest([entry('0.4', 'Inskickad')], approve('TF'))).toBe('0.5');
    expect(suggest([entry('0.5')], approve('TF'))).toBe('1.0');
    expect(suggest([entry('0.7')], approve('TF'))).toBe('1.0');
    expect(suggest([entry('2.0', 'Fastställd', 'BF'), entry('2.1')], approve('TF'))).toBe('3.0');
  });

  it('a PF or BF approval suggests the next whole version', () => {
    expect(suggestNextVersion([entry('0.3')], approve('PF'))).toEqual({ label: { major: 1, minor: 0 }, text: '1.0', reason: 'whole-version' });
    expect(suggest([entry('1.2')], approve('BF'))).toBe('2.0');
    expect(suggest([entry('0.5', 'Fastställd', 'TF'), entry('0.6', 'Inskickad')], approve('PF'))).toBe('1.0');
  });

  it('a later forum deciding on the version just approved keeps its label when asked to', () => {
    const same = { sameVersion: true };
    const h = [entry('0.3'), entry('0.5', 'Fastställd', 'TF')];
    expect(suggestNextVersion(h, approve('PF'), same)).toEqual({ label: { major: 0, minor: 5 }, text: '0.5', reason: 'same-version' });
    expect(suggestNextVersion(h, approve('BF'), same).text).toBe('0.5');
    expect(suggestNextVersion([...h, entry('0.5', 'Fastställd', 'PF')], approve('BF'), same).text).toBe('0.5');
    // Unless asked, a later forum gets the next whole version, as the documents record it.
    expect(suggest(h, approve('PF'))).toBe('1.0');
    // ... but not the same forum again, nor an earlier one: that is a new round.
    expect(suggest(h, approve('TF'))).toBe('1.0');
    expect(suggest([entry('1.0', 'Fastställd', 'PF')], approve('TF'))).toBe('2.0');
    // ... nor once the tables have changed, nor after a draft row, nor when a higher label exists.
    expect(suggestNextVersion(h, approve('PF')).text).toBe('1.0');
    expect(suggest([...h, entry('0.6')], approve('PF'))).toBe('1.0');
    expect(suggest([entry('0.7'), entry('0.5', 'Fastställd', 'TF')], approve('PF'))).toBe('1.0');
    // A return is never the same version.
    expect(suggest(h, returnBy('PF'))).toBe('0.6');
  });

  it('Återremitterad sends the plan back to draft: the next minor', () => {
    expect(suggestNextVersion([entry('1.1', 'Inskickad')], returnBy('BF'))).toEqual({ label: { major: 1, minor: 2 }, text: '1.2', reason: 'returned' });
    expect(suggest([entry('1.1', 'Inskickad'), entry('1.2', 'Återremitterad', 'BF')], draft)).toBe('1.3');
  });

  it('writes the label as the newest labelled row does', () => {
    expect(suggest([entry('0,1'), entry('0,2')], draft)).toBe('0,3');
    expect(suggest([entry('0,1'), entry('0.2')], draft)).toBe('0.3');
    expect(suggest([entry('0,1'), entry('utkast')], draft)).toBe('0,2');
    expect(suggest([entry('0,3')], approve('TF'))).toBe('0,5');
    expect(suggest([entry('0,5', 'Fastställd', 'TF')], approve('PF'))).toBe('1,0');
    expect(suggest([entry('v1,2')], approve('PF'))).toBe('2,0');
    expect(suggest([entry('1')], draft)).toBe('1.1');
  });

  it('ignores rows whose label cannot be read', () => {
    expect(suggest([entry('0.2'), entry('slutlig'), entry('')], draft)).toBe('0.3');
    expect(suggest([entry('slutlig', 'Fastställd', 'TF')], approve('PF'))).toBe('1.0');
  });
});

describe('planState', () => {
  it('is a draft without history, and for each real history (none ends in a recorded decision)', () => {
    expect(planState([])).toEqual({ kind: 'draft', current: null, approved: null });
    const ekonomi = realHistory('Ekonomi');
    expect(planState(ekonomi)).toEqual({ kind: 'draft', current: ekonomi[6], approved: ekonomi[5] });
    expect(planState(ekonomi).approved?.forum).toBe('BF');
    const inkop = realHistory('Inköp');
    expect(planState(inkop)).toMatchObject({ kind: 'draft', current: { labelShown: '3.0' }, approved: { labelShown: '2.0' } });
    expect(planState(realHistory('Ledning och styrning'))).toMatchObject({ kind: 'draft', approved: null });
    expect(planState(realHistory('Kommunikation'))).toMatchObject({ kind: 'draft', approved: null });
  });

  it('is approved at the row that approves, with that row', () => {
    const ekonomi = realHistory('Ekonomi').slice(0, 5);
    const s = planState(ekonomi);
    expect(s).toEqual({ kind: 'approved', current: ekonomi[4], approved: ekonomi[4] });
    expect(s.approved).toBe(latestApproved(ekonomi));
  });

  it('follows the newest row: draft, submitted, approved, returned', () => {
    const h = [entry('0.1', 'Utkast')];
    expect(planState(h).kind).toBe('draft');
    h.push(entry('0.2', 'Inskickad'));
    expect(planState(h)).toMatchObject({ kind: 'submitted', current: { labelShown: '0.2' }, approved: null });
    h.push(entry('0.5', 'Fastställd', 'TF'));
    expect(planState(h)).toMatchObject({ kind: 'approved', approved: { labelShown: '0.5', forum: 'TF' } });
    h.push(entry('0.6', 'Inskickad'));
    expect(planState(h)).toMatchObject({ kind: 'submitted', approved: { labelShown: '0.5' } });
    h.push(entry('0.6', 'Återremitterad', 'PF'));
    expect(planState(h)).toMatchObject({ kind: 'returned', current: { forum: 'PF' }, approved: { labelShown: '0.5' } });
    h.push(entry('0.7'));
    expect(planState(h)).toMatchObject({ kind: 'draft', current: { labelShown: '0.7' }, approved: { labelShown: '0.5' } });
  });

  it('stays approved over rows that only note the approved version again', () => {
    const h = [entry('0.5', 'Fastställd', 'TF'), entry('0,5'), entry('0.5')];
    expect(planState(h)).toMatchObject({ kind: 'approved', current: { row: 3 }, approved: { row: 1 } });
    expect(planState([...h, entry('0.5', 'Utkast')]).kind).toBe('draft');
    expect(planState([...h, entry('0.6')]).kind).toBe('draft');
  });

  it('is not approved by a decision on a version that cannot be read', () => {
    const h = [entry('0.5', 'Fastställd', 'TF'), entry('slutlig', 'Fastställd', 'PF')];
    expect(planState(h)).toMatchObject({ kind: 'draft', current: { labelShown: 'slutlig' }, approved: { labelShown: '0.5' } });
  });
});

describe('recordDecision', () => {
  const input = {
    date: '2021-02-04',
    version: '1.0',
    description: 'Beslutad i prioriteringsforum',
    changedBy: 'Jenny/Henrik',
    forum: 'PF' as Forum,
    decision: 'Fastställd' as Decision,
  };

  it('makes the row to append, after the last row of the table', () => {
    const h = [entry('0.8', 'Fastställd', 'PF', '2020-12-09'), entry('0.9', null, null, '2021-01-27')];
    const { entry: row, findings } = recordDecision(h, { ...input, description: ' Beslutad i prioriteringsforum ' }, { ref: versionRef(4) });
    expect(row).toEqual({
      row: 5, // the table's body has 4 rows (two of them empty)
      date: '2021-02-04',
      dateShown: '2021-02-04',
      label: { major: 1, minor: 0 },
      labelShown: '1.0',
      description: 'Beslutad i prioriteringsforum',
      changedBy: 'Jenny/Henrik',
      forum: 'PF',
      decision: 'Fastställd',
    });
    expect(findings).toEqual([]);
    expect(planState([...h, row])).toMatchObject({ kind: 'approved', approved: { labelShown: '1.0' } });
    expect(recordDecision(h, input).entry.row).toBe(3);
  });

  it('records every real history row by row with nothing to report', () => {
    for (const area of AREAS_WITH_HISTORY) {
      const real = realHistory(area);
      const built: VersionEntry[] = [];
      for (const v of real) {
        const r = recordDecision(built, { date: v.dateShown, version: v.labelShown, description: v.description, changedBy: v.changedBy, forum: v.forum, decision: v.decision }, { ref: versionRef(built.length) });
        expect({ area, row: r.entry.row, findings: r.findings }).toEqual({ area, row: v.row, findings: [] });
        built.push(r.entry);
      }
      expect(built).toEqual(real);
      expect(checkDecisionLedger(built, versionRef(built.length))).toEqual([]);
    }
  });

  it('reports a decision without a forum and a forum without a decision at their cells', () => {
    const h = [entry('0.3', null, null, '2021-01-01')];
    const a = recordDecision(h, { ...input, version: '0.5', forum: null }, { ref: versionRef(1) });
    expect(a.findings).toEqual([
      finding('DECISION_WITHOUT_FORUM', { decision: 'Fastställd', version: '0.5' }, { location: { sheet: 'Versioner', table: 'Versionshantering', row: 2, column: 'Forum', address: 'E5' } }),
    ]);
    const b = recordDecision(h, { ...input, version: '0.5', decision: null }, { ref: versionRef(1) });
    expect(b.findings.map((f) => [f.code, f.severity, f.location?.address])).toEqual([['FORUM_WITHOUT_DECISION', 'warning', 'F5']]);
  });

  it('reports a label lower than one already used, an earlier date and unreadable ones', () => {
    const h = [entry('1.0', 'Fastställd', 'PF', '2021-02-04')];
    const low = recordDecision(h, { ...input, version: '0,9', date: '2021-01-01' }, { ref: versionRef(1) });
    expect(low.findings.map((f) => [f.code, f.location?.address])).toEqual([
      ['VERSION_ORDER', 'B5'],
      ['DATE_ORDER', 'A5'],
    ]);
    const bad = recordDecision(h, { ...input, version: 'slutlig', date: '4 nov' }, { ref: versionRef(1) });
    expect(bad.entry).toMatchObject({ label: null, labelShown: 'slutlig', date: null, dateShown: '4 nov' });
    expect(bad.findings.map((f) => [f.code, f.location?.address])).toEqual([
      ['DATE_INVALID', 'A5'],
      ['VERSION_INVALID', 'B5'],
    ]);
    const none = recordDecision(h, { ...input, version: ' ' }, { ref: versionRef(1) });
    expect(none.findings.map((f) => f.code)).toEqual(['DECISION_WITHOUT_VERSION']);
  });

  it('accepts the same label when a later forum decides on the same version, and dates as typed', () => {
    const h = [entry('0.5', 'Fastställd', 'TF', '2020-11-12')];
    const r = recordDecision(h, { ...input, version: '0,5', date: '201208' }, { ref: versionRef(1) });
    expect(r.findings).toEqual([]);
    expect(r.entry.date).toBe('2020-12-08');
  });

  it('reports approving a plan with errors, with the plan findings given', () => {
    const errors = [finding('SUM_MISMATCH', { column: 'Utveckling 2022', stated: 5200, computed: 5000, fromRow: 1, toRow: 2 })];
    const warnings = [finding('FRAME_MISSING', { area: 'Ekonomi', year: 2022 })];
    const r = recordDecision([], input, { ref: versionRef(0), planFindings: errors });
    expect(r.findings).toEqual([
      {
        code: 'APPROVED_WITH_ERRORS',
        severity: 'error',
        message: 'Den fastställda versionen 1.0 har 1 fel; en plan med fel får inte fastställas.',
        messageEn: 'The approved version 1.0 has 1 error; a plan with errors must not be approved.',
        location: { sheet: 'Versioner', table: 'Versionshantering', row: 1, column: 'Beslut', address: 'F4' },
      },
    ]);
    expect(recordDecision([], input, { ref: versionRef(0), planFindings: warnings }).findings).toEqual([]);
    // Only an approval is checked against the plan's errors.
    expect(recordDecision([], { ...input, decision: 'Återremitterad' }, { ref: versionRef(0), planFindings: errors }).findings).toEqual([]);
    expect(recordDecision([], { ...input, decision: 'Inskickad', forum: null }, { planFindings: errors }).findings).toEqual([]);
  });

  it('without the table, still reports, unplaced', () => {
    const r = recordDecision([entry('1.0', null, null, '2021-03-01')], { ...input, version: '0.9', forum: null, date: '2021-02-01' });
    expect(r.entry.row).toBe(2);
    expect(r.findings.map((f) => [f.code, f.location])).toEqual([
      ['VERSION_ORDER', undefined],
      ['DATE_ORDER', undefined],
      ['DECISION_WITHOUT_FORUM', undefined],
    ]);
  });
});
