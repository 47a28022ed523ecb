/**
 * Granskning lists an area's versions newest first in the order every reader of the library uses; which
 * versions count as approved, and each area's newest, are src/app/approvedVersions' alone.
 */
export { newestFirst } from '../../app/approvedVersions';
