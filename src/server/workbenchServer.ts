/**
 * `npm start`: the workbench page (task pane beside the Excel test host) and the task pane itself, from one
 * HTTPS origin on loopback. The local library is not on this origin: it has two of its own (Graph and the
 * file bytes, library/server.ts), as the add-in's host, Graph and SharePoint are three origins in a tenant,
 * and the pane reaches them through CORS under the production policy plus exactly those two origins
 * (workbenchCsp.ts).
 */
import { promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ensureCertificate } from './certificate';
import { listenLoopback, type Listening } from './listen';
import { staticFiles } from './staticFiles';
import { pageWithLibraryOrigins } from './workbenchCsp';

// dist/web, from dist/src/server or the command's bundle in dist/bundle/cli alike (webpack.cli.js keeps the depth).
export const WEB_ROOT = path.resolve(__dirname, '..', '..', 'web');

export interface WorkbenchServer extends Listening {
  url: string;
  caPath: string;
}

/** Where the pane finds the library; served to the workbench page only (loopback, development token). */
export interface WorkbenchLibraryConfig {
  /** Graph: `https://localhost:P/v1.0`. */
  url: string;
  /** The file bytes: `https://127.0.0.1:Q`. */
  fileOrigin: string;
  siteId: string;
  driveId: string;
  listId: string;
  token: string;
}

export const WORKBENCH_CONFIG_PATH = '/_workbench/library.json';

/** The pages whose policy names the library's origins: the pane, and the sign-in page it opens. */
const PANE_PAGES = new Set(['/taskpane.html', '/signin.html']);

export async function startWorkbench(options: {
  port: number;
  webRoot?: string;
  libraryConfig?: WorkbenchLibraryConfig;
}): Promise<WorkbenchServer> {
  const webRoot = options.webRoot ?? WEB_ROOT;
  const serve = staticFiles(webRoot);
  const config = options.libraryConfig;
  const origins = config ? [new URL(config.url).origin, config.fileOrigin] : [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const pathname = new URL(req.url ?? '/', 'https://localhost').pathname;
      if (PANE_PAGES.has(pathname) && req.method === 'GET') {
        const html = await fs.readFile(path.join(webRoot, pathname.slice(1)), 'utf8').catch(() => null);
        if (html !== null) {
          const page = Buffer.from(pageWithLibraryOrigins(html, origins), 'utf8');
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
          res.end(page);
          return;
        }
      }
      if (req.url === WORKBENCH_CONFIG_PATH && config) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        res.end(JSON.stringify(config));
        return;
      }
      if (req.url === '/' || req.url === '') {
        res.writeHead(302, { Location: '/workbench.html' });
        res.end();
        return;
      }
      if (await serve(req, res)) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Hittades inte / Not found');
    })().catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(e));
    });
  };
  const cert = await ensureCertificate();
  const listening = await listenLoopback(handler, cert, options.port);
  return { ...listening, url: `https://localhost:${listening.port}/`, caPath: cert.caPath };
}
