/**
 * Publishing, as in a tenant, across three origins: the pane on the workbench's, Graph on the library's
 * https://localhost:P and the file bytes on https://127.0.0.1:Q, reached through CORS under the production
 * policy plus exactly those two origins. A plan past 4 MB goes through an upload session on the file origin
 * (a dropped chunk resumed), a re-publish of the same version reads the file there through its download URL;
 * and what the pane did before (the token on the file origin, following /content's 302, a policy without
 * the file origin) fails here as it would in Excel.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Item } from '../../src/simulators/library/state';
import { startWorkbench } from '../../src/server/workbenchServer';
import { approvedAt, writePlan } from '../publish/plans';
import { BROWSER_TEST_TIMEOUT, until, useBench, WEB_ROOT, Workbench } from './workbench';

jest.setTimeout(BROWSER_TEST_TIMEOUT * 3);

const dir = mkdtempSync(path.join(os.tmpdir(), 'tjp-origins-'));
const bench = useBench({ library: { dataDir: path.join(dir, 'library') } });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const panel = (wb: Workbench) => wb.pane.getByRole('tabpanel', { name: 'Publicering' });

/** Opens a plan file in a workbench page the way a user does (the page's file input), then Publicering. */
async function openFile(wb: Workbench, file: string): Promise<void> {
  await wb.page.locator('input[type=file]').setInputFiles(file);
  await until(async () => ((await wb.page.locator('header [role=status]').textContent()) ?? '').includes(path.basename(file, '.xlsx')), 'the plan to open', 60_000);
  await wb.page.waitForTimeout(300);
  await wb.pane.getByRole('button', { name: 'Kontrollera' }).waitFor();
  await wb.openView('Publicering');
}

async function openPlan(file: string): Promise<Workbench> {
  const wb = await bench().open('');
  await openFile(wb, file);
  return wb;
}

function stored(name: string): Item {
  const state = bench().library!.library.store.state;
  const item = Object.values(state.items).find((i) => i.name === name);
  if (!item) throw new Error(`${name} is not in the library`);
  return item;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

test('the pane runs under the production policy plus exactly the library’s two origins', async () => {
  const wb = await bench().open('');
  const policy = await wb.frame().evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
  const connect = policy.split(/;\s*/).find((d) => d.startsWith('connect-src'))!.split(' ').slice(1);
  const lib = bench().library!;
  expect(connect).toEqual(["'self'", 'https://graph.microsoft.com', 'https://*.sharepoint.com', 'https://login.microsoftonline.com', new URL(lib.url).origin, lib.fileOrigin]);
  expect(new URL(lib.url).origin).not.toBe(new URL(bench().url).origin);
});

test('a plan past 4 MB goes in an upload session to the file origin, a chunk whose answer was lost resumes, and publishing it again reads it back there', async () => {
  const file = await writePlan(dir, { area: 'IT', versions: approvedAt('1.0'), padBytes: 6_000_000 });
  const lib = bench().library!.library;
  // The first chunk is stored but its answer is lost: the pane asks the session where it stands and goes on.
  lib.faults.set('lose:upload:PUT:nth=1');
  lib.counts.reset();
  const wb = await openPlan(file);
  await panel(wb).getByRole('button', { name: 'Publicera v1.0' }).click();
  await wb.statusSays('Publicering', /IT 2022–2024 v1\.0\.xlsx har kommit fram/, 60_000);

  const routes = lib.counts.snapshot().byRoute;
  expect(routes['PUT upload']).toBeGreaterThanOrEqual(2);
  expect(routes['GET upload']).toBeGreaterThanOrEqual(1);
  // Only the snapshot went in a simple PUT; the workbook never did.
  expect(routes['PUT item/content']).toBe(1);
  expect(lib.faults.list()[0].fired).toBe(1);
  const xlsx = stored('IT 2022–2024 v1.0.xlsx');
  expect(xlsx.size).toBeGreaterThan(4 * 1024 * 1024);
  const snapshot = JSON.parse(Buffer.from(await lib.store.readBlob(stored('IT 2022–2024 v1.0.json').blob!)).toString('utf8')) as { fileSha256: string };
  expect(sha256(await lib.store.readBlob(xlsx.blob!))).toBe(snapshot.fileSha256);

  // Again from the same pane: already there, and nothing is uploaded a second time.
  lib.counts.reset();
  await panel(wb).getByRole('button', { name: 'Publicera v1.0' }).click();
  await wb.statusSays('Publicering', /redan publicerad/, 60_000);
  expect(lib.counts.snapshot().byRoute['PUT upload'] ?? 0).toBe(0);
  expect(wb.problems).toEqual([]);

  // Again from another machine (its own, empty outbox): the library is asked, and the file there is read
  // back through its download URL on the file origin (no token) and found to be ours.
  lib.counts.reset();
  const other = await openPlan(file);
  await panel(other).getByRole('button', { name: 'Publicera v1.0' }).click();
  await other.statusSays('Publicering', /redan publicerad/, 60_000);
  const again = lib.counts.snapshot().byRoute;
  expect(again['GET download']).toBeGreaterThanOrEqual(1);
  expect(again['PUT upload'] ?? 0).toBe(0);
  expect(other.problems).toEqual([]);
});

test('the pre-change paths fail here: the token on the file origin gets 401, following /content’s 302 fails; the download URL alone works', async () => {
  const wb = await bench().open('');
  const lib = bench().library!;
  const outcome = await wb.frame().evaluate(
    async ({ graph, driveId, token }) => {
      const auth = { Authorization: `Bearer ${token}` };
      const at = `${graph}/drives/${encodeURIComponent(driveId)}/root:/prov/liten.json`;
      const put = await fetch(`${at}:/content`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"a":1}' });
      const item = (await (await fetch(at, { headers: auth })).json()) as { '@microsoft.graph.downloadUrl': string };
      const url = item['@microsoft.graph.downloadUrl'];
      const withToken = await fetch(url, { headers: auth }).then((r) => r.status, (e: Error) => `failed: ${e.message}`);
      const redirect = await fetch(`${at}:/content`, { headers: auth }).then((r) => r.status, (e: Error) => `failed: ${e.message}`);
      const alone = await fetch(url).then(async (r) => `${r.status} ${await r.text()}`, (e: Error) => `failed: ${e.message}`);
      return { put: put.status, url, withToken, redirect, alone };
    },
    { graph: lib.url, driveId: lib.ids.driveId, token: lib.library.token },
  );
  expect(outcome.put).toBe(201);
  expect(new URL(outcome.url).origin).toBe(lib.fileOrigin);
  expect(outcome.withToken).toBe(401);
  expect(String(outcome.redirect)).toMatch(/^failed/);
  expect(outcome.alone).toBe('200 {"a":1}');
});

test('under a policy without the file origin (the workbench’s before) a re-publish cannot read the file there, and the pane says so', async () => {
  const file = await writePlan(dir, { area: 'HR', versions: approvedAt('1.0') });
  const lib = bench().library!;
  // Published once from a pane under the right policy: the name is taken in the library.
  const first = await openPlan(file);
  await panel(first).getByRole('button', { name: 'Publicera v1.0' }).click();
  await first.statusSays('Publicering', /HR 2022–2024 v1\.0\.xlsx har kommit fram/, 60_000);

  // A workbench whose policy names Graph's origin but not the file origin, as the pane's policy was when
  // the library shared its origin: the same built pages, the same library, a file origin it does not know.
  const stale = await startWorkbench({ port: 0, webRoot: WEB_ROOT, libraryConfig: { url: lib.url, fileOrigin: 'https://127.0.0.1:9', ...lib.ids, token: lib.library.token } });
  try {
    const context = await bench().browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
    const wb = new Workbench(context, await context.newPage());
    try {
      await wb.load(`${stale.url}workbench.html`);
      const policy = await wb.frame().evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
      expect(policy).toContain(new URL(lib.url).origin);
      expect(policy).not.toContain(lib.fileOrigin);
      await openFile(wb, file);
      await panel(wb).getByRole('button', { name: 'Publicera v1.0' }).click();
      // 409, then the file there cannot be read: the version waits in the outbox instead of landing.
      await wb.statusSays('Publicering', /HR 2022–2024 v1\.0\.xlsx väntar i utkorgen/, 120_000);
      expect(wb.problems.some((p) => p.includes(lib.fileOrigin) && /Content Security Policy/.test(p))).toBe(true);
    } finally {
      await context.close();
    }
  } finally {
    await stale.close();
  }
});
