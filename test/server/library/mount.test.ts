/** The library mounted on the workbench's origin: Graph, upload/download URLs and the page beside the built pages. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLibrary } from '../../../src/server/library';
import { startWorkbench } from '../../../src/server/workbenchServer';
import { tempDir, TOKEN, trustingDispatcher } from './helpers';

jest.setTimeout(60_000);

test('startWorkbench({ library }) serves the library and the workbench from one origin', async () => {
  const dataDir = await tempDir();
  const webRoot = await mkdtemp(path.join(os.tmpdir(), 'tjp-web-'));
  await writeFile(path.join(webRoot, 'workbench.html'), '<!doctype html><title>wb</title>');
  const library = await createLibrary({ dataDir, token: TOKEN, rootPage: false });
  const server = await startWorkbench({ port: 0, webRoot, library });
  const dispatcher = await trustingDispatcher(server.caPath);
  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${server.url.replace(/\/$/, '')}${p}`, { headers, redirect: 'manual', dispatcher } as RequestInit);
  try {
    expect((await get('/')).headers.get('location')).toBe('/workbench.html');
    expect(await (await get('/workbench.html')).text()).toContain('<title>wb</title>');
    const site = await get('/v1.0/sites/root', { Authorization: `Bearer ${TOKEN}` });
    expect(((await site.json()) as { id: string }).id).toBe(library.ids.siteId);
    expect((await get('/_library/')).headers.get('content-security-policy')).toContain("default-src 'none'");
  } finally {
    await server.close();
    await library.close();
    await dispatcher.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(webRoot, { recursive: true, force: true });
  }
});
