/**
 * The priority a plan states for an initiative (docs/domain.md §3, column `Prioritet`): `Måste` cannot be
 * prioritised away (law, decided, running contract), `Bör`, `Kan`; empty = not stated.
 */
export const PRIORITIES = ['Måste', 'Bör', 'Kan'] as const;
export type Priority = (typeof PRIORITIES)[number];

const BY_KEY = new Map<string, Priority>(PRIORITIES.map((p) => [key(p), p]));

function key(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, '').toLocaleLowerCase('sv');
}

/** `Måste`, ` måste `, `MÅSTE` are one word; anything else (a typo, an English word) is not read as a priority. */
export function parsePriority(text: string): Priority | null {
  return BY_KEY.get(key(text)) ?? null;
}

/**
 * The class a proposal treats an initiative as. A plan that states no priority has not released the
 * initiative either, so empty counts as `Bör`: only what an area itself marked `Kan` goes first.
 */
export function effectivePriority(p: Priority | null | undefined): Priority {
  return p ?? 'Bör';
}
