/**
 * `tjansteplan pack --library URL --period P --forum TF|PF|BF --out X.xlsx [--token T] [--ca PATH]`: the
 * forum's review pack (granskningsunderlag) from the library.
 *
 * Presented per area: its newest approved version, whichever forum approved it (what the forum decides on
 * is the plan as it stands). Compared with: the newest earlier version that this forum approved itself (what
 * it saw last time); when it has approved none of the area's, the newest earlier approved version of any
 * forum. `--forum` thus picks the pack's title and which decisions count as "previous".
 *
 * The action is src/app/reviewPack's `buildReviewPack` (the pane's Sammanställning calls it too); this says its
 * outcome. Reads one list query for the period and the snapshots of both versions per area in JSON batches
 * (⌈n/20⌉ requests). Exit 0 when written, 1 when the period has no approved version (nothing written),
 * 2 when the library cannot be read, or the workbook cannot be made (exceljs) or saved to `--out`: each said
 * as what it is, never as the library's failure. A pack published but not saved to `--out` says both.
 *
 * `--publish [--date ÅÅÅÅ-MM-DD]` also puts the workbook in the library beside the plans, as
 * `<period>/Forum/Granskningsunderlag <forum> <date>.xlsx` (the meeting's date, today by default), so members
 * open one workbook in Excel for the web; `--out` is then optional. Written once: the same pack again is
 * recognised by its content, another pack under that name is a conflict (exit 1) and nothing is overwritten.
 *
 * `--frame budgetram.xlsx` (read as `consolidate --frame` reads it, openFrame) adds the sheet Ram: the city
 * and each area against finance's frame, in the Sammanställning's figures and words. A frame that cannot be
 * read is a located error and exit 2 before the library is asked; its findings are said on stderr and
 * listed on the Ram sheet with the consolidation's (an area with a frame but no approved version, …). As with
 * `consolidate --frame`, an error among them does not stop the pack: it is written (and published) with the
 * error on its Ram sheet, and the exit code is 1 (2 still wins when a version could not be read).
 */
import path from 'node:path';
import { buildReviewPack, type ReviewPackOutcome } from '../app/reviewPack';
import { forumFolder } from '../publish/forumDocuments';
import { firstLineOf } from '../publish/errors';
import { hasErrors, messageIn } from '../domain/findings';
import { parseForum } from '../domain/versions';
import { cityVerdict } from '../workbook/contract/reviewPackFrame';
import { writeFileAtomic } from '../node/atomicFile';
import type { FrameFile } from './files';
import { LibraryReadError, NotTheLibrary, openLibrary, periodArg, readLibrary } from './libraryPlans';
import { LABEL, where } from './report';
import { UsageError } from './usage';

export interface PackOptions {
  library: string;
  period: string;
  forum: string;
  /** Required unless `publish`. */
  out?: string;
  token?: string;
  ca?: string;
  publish?: boolean;
  /** With `publish`: the meeting's date (ISO), today by default. */
  date?: string;
  /** Finance's frame workbook: the pack then has the sheet Ram. */
  frame?: string;
}

export async function packCommand(o: PackOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const forum = parseForum(o.forum);
  if (!forum) throw new UsageError(`--forum: ${o.forum} är inget forum (TF, PF eller BF)`);
  const period = periodArg(o.period);
  if (!o.out && !o.publish) throw new UsageError('ange --out FIL.xlsx, --publish eller båda');
  if (o.date !== undefined && !o.publish) throw new UsageError('--date gäller bara med --publish');
  const date = o.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new UsageError(`--date: ${date} är inget datum (ÅÅÅÅ-MM-DD)`);
  // Read first: an unreadable frame (UnreadableWorkbook, exit 2 in main) asks nothing of the library.
  let frame: FrameFile | null = null;
  if (o.frame !== undefined) {
    frame = await (await import('./files')).openFrame(o.frame);
    for (const f of frame.findings) err(`${o.frame}: ${LABEL.sv[f.severity]} ${f.code} ${where(f, 'sv')}: ${messageIn(f, 'sv')}`);
  }
  const library = await openLibrary(o);

  // An area whose list item or snapshot cannot be used is left out with one line; the pack is still
  // written for the others, and the exit code (2) says one is missing.
  let outcome: ReviewPackOutcome;
  let skipped: boolean;
  try {
    ({ value: outcome, skipped } = await readLibrary(o.library, err, (callbacks) =>
      buildReviewPack(
        { forum, period, ...(o.publish ? { publish: { date } } : {}), ...(frame ? { frame: frame.frame, frameFindings: frame.findings } : {}) },
        // Loaded only to write: exceljs is the same writer as the pane's (sheetsToXlsx). Its failure happens
        // inside the library read but is not the library's, so it goes through readLibrary as what it is.
        {
          ...callbacks,
          library,
          write: async (sheets) => {
            try {
              return await (await import('../workbook/file/tablesToXlsx')).sheetsToXlsx(sheets);
            } catch (e) {
              throw new NotTheLibrary(`tjansteplan: granskningsunderlaget kunde inte skrivas: ${firstLineOf(e)}`);
            }
          },
        },
      ),
    ));
  } catch (e) {
    if (!(e instanceof LibraryReadError || e instanceof NotTheLibrary)) throw e;
    err(e.message);
    return 2;
  }
  if (outcome.kind === 'nothing-approved') {
    err(`tjansteplan: biblioteket har ingen fastställd version för ${period}; inget underlag skrevs`);
    return 1;
  }

  const { pack, bytes, changed, publication } = outcome;
  const against = pack.frame ? `; ${cityVerdict(pack.frame.consolidation)}` : '';
  const what = `granskningsunderlag för ${forum} ${period}, ${pack.areas.length} tjänsteområden (${changed} med ändringar sedan föregående fastställda version)${against}`;
  // Each outcome is said; the exit code is the worst of them (2 wins over 1).
  const codes = [skipped ? 2 : 0, pack.frame && hasErrors(pack.frame.findings) ? 1 : 0];
  if (o.out) {
    try {
      await writeFileAtomic(o.out, bytes);
      out(`${path.resolve(o.out)}: ${what}`);
    } catch (e) {
      // A folder that does not exist, a path through a file, a folder named as the file, no permission: said
      // once, and what was published is still said below.
      err(`tjansteplan: --out ${o.out}: granskningsunderlaget kunde inte sparas: ${firstLineOf(e)}`);
      codes.push(2);
    }
  }
  if (publication) {
    if (publication.kind === 'failed') {
      err(`tjansteplan: --library ${o.library}: granskningsunderlaget kunde inte publiceras: ${publication.message}`);
      codes.push(2);
    } else if (publication.kind === 'conflict') {
      err(`tjansteplan: ${forumFolder(period)}/${publication.existing.name} finns redan i biblioteket med annat innehåll; inget skrevs över (${publication.existing.webUrl})`);
      codes.push(1);
    } else {
      const doc = publication.document;
      out(`${forumFolder(period)}/${doc.name}: ${publication.kind === 'published' ? 'publicerat' : 'redan publicerat'} i biblioteket, ${what}: ${doc.webUrl}`);
    }
  }
  return Math.max(...codes);
}
