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
 */
import path from 'node:path';
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
  out: string;
  token?: string;
  ca?: string;
}

export async function packCommand(o: PackOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const forum = parseForum(o.forum);
  if (!forum) throw new UsageError(`--forum: ${o.forum} är inget forum (TF, PF eller BF)`);
  const period = periodArg(o.period);
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
  await wb.save(o.out);

  const changed = pack.areas.filter((a) => a.notes.length > 0).length;
  out(`${path.resolve(o.out)}: granskningsunderlag för ${forum} ${period}, ${pack.areas.length} tjänsteområden (${changed} med ändringar sedan föregående fastställda version)`);
  return skipped ? 2 : 0;
}
