/**
 * The store's journal: a write appends one line (library.json stays as it was), a restart replays it and
 * folds it into library.json, a torn last line (a crash mid-append) is dropped, a damaged one stops the
 * start, replaying lines library.json already holds changes nothing, and the journal is folded in once it
 * passes its bound. A failed transaction leaves nothing behind; the committed state cannot be changed
 * outside one.
 */
import { appendFile, chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newItem } from '../../../src/simulators/library/placement';
import { listOf, setList } from '../../../src/simulators/library/siteLists';
import type { State } from '../../../src/simulators/library/state';
import { Store } from '../../../src/simulators/library/store';

const NOW = new Date('2026-03-01T10:00:00Z');
let dir: string;
let store: Store | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tjp-journal-'));
});

afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

const snapshotText = () => readFile(path.join(dir, 'library.json'), 'utf8');
const journalText = () => readFile(path.join(dir, 'journal.jsonl'), 'utf8');
const names = (s: State) => Object.values(s.items).map((i) => i.name).sort();

async function addFile(s: Store, name: string): Promise<string> {
  return s.transact((d) => newItem(d, d.rootId, name, false, NOW).id);
}

async function reopen(options = {}): Promise<Store> {
  await store?.close();
  store = await Store.open(dir, () => NOW, options);
  return store;
}

test('a write appends one line to the journal and leaves library.json as it was; a restart folds it in', async () => {
  const s = await reopen();
  const before = await snapshotText();
  await addFile(s, 'a.xlsx');
  await s.transact((d) => setList(d, null));
  expect(await snapshotText()).toBe(before);
  const lines = (await journalText()).split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[2]).toBe('');
  expect(Object.values((JSON.parse(lines[0]) as State).items).map((i) => i.name)).toEqual(['a.xlsx']);

  const again = await reopen();
  expect(names(again.state)).toEqual(['a.xlsx', 'root']);
  expect(listOf(again.state)).toBeNull();
  expect(await journalText()).toBe('');
  expect(names(JSON.parse(await snapshotText()) as State)).toEqual(['a.xlsx', 'root']);
});

test('a torn last line (a crash mid-append, never answered) is dropped; the lines before it count', async () => {
  const s = await reopen();
  await addFile(s, 'a.xlsx');
  await addFile(s, 'b.xlsx');
  await s.close();
  store = undefined;
  await appendFile(path.join(dir, 'journal.jsonl'), '{"items":{"01HALV":{"name":"c.x');
  const again = await reopen();
  expect(names(again.state)).toEqual(['a.xlsx', 'b.xlsx', 'root']);
  // The next write starts a line of its own.
  await addFile(again, 'd.xlsx');
  expect(names((await reopen()).state)).toEqual(['a.xlsx', 'b.xlsx', 'd.xlsx', 'root']);
});

test('a damaged complete line stops the start and replaces nothing', async () => {
  const s = await reopen();
  await addFile(s, 'a.xlsx');
  await s.close();
  store = undefined;
  await appendFile(path.join(dir, 'journal.jsonl'), '{"items":{"01X":\n');
  const journal = await journalText();
  const snapshot = await snapshotText();
  await expect(Store.open(dir, () => NOW)).rejects.toThrow(/journal.jsonl:2/);
  expect(await journalText()).toBe(journal);
  expect(await snapshotText()).toBe(snapshot);
});

test('lines library.json already holds (a crash before the journal was emptied) change nothing when replayed', async () => {
  const s = await reopen();
  const id = await addFile(s, 'a.xlsx');
  await s.transact((d) => void (d.items[id].fields = { Version: '1.0' }));
  await s.transact((d) => void (d.sessions.abc = { id: 'abc', baseId: d.rootId, path: ['b.xlsx'], conflict: 'fail', size: 10, received: 0, created: 'x', expires: '2999-01-01T00:00:00Z' }));
  await s.transact((d) => void delete d.sessions.abc);
  await addFile(s, 'c.xlsx');
  const journal = await journalText();
  const folded = structuredClone((await reopen()).state);
  await store!.close();
  store = undefined;
  await writeFile(path.join(dir, 'journal.jsonl'), journal);
  expect(structuredClone((await reopen()).state)).toEqual(folded);
  expect(folded.items[id].fields).toEqual({ Version: '1.0' });
  expect(folded.sessions).toEqual({});
});

test('the journal is folded into library.json once it passes its bound', async () => {
  const s = await reopen({ compactAfter: 1500 });
  for (let n = 0; n < 30; n++) {
    await addFile(s, `fil-${n}.xlsx`);
    expect((await stat(path.join(dir, 'journal.jsonl'))).size).toBeLessThan(1500);
  }
  // Without a restart, library.json and the journal together hold every write.
  const onDisk = JSON.parse(await snapshotText()) as State;
  expect(Object.keys(onDisk.items).length).toBeGreaterThan(20);
  expect(names((await reopen()).state)).toHaveLength(31);
});

test('a transaction that throws leaves the state and the files as they were', async () => {
  const s = await reopen();
  const id = await addFile(s, 'a.xlsx');
  const journal = await journalText();
  await expect(
    s.transact((d) => {
      d.items[id].name = 'b.xlsx';
      newItem(d, d.rootId, 'c.xlsx', false, NOW);
      delete d.items[d.rootId];
      throw new Error('nej');
    }),
  ).rejects.toThrow('nej');
  expect(names(s.state)).toEqual(['a.xlsx', 'root']);
  expect(await journalText()).toBe(journal);
  // The next transaction sees the committed state, not the failed one's.
  expect(await s.transact((d) => names(d))).toEqual(['a.xlsx', 'root']);
});

test('the committed state is changed through transactions only', async () => {
  const s = await reopen();
  const id = await addFile(s, 'a.xlsx');
  expect(() => {
    (s.state.items[id] as { name: string }).name = 'b.xlsx';
  }).toThrow(TypeError);
  const escaped = await s.transact((d) => d.items[id]);
  expect(escaped.name).toBe('a.xlsx');
  expect(() => {
    escaped.name = 'b.xlsx';
  }).toThrow(TypeError);
  expect(names((await reopen()).state)).toEqual(['a.xlsx', 'root']);
});

test('the journal is owner-only, also one an older run left readable', async () => {
  const old = process.umask(0);
  try {
    const s = await reopen();
    await addFile(s, 'a.xlsx');
    expect((await stat(path.join(dir, 'journal.jsonl'))).mode & 0o777).toBe(0o600);
    await s.close();
    store = undefined;
    await chmod(path.join(dir, 'journal.jsonl'), 0o644);
    await reopen();
    expect((await stat(path.join(dir, 'journal.jsonl'))).mode & 0o777).toBe(0o600);
  } finally {
    process.umask(old);
  }
});
