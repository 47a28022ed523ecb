/** Reads a plan workbook's tables into the domain, reporting every cell it cannot read where it stands. */
import { cellText, isFormula, type CellValue } from '../../domain/cell';
import { readDate } from '../../domain/dates';
import { finding, type Finding } from '../../domain/findings';
import { locate, locateTable, type TableRef } from '../../domain/location';
import { parsePeriod, periodOf, type Period } from '../../domain/period';
import {
  developmentColumn,
  maintenanceColumn,
  STATED_SUM,
  type AreaFrame,
  type FrameYear,
  type Initiative,
  type Plan,
  type PlanInfo,
} from '../../domain/plan';
import { DECISIONS, FORUMS, parseDecision, parseForum, parseVersionLabel, type VersionEntry } from '../../domain/versions';
import type { RawTable } from '../host';
import type { Tkr } from '../../domain/money';
import { amountFromCell } from './cells';
import { isBlank, isEmptyRow, mapColumns, tableRef } from './columns';
import { findTable, headerKey, INFO_ITEMS, PRIORITY_HEADER, TABLES } from './tables';
import { parsePriority } from '../../domain/prioritizationClass';

export interface PlanReading {
  /** null when the plan cannot be read at all (the findings say why). */
  plan: Plan | null;
  findings: Finding[];
}

export function readPlan(tables: readonly RawTable[]): PlanReading {
  const findings: Finding[] = [];
  const infoTable = contractTable(tables, TABLES.planInfo, findings, 'error');
  const initiativeTable = contractTable(tables, TABLES.initiatives, findings, 'error');
  const info = infoTable ? readInfo(infoTable, findings) : null;
  const yearsInColumns = initiativeTable ? columnYears(initiativeTable) : [];
  const period = info?.period ?? periodFromColumns(yearsInColumns);
  if (!initiativeTable || !period) return { plan: null, findings };

  const { initiatives, ref, maintenanceStated } = readInitiatives(initiativeTable, period, findings);
  const frameRaw = contractTable(tables, TABLES.frame, findings, null);
  const versionsRaw = contractTable(tables, TABLES.versions, findings, 'warning');
  const area = info?.area ?? '';
  const versions = versionsRaw ? readVersions(versionsRaw, findings) : null;
  const plan: Plan = {
    info: { area, period, owner: info?.owner ?? '', securityLevel: info?.securityLevel ?? '' },
    initiatives,
    initiativeTable: ref,
    frame: frameRaw ? readAreaFrame(frameRaw, area, findings) : null,
    versions: versions?.entries ?? [],
    versionTable: versions?.ref ?? null,
    ...(maintenanceStated ? {} : { maintenanceStated: false }),
  };
  return { plan, findings };
}

type TableSpec = { name: string; sheet: string };

/** Finds a contract table by name; the rest of the reading uses the contract's spelling of its name. */
export function contractTable(
  tables: readonly RawTable[],
  spec: TableSpec,
  findings: Finding[],
  missing: 'error' | 'warning' | null,
): RawTable | null {
  const raw = findTable(tables, spec.name);
  if (raw) return { ...raw, name: spec.name };
  if (missing) {
    findings.push(finding('TABLE_MISSING', { table: spec.name, sheet: spec.sheet }, { location: { sheet: spec.sheet, table: spec.name }, severity: missing }));
  }
  return null;
}

interface InfoReading extends Omit<PlanInfo, 'period'> {
  period: Period | null;
}

function readInfo(raw: RawTable, findings: Finding[]): InfoReading {
  const columns = mapColumns(raw, [{ header: 'Uppgift', missing: 'error' }, { header: 'Värde', missing: 'error' }], findings);
  const ref = tableRef(raw, columns);
  const keyCol = columns.get('Uppgift');
  const valueCol = columns.get('Värde');
  const values = new Map<string, { text: string; row: number }>();
  if (keyCol !== undefined && valueCol !== undefined) {
    raw.body.forEach((cells, i) => {
      const key = headerKey(cellText(cells[keyCol]));
      if (key && !values.has(key)) values.set(key, { text: cellText(cells[valueCol]), row: i + 1 });
    });
  }
  const item = (name: string) => values.get(headerKey(name));
  const required = (name: string) => {
    const v = item(name);
    if (!v || v.text === '') {
      const location = v ? locate(ref, v.row, 'Värde') : locateTable(ref);
      findings.push(finding('PLAN_INFO_MISSING', { item: name, table: raw.name }, { location }));
      return null;
    }
    return v;
  };
  const area = required(INFO_ITEMS.area);
  const periodItem = required(INFO_ITEMS.period);
  let period: Period | null = null;
  if (periodItem) {
    period = parsePeriod(periodItem.text);
    if (!period) findings.push(finding('PERIOD_MISMATCH', { shown: periodItem.text }, { location: locate(ref, periodItem.row, 'Värde') }));
  }
  const unit = item(INFO_ITEMS.unit);
  if (unit && unit.text !== '' && headerKey(unit.text) !== 'tkr') {
    findings.push(finding('UNIT_UNSUPPORTED', { unit: unit.text }, { location: locate(ref, unit.row, 'Värde') }));
  }
  return {
    area: area?.text ?? '',
    period,
    owner: item(INFO_ITEMS.owner)?.text ?? '',
    securityLevel: item(INFO_ITEMS.securityLevel)?.text ?? '',
  };
}

const YEAR_COLUMN = /^(utveckling|vidmakthålla)(\d{4})$/;

function columnYears(raw: RawTable): number[] {
  const years = new Set<number>();
  for (const h of raw.headers) {
    const m = YEAR_COLUMN.exec(headerKey(h));
    if (m) years.add(Number(m[2]));
  }
  return [...years].sort((a, b) => a - b);
}

/** Without a readable Planperiod the Initiativ columns still tell the years, so the other checks can run. */
function periodFromColumns(years: number[]): Period | null {
  if (years.length === 0) return null;
  return periodOf(years[0], years[years.length - 1]);
}

function readInitiatives(raw: RawTable, period: Period, findings: Finding[]): { initiatives: Initiative[]; ref: TableRef; maintenanceStated: boolean } {
  const years = period.years;
  const columns = mapColumns(
    raw,
    [
      { header: 'Nr', missing: 'warning' },
      { header: 'Initiativ', missing: 'error' },
      ...years.map((y) => ({ header: developmentColumn(y), missing: 'error' as const })),
      ...years.map((y) => ({ header: maintenanceColumn(y), missing: 'error' as const })),
      { header: 'Kommentar', missing: null },
      { header: PRIORITY_HEADER, missing: null },
    ],
    findings,
  );
  // Year columns outside the period: named so the finding can point at their header.
  raw.headers.forEach((h, i) => {
    const m = YEAR_COLUMN.exec(headerKey(h));
    if (!m || years.includes(Number(m[2]))) return;
    const column = (m[1] === 'utveckling' ? developmentColumn : maintenanceColumn)(Number(m[2]));
    columns.set(column, i);
    findings.push(
      finding(
        'PERIOD_MISMATCH',
        { column, period: `${period.first}–${period.last}` },
        { location: locate(tableRef(raw, columns), 0, column), year: Number(m[2]) },
      ),
    );
  });
  const ref = tableRef(raw, columns);
  if (raw.totals) checkTotalsRow(raw, ref, years, findings);

  const nrCol = columns.get('Nr');
  const nameCol = columns.get('Initiativ');
  const commentCol = columns.get('Kommentar');
  const priorityCol = columns.get(PRIORITY_HEADER);
  const devNames = years.map(developmentColumn);
  const mntNames = years.map(maintenanceColumn);
  const devCols = devNames.map((c) => columns.get(c));
  const mntCols = mntNames.map((c) => columns.get(c));
  const initiatives: Initiative[] = [];
  const body = raw.body;
  // Once per row of a 50 000-row plan (issue 19): a plain loop, and a location made only for a cell that is
  // reported (amountFromCell takes the whole integers and the empty cells without calling `where`).
  const amounts = (cells: CellValue[], row: number, cols: (number | undefined)[], names: string[]): (Tkr | null)[] => {
    const out = new Array<Tkr | null>(cols.length);
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      if (c === undefined) out[k] = 0;
      else {
        const v = cells[c];
        out[k] = typeof v === 'number' && Number.isSafeInteger(v) ? v : amountFromCell(v, () => locate(ref, row, names[k]), findings, years[k]);
      }
    }
    return out;
  };
  for (let i = 0; i < body.length; i++) {
    const cells = body[i];
    if (isEmptyRow(cells)) continue;
    const row = i + 1;
    const name = nameCol === undefined ? '' : cellText(cells[nameCol]);
    const nr = nrCol === undefined ? '' : cellText(cells[nrCol]);
    const development = amounts(cells, row, devCols, devNames);
    const maintenance = amounts(cells, row, mntCols, mntNames);
    const comment = commentCol === undefined ? '' : cellText(cells[commentCol]);
    const isStatedSum = STATED_SUM.test(name);
    if (priorityCol === undefined) initiatives.push({ row, nr, name, development, maintenance, comment, isStatedSum });
    else {
      const { priority, priorityShown } = priorityOf(cellText(cells[priorityCol]));
      initiatives.push({ row, nr, name, development, maintenance, comment, priority, priorityShown, isStatedSum });
    }
  }
  // An area whose table has no maintenance figures at all has not stated them: "–" in reports, never 0.
  const maintenanceStated = body.some((cells) => mntCols.some((c) => c !== undefined && !isBlank(cells[c])));
  return { initiatives, ref, maintenanceStated };
}

function priorityOf(shown: string): Pick<Initiative, 'priority' | 'priorityShown'> {
  // Most rows state none: no need to normalise and lower-case an empty text to learn that.
  return { priority: shown === '' ? null : parsePriority(shown), priorityShown: shown };
}

/** A totals row must compute, never repeat a typed number that goes stale when a row changes. */
function checkTotalsRow(raw: RawTable, ref: TableRef, years: readonly number[], findings: Finding[]) {
  const totals = raw.totals ?? [];
  const row = raw.body.length + 1;
  for (const year of years) {
    for (const column of [developmentColumn(year), maintenanceColumn(year)]) {
      const index = ref.columns.get(column);
      if (index === undefined) continue;
      const v: CellValue = totals[index] ?? null;
      if (isBlank(v) || isFormula(v)) continue;
      findings.push(finding('TOTALS_NOT_FORMULA', { column, shown: cellText(v) }, { location: locate(ref, row, column), year }));
    }
  }
}

/** Reads the area's Ram table (År | Utveckling | Förvaltning). */
export function readAreaFrame(raw: RawTable, area: string, findings: Finding[]): AreaFrame {
  const columns = mapColumns(raw, TABLES.frame.headers.map((header) => ({ header, missing: 'error' as const })), findings);
  const ref = tableRef(raw, columns);
  return { area, years: readFrameRows(raw, ref, findings, () => true), ref };
}

/** Frame rows (År, Utveckling, Förvaltning) of the rows `keep` accepts, keyed by year. */
export function readFrameRows(
  raw: RawTable,
  ref: TableRef,
  findings: Finding[],
  keep: (cells: CellValue[], index: number) => boolean,
): Map<number, FrameYear> {
  const years = new Map<number, FrameYear>();
  const yearCol = ref.columns.get('År');
  const devCol = ref.columns.get('Utveckling');
  const opsCol = ref.columns.get('Förvaltning');
  raw.body.forEach((cells, i) => {
    if (isEmptyRow(cells) || yearCol === undefined || !keep(cells, i)) return;
    const row = i + 1;
    const yearCell = amountFromCell(cells[yearCol], () => locate(ref, row, 'År'), findings);
    if (yearCell === null || yearCell < 1900 || yearCell > 2999) {
      if (yearCell !== null) findings.push(finding('NOT_A_NUMBER', { shown: cellText(cells[yearCol]), column: 'År' }, { location: locate(ref, row, 'År') }));
      return;
    }
    const amount = (col: number | undefined, column: string) =>
      col === undefined || isBlank(cells[col]) ? null : amountFromCell(cells[col], () => locate(ref, row, column), findings, yearCell);
    years.set(yearCell, { year: yearCell, development: amount(devCol, 'Utveckling'), operations: amount(opsCol, 'Förvaltning'), row });
  });
  return years;
}

function readVersions(raw: RawTable, findings: Finding[]): { entries: VersionEntry[]; ref: TableRef } {
  const [date, version, description, changedBy, forum, decision] = TABLES.versions.headers;
  const columns = mapColumns(
    raw,
    [
      { header: date, missing: 'warning' },
      { header: version, missing: 'warning' },
      { header: description, missing: 'warning' },
      { header: changedBy, missing: 'warning' },
      { header: forum, missing: null },
      { header: decision, missing: null },
    ],
    findings,
  );
  const ref = tableRef(raw, columns);
  const text = (cells: CellValue[], column: string) => {
    const i = columns.get(column);
    return i === undefined ? '' : cellText(cells[i]);
  };
  const entries: VersionEntry[] = [];
  raw.body.forEach((cells, i) => {
    if (isEmptyRow(cells)) return;
    const row = i + 1;
    const dateIndex = columns.get(date);
    const dateValue = dateIndex === undefined ? null : cells[dateIndex];
    const dateShown = text(cells, date);
    const iso = readDate(dateValue);
    if (!iso && dateShown !== '') findings.push(finding('DATE_INVALID', { shown: dateShown }, { location: locate(ref, row, date) }));
    const labelShown = text(cells, version);
    const label = parseVersionLabel(labelShown);
    if (!label && labelShown !== '') findings.push(finding('VERSION_INVALID', { shown: labelShown }, { location: locate(ref, row, version) }));
    const forumShown = text(cells, forum);
    const decisionShown = text(cells, decision);
    const forumValue = forumShown === '' ? null : parseForum(forumShown);
    const decisionValue = decisionShown === '' ? null : parseDecision(decisionShown);
    if (forumShown !== '' && !forumValue) {
      findings.push(finding('DECISION_INVALID', { shown: forumShown, column: forum, allowed: FORUMS.join(', ') }, { location: locate(ref, row, forum) }));
    }
    if (decisionShown !== '' && !decisionValue) {
      findings.push(finding('DECISION_INVALID', { shown: decisionShown, column: decision, allowed: DECISIONS.join(', ') }, { location: locate(ref, row, decision) }));
    }
    entries.push({
      row,
      date: iso,
      dateShown: iso ?? dateShown,
      label,
      labelShown,
      description: text(cells, description),
      changedBy: text(cells, changedBy),
      forum: forumValue,
      decision: decisionValue,
      ...(forumShown !== '' && !forumValue ? { forumShown } : {}),
      ...(decisionShown !== '' && !decisionValue ? { decisionShown } : {}),
    });
  });
  return { entries, ref };
}
