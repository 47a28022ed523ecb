/**
 * What already sits at a published name: the item and the SHA-256 of its content, so the same version sent
 * twice is recognised and a different one is never overwritten. Graph gives sha256Hash only on some drives
 * (SharePoint gives quickXorHash), so without it the content is read and hashed here: that happens only when
 * the name is already taken.
 *
 * Content is read from the item's `@microsoft.graph.downloadUrl` through the token-less file client, never
 * through `…/content`: that answers 302 to the file host, and following it from a page fails (CORS refuses a
 * redirect after a preflight, and the file host refuses the token): Microsoft's "download in JavaScript apps"
 * guidance on https://learn.microsoft.com/graph/api/driveitem-get-content, and
 * microsoftgraph/msgraph-sdk-javascript#388.
 */
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import { sha256Hex } from '../hash';
import { fileClientOf } from './client';
import { explain } from './errors';
import { itemByPath } from './paths';

export interface Existing {
  item: DriveItem;
  sha256: string;
}

const DOWNLOAD_URL = '@microsoft.graph.downloadUrl';

type WithDownloadUrl = DriveItem & { [DOWNLOAD_URL]?: string };

/** The item with a fresh download URL (they are short-lived, so one is asked for right before use). */
async function itemAt(client: Client, driveId: string, folder: string, name: string): Promise<WithDownloadUrl> {
  return (await client.api(itemByPath(driveId, folder, name)).get()) as WithDownloadUrl;
}

/** The bytes behind a pre-authenticated URL, fetched without a token. */
export async function downloadBytes(client: Client, url: string): Promise<ArrayBuffer> {
  return (await fileClientOf(client).api(url).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
}

function downloadUrlOf(item: WithDownloadUrl, name: string): string {
  const url = item[DOWNLOAD_URL];
  if (typeof url !== 'string' || !url.startsWith('https://')) throw new Error(`${name} har ingen nedladdningsadress`);
  return url;
}

export async function readExisting(client: Client, driveId: string, folder: string, name: string): Promise<Existing> {
  try {
    const item = await itemAt(client, driveId, folder, name);
    const given = item.file?.hashes?.sha256Hash;
    if (given) return { item, sha256: given.toLowerCase() };
    const content = await downloadBytes(client, downloadUrlOf(item, name));
    return { item, sha256: await sha256Hex(new Uint8Array(content)) };
  } catch (e) {
    throw explain(e, `läsningen av befintliga ${name}`);
  }
}

export async function readText(client: Client, driveId: string, folder: string, name: string): Promise<string> {
  try {
    const item = await itemAt(client, driveId, folder, name);
    return new TextDecoder().decode(await downloadBytes(client, downloadUrlOf(item, name)));
  } catch (e) {
    throw explain(e, `läsningen av ${name}`);
  }
}
