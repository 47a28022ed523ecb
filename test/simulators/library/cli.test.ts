/**
 * `tjansteplan library` as a user starts it (the built command): exactly one JSON line once listening,
 * loopback only, stable ids over restarts, a clear refusal of a bad --faults, and a clean exit on SIGTERM.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import { BIN, spawnLibrary, tempDir, TOKEN, trustingDispatcher } from './helpers';
import { spawnSync } from 'node:child_process';

jest.setTimeout(120_000);

function connects(host: string, port: number): Promise<boolean | string> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.setTimeout(3000, () => (s.destroy(), resolve('timeout')));
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? String(e)));
  });
}

describe('tjansteplan library', () => {
  let dataDir: string;
  beforeAll(async () => (dataDir = await tempDir()));
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  test('prints exactly one JSON line {url, siteId, driveId, listId, ca, files}, listens on loopback only, exits 0 on SIGTERM', async () => {
    const lib = await spawnLibrary(['--port', '0', '--data', dataDir, '--token', TOKEN]);
    const line = lib.stdout();
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trim().split('\n')).toHaveLength(1);
    const info = JSON.parse(line);
    expect(Object.keys(info).sort()).toEqual(['ca', 'driveId', 'files', 'listId', 'siteId', 'url']);
    expect(info.url).toMatch(/^https:\/\/localhost:\d+\/v1\.0$/);
    // The file bytes on another origin with another host name, as SharePoint's are beside Graph.
    expect(info.files).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(info.files).port).not.toBe(new URL(info.url).port);
    expect(info.siteId).toMatch(/^localhost,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(info.driveId).toMatch(/^b![\w-]{64}$/);
    expect(info.listId).toMatch(/^[0-9a-f-]{36}$/);
    expect(existsSync(info.ca)).toBe(true);
    const port = Number(new URL(info.url).port);

    expect(await connects('127.0.0.1', port)).toBe(true);
    const v6 = await connects('::1', port);
    expect([true, 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'ENETUNREACH']).toContain(v6);
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal);
    if (outside.length === 0) console.warn('no non-loopback interface on this machine: the outside check is skipped');
    for (const a of outside) expect(await connects(a.address.split('%')[0], port)).not.toBe(true);
    const filePort = Number(new URL(info.files).port);
    expect(await connects('127.0.0.1', filePort)).toBe(true);
    for (const a of outside) expect(await connects(a.address.split('%')[0], filePort)).not.toBe(true);

    // It answers Graph on that URL.
    const dispatcher = await trustingDispatcher(info.ca);
    const site = await fetch(`${info.url}/sites/root`, { headers: { Authorization: `Bearer ${TOKEN}` }, dispatcher } as RequestInit);
    expect(((await site.json()) as { id: string }).id).toBe(info.siteId);
    await dispatcher.close();

    lib.child.kill('SIGTERM');
    expect(await lib.exited).toBe(0);
    expect(lib.stdout()).toBe(line);

    // The same data folder keeps its ids.
    const again = await spawnLibrary(['--data', dataDir, '--token', TOKEN]);
    expect(again.info).toMatchObject({ siteId: info.siteId, driveId: info.driveId, listId: info.listId });
    // A second library on the same folder is refused.
    const second = spawnSync(process.execPath, [BIN, 'library', '--data', dataDir], { encoding: 'utf8', timeout: 30_000 });
    expect(second.status).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/används redan|in use/);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  test('a bad --faults spec or --port exits 2 with one line on stderr and nothing on stdout', () => {
    for (const args of [['--faults', 'delay:GET'], ['--port', 'x']]) {
      const r = spawnSync(process.execPath, [BIN, 'library', '--data', dataDir, ...args], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
