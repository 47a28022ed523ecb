/**
 * `tjansteplan publish` as a user runs it (the built command, spawned), against the local library: exit codes
 * and messages, the outbox across runs, and a run killed in the middle of a large upload that the next run
 * finishes: every approved version lands exactly once, none is lost, none is overwritten.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutboxEntry } from '../../src/publish/outbox';
import { BIN, connect, faultSpec, librariesWithFaults, ROOT, tempDir, TOKEN, useLibrary, withLibrary, type RunningLibrary } from './helpers';
import { approvedAt, APPROVED, requestFor, writePlan } from './plans';
import { sha256Hex } from '../../src/publish/hash';
import { itemByPath } from '../../src/publish/graph/paths';
import { createGraphClient } from '../../src/publish/graph/client';
import { staticTokenProvider } from '../../src/publish/auth/tokenProvider';
import { readCa, trustedFetch } from '../../src/publish/node/trustedFetch';

jest.setTimeout(120_000);

withLibrary('tjansteplan publish against the local library', () => {

  const lib = useLibrary();
  const libraryWith = librariesWithFaults();

  interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
  }

  function publish(file: string, outbox: string, library = lib.address, extra: string[] = []) {
    const child = spawn(process.execPath, [BIN, 'publish', '--library', library, '--token', TOKEN, '--ca', lib.info.ca, '--outbox', outbox, ...extra, file], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
    return { child, done };
  }

  const run = (file: string, outbox: string, library?: string) => publish(file, outbox, library).done;

  function entries(outbox: string): OutboxEntry[] {
    try {
      return (JSON.parse(readFileSync(outbox, 'utf8')) as { entries: OutboxEntry[] }).entries;
    } catch {
      return [];
    }
  }

  test('publishes the newest approved version and prints its webUrl; the same again says it was already there', async () => {
    const file = await writePlan(tempDir(), { area: 'Ekonomi', versions: approvedAt('2.0', 'BF') });
    const outbox = path.join(tempDir(), 'utkorg.json');
    const first = await run(file, outbox);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim()).toMatch(/^https:\/\/\S+$/);
    const t = await connect(lib);
    const [v] = (await t.library.listVersions('2022–2024')).filter((x) => x.fields.Tjansteomrade === 'Ekonomi');
    expect(v.fields).toMatchObject({ Version: '2.0', Forum: 'BF', Beslut: 'Fastställd' });

    // Another machine (a new outbox) publishing the same file: nothing written, the same address printed.
    const again = await run(file, path.join(tempDir(), 'utkorg.json'));
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toMatch(/redan publicerad med samma innehåll/);
  });

  test('refuses a plan with errors, without an approved version or changed since its approval (exit 1), and an unreadable file (exit 2)', async () => {
    const dir = tempDir();
    const outbox = path.join(dir, 'utkorg.json');
    const broken = await run(await writePlan(dir, { area: 'Fel', broken: true, versions: approvedAt('1.0') }), outbox);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/planen har 1 fel och kan inte publiceras/);
    const draft = await run(await writePlan(dir, { area: 'Utkast', versions: APPROVED.slice(0, 1) }), outbox);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toMatch(/ingen fastställd version/);
    // The workbook recorded its approval of 1.0; the tables were changed afterwards, so they are not 1.0.
    const changed = await run(path.join(ROOT, 'test/fixtures/broken/43-andrad-efter-faststallande.xlsx'), outbox);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/2 celler i tabellerna skiljer sig från den fastställda versionen 1\.0, så de visar inte längre det forumet fastställde/);
    // Ekonomi's real history has moved on to a 3.0 draft after BF approved 2.0, and no record says the tables are still 2.0.
    const movedOn = await run(path.join(ROOT, 'test/fixtures/plans/tjansteplan-ekonomi-2022-2024.xlsx'), outbox);
    expect(movedOn.code).toBe(1);
    expect(movedOn.stderr).toMatch(/versionshistoriken har gått vidare efter version 2\.0 \(senaste raden: 3\.0\)/);
    const missing = await run(path.join(dir, 'finns-inte.xlsx'), outbox);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/finns-inte\.xlsx: filen finns inte/);
    expect(entries(outbox)).toEqual([]);
  });

  test('the same name with other content is a conflict (exit 1), never an overwrite', async () => {
    const outbox = path.join(tempDir(), 'utkorg.json');
    const original = await writePlan(tempDir(), { area: 'Inköp', versions: approvedAt('1.0'), development: 10 });
    const changed = await writePlan(tempDir(), { area: 'Inköp', versions: approvedAt('1.0'), development: 20 });
    expect((await run(original, outbox)).code).toBe(0);
    const conflict = await run(changed, outbox);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/Inköp 2022–2024 v1\.0 publicerades inte: namnet .* är redan upptaget av en annan fil/);
    const want = await requestFor(original);
    expect(await sha256Hex(await download(want.fileName))).toBe(want.fileSha256);
  });

  test('an unreachable library exits 2 and keeps the version in the outbox; the next run sends it', async () => {
    const outbox = path.join(tempDir(), 'utkorg.json');
    const file = await writePlan(tempDir(), { area: 'HR', versions: approvedAt('1.0') });
    const down = await run(file, outbox, 'https://localhost:1/v1.0/sites/s/drives/d/lists/l');
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/ligger kvar i utkorgen/);
    expect(entries(outbox).map((e) => e.state)).toEqual(['waiting']);
    const up = await run(file, outbox);
    expect(up.code).toBe(0);
    expect(entries(outbox).map((e) => e.state)).toEqual(['landed']);
  });

  test('a run killed in the middle of a large upload is finished by the next run: each version lands exactly once', async () => {
    // Chunks held a moment by the library, so the kill lands between the first chunk and the last.
    const slow = await libraryWith(faultSpec({ method: 'PUT', path: '/upload/', delayMs: 250, times: 1000 }));
    const outbox = path.join(tempDir(), 'utkorg.json');
    // One version already waiting from an earlier run that could not reach the library (the killed run or
    // the next sends it first, being older) …
    const waiting = await writePlan(tempDir(), { area: 'Kultur', versions: approvedAt('1.0') });
    expect((await run(waiting, outbox, 'https://localhost:1/v1.0/sites/s/drives/d/lists/l')).code).toBe(2);
    // … and a large one, killed once its session (kept in the outbox) has taken the first chunk.
    const large = await writePlan(tempDir(), { area: 'IT', versions: approvedAt('1.0'), padBytes: 14_000_000 });
    const killed = publish(large, outbox, slow.address);
    await until(() => entries(outbox).some((e) => e.fileName.startsWith('IT') && e.uploadUrl !== undefined), killed.done);
    const session = entries(outbox).find((e) => e.fileName.startsWith('IT'))!.uploadUrl!;
    for (;;) {
      const status = (await (await rawClient(slow)).api(session).get().catch((e) => { throw new Error(JSON.stringify(e) + String(e)); })) as { nextExpectedRanges: string[] };
      if (!status.nextExpectedRanges[0].startsWith('0-')) break;
    }
    killed.child.kill('SIGKILL');
    expect((await killed.done).code).toBeNull();
    const cut = entries(outbox).find((e) => e.fileName.startsWith('IT'))!;
    expect(cut.state).toBe('sending');
    expect(cut.uploadUrl).toMatch(/^https:\/\/127\.0\.0\.1:/);

    const rerun = await run(large, outbox, slow.address);
    expect(rerun.code).toBe(0);
    expect(entries(outbox).map((e) => [e.fileName, e.state])).toEqual([
      ['Kultur 2022–2024 v1.0.xlsx', 'landed'],
      ['IT 2022–2024 v1.0.xlsx', 'landed'],
    ]);
    const t = await connect(slow);
    const listed = (await t.library.listVersions('2022–2024')).filter((v) => ['IT', 'Kultur'].includes(v.fields.Tjansteomrade));
    expect(listed.map((v) => v.fields.Tjansteomrade).sort()).toEqual(['IT', 'Kultur']);
    const want = await requestFor(large);
    expect(await sha256Hex(await download(want.fileName, slow))).toBe(want.fileSha256);
  });

  async function rawClient(on: RunningLibrary = lib) {
    return createGraphClient({ url: on.info.url, tokens: staticTokenProvider(TOKEN), fetch: trustedFetch(await readCa(on.info.ca)) });
  }

  async function download(name: string, on: RunningLibrary = lib): Promise<Uint8Array> {
    const client = await rawClient(on);
    return new Uint8Array((await client.api(`${itemByPath(on.info.driveId, '2022–2024', name)}:/content`).responseType('arraybuffer' as never).get()) as ArrayBuffer);
  }

  /** Polls until `ok`, failing if the process ends first. */
  async function until(ok: () => boolean, ended: Promise<Run>): Promise<void> {
    let over: Run | null = null;
    void ended.then((r) => (over = r));
    while (!ok()) {
      if (over) throw new Error(`the command ended first: ${JSON.stringify(over)}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }
});
