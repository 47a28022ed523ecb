/**
 * `tjansteplan pack --library URL --period P --forum TF|PF|BF --out X.xlsx [--token T] [--ca PATH]`: the
 * forum's review pack (granskningsunderlag) from the library.
 *
 * Presented per area: its newest approved version, whichever forum approved it (what the forum decides on
 * is the plan as it stands). Compared with: the newest earlier version that this forum approved itself (what
 * it saw last time); when it has approved none of the area's, the newest earlier approved version of any
 * forum. `--forum` thus picks the pack's title and which decisions count as "previous".
 *
 * Reads one list query for the period and the snapshots of both versions per area in JSON batches
 * (⌈n/20⌉ requests). Exit 0 when written, 1 when the period has no approved version (nothing written),
 * 2 when the library cannot be read.
 *
 * `--publish [--date ÅÅÅÅ-MM-DD]` also puts the workbook in the library beside the plans, as
 * `<period>/Forum/Granskningsunderlag <forum> <date>.xlsx` (the meeting's date, today by default), so members
 * open one workbook in Excel for the web; `--out` is then optional. Written once: the same pack again is
 * recognised by its content, another pack under that name is a conflict (exit 1) and nothing is overwritten.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publishForumDocument } from '../app/publishForumDocument';
import { forumFolder } from '../publish/forumDocuments';
import { parseForum } from '../domain/versions';
import type { PlanSnapshot } from '../domain/snapshot';
import type { PublishedVersion } from '../publish/planLibrary';
import { reviewPack, type PackAreaInput, type PackVersion } from '../workbook/contract/reviewPackTables';
import { XlsxWorkbook } from '../workbook/file/xlsxWorkbook';
import { LibraryReadError, listApproved, fileNameOf, openLibrary, periodArg, previousFor, readSnapshots } from './libraryPlans';
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
}

export async function packCommand(o: PackOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const forum = parseForum(o.forum);
  if (!forum) throw new UsageError(`--forum: ${o.forum} är inget forum (TF, PF eller BF)`);
  const period = periodArg(o.period);
  if (!o.out && !o.publish) throw new UsageError('ange --out FIL.xlsx, --publish eller båda');
  if (o.date !== undefined && !o.publish) throw new UsageError('--date gäller bara med --publish');
  const date = o.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new UsageError(`--date: ${date} är inget datum (ÅÅÅÅ-MM-DD)`);
  const library = await openLibrary(o);

  let inputs: PackAreaInput[];
  // An area whose list item or snapshot cannot be used is left out with one line; the pack is still
  // written for the others, and the exit code (2) says one is missing.
  let skipped = false;
  const skip = (line: string) => {
    skipped = true;
    err(line);
  };
  try {
    const areas = await listApproved(library, period, o.library, skip);
    const chosen = areas.map((a) => ({ area: a.area, presented: a.versions[0], previous: previousFor(a.versions, forum) }));
    const wanted = chosen.flatMap((c) => (c.previous ? [c.presented, c.previous] : [c.presented]));
    const snapshots = await readSnapshots(library, wanted, o.library, skip);
    const byVersion = new Map<PublishedVersion, PlanSnapshot | null>(wanted.map((v, i) => [v, snapshots[i]]));
    const shown = (v: PublishedVersion, snapshot: PlanSnapshot): PackVersion => ({
      snapshot,
      version: v.fields.Version,
      forum: v.fields.Forum,
      decision: v.fields.Beslut,
      decisionDate: v.fields.Beslutsdatum.slice(0, 10) || snapshot.decisionDate,
      file: fileNameOf(v),
    });
    inputs = chosen.flatMap((c) => {
      const presented = byVersion.get(c.presented);
      if (!presented) return [];
      // Without a readable previous version the area is shown without a comparison (its line said why).
      const previous = c.previous ? byVersion.get(c.previous) : null;
      return [{ area: presented.area || c.area, presented: shown(c.presented, presented), previous: c.previous && previous ? shown(c.previous, previous) : null }];
    });
  } catch (e) {
    if (!(e instanceof LibraryReadError)) throw e;
    err(e.message);
    return 2;
  }
  if (inputs.length === 0) {
    err(`tjansteplan: biblioteket har ingen fastställd version för ${period}; inget underlag skrevs`);
    return 1;
  }

  const pack = reviewPack(forum, period, inputs);
  const wb = new XlsxWorkbook();
  for (const sheet of pack.sheets) {
    const ws = wb.workbook.addWorksheet(sheet.name);
    // A string value: exceljs writes it as text, never as a formula.
    ws.getCell('A1').value = sheet.title;
    ws.getCell('A1').font = { bold: true, size: 13 };
  }
  // Each table goes below what its sheet holds, so below the title with an empty row between.
  await wb.createTables(pack.sheets.flatMap((s) => s.tables));
  const bytes = new Uint8Array(await wb.toBuffer());

  const changed = pack.areas.filter((a) => a.notes.length > 0).length;
  const what = `granskningsunderlag för ${forum} ${period}, ${pack.areas.length} tjänsteområden (${changed} med ändringar sedan föregående fastställda version)`;
  if (o.out) {
    await writeFile(o.out, bytes);
    out(`${path.resolve(o.out)}: ${what}`);
  }
  if (o.publish) {
    const content = pack.sheets.map((sh) => ({ name: sh.name, title: sh.title, tables: sh.tables.map((t) => ({ name: t.name, headers: t.headers, rows: t.rows })) }));
    let outcome;
    try {
      outcome = await publishForumDocument(library, { kind: 'Granskningsunderlag', period, forum, date, file: bytes, content });
    } catch (e) {
      err(`tjansteplan: --library ${o.library}: granskningsunderlaget kunde inte publiceras: ${(e as Error).message.split('\n')[0]}`);
      return 2;
    }
    if (outcome.kind === 'conflict') {
      err(`tjansteplan: ${forumFolder(period)}/${outcome.existing.name} finns redan i biblioteket med annat innehåll; inget skrevs över (${outcome.existing.webUrl})`);
      return 1;
    }
    const doc = outcome.document;
    out(`${forumFolder(period)}/${doc.name}: ${outcome.kind === 'published' ? 'publicerat' : 'redan publicerat'} i biblioteket, ${what}: ${doc.webUrl}`);
  }
  return skipped ? 2 : 0;
}
