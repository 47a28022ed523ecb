/**
 * Identifiers in SharePoint's shapes: drive item ids (`01` + 32 base32 characters), `b!…` drive ids, GUIDs,
 * and the ETags of a drive item (`"{GUID},n"`), its content (`"c:{GUID},n"`) and its list item (`"guid,n"`).
 */
import { randomBytes, randomUUID } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const newGuid = (): string => randomUUID();

/** A drive item id like SharePoint's: `01` and 32 characters of base32. */
export function newItemId(): string {
  // 20 random bytes are 160 bits: exactly 32 base32 characters.
  const bytes = randomBytes(20);
  let out = '01';
  for (let bit = 0; bit < 160; bit += 5) {
    const i = bit >> 3;
    const word = (bytes[i] << 8) | (bytes[i + 1] ?? 0);
    out += BASE32[(word >> (11 - (bit & 7))) & 31];
  }
  return out;
}

/** `b!` and the base64url of the site, web and list GUIDs, as SharePoint builds a document library's drive id. */
export function driveIdOf(siteGuid: string, webGuid: string, listGuid: string): string {
  const bytes = Buffer.concat([siteGuid, webGuid, listGuid].map((g) => Buffer.from(g.replace(/-/g, ''), 'hex')));
  return 'b!' + bytes.toString('base64url');
}

/** A secret for signing upload and download URLs. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const driveItemETag = (uid: string, version: number): string => `"{${uid.toUpperCase()}},${version}"`;
export const contentTag = (uid: string, cversion: number): string => `"c:{${uid.toUpperCase()}},${cversion}"`;
export const listItemETag = (uid: string, version: number): string => `"${uid.toLowerCase()},${version}"`;

/**
 * Whether an `If-Match` header matches the item: `*`, or any listed tag in the drive item, content or list
 * item form (quotes, braces, case and a weak `W/` prefix do not matter).
 */
export function ifMatchHolds(header: string, uid: string, version: number, cversion: number): boolean {
  const wanted = uid.toLowerCase();
  for (const raw of header.split(/,(?=\s*(?:W\/)?"|\s*\*)/)) {
    let tag = raw.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    if (tag === '*') return true;
    const isContent = tag.startsWith('c:');
    if (isContent) tag = tag.slice(2);
    const comma = tag.lastIndexOf(',');
    if (comma < 0) continue;
    const guid = tag.slice(0, comma).replace(/[{}]/g, '').toLowerCase();
    const n = Number(tag.slice(comma + 1));
    if (guid === wanted && n === (isContent ? cversion : version)) return true;
  }
  return false;
}
