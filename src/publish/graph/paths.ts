/** Graph addresses of the published files: by path under the drive root, each segment percent-encoded. */

/** `2022–2024/Ekonomi 2022–2024 v1.0.xlsx` as a path Graph reads (en dash, spaces and å ä ö encoded). */
export function encodePath(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

/**
 * The item at `folder/name` in the drive, addressed by path: `/drives/{id}/root:/{path}`. `folder` may be
 * nested (`2022–2024/Forum`): each of its parts is a segment of its own, never one with an encoded `/`.
 */
export function itemByPath(driveId: string, folder: string, name: string): string {
  return `/drives/${encodeURIComponent(driveId)}/root:/${encodePath(...folder.split('/'), name)}`;
}

/** A string literal in an OData $filter: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
