/**
 * The small parts a plan's tables depend on: relationships, the workbook's sheet list, the number formats
 * of the cell styles, the shared strings and the table definitions. Each is read with the same rules exceljs
 * applies when it loads a workbook, so both readers hand the contract the same cells.
 */
import type { InflateBudget, ZipEntry } from '../zip';
import { parseXmlPart } from './xmlPart';

export interface Part {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  budget: InflateBudget;
}

async function parse(part: Part, name: string, handler: Parameters<typeof parseXmlPart>[3]): Promise<boolean> {
  const entry = part.entries.get(name);
  if (!entry) return false;
  await parseXmlPart(part.bytes, entry, part.budget, handler);
  return true;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export async function readRels(part: Part, name: string): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await parse(part, name, {
    open(tag, a) {
      if (tag === 'Relationship') rels.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' });
    },
  });
  return rels;
}

export interface SheetEntry {
  name: string;
  relId: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

export async function readWorkbookPart(part: Part, name: string): Promise<WorkbookPart | null> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const found = await parse(part, name, {
    open(tag, a) {
      if (tag === 'sheet') sheets.push({ name: a.name ?? '', relId: a['r:id'] ?? relIdOf(a) });
      else if (tag === 'workbookPr') date1904 = a.date1904 === '1';
    },
  });
  return found ? { sheets, date1904 } : null;
}

/** The relationship id under whatever prefix the file gave the relationships namespace. */
function relIdOf(a: Record<string, string>): string {
  for (const [k, v] of Object.entries(a)) if (k.endsWith(':id')) return v;
  return '';
}

/** Excel's built-in number formats that exceljs knows by id (the others have no fixed code). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/**
 * Whether a number format shows a date or a time, by exceljs's rule: after removing `[…]` and `"…"`, any of
 * y m d h M s b is left.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Per cell style index: whether a number in that style is a date. */
export async function readDateStyles(part: Part, name: string): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await parse(part, name, {
    open(tag, a) {
      if (tag === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) formatIds.push(parseInt(a.numFmtId ?? '0', 10) || 0);
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => id !== 0 && isDateFormat(custom.get(id) || BUILT_IN_FORMATS[id]));
}

/** Excel escapes characters XML cannot carry as `_xHHHH_`. */
export const unescapeText = (s: string) => (s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));

/**
 * The text of an `<si>` or `<is>`: its `<t>`, or its rich-text runs joined; phonetic guides (`<rPh>`) are
 * not part of the text.
 */
export class StringCollector {
  private inText = false;
  private inPhonetic = false;
  // The open `<t>`'s text so far, and the string's finished runs: strings, not arrays, since nearly every
  // string is one `<t>` in one text event (emptying the arrays, `length = 0`, was ~5 ms of a profiled read of
  // a 50 000-row plan's strings).
  private current = '';
  private runs = '';

  open(tag: string): void {
    if (tag === 'rPh') this.inPhonetic = true;
    else if (tag === 't' && !this.inPhonetic) this.inText = true;
  }

  text(t: string): void {
    if (this.inText) this.current += t;
  }

  close(tag: string): void {
    if (tag === 'rPh') this.inPhonetic = false;
    else if (tag === 't' && this.inText) {
      this.inText = false;
      // One `<t>` may arrive in several text events; the escapes are undone over its whole text.
      this.runs += unescapeText(this.current);
      this.current = '';
    }
  }

  /** The text collected since the last take; the collector is then empty, ready for the next string. */
  take(): string {
    const s = this.runs;
    this.runs = '';
    this.current = '';
    this.inText = false;
    this.inPhonetic = false;
    return s;
  }
}

export async function readSharedStrings(part: Part, name: string): Promise<string[]> {
  const strings: string[] = [];
  // One collector for every `<si>`: a 50 000-row plan has as many strings.
  const collector = new StringCollector();
  let inString = false;
  await parse(part, name, {
    open(tag) {
      if (tag === 'si') {
        collector.take();
        inString = true;
      } else if (inString) collector.open(tag);
    },
    text(t) {
      if (inString) collector.text(t);
    },
    close(tag) {
      if (!inString) return;
      if (tag === 'si') {
        strings.push(collector.take());
        inString = false;
      } else collector.close(tag);
    },
  });
  return strings;
}

export interface TableDefinition {
  name: string;
  ref: string;
  totalsRow: boolean;
  columns: string[];
}

export async function readTablePart(part: Part, name: string): Promise<TableDefinition | null> {
  let table: TableDefinition | null = null;
  await parse(part, name, {
    open(tag, a) {
      if (tag === 'table') table = { name: a.name ?? '', ref: a.ref ?? '', totalsRow: a.totalsRowCount === '1', columns: [] };
      else if (tag === 'tableColumn' && table) table.columns.push(a.name ?? '');
    },
  });
  return table;
}
