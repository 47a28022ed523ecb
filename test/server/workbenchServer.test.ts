/**
 * The workbench server: its own origin, with the library elsewhere. It serves the pane under the built
 * policy plus exactly the library's two origins, tells the page where the library is, and serves no Graph.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { policyOf } from '../../src/server/workbenchCsp';
import { startWorkbench, type WorkbenchServer } from '../../src/server/workbenchServer';
import { trustingDispatcher, type Dispatcher } from '../simulators/library/helpers';

jest.setTimeout(60_000);

const POLICY = "default-src 'self'; connect-src 'self' https://graph.microsoft.com https://*.sharepoint.com; object-src 'none'";
const LIBRARY = { url: 'https://localhost:4001/v1.0', fileOrigin: 'https://127.0.0.1:4002', siteId: 's', driveId: 'd', listId: 'l', token: 't' };

let webRoot: string;
let server: WorkbenchServer;
let dispatcher: Dispatcher;
const get = (p: string) => fetch(`${server.url.replace(/\/$/, '')}${p}`, { redirect: 'manual', dispatcher } as RequestInit);

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(os.tmpdir(), 'tjp-web-'));
  await writeFile(path.join(webRoot, 'workbench.html'), '<!doctype html><title>wb</title>');
  await writeFile(path.join(webRoot, 'taskpane.html'), `<!doctype html><meta http-equiv=Content-Security-Policy content="${POLICY}"><title>pane</title>`);
  server = await startWorkbench({ port: 0, webRoot, libraryConfig: LIBRARY });
  dispatcher = await trustingDispatcher(server.caPath);
});

afterAll(async () => {
  await server?.close();
  await dispatcher?.close();
  await rm(webRoot, { recursive: true, force: true });
});

test('the pane is served under the built policy plus exactly the library’s Graph and file origins', async () => {
  const html = await (await get('/taskpane.html')).text();
  const connect = policyOf(html)!.split('; ').find((d) => d.startsWith('connect-src'))!.split(' ').slice(1);
  expect(connect).toEqual(["'self'", 'https://graph.microsoft.com', 'https://*.sharepoint.com', 'https://localhost:4001', 'https://127.0.0.1:4002']);
  expect(html).toContain('<title>pane</title>');
});

test('the page learns where the library is; the library is not on this origin', async () => {
  expect(await (await get('/_workbench/library.json')).json()).toEqual(LIBRARY);
  expect((await get('/v1.0/sites/root')).status).toBe(404);
  expect((await get('/_library/')).status).toBe(404);
  expect((await get('/')).headers.get('location')).toBe('/workbench.html');
  expect(await (await get('/workbench.html')).text()).toContain('<title>wb</title>');
});
