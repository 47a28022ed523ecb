/**
 * `tjansteplan prioritize --library URL --publish-decision BESLUT.xlsx`: a Prioriteringsbeslut saved in a
 * workbook (the pane's Prioritering writes its tables) put in the library beside the plans, as the pane does
 * when it is connected. The decision is read from the workbook's tables, and its forum, date and period
 * name the document. Exit 0 published (or already there), 1 another decision has the name, 2 the file or
 * the library cannot be used.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { publishForumDocument } from '../app/publishForumDocument';
import { decisionDocumentData } from '../domain/decisionDocument';
import { parsePeriod } from '../domain/period';
import { firstLineOf } from '../publish/errors';
import { forumFolder } from '../publish/forumDocuments';
import { readDecision } from '../workbook/contract/prioritizationTables';
import { openWorkbook } from './files';
import { openLibrary, type LibraryArgs } from './libraryPlans';

export async function publishDecisionCommand(file: string, o: LibraryArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const library = await openLibrary(o);
  const opened = await openWorkbook(file);
  if (!opened.ok) {
    err(`${file}: ${opened.reason}`);
    return 2;
  }
  const decision = readDecision(await opened.workbook.readTables());
  const { forum, date, period, status } = decision?.info ?? {};
  if (!decision || status !== 'Beslut' || !forum || !date || !period || !parsePeriod(period)) {
    err(`${file}: inget Prioriteringsbeslut med forum, datum och planperiod (tabellerna Prioriteringsbeslut och Beslutsuppgifter, Status Beslut)`);
    return 2;
  }
  for (const p of decision.problems) err(`${file}: ${p}`);
  if (decision.problems.length > 0) return 2;
  const data = decisionDocumentData({ forum, date, period }, decision.rows);
  let outcome;
  try {
    outcome = await publishForumDocument(library, { kind: 'Prioriteringsbeslut', period, forum, date, file: new Uint8Array(await readFile(file)), content: data, data });
  } catch (e) {
    err(`tjansteplan: --library ${o.library}: ${path.basename(file)} kunde inte publiceras: ${firstLineOf(e)}`);
    return 2;
  }
  if (outcome.kind === 'conflict') {
    err(`tjansteplan: ${forumFolder(outcome.existing.period)}/${outcome.existing.name} finns redan i biblioteket med ett annat beslut; inget skrevs över (${outcome.existing.webUrl})`);
    return 1;
  }
  const doc = outcome.document;
  out(`${forumFolder(doc.period)}/${doc.name}: ${outcome.kind === 'published' ? 'publicerat' : 'redan publicerat'} i biblioteket, ${decision.rows.length} ändrade belopp: ${doc.webUrl}`);
  return 0;
}
