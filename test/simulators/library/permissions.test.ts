/**
 * The library's state (which holds the secret that signs download and upload URLs), its blobs (the
 * published plans), its session files and folders, and the certificate's private key are their owner's
 * only: 0600 files, 0700 folders, also when an older run left them readable to others.
 */
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureCertificate } from '../../../src/server/certificate';
import { byPath, startTestLibrary, TOKEN, tempDir } from './helpers';

jest.setTimeout(120_000);

const modeOf = async (p: string) => (await stat(p)).mode & 0o777;
const posix = process.platform !== 'win32';

(posix ? describe : describe.skip)('owner-only files', () => {
  test('state, blobs, session files and folders are 0600 / 0700, whatever the umask', async () => {
    const old = process.umask(0o022);
    const dataDir = await tempDir();
    await chmod(dataDir, 0o755);
    const lib = await startTestLibrary({ dataDir });
    try {
      const auth = { Authorization: `Bearer ${TOKEN}` };
      const driveId = lib.running.ids.driveId;
      expect((await lib.fetch(`${lib.running.url}${byPath(driveId, 'p', 'a.json')}:/content`, { method: 'PUT', headers: auth, body: '{}' })).status).toBe(201);
      const session = (await (await lib.fetch(`${lib.running.url}${byPath(driveId, 'p', 'b.xlsx')}:/createUploadSession`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' })).json()) as { uploadUrl: string };
      expect((await lib.fetch(session.uploadUrl, { method: 'PUT', headers: { 'Content-Range': `bytes 0-${320 * 1024 - 1}/${640 * 1024}` }, body: new Uint8Array(320 * 1024) })).status).toBe(202);

      expect(await modeOf(dataDir)).toBe(0o700);
      expect(await modeOf(path.join(dataDir, 'library.json'))).toBe(0o600);
      for (const sub of ['blobs', 'sessions']) {
        expect(await modeOf(path.join(dataDir, sub))).toBe(0o700);
        const files = await readdir(path.join(dataDir, sub));
        expect(files.length).toBeGreaterThan(0);
        for (const f of files) expect({ f, mode: await modeOf(path.join(dataDir, sub, f)) }).toEqual({ f, mode: 0o600 });
      }
      expect(await modeOf(path.join(dataDir, 'library.lock'))).toBe(0o600);
    } finally {
      await lib.stop();
      await rm(dataDir, { recursive: true, force: true });
      process.umask(old);
    }
  });

  test('a state file an older run left readable to others is made owner-only at the next start', async () => {
    const dataDir = await tempDir();
    const first = await startTestLibrary({ dataDir });
    await first.stop();
    await chmod(path.join(dataDir, 'library.json'), 0o644);
    const again = await startTestLibrary({ dataDir });
    try {
      expect(await modeOf(path.join(dataDir, 'library.json'))).toBe(0o600);
    } finally {
      await again.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('the certificate’s private key is 0600', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tjp-cert-'));
    try {
      await ensureCertificate(dir);
      expect(await modeOf(path.join(dir, 'localhost.key'))).toBe(0o600);
      // One left readable (by an older version, or by the package itself) is tightened on the next start.
      await chmod(path.join(dir, 'localhost.key'), 0o644);
      await ensureCertificate(dir);
      expect(await modeOf(path.join(dir, 'localhost.key'))).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
