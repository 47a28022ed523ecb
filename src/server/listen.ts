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
  const servers: https.Server[] = [];
  const open = (host: string, p: number) =>
    new Promise<https.Server>((resolve, reject) => {
      const s = https.createServer({ key: cert.key, cert: cert.cert }, handler);
      s.once('error', reject);
      s.listen(p, host, () => resolve(s));
    });
  const v4 = await open('127.0.0.1', port);
  servers.push(v4);
  const actual = (v4.address() as AddressInfo).port;
  try {
    servers.push(await open('::1', actual));
  } catch (e) {
    // A machine without IPv6 loopback still serves on 127.0.0.1.
    if ((e as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL' && (e as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT') throw e;
  }
  return {
    port: actual,
    close: () => Promise.all(servers.map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); }))).then(() => undefined),
  };
}
