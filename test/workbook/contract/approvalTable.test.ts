/** The hidden Fastställd table: what is written is read back exactly, however long, and damage is reported, not guessed. */
import { approvalOf, type ApprovalRecord } from '../../../src/domain/approval';
import { parseVersionLabel, type VersionEntry } from '../../../src/domain/versions';
import { approvalTable, CHUNK, readApproval } from '../../../src/workbook/contract/approvalTable';
import type { TableWrite } from '../../../src/workbook/host';
import { initiative, makePlan } from '../../domain/planBuilder';
import { raw } from '../rawTables';

const entry: VersionEntry = {
  row: 4, date: '2022-03-10', dateShown: '', label: parseVersionLabel('2.0'), labelShown: '2.0', description: '', changedBy: '', forum: 'BF', decision: 'Fastställd',
};

function planOf(rows: number) {
  return makePlan({
    area: 'IT',
    initiatives: Array.from({ length: rows }, (_, i) => ({ ...initiative(i + 1, `Initiativ ${i + 1}: flytt av   e-tjänster`, [i, 2 * i, 3 * i]), comment: i % 3 ? '' : 'Förstudie  pågår' })),
  });
}

/** The table as a host reads it back: the header on row 1 of the hidden sheet. */
const asRead = (w: TableWrite) => raw(w.name, w.sheet, w.headers, w.rows);

describe('approvalTable and readApproval', () => {
  it('writes readable items first, then the tables, all as text, on the hidden sheet', async () => {
    const record = await approvalOf(planOf(2), entry);
    const w = approvalTable(record);
    expect({ sheet: w.sheet, name: w.name, headers: w.headers, formats: w.numberFormats }).toEqual({
      sheet: 'Tjänsteplan fastställd',
      name: 'Fastställd',
      headers: ['Uppgift', 'Värde'],
      formats: ['@', '@'],
    });
    expect(w.rows.slice(0, 5)).toEqual([
      ['Schema', 'tjansteplan.approval/1'],
      ['Version', '2.0'],
      ['Forum', 'BF'],
      ['Datum', '2022-03-10'],
      ['Fingeravtryck', record.fingerprint],
    ]);
    expect(readApproval([asRead(w)])).toEqual({ record, findings: [] });
  });

  it('spreads a large plan over rows under the 32 767 characters of a cell, and reads it back whole', async () => {
    const record = await approvalOf(planOf(3000), entry);
    const w = approvalTable(record);
    const chunks = w.rows.filter((r) => r[0] === 'Tabeller');
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((r) => (r[1] as string).length <= 32_767)).toBe(true);
    expect(readApproval([asRead(w)]).record).toEqual(record);
  });

  it('keeps the spaces where one row of the tables ends and the next begins', async () => {
    const record = await approvalOf(planOf(5), entry);
    const json = JSON.stringify(record.tables);
    const at = json.indexOf(' ', 100);
    const rows = approvalTable(record).rows.filter((r) => r[0] !== 'Tabeller');
    rows.push(['Tabeller', `|${json.slice(0, at)}`], ['Tabeller', `|${json.slice(at)}`]);
    const table = raw('Fastställd', 'Tjänsteplan fastställd', ['Uppgift', 'Värde'], rows);
    expect((rows[rows.length - 1][1] as string).startsWith('| ')).toBe(true);
    expect(readApproval([table]).record).toEqual(record);
  });

  it('never splits a character in two: an emoji at a cell boundary reads back whole', async () => {
    const plan = planOf(1);
    const prefix = JSON.stringify(await approvalOf(plan, entry).then((r) => r.tables)).indexOf('Initiativ 1');
    // Pads the name so that the emoji's first half is the last character a cell can take.
    plan.initiatives[0].name = `${'x'.repeat(CHUNK - 1 - prefix)}😀 nästa`;
    const record = await approvalOf(plan, entry);
    const chunks = approvalTable(record).rows.filter((r) => r[0] === 'Tabeller').map((r) => r[1] as string);
    expect(chunks.every((c) => c.startsWith('|'))).toBe(true);
    expect(chunks.some((c) => c.startsWith('|😀'))).toBe(true);
    expect(readApproval([asRead(approvalTable(record))]).record?.tables.initiatives[0].name).toBe(plan.initiatives[0].name);
  });

  it('puts a mark before each piece, so none starts with an apostrophe Excel would drop', async () => {
    const plan = planOf(1);
    const prefix = JSON.stringify((await approvalOf(plan, entry)).tables).indexOf('Initiativ 1');
    plan.initiatives[0].name = `${'x'.repeat(CHUNK - prefix)}'t is`;
    const chunks = approvalTable(await approvalOf(plan, entry)).rows.filter((r) => r[0] === 'Tabeller').map((r) => r[1] as string);
    expect(chunks[1].startsWith("|'t is")).toBe(true);
  });

  it('has nothing to say about a workbook without the table', () => {
    expect(readApproval([])).toEqual({ record: null, findings: [] });
  });

  it.each<[string, (rows: (string | number | null)[][]) => void]>([
    ['a row of the tables lost', (rows) => rows.splice(5, 1)],
    ['the version emptied', (rows) => (rows[1][1] = null)],
    ['a number typed over the fingerprint', (rows) => (rows[4][1] = 42)],
    ['the schema row gone', (rows) => rows.shift()],
  ])('reports a record with %s as unreadable, at the table, and compares nothing', async (_, damage) => {
    const record: ApprovalRecord = await approvalOf(planOf(1500), entry);
    const rows = approvalTable(record).rows as (string | number | null)[][];
    damage(rows);
    const reading = readApproval([raw('Fastställd', 'Tjänsteplan fastställd', ['Uppgift', 'Värde'], rows)]);
    expect(reading.record).toBeNull();
    expect(reading.findings.map((f) => [f.code, f.severity, f.location])).toEqual([
      ['APPROVAL_UNREADABLE', 'warning', { sheet: 'Tjänsteplan fastställd', table: 'Fastställd' }],
    ]);
  });
});
