/**
 * What the user actions in src/app/ are given, never reach for: the workbook (WorkbookHost), the library
 * (PlanLibrary), the outbox and the clock. The pane hands them Office.js, Graph and IndexedDB; the CLI an
 * .xlsx file, Graph from Node and a JSON file; tests the Excel test host and the local library.
 */
import type { Outbox, OutboxEntry } from '../publish/outbox';
import type { PlanLibrary, PublishProgress } from '../publish/planLibrary';

/** Now, as the action should see it (the day a row is dated). */
export type Clock = () => Date;

export interface Publishing {
  /** The library, or how to reach it: called once, only when something is to be sent (the CLI reads its token then). */
  library: PlanLibrary | (() => Promise<PlanLibrary>);
  outbox: Outbox;
  onProgress?: (entry: OutboxEntry, p: PublishProgress) => void;
  /** Send whatever else waits in the outbox as well (the CLI's run empties it); otherwise only this version. */
  sendAll?: boolean;
}

/** `YYYY-MM-DD` of the clock's day where the user is (the date a person would write in the row). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
