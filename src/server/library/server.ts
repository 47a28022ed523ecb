/**
 * The local library on its own HTTPS server on loopback (127.0.0.1 and ::1), with the localhost
 * development certificate: what `tjansteplan library` runs. Paths the library does not own get Graph's 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ensureCertificate, type Certificate } from '../certificate';
import { listenLoopback } from '../listen';
import { createLibrary, type Library, type LibraryIds, type LibraryOptions } from './library';

export interface RunningLibrary {
  /** `https://localhost:PORT/v1.0` */
  url: string;
  port: number;
  ids: LibraryIds;
  /** The CA that signed the certificate, for NODE_EXTRA_CA_CERTS or a fetch agent. */
  ca: string;
  library: Library;
  close(): Promise<void>;
}

export async function startLibrary(o: LibraryOptions & { port?: number; certificate?: Certificate } = {}): Promise<RunningLibrary> {
  const library = await createLibrary(o);
  try {
    const cert = o.certificate ?? (await ensureCertificate());
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      library.handle(req, res).then(
        (handled) => {
          if (handled) return;
          res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ error: { code: 'itemNotFound', message: 'The resource could not be found.' } }));
        },
        (e) => {
          if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(String(e));
        },
      );
    };
    const listening = await listenLoopback(handler, cert, o.port ?? 0);
    return {
      url: `https://localhost:${listening.port}/v1.0`,
      port: listening.port,
      ids: library.ids,
      ca: cert.caPath,
      library,
      close: async () => {
        await listening.close();
        await library.close();
      },
    };
  } catch (e) {
    await library.close();
    throw e;
  }
}
