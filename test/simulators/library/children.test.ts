/**
 * The children index (children.ts) behind every name lookup and the reviewers' page: after creates,
 * renames, moves and deletes, committed or inside a transaction, and after a transaction that failed, a
 * folder's children are what a walk over every item finds; a restart (the journal replayed) agrees too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { childNamed, childrenOf, nameKey } from '../../../src/simulators/library/names';
import { newItem } from '../../../src/simulators/library/placement';
import { LibraryIndex } from '../../../src/simulators/library/reviewers/libraryIndex';
import type { State } from '../../../src/simulators/library/state';
import { Store } from '../../../src/simulators/library/store';

const NOW = new Date('2026-03-01T10:00:00Z');
let dir: string;
let store: Store | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tjp-children-'));
  store = await Store.open(dir, () => NOW);
});

afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A folder's children's names by the index, sorted. */
const namesIn = (s: State, parentId: string) => childrenOf(s, parentId).map((i) => i.name);

/** What a walk over every item says, to hold the index to. */
function walked(s: State, parentId: string): string[] {
  return Object.values(s.items)
    .filter((i) => i.parentId === parentId)
    .map((i) => i.name)
    .sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : 0));
}

/** Every folder's children by the index equal the walk's (the root's too). */
function expectConsistent(s: State): void {
  for (const folder of Object.values(s.items).filter((i) => i.folder)) expect(namesIn(s, folder.id)).toEqual(walked(s, folder.id));
}

test('the children follow committed creates, renames, moves and deletes, and a restart', async () => {
  const s = store!;
  const { a, b, x } = await s.transact((d) => {
    const a = newItem(d, d.rootId, 'A', true, NOW).id;
    const b = newItem(d, d.rootId, 'B', true, NOW).id;
    const x = newItem(d, a, 'Ekonomi.xlsx', false, NOW).id;
    newItem(d, a, 'annat.txt', false, NOW);
    return { a, b, x };
  });
  expect(namesIn(s.state, a)).toEqual(['annat.txt', 'Ekonomi.xlsx']);
  expect(childNamed(s.state, a, 'EKONOMI.XLSX')?.id).toBe(x);
  expect(new LibraryIndex(s.state, s.revision).childrenOf(a).map((i) => i.name).sort()).toEqual(['Ekonomi.xlsx', 'annat.txt']);

  await s.transact((d) => {
    d.items[x].name = 'Plan.xlsx';
  });
  expect(childNamed(s.state, a, 'Ekonomi.xlsx')).toBeUndefined();
  expect(childNamed(s.state, a, 'plan.xlsx')?.id).toBe(x);

  await s.transact((d) => {
    d.items[x].parentId = b;
  });
  expect(namesIn(s.state, a)).toEqual(['annat.txt']);
  expect(namesIn(s.state, b)).toEqual(['Plan.xlsx']);
  expect(new LibraryIndex(s.state, s.revision).childrenOf(b).map((i) => i.name)).toEqual(['Plan.xlsx']);
  expectConsistent(s.state);

  await s.transact((d) => {
    delete d.items[x];
  });
  expect(namesIn(s.state, b)).toEqual([]);
  expect(childNamed(s.state, b, 'Plan.xlsx')).toBeUndefined();
  expectConsistent(s.state);

  await s.close();
  store = await Store.open(dir, () => NOW);
  expect(namesIn(store.state, a)).toEqual(['annat.txt']);
  expect(namesIn(store.state, b)).toEqual([]);
  expectConsistent(store.state);
});

test('inside a transaction the draft sees its own changes, and a failed one leaves the committed children', async () => {
  const s = store!;
  const { a, b, y, gone } = await s.transact((d) => {
    const a = newItem(d, d.rootId, 'A', true, NOW).id;
    const b = newItem(d, d.rootId, 'B', true, NOW).id;
    const y = newItem(d, b, 'y.xlsx', false, NOW).id;
    const gone = newItem(d, a, 'borta.txt', false, NOW).id;
    return { a, b, y, gone };
  });
  const before = { a: namesIn(s.state, a), b: namesIn(s.state, b), root: namesIn(s.state, s.state.rootId) };

  await expect(
    s.transact((d) => {
      // A new item, then changed through the object the transaction holds (not through the map).
      const z = newItem(d, a, 'z.xlsx', false, NOW);
      expect(childNamed(d, a, 'Z.xlsx')?.id).toBe(z.id);
      z.parentId = b;
      expect(childNamed(d, a, 'z.xlsx')).toBeUndefined();
      expect(childNamed(d, b, 'z.xlsx')?.id).toBe(z.id);
      // A committed item moved and renamed, another deleted.
      d.items[y].parentId = a;
      d.items[y].name = 'y2.xlsx';
      delete d.items[gone];
      expect(namesIn(d, a)).toEqual(['y2.xlsx']);
      expect(namesIn(d, b)).toEqual(['z.xlsx']);
      expectConsistent(d);
      // The committed state is untouched until the commit.
      expect(namesIn(s.state, a)).toEqual(before.a);
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');

  expect({ a: namesIn(s.state, a), b: namesIn(s.state, b), root: namesIn(s.state, s.state.rootId) }).toEqual(before);
  expectConsistent(s.state);
  // The next transaction's draft sees the committed children again, none of the failed one's.
  await s.transact((d) => {
    expect(namesIn(d, a)).toEqual(['borta.txt']);
    expect(namesIn(d, b)).toEqual(['y.xlsx']);
    expect(childNamed(d, b, 'z.xlsx')).toBeUndefined();
    expectConsistent(d);
  });
});

test('a commit moves the page’s period folders, kept between views, along', async () => {
  const s = store!;
  await s.transact((d) => {
    newItem(d, d.rootId, '2024–2026', true, NOW);
    newItem(d, d.rootId, '2026–2028', true, NOW);
  });
  expect(new LibraryIndex(s.state, s.revision).periodFolders().map((f) => f.name)).toEqual(['2026–2028', '2024–2026']);
  await s.transact((d) => {
    const old = Object.values(d.items).find((i) => i.name === '2024–2026')!;
    old.name = '2028–2030';
    newItem(d, d.rootId, '2020–2022', true, NOW);
  });
  expect(new LibraryIndex(s.state, s.revision).periodFolders().map((f) => f.name)).toEqual(['2028–2030', '2026–2028', '2020–2022']);
});
