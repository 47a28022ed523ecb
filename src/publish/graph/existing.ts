/**
 * What already sits at a published name: the item and the SHA-256 of its content, so the same version sent
 * twice is recognised and a different one is never overwritten. Graph gives sha256Hash only on some drives
 * (SharePoint gives quickXorHash), so without it the content is read and hashed here: that happens only when
 * the name is already taken.
 */
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import { sha256Hex } from '../hash';
import { explain } from './errors';
import { itemByPath } from './paths';

export interface Existing {
  item: DriveItem;
  sha256: string;
}

export async function readExisting(client: Client, driveId: string, folder: string, name: string): Promise<Existing> {
  const path = itemByPath(driveId, folder, name);
  try {
    const item = (await client.api(path).get()) as DriveItem;
    const given = item.file?.hashes?.sha256Hash;
    if (given) return { item, sha256: given.toLowerCase() };
    const content = (await client.api(`${path}:/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    return { item, sha256: await sha256Hex(new Uint8Array(content)) };
  } catch (e) {
    throw explain(e, `läsningen av befintliga ${name}`);
  }
}

export async function readText(client: Client, driveId: string, folder: string, name: string): Promise<string> {
  try {
    return (await client.api(`${itemByPath(driveId, folder, name)}:/content`).responseType(ResponseType.TEXT).get()) as string;
  } catch (e) {
    throw explain(e, `läsningen av ${name}`);
  }
}
