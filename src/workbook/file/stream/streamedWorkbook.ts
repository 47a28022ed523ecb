/**
 * The plan reader for commands that only read (validate, consolidate, publish): the workbook's tables
 * straight from the zip, inflating and parsing only the parts the tables need — the workbook, its
 * relationships, the sheets that hold tables, their table parts, the shared strings and the styles — as
 * events, without building a workbook model. It hands the contract the same RawTables as XlsxWorkbook.
 */
import type { RawTable } from '../../host';
import { readWorkbookFile } from '../readFile';
import { parseRange, tableOfRows, tableTooLarge } from '../tableCells';
import { classifyUnreadable, UnreadableWorkbook } from '../unreadable';
import { DEFAULT_CAPS, InflateBudget, readCentralDirectory, type ZipCaps } from '../zip';
import { readDateStyles, readRels, readSharedStrings, readTablePart, readWorkbookPart, type Part, type Relationship, type TableDefinition } from './parts';
import { readSheet, TableGrid, type SheetContext } from './sheet';
import { relsOf, resolveTarget } from './xmlPart';

const isType = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

export class StreamedWorkbook {
  private constructor(
    readonly tables: RawTable[],
    /** The file's bytes as read (what publish uploads). */
    readonly bytes: Uint8Array,
  ) {}

  /** Reads a file; throws UnreadableWorkbook with a one-line Swedish reason when it cannot be used. */
  static async open(file: string, caps: ZipCaps = DEFAULT_CAPS): Promise<StreamedWorkbook> {
    return StreamedWorkbook.fromBytes(await readWorkbookFile(file), file, caps);
  }

  static async fromBytes(bytes: Uint8Array, name = 'arbetsbok', caps: ZipCaps = DEFAULT_CAPS): Promise<StreamedWorkbook> {
    const known = classifyUnreadable(bytes);
    if (known) throw new UnreadableWorkbook(name, known);
    const part: Part = { bytes, entries: readCentralDirectory(bytes, name, caps), budget: new InflateBudget(name, caps) };
    return new StreamedWorkbook(await readAllTables(part, name), bytes);
  }

  async readTables(): Promise<RawTable[]> {
    return this.tables;
  }
}

async function readAllTables(part: Part, file: string): Promise<RawTable[]> {
  const workbookPath = (await readRels(part, '_rels/.rels')).find((r) => isType(r, 'officeDocument'))?.target.replace(/^\//, '') ?? 'xl/workbook.xml';
  const workbook = await readWorkbookPart(part, workbookPath);
  if (!workbook) throw new UnreadableWorkbook(file, 'filen är inte en Excel-arbetsbok (.xlsx)');
  const rels = new Map((await readRels(part, relsOf(workbookPath))).map((r) => [r.id, { ...r, target: resolveTarget(workbookPath, r.target) }]));
  const sheets = workbook.sheets
    .map((s) => ({ name: s.name, rel: rels.get(s.relId) }))
    .filter((s): s is { name: string; rel: Relationship } => s.rel !== undefined && isType(s.rel, 'worksheet') && part.entries.has(s.rel.target));
  if (sheets.length === 0) throw new UnreadableWorkbook(file, 'filen är inte en Excel-arbetsbok (.xlsx)');

  let ctx: SheetContext | null = null;
  // Strings and styles only matter once a sheet has a table; a workbook without tables never reads them.
  const context = async (): Promise<SheetContext> => {
    if (ctx) return ctx;
    const target = (kind: string) => [...rels.values()].find((r) => isType(r, kind))?.target;
    const strings = target('sharedStrings');
    const styles = target('styles');
    ctx = {
      sharedStrings: strings ? await readSharedStrings(part, strings) : [],
      dateStyles: styles ? await readDateStyles(part, styles) : [],
      date1904: workbook.date1904,
    };
    return ctx;
  };

  const tables: RawTable[] = [];
  for (const sheet of sheets) {
    const sheetPath = sheet.rel.target;
    const definitions = new Map<string, { table: TableDefinition; grid: TableGrid }>();
    for (const rel of await readRels(part, relsOf(sheetPath))) {
      if (!isType(rel, 'table')) continue;
      const table = await readTablePart(part, resolveTarget(sheetPath, rel.target));
      const range = table && parseRange(table.ref);
      const tooLarge = table && range && tableTooLarge(table.name, range);
      if (tooLarge) throw new UnreadableWorkbook(file, tooLarge);
      if (table && range) definitions.set(rel.id, { table, grid: new TableGrid(range) });
    }
    if (definitions.size === 0) continue;
    const { tableParts } = await readSheet(part, sheetPath, [...definitions.values()].map((d) => d.grid), await context());
    for (const id of tableParts) {
      const found = definitions.get(id);
      if (!found) continue;
      const { table, grid } = found;
      tables.push(tableOfRows({ name: table.name, sheet: sheet.name, range: grid.range, totalsRow: table.totalsRow, columns: table.columns }, grid.cells));
    }
  }
  return tables;
}
