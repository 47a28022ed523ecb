/**
 * `npm start`: the workbench page (task pane beside the Excel test host) and the task pane itself, from one
 * HTTPS origin on loopback so a user accepts the certificate at most once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ensureCertificate } from './certificate';
import { listenLoopback, type Listening } from './listen';
import { staticFiles } from './staticFiles';

export const WEB_ROOT = path.resolve(__dirname, '..', '..', 'web');

export interface WorkbenchServer extends Listening {
  url: string;
  caPath: string;
}

/** A handler that answers the paths it owns (the local library: createLibrary with rootPage false). */
export interface MountedHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/** Where the pane finds the library; served to the workbench page only (loopback, development token). */
export interface WorkbenchLibraryConfig {
  siteId: string;
  driveId: string;
  listId: string;
  token: string;
}

export const WORKBENCH_CONFIG_PATH = '/_workbench/library.json';

export async function startWorkbench(options: {
  port: number;
  webRoot?: string;
  library?: MountedHandler;
  libraryConfig?: WorkbenchLibraryConfig;
}): Promise<WorkbenchServer> {
  const serve = staticFiles(options.webRoot ?? WEB_ROOT);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      if (options.library && (await options.library.handle(req, res))) return;
      if (req.url === WORKBENCH_CONFIG_PATH && options.libraryConfig) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        res.end(JSON.stringify(options.libraryConfig));
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
