/**
 * `tjansteplan provision` against the local library over real HTTPS (the command in-process, the library
 * counting every request): on an empty site the first run creates the library with its columns and
 * indexes, the second reads and writes nothing and says so; a column of another type is reported and left
 * as it is while a missing one is added; the library made at start already needs nothing. Once, the built
 * command end to end: `library --empty-site` spawned, `provision` spawned twice.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { rm } from 'node:fs/promises';
import { provisionCommand, type ProvisionCommandOptions } from '../../src/cli/provision';
import { spawnLibrary, startTestLibrary, tempDir, TOKEN, type TestLibrary } from '../simulators/library/helpers';
import { cli } from './helpers';

jest.setTimeout(60_000);

interface Ran {
  code: number;
  out: string;
  err: string;
}

async function provision(lib: TestLibrary, extra: Partial<ProvisionCommandOptions> = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const o: ProvisionCommandOptions = { site: lib.running.ids.siteId, library: lib.running.url, token: TOKEN, ca: lib.running.ca, ...extra };
  const code = await provisionCommand(o, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Requests that changed something (anything but GET). */
function writes(lib: TestLibrary): string[] {
  return Object.keys(lib.running.library.counts.snapshot().byRoute).filter((k) => !k.startsWith('GET '));
}

async function columns(client: Client, lib: TestLibrary): Promise<Record<string, Record<string, unknown>>> {
  const { siteId, listId } = lib.running.ids;
  const value = (await client.api(`/sites/${encodeURIComponent(siteId)}/lists/${listId}/columns`).get()).value as Record<string, unknown>[];
  return Object.fromEntries(value.map((c) => [c.name as string, c]));
}

describe('provision on a site without the library', () => {
  let lib: TestLibrary;
  beforeAll(async () => (lib = await startTestLibrary({ emptySite: true })));
  afterAll(() => lib.stop());

  test('the first run creates the library, its columns and the two indexes', async () => {
    lib.running.library.counts.reset();
    const run = await provision(lib);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Skapade dokumentbiblioteket Tjänsteplaner/);
    expect(run.out).toMatch(/Vyer per forum skapas inte/);
    // One POST made it all: the columns ride on the list's creation.
    expect(writes(lib)).toEqual(['POST siteLists']);
    const c = await columns(lib.client(), lib);
    expect(c.Tjansteomrade).toMatchObject({ indexed: true, text: expect.any(Object) });
    expect(c.Planperiod).toMatchObject({ indexed: true, text: expect.any(Object) });
    expect(c.Version).toMatchObject({ indexed: false, text: expect.any(Object) });
    expect(c.Forum).toMatchObject({ text: expect.any(Object) });
    expect(c.Beslut).toMatchObject({ choice: { choices: ['Utkast', 'Inskickad', 'Fastställd', 'Återremitterad'] } });
    expect(c.Beslutsdatum).toMatchObject({ dateTime: { format: 'dateOnly' } });
  });

  test('the second run (the site given by its address) changes nothing and says so', async () => {
    const before = structuredClone(lib.running.library.store.state);
    lib.running.library.counts.reset();
    const run = await provision(lib, { site: `${lib.running.url}/sites/${lib.running.ids.siteId}`, library: undefined });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Inget ändrades/);
    expect(run.out).not.toMatch(/Skapade|Lade till/);
    expect(writes(lib)).toEqual([]);
    expect(lib.running.library.store.state).toEqual(before);
  });

  test('afterwards the site has its drive, the library publishing uploads into', async () => {
    const drive = await lib.client().api(`/sites/${encodeURIComponent(lib.running.ids.siteId)}/drive`).get();
    expect(drive).toMatchObject({ id: lib.running.ids.driveId, name: 'Tjänsteplaner' });
  });
});

describe('provision on a library set up by hand, not quite right', () => {
  let lib: TestLibrary;
  beforeAll(async () => {
    lib = await startTestLibrary({ emptySite: true });
    // Version as a number, Planperiod without its index, Forum missing: what a hurried administrator leaves.
    await lib.client().api(`/sites/${encodeURIComponent(lib.running.ids.siteId)}/lists`).post({
      displayName: 'Tjänsteplaner',
      list: { template: 'documentLibrary' },
      columns: [
        { name: 'Tjansteomrade', text: {}, indexed: true },
        { name: 'Planperiod', text: {} },
        { name: 'Version', number: {} },
        { name: 'Beslut', choice: { choices: ['Utkast', 'Fastställd'] } },
        { name: 'Beslutsdatum', dateTime: { format: 'dateOnly' } },
      ],
    });
  });
  afterAll(() => lib.stop());

  test('adds the missing column, reports the wrong type, the missing choices and index, and changes none of them', async () => {
    lib.running.library.counts.reset();
    const run = await provision(lib);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Lade till kolumnen Forum/);
    expect(writes(lib)).toEqual(['POST listColumns']);
    expect(run.err).toMatch(/kolumnen Version har typen number, inte text; den ändras inte/);
    expect(run.err).toMatch(/valkolumnen Beslut saknar val/);
    expect(run.err).toMatch(/kolumnen Planperiod är inte indexerad/);
    const c = await columns(lib.client(), lib);
    expect(c.Version).toMatchObject({ number: expect.any(Object) });
    expect(c.Version).not.toHaveProperty('text');
    expect(c.Planperiod).toMatchObject({ indexed: false });
    expect(c.Forum).toMatchObject({ text: expect.any(Object) });
  });

  test('run again, it adds nothing and still reports what needs a hand', async () => {
    lib.running.library.counts.reset();
    const run = await provision(lib);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Inget ändrades/);
    expect(run.err).toMatch(/Version/);
    expect(writes(lib)).toEqual([]);
  });
});

describe('provision when an answer is lost (the request carried out, the connection dropped)', () => {
  let lib: TestLibrary;
  beforeAll(async () => (lib = await startTestLibrary({ emptySite: true, faults: 'lose:POST:/lists:1' })));
  afterAll(() => lib.stop());

  test('the retried POST lists gets 409: the list is read, checked, and not claimed as made nor as unchanged', async () => {
    lib.running.library.counts.reset();
    const run = await provision(lib);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/Tjänsteplaner fanns redan när det skulle skapas/);
    expect(run.out).not.toMatch(/Inget ändrades|Skapade/);
    expect(lib.running.library.counts.snapshot().byRoute['POST siteLists']).toBe(2);
    expect(writes(lib)).toEqual(['POST siteLists']);
  });

  test('the same for a column: the retried POST columns gets 409 and the column is checked', async () => {
    // A site of its own: the library made by hand without Forum, so provision has one column to add.
    const other = await startTestLibrary({ emptySite: true, faults: 'lose:POST:/columns:1' });
    try {
      await other.client().api(`/sites/${encodeURIComponent(other.running.ids.siteId)}/lists`).post({
        displayName: 'Tjänsteplaner',
        list: { template: 'documentLibrary' },
        columns: [
          { name: 'Tjansteomrade', text: {}, indexed: true },
          { name: 'Planperiod', text: {}, indexed: true },
          { name: 'Version', text: {} },
          { name: 'Beslut', choice: { choices: ['Utkast', 'Inskickad', 'Fastställd', 'Återremitterad'] } },
          { name: 'Beslutsdatum', dateTime: { format: 'dateOnly' } },
        ],
      });
      const run = await provision(other);
      expect(run).toMatchObject({ code: 0, err: '' });
      expect(run.out).toMatch(/Forum fanns redan när det skulle skapas/);
      expect(other.running.library.counts.snapshot().byRoute['POST listColumns']).toBe(2);
    } finally {
      await other.stop();
    }
  });
});

describe('provision against the library made at start, and refusals', () => {
  let lib: TestLibrary;
  beforeAll(async () => (lib = await startTestLibrary()));
  afterAll(() => lib.stop());

  test('the default library is already what provision makes', async () => {
    lib.running.library.counts.reset();
    const run = await provision(lib, { site: 'root' });
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/Inget ändrades/);
    expect(writes(lib)).toEqual([]);
  });

  test('no token, or one the library refuses, is exit 2 with a reason', async () => {
    const saved = process.env.TJANSTEPLAN_TOKEN;
    delete process.env.TJANSTEPLAN_TOKEN;
    try {
      expect(await provision(lib, { token: undefined })).toMatchObject({ code: 2, err: expect.stringMatching(/--token/) });
    } finally {
      if (saved !== undefined) process.env.TJANSTEPLAN_TOKEN = saved;
    }
    expect(await provision(lib, { token: 'wrong' })).toMatchObject({ code: 2, err: expect.stringMatching(/401/) });
  });
});

describe('the built command', () => {
  test('library --empty-site, then provision: created, then nothing changed', async () => {
    const dir = await tempDir();
    const lib = await spawnLibrary(['--data', dir, '--token', TOKEN, '--empty-site']);
    try {
      // No library yet, so no drive or list to name.
      expect(lib.info).not.toHaveProperty('driveId');
      const args = ['provision', '--site', `${lib.info.url}/sites/${lib.info.siteId}`, '--token', TOKEN, '--ca', lib.info.ca];
      const first = await cli(args);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(/Skapade dokumentbiblioteket Tjänsteplaner/);
      const second = await cli(args);
      expect(second).toMatchObject({ code: 0, stderr: '' });
      expect(second.stdout).toMatch(/Inget ändrades/);
    } finally {
      lib.child.kill('SIGTERM');
      await lib.exited;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
