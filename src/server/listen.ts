/** Listening on loopback only, IPv4 and IPv6, never on all interfaces. */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Certificate } from './certificate';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Listening {
  port: number;
  close(): Promise<void>;
}

export async function listenLoopback(handler: Handler, cert: Certificate, port: number): Promise<Listening> {
  const open = (host: string, p: number) =>
    new Promise<https.Server>((resolve, reject) => {
      const s = https.createServer({ key: cert.key, cert: cert.cert }, handler);
      s.once('error', reject);
      s.listen(p, host, () => resolve(s));
    });
  const close = (s: https.Server) =>
    new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    });
  // With port 0 the IPv4 side picks the port; when that port is taken on ::1, let go and pick another.
  for (let attempt = 0; ; attempt++) {
    const v4 = await open('127.0.0.1', port);
    const actual = (v4.address() as AddressInfo).port;
    const servers = [v4];
    try {
      servers.push(await open('::1', actual));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && port === 0 && attempt < 5) {
        await close(v4);
        continue;
      }
      // A machine without IPv6 loopback still serves on 127.0.0.1.
      if (code !== 'EADDRNOTAVAIL' && code !== 'EAFNOSUPPORT') {
        await close(v4);
        throw e;
      }
    }
    return { port: actual, close: () => Promise.all(servers.map(close)).then(() => undefined) };
  }
}
