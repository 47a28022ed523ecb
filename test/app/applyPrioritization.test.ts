/**
 * Tillämpa prioriteringsbeslut as one action (src/app/applyPrioritization.ts), in the Excel test host through
 * the real Office.js adapter: the preview writes nothing; applying writes exactly the decided cells and the sums
 * over them plus one Versionshantering row, and nothing else of the user's; decision rows that no longer match
 * the plan are named where they point and left alone; a plan changed under the open dialog is refused whole.
 * The decision comes from the workbook or, without one there, from the local library's newest.
 */
import { applyPrioritization, previewPrioritization, type Preview, type ReadyPreview } from '../../src/app/applyPrioritization';
import { periodOf } from '../../src/domain/period';
import type { DecisionRow } from '../../src/domain/prioritizationDecision';
import { publishForumDocument } from '../../src/app/publishForumDocument';
import { createExcelTestHost, parseAddress, WorkbookModel, type ExcelTestHost } from '../../src/simulators/excel';
import type { Location } from '../../src/domain/location';
import { locationAddress } from '../../src/domain/sheetAddress';
import { DECISION_TABLE, decisionTables } from '../../src/workbook/contract/prioritizationTables';
import { planTables, type InitiativeInput } from '../../src/workbook/contract/template';
import { OfficeHost } from '../../src/workbook/office/officeHost';
import { useLibrary, withLibrary } from '../publish/helpers';
import { historyRows } from './helpers';

const AREA = 'Ekonomi';
const INITIATIVES: InitiativeInput[] = [
  { nr: 1, name: 'Nytt ekonomisystem', development: [1000, 500, 0], maintenance: [0, 100, 100] },
  { nr: 2, name: 'E-arkiv', development: [200, 200, 200], maintenance: [0, 0, 50] },
  { nr: '', name: 'Summa', development: [1200, 700, 200], maintenance: [0, 100, 150] },
];
const decided = (row: number, initiative: string, year: number, before: number, after: number, area = AREA): DecisionRow => ({
  area,
  nr: '',
  initiative,
  row,
  year,
  before,
  after,
  action: after === 0 ? 'cut' : 'reduce',
  reason: 'Prioriteringsforum',
});
/** PF's decision for Ekonomi: cut the system's 2022, halve the archive's 2023; another area's row beside it. */
const DECISION = [decided(1, 'Nytt ekonomisystem', 2022, 1000, 0), decided(2, 'E-arkiv', 2023, 200, 100), decided(1, 'Lönesystem', 2022, 900, 0, 'HR')];
const INFO = { forum: 'PF', date: '2022-01-20', period: '2022–2024', status: 'Beslut' } as const;
const clock = () => new Date(2022, 2, 4, 15, 30);

interface Opened {
  office: OfficeHost;
  host: ExcelTestHost;
}

/** The area's plan open in Excel, with the decision's sheets copied in when given; `sheet` renames the plan's sheet. */
async function open(o: { decision?: DecisionRow[]; initiatives?: InitiativeInput[]; noHistory?: boolean; garbled?: number; sheet?: string } = {}): Promise<Opened> {
  const host = createExcelTestHost(await WorkbookModel.create());
  const office = new OfficeHost(host.run);
  await office.createTables([
    ...planTables({
      area: AREA,
      period: periodOf(2022, 2024),
      initiatives: o.initiatives ?? INITIATIVES,
      frame: [2022, 2023, 2024].map((year) => ({ year, development: 10_000, operations: null })),
      versions: [{ date: '2021-10-01', version: '0.1', description: 'Första utkast', changedBy: 'Controller' }],
    })
      .filter((t) => !(o.noHistory && t.name === 'Versionshantering'))
      .map((t) => (o.sheet && t.sheet === 'Tjänsteplan' ? { ...t, sheet: o.sheet } : t)),
    ...(o.decision ? decisionTables(INFO, o.decision, []) : []).map((t) =>
      // A decision row someone typed over: its Efter is no amount.
      t.name === DECISION_TABLE && o.garbled !== undefined ? { ...t, rows: t.rows.map((r, i) => (i === o.garbled ? r.map((v, c) => (t.headers[c] === 'Efter' ? 'noll' : v)) : r)) } : t,
    ),
  ]);
  // The user's own note beside the tables, which no action of theirs here has asked to change.
  host.model.userEnter(o.sheet ?? 'Tjänsteplan', 2, 14, 'Min anteckning');
  return { office, host };
}

/** Every cell of every sheet, as the user sees it. */
function cells(host: ExcelTestHost): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of host.model.getSheetNames({ includeHidden: true })) {
    const { rows, columns } = host.model.getUsedSize(sheet);
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= columns; c++) out.set(`${sheet}!R${r}C${c}`, host.model.getCellText(sheet, r, c));
  }
  return out;
}

/** A cell's key in `cells`, from its location. */
function key(loc: Location): string {
  const { top, left } = parseAddress(loc.address!)!.rect;
  return `${loc.sheet}!R${top}C${left}`;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

function ready(p: Preview): ReadyPreview {
  if (p.kind !== 'ready') throw new Error(`expected a preview ready to apply, got ${p.kind}`);
  return p;
}

/** Where a cell of the Initiativ table is: its Utveckling column for the year, on its data row. */
const at = (p: ReadyPreview, initiative: string, year: number) => p.application.changes.find((c) => c.initiative === initiative && c.year === year)!.location;

describe('Tillämpa prioriteringsbeslut with the decision in the workbook', () => {
  test('the preview writes nothing; applying writes only the decided cells, their sums and one history row', async () => {
    const { office, host } = await open({ decision: DECISION });
    const start = cells(host);
    const p = ready(await previewPrioritization({ workbook: office, clock }));
    expect(p.decision.source).toBeNull();
    expect(p.application.changes.map((c) => [c.initiative, c.year, c.before, c.after, c.isSum])).toEqual([
      ['Nytt ekonomisystem', 2022, 1000, 0, false],
      ['E-arkiv', 2023, 200, 100, false],
      ['Summa', 2022, 1200, 200, true],
      ['Summa', 2023, 700, 600, true],
    ]);
    expect(p.application.versionRow).toEqual({ date: '2022-03-04', version: '0.2', description: 'Neddragning enligt beslut i prioriteringsforum 2022-01-20', decision: 'Utkast' });
    expect(cells(host)).toEqual(start);

    const history = await historyRows(office);
    const r = await applyPrioritization(p, { workbook: office });
    expect(r).toMatchObject({ kind: 'applied', entry: { labelShown: '0.2' }, historyNotAdded: null });
    const after = cells(host);
    // Only the four shown cells and the new history row's cells; the user's note is as they left it.
    expect(changed(start, after).filter((k) => k.startsWith('Tjänsteplan!'))).toEqual(p.application.changes.map((c) => key(c.location)).sort());
    expect(p.application.changes.map((c) => after.get(key(c.location)))).toEqual(['0', '100', '200', '600']);
    expect(after.get('Tjänsteplan!R2C14')).toBe('Min anteckning');
    expect(changed(start, after).filter((k) => !k.startsWith('Tjänsteplan!')).every((k) => k.startsWith('Versioner!'))).toBe(true);
    expect(await historyRows(office)).toEqual([...history, [new Date('2022-03-04T00:00:00Z'), '0.2', 'Neddragning enligt beslut i prioriteringsforum 2022-01-20', null, null, 'Utkast']]);

    // Applied once, the decision has nothing more to change.
    expect(await previewPrioritization({ workbook: office, clock })).toMatchObject({ kind: 'nothing-to-apply', application: { alreadyApplied: 2, changes: [] } });
  });

  test('decision rows that no longer match the plan are named where they pointed and left alone; the rest is offered', async () => {
    // Since the decision the archive was renamed on row 2, and the system's 2022 amount was changed.
    const initiatives = [{ ...INITIATIVES[0], development: [800, 500, 0] }, { ...INITIATIVES[1], name: 'Digitalt arkiv' }, INITIATIVES[2]];
    const { office, host } = await open({ decision: DECISION, initiatives });
    const start = cells(host);
    const p = await previewPrioritization({ workbook: office, clock });
    expect(p).toMatchObject({ kind: 'nothing-to-apply', application: { changes: [] } });
    if (p.kind !== 'nothing-to-apply') return;
    expect(p.application.skipped.map((s) => s.sv)).toEqual([
      'Nytt ekonomisystem 2022: cellen Tjänsteplan!C9 visar 800 tkr, beslutet utgick från 1 000 tkr; den har ändrats sedan och lämnas orörd.',
      'E-arkiv 2023: finns inte på rad 2 i Initiativ (Tjänsteplan!D10); raden har flyttats eller bytt namn sedan beslutet.',
    ]);
    expect(cells(host)).toEqual(start);

    // With one row still matching, only that row (and its sum) is offered; the other is named, on a plan sheet
    // the user has renamed with a space, so its name is quoted as Excel quotes it.
    const partly = await open({ decision: DECISION, initiatives: [INITIATIVES[0], initiatives[1], INITIATIVES[2]], sheet: 'Mitt blad' });
    const q = ready(await previewPrioritization({ workbook: partly.office, clock }));
    expect(q.application.changes.map((c) => `${c.initiative} ${c.year}`)).toEqual(['Nytt ekonomisystem 2022', 'Summa 2022']);
    expect(q.application.skipped.map((s) => s.en)).toEqual(["E-arkiv 2023: not on row 2 of Initiativ ('Mitt blad'!D10); the row has moved or been renamed since the decision."]);
    expect(q.application.skipped.map((s) => s.location)).toEqual([{ sheet: 'Mitt blad', table: 'Initiativ', row: 2, column: 'Utveckling 2023', address: 'D10' }]);
  });

  test('a decision row that cannot be read is named by its row and never applied', async () => {
    const { office } = await open({ decision: DECISION, garbled: 1 });
    const p = ready(await previewPrioritization({ workbook: office, clock }));
    expect(p.unreadable).toEqual(['Rad 2 i Prioriteringsbeslut kan inte läsas och används inte.']);
    expect(p.application.changes.map((c) => `${c.initiative} ${c.year}`)).toEqual(['Nytt ekonomisystem 2022', 'Summa 2022']);
  });

  test('a plan changed while the dialog was open is refused, located, and nothing is written', async () => {
    const { office, host } = await open({ decision: DECISION, sheet: 'Mitt blad' });
    const p = ready(await previewPrioritization({ workbook: office, clock }));
    const cell = at(p, 'E-arkiv', 2023);
    // The controller types another figure into a decided cell before confirming.
    const { top, left } = parseAddress(cell.address!)!.rect;
    host.model.userEnter(cell.sheet, top, left, '150');
    const start = cells(host);
    const history = await historyRows(office);
    const r = await applyPrioritization(p, { workbook: office });
    expect(r).toMatchObject({ kind: 'changed-since', version: null });
    if (r.kind !== 'changed-since') return;
    // The edited cell, and the sum over it that would have followed it.
    expect(r.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual([`${cell.sheet}!${cell.address}`, `${cell.sheet}!${at(p, 'Summa', 2023).address}`]);
    // As the pane names them: the sheet's name quoted, since it has a space.
    expect(r.cells.map(locationAddress)).toEqual(["'Mitt blad'!D10", "'Mitt blad'!D11"]);
    expect(cells(host)).toEqual(start);
    expect(await historyRows(office)).toEqual(history);

    // A version recorded meanwhile: the label shown is no longer the next one.
    const other = await open({ decision: DECISION });
    const shown = ready(await previewPrioritization({ workbook: other.office, clock }));
    await other.office.appendTableRows('Versionshantering', [[new Date('2022-03-01T00:00:00Z'), '0.2', 'Annan ändring', 'Controller', null, 'Utkast']]);
    expect(await applyPrioritization(shown, { workbook: other.office })).toEqual({ kind: 'changed-since', cells: [], version: { shown: '0.2', now: '0.3' } });
  });

  test('without a decision in the workbook or a library to look in, or without Versionshantering to record it, nothing is offered', async () => {
    const { office } = await open();
    expect(await previewPrioritization({ workbook: office, clock })).toEqual({ kind: 'no-decision' });
    const noHistory = await open({ decision: DECISION, noHistory: true });
    const start = cells(noHistory.host);
    expect(await previewPrioritization({ workbook: noHistory.office, clock })).toEqual({ kind: 'no-version-table', area: AREA });
    expect(cells(noHistory.host)).toEqual(start);
  });
});

withLibrary('Tillämpa prioriteringsbeslut with the decision from the local library', () => {
  const lib = useLibrary();

  const publish = (date: string, rows: DecisionRow[], data: unknown = { info: { ...INFO, date }, rows }) =>
    publishForumDocument(lib.client.library, { kind: 'Prioriteringsbeslut', period: '2022–2024', forum: 'PF', date, file: new TextEncoder().encode(`beslut ${date}`), content: data, data });

  test('a plan without a decision of its own gets the period’s newest from the library, and only its cells change', async () => {
    const { office, host } = await open();
    expect(await previewPrioritization({ workbook: office, library: lib.client.library, clock })).toEqual({ kind: 'no-decision-anywhere', period: '2022–2024' });

    await publish('2022-01-20', DECISION);
    // A later meeting kept the archive: its decision, not the earlier one, is what applies.
    await publish('2022-02-10', [DECISION[0]]);
    const start = cells(host);
    const p = ready(await previewPrioritization({ workbook: office, library: lib.client.library, clock }));
    expect(p.decision.source).toMatch(/Prioriteringsbeslut PF 2022-02-10/);
    expect(p.application.changes.map((c) => `${c.initiative} ${c.year}: ${c.before} → ${c.after}`)).toEqual(['Nytt ekonomisystem 2022: 1000 → 0', 'Summa 2022: 1200 → 200']);
    expect(p.application.versionRow.description).toBe('Neddragning enligt beslut i prioriteringsforum 2022-02-10');
    expect(cells(host)).toEqual(start);

    expect(await applyPrioritization(p, { workbook: office })).toMatchObject({ kind: 'applied', historyNotAdded: null });
    expect(changed(start, cells(host)).filter((k) => k.startsWith('Tjänsteplan!'))).toEqual(p.application.changes.map((c) => key(c.location)).sort());
    expect(cells(host).get('Tjänsteplan!R2C14')).toBe('Min anteckning');
  });

  test('an unreadable newest decision is refused by name, never replaced by an older one', async () => {
    const { office } = await open();
    await publish('2022-03-01', DECISION, { info: { ...INFO, date: '2022-03-01', forum: 'XX' }, rows: DECISION });
    await expect(previewPrioritization({ workbook: office, library: lib.client.library, clock })).rejects.toThrow(/Prioriteringsbeslut PF 2022-03-01.*i biblioteket/);
  });
});
