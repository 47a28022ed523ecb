/** Small pieces both origins' handlers use: decoded paths, header records, injected drops and statuses. */
import type { IncomingMessage } from 'node:http';
import { codeForStatus, GraphFail, messageForStatus } from './errors';
import type { FaultRule } from './faults';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function decoded(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Destroys the connection once about half of the body has arrived (or at once when there is none). */
export function dropMidBody(req: IncomingMessage): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  let seen = 0;
  const cut = () => void req.socket.destroy();
  if (!(declared > 0)) return cut();
  req.on('data', (c: Buffer) => {
    seen += c.length;
    if (seen >= declared / 2) cut();
  });
  req.on('end', cut);
}

export function statusFault(rule: FaultRule): GraphFail {
  const a = rule.action as { kind: 'status'; status: number; retryAfter?: number };
  return new GraphFail(a.status, codeForStatus(a.status), messageForStatus(a.status), a.retryAfter === undefined ? {} : { 'Retry-After': String(a.retryAfter) });
}
