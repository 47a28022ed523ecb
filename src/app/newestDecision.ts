/**
 * The prioritisation decision a controller applies, from the library: the newest Prioriteringsbeslut of the
 * plan's period (latest meeting date; of one day BF over PF over TF), read from the JSON beside the
 * workbook and checked before use. Browser-safe; used by applyPrioritization.ts (Tillämpa prioriteringsbeslut).
 */
import { parseDecisionDocumentData, type DecisionDocumentData } from '../domain/decisionDocument';
import { newestForumDocumentFirst, type ForumDocument } from '../publish/forumDocuments';
import type { PlanLibrary } from '../publish/planLibrary';

export interface LibraryDecision {
  document: ForumDocument;
  decision: DecisionDocumentData;
}

/** null when the period has no decision in the library; throws (in Swedish) when the newest is unreadable. */
export async function newestDecision(library: PlanLibrary, period: string): Promise<LibraryDecision | null> {
  const documents = (await library.listForumDocuments(period)).filter((d) => d.kind === 'Prioriteringsbeslut').sort(newestForumDocumentFirst);
  const document = documents[0];
  if (!document) return null;
  const parsed = parseDecisionDocumentData(await library.readForumDocumentData(document));
  // An older decision is never applied in the newest one's place: the controller hears why instead.
  if (!parsed.ok) throw new Error(`${document.name} i biblioteket: ${parsed.reason}`);
  return { document, decision: parsed.data };
}
