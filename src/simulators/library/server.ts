/**
 * The local library on HTTPS servers of its own on loopback (127.0.0.1 and ::1), with the localhost
 * development certificate (it names both localhost and 127.0.0.1): what `tjansteplan library` runs. Two
 * origins, as in a tenant: Graph on `https://localhost:P`, file bytes on `https://127.0.0.1:Q` (another host
 * name, so a Graph client with `customHosts: ['localhost']` sends no token there). Paths an origin does not
 * own get Graph's 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ensureCertificate, type Certificate } from '../../server/certificate';
import { listenLoopback, type Listening } from '../../server/listen';
import { createLibrary, type Library, type LibraryIds, type LibraryOptions } from './library';

export interface RunningLibrary {
  /** `https://localhost:PORT/v1.0` */
  url: string;
  port: number;
  /** `https://127.0.0.1:PORT`: where download and upload URLs point. */
  fileOrigin: string;
  filePort: number;
  ids: LibraryIds;
  /** The CA that signed the certificate, for NODE_EXTRA_CA_CERTS or a fetch agent. */
  ca: string;
  library: Library;
  close(): Promise<void>;
}

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Answers with the handler once the library is open; what it does not own gets Graph's 404. */
function serving(opened: Promise<Library>, pick: (l: Library) => Handle) {
  return (req: IncomingMessage, res: ServerResponse) => {
    opened.then((l) => pick(l)(req, res)).then(
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
}

export async function startLibrary(o: LibraryOptions & { port?: number; filePort?: number; certificate?: Certificate } = {}): Promise<RunningLibrary> {
  const cert = o.certificate ?? (await ensureCertificate());
  // The listeners come first: the file origin's port goes into the URLs the library hands out.
  let open!: (l: Library) => void;
  let fail!: (e: unknown) => void;
  const opened = new Promise<Library>((resolve, reject) => ((open = resolve), (fail = reject)));
  opened.catch(() => undefined);
  const listeners: Listening[] = [];
  try {
    const files = await listenLoopback(serving(opened, (l) => l.handleFiles), cert, o.filePort ?? 0);
    listeners.push(files);
    const graph = await listenLoopback(serving(opened, (l) => l.handle), cert, o.port ?? 0);
    listeners.push(graph);
    const fileOrigin = `https://127.0.0.1:${files.port}`;
    const library = await createLibrary({ ...o, fileOrigin });
    open(library);
    return {
      url: `https://localhost:${graph.port}/v1.0`,
      port: graph.port,
      fileOrigin,
      filePort: files.port,
      ids: library.ids,
      ca: cert.caPath,
      library,
      close: async () => {
        await Promise.all(listeners.map((l) => l.close()));
        await library.close();
      },
    };
  } catch (e) {
    fail(e);
    await Promise.all(listeners.map((l) => l.close()));
    throw e;
  }
}
