/**
 * The URLs Graph hands out that need no bearer token, signed with the library's secret (HMAC-SHA256) as
 * SharePoint signs them with `tempauth`: an upload session's URL (valid while the session lives) and a
 * file's pre-authenticated download URL (valid for an hour). Both live under `/_library/` on the file
 * origin, which is not the Graph origin (as `{tenant}.sharepoint.com` is not `graph.microsoft.com`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const UPLOAD_PREFIX = '/_library/upload/';
export const DOWNLOAD_PREFIX = '/_library/download/';
const DOWNLOAD_LIFETIME_MS = 60 * 60 * 1000;

const sign = (secret: string, what: string): string => createHmac('sha256', secret).update(what).digest('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function uploadUrl(origin: string, secret: string, sessionId: string): string {
  return `${origin}${UPLOAD_PREFIX}${sessionId}?tempauth=${sign(secret, `upload:${sessionId}`)}`;
}

export function uploadSignatureHolds(secret: string, sessionId: string, tempauth: string | null): boolean {
  return tempauth !== null && same(tempauth, sign(secret, `upload:${sessionId}`));
}

export function downloadUrl(fileOrigin: string, secret: string, itemId: string, now: Date): string {
  return fileOrigin + downloadPath(secret, itemId, now);
}

function downloadPath(secret: string, itemId: string, now: Date): string {
  const expires = Math.floor((now.getTime() + DOWNLOAD_LIFETIME_MS) / 1000);
  return `${DOWNLOAD_PREFIX}${itemId}?e=${expires}&tempauth=${sign(secret, `download:${itemId}:${expires}`)}`;
}

export function downloadSignatureHolds(secret: string, itemId: string, q: URLSearchParams, now: Date): boolean {
  const e = q.get('e');
  const tempauth = q.get('tempauth');
  if (!e || !tempauth || !/^\d+$/.test(e) || Number(e) * 1000 < now.getTime()) return false;
  return same(tempauth, sign(secret, `download:${itemId}:${e}`));
}
