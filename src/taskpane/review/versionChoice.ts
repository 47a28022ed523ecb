/**
 * Granskning's version picker: each published version named with its decision and forum, so a version sent to
 * a forum (Beslut Inskickad) or returned by one is never taken for an approved one; and which versions the
 * comparison starts from. The baseline ("before") is the newest approved version (docs/domain.md §1: what a
 * forum decided is what later versions are measured against); "after", between two published versions, is the
 * newest of all, so a version waiting for a forum is shown against the approval it would replace. Approved is
 * what every reader of the library counts (src/app/approvedVersions: Beslut `Fastställd`); an item without a
 * Beslut was not published by this tool and is labelled as having none.
 */
import type { PublishedVersion } from '../../publish/planLibrary';
import { isApproved } from '../../app/approvedVersions';

/** A version's state as the picker says it; `other` keeps a Beslut word this version of the pane does not know (or none). */
export type VersionState =
  | { kind: 'approved'; forum: string }
  | { kind: 'submitted'; forum: string }
  | { kind: 'returned'; forum: string }
  | { kind: 'other'; decision: string; forum: string };

export function stateOf(v: PublishedVersion): VersionState {
  const forum = v.fields.Forum.trim();
  if (isApproved(v)) return { kind: 'approved', forum };
  if (v.fields.Beslut === 'Inskickad') return { kind: 'submitted', forum };
  if (v.fields.Beslut === 'Återremitterad') return { kind: 'returned', forum };
  return { kind: 'other', decision: v.fields.Beslut, forum };
}

export interface Choice {
  beforeId: string;
  afterId: string;
}

/**
 * The versions to compare at first, from the list newest first: against the open workbook, the newest approved
 * (the newest of any state when none is approved); between two published, the newest against the newest
 * approved before it (or simply the one before it).
 */
export function defaultChoice(newestFirst: readonly PublishedVersion[], mode: 'workbook' | 'published'): Choice {
  const first = newestFirst[0]?.itemId ?? '';
  if (mode === 'workbook') return { beforeId: (newestFirst.find(isApproved) ?? newestFirst[0])?.itemId ?? '', afterId: first };
  const older = newestFirst.slice(1);
  return { beforeId: (older.find(isApproved) ?? older[0] ?? newestFirst[0])?.itemId ?? '', afterId: first };
}
