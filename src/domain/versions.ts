/**
 * The version history (versionshantering): labels, forums and decisions. A forum decision fixes a version;
 * an approved version is one a forum decided (Fastställd).
 */
import type { IsoDate } from './dates';

export interface VersionLabel {
  major: number;
  minor: number;
}

/** Reads `0.1`, `0,1`, `1.0`, `2`, `v1.2`; null otherwise. */
export function parseVersionLabel(text: string): VersionLabel | null {
  const m = /^v?\s*(\d{1,3})(?:[.,](\d{1,3}))?$/i.exec(text.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: m[2] === undefined ? 0 : Number(m[2]) };
}

/** Versions compare part by part: 0.10 comes after 0.9. */
export function compareVersions(a: VersionLabel, b: VersionLabel): number {
  return a.major - b.major || a.minor - b.minor;
}

export function formatVersion(v: VersionLabel): string {
  return `${v.major}.${v.minor}`;
}

export const FORUMS = ['TF', 'PF', 'BF'] as const;
/** Tjänsteforum, Prioriteringsforum, Beslutsforum. */
export type Forum = (typeof FORUMS)[number];

// A Map, not an object: a cell saying `constructor` or `toString` must not find Object's own members.
const FORUM_NAMES: ReadonlyMap<string, Forum> = new Map(Object.entries({
  tf: 'TF',
  tjänsteforum: 'TF',
  tjansteforum: 'TF',
  pf: 'PF',
  prioriteringsforum: 'PF',
  bf: 'BF',
  beslutsforum: 'BF',
} satisfies Record<string, Forum>));

export function parseForum(text: string): Forum | null {
  return FORUM_NAMES.get(text.trim().toLowerCase()) ?? null;
}

/** Beslut: Utkast (draft), Inskickad (submitted), Fastställd (approved), Återremitterad (returned). */
export const DECISIONS = ['Utkast', 'Inskickad', 'Fastställd', 'Återremitterad'] as const;
export type Decision = (typeof DECISIONS)[number];

export function parseDecision(text: string): Decision | null {
  const t = text.trim().toLowerCase();
  return DECISIONS.find((d) => d.toLowerCase() === t) ?? null;
}

export interface VersionEntry {
  /** 1-based row in the Versionshantering table. */
  row: number;
  date: IsoDate | null;
  dateShown: string;
  label: VersionLabel | null;
  labelShown: string;
  description: string;
  changedBy: string;
  forum: Forum | null;
  decision: Decision | null;
  /** Forum and Beslut as typed, when they could not be read (already reported as DECISION_INVALID). */
  forumShown?: string;
  decisionShown?: string;
}

/** The newest version a forum approved, if any: the last approved row in the history. */
export function latestApproved(history: readonly VersionEntry[]): VersionEntry | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const v = history[i];
    if (v.decision === 'Fastställd' && v.label) return v;
  }
  return null;
}

/**
 * Newest first among approved versions: the higher label (part by part, 0.10 after 0.9), then the later
 * decision date. A version with a readable label comes before one without.
 */
export function newestApprovedFirst(
  a: { version?: string | null; decisionDate?: string | null },
  b: { version?: string | null; decisionDate?: string | null },
): number {
  const va = a.version ? parseVersionLabel(a.version) : null;
  const vb = b.version ? parseVersionLabel(b.version) : null;
  if (va && !vb) return -1;
  if (!va && vb) return 1;
  const c = va && vb ? compareVersions(vb, va) : 0;
  if (c !== 0) return c;
  const da = (a.decisionDate ?? '').slice(0, 10);
  const db = (b.decisionDate ?? '').slice(0, 10);
  return da === db ? 0 : da < db ? 1 : -1;
}
