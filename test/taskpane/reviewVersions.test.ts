/**
 * Granskning's version picker (src/taskpane/review/versionChoice.ts and its words): a version sent to a forum
 * reads as submitted, never as approved, in both languages; the comparison starts from the newest approved.
 */
import type { PublishedVersion } from '../../src/publish/planLibrary';
import { REVIEW_STRINGS } from '../../src/taskpane/review/strings';
import { defaultChoice, stateOf } from '../../src/taskpane/review/versionChoice';
import { newestFirst } from '../../src/app/approvedVersions';

const version = (Version: string, Beslut: string, Forum: string, date: string): PublishedVersion => ({
  itemId: `item-${Version}`,
  webUrl: `https://example.invalid/${Version}`,
  fields: { Tjansteomrade: 'Ekonomi', Planperiod: '2022–2024', Version, Forum, Beslut, Beslutsdatum: `${date}T00:00:00Z` },
});

const approvedTf = version('0.5', 'Fastställd', 'TF', '2021-11-12');
const approvedPf = version('1.0', 'Fastställd', 'PF', '2021-12-08');
const submitted = version('1.1', 'Inskickad', 'PF', '2022-01-20');
const returned = version('1.2', 'Återremitterad', 'PF', '2022-02-01');
/** An item without a Beslut (not published by this tool): not approved — no reader of the library counts it. */
const unmarked = version('0.4', '', '', '2021-10-01');

const option = (lang: 'sv' | 'en', v: PublishedVersion) => REVIEW_STRINGS[lang].versionOption(v.fields.Version, stateOf(v), v.fields.Beslutsdatum.slice(0, 10));

test('each option says the version’s decision and forum: a submitted version is labelled as submitted', () => {
  expect([approvedPf, submitted, returned, unmarked].map((v) => option('sv', v))).toEqual([
    'v1.0, fastställd av PF 2021-12-08',
    'v1.1, inskickad till PF 2022-01-20',
    'v1.2, återremitterad av PF 2022-02-01',
    'v0.4, utan beslut 2021-10-01',
  ]);
  expect([approvedPf, submitted, returned, unmarked].map((v) => option('en', v))).toEqual([
    'v1.0, approved by PF 2021-12-08',
    'v1.1, submitted to PF 2022-01-20',
    'v1.2, returned by PF 2022-02-01',
    'v0.4, no decision 2021-10-01',
  ]);
  // A Beslut word the pane does not know is shown as it stands, not dressed up as an approval.
  expect(option('sv', version('1.3', 'Bordlagd', 'BF', '2022-03-01'))).toBe('v1.3, Bordlagd BF 2022-03-01');
});

test('against the open workbook the baseline is the newest approved version, not a newer one sent to a forum', () => {
  const list = [approvedTf, submitted, approvedPf].sort(newestFirst);
  expect(defaultChoice(list, 'workbook').beforeId).toBe(approvedPf.itemId);
  // Returned as well as submitted: still the approved 1.0.
  expect(defaultChoice([returned, submitted, approvedPf, approvedTf], 'workbook').beforeId).toBe(approvedPf.itemId);
  // Nothing approved yet: the newest there is (its label says what it is).
  expect(defaultChoice([submitted], 'workbook').beforeId).toBe(submitted.itemId);
  expect(defaultChoice([], 'workbook')).toEqual({ beforeId: '', afterId: '' });
});

test('between two published versions: the newest against the newest approved before it', () => {
  expect(defaultChoice([submitted, approvedPf, approvedTf], 'published')).toEqual({ beforeId: approvedPf.itemId, afterId: submitted.itemId });
  // The newest approved is measured against the approval before it, skipping what was only sent in between.
  expect(defaultChoice([version('2.0', 'Fastställd', 'PF', '2022-02-10'), submitted, approvedPf], 'published')).toEqual({ beforeId: approvedPf.itemId, afterId: 'item-2.0' });
  // No approval before the newest: the one before it; a single version against itself.
  expect(defaultChoice([returned, submitted], 'published')).toEqual({ beforeId: submitted.itemId, afterId: returned.itemId });
  expect(defaultChoice([submitted], 'published')).toEqual({ beforeId: submitted.itemId, afterId: submitted.itemId });
});
