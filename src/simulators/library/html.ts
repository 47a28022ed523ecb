/** Text and attribute values for HTML: every character that could start markup or end a quote is escaped. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
