/**
 * Granskning's picker lists an area's versions newest first, in the order every reader of the library uses.
 * Which versions count as an area's approved version for consolidation, the summary, prioritisation and the
 * review pack is src/app/approvedVersions' `isApproved` alone: Beslut `Fastställd`.
 */
import { isApproved as readersApproved } from '../../app/approvedVersions';
import type { PublishedVersion } from '../../publish/planLibrary';

export { newestFirst } from '../../app/approvedVersions';

/**
 * How the picker labels a listed version and picks its baseline: the readers' rule, plus an item without a
 * Beslut, which the picker shows as approved (review/versionChoice.ts and its test). Only the picker uses
 * this; whether an unmarked item should read as approved there is the review view's to settle.
 */
export const isApproved = (v: PublishedVersion): boolean => readersApproved(v) || v.fields.Beslut === '';
