/** Graph addresses of the published files: by path under the drive root, each segment percent-encoded. */

/** `2022–2024/Ekonomi 2022–2024 v1.0.xlsx` as a path Graph reads (en dash, spaces and å ä ö encoded). */
export function encodePath(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

/** The item at `folder/name` in the drive, addressed by path: `/drives/{id}/root:/{path}`. */
export function itemByPath(driveId: string, folder: string, name: string): string {
  return `/drives/${encodeURIComponent(driveId)}/root:/${encodePath(folder, name)}`;
}

/** A string literal in an OData $filter: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
