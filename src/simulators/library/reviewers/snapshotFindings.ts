/**
 * A version's findings on its page. A snapshot carries the findings the publisher found (snapshot.ts); one
 * that carries none — written before findings were kept, or by hand — gets the domain's rules run on its
 * own tables here (validate.ts), so a stated sum that does not add up shows even so. The snapshot knows
 * its tables' rows but not where they stand on the sheet, so the locations name sheet, table, row and
 * column, never an A1 address.
 */
import type { Finding } from '../../../domain/findings';
import type { TableRef } from '../../../domain/location';
import { parsePeriod } from '../../../domain/period';
import type { FrameYear, Plan } from '../../../domain/plan';
import type { PlanSnapshot } from '../../../domain/snapshot';
import { validatePlan } from '../../../domain/validate';
import { parseVersionLabel, type VersionEntry } from '../../../domain/versions';
import { TABLES } from '../../../workbook/contract/tables';

export interface VersionFindings {
  findings: Finding[];
  /** 'published': as the publisher found them; 'checked': the rules run here on the snapshot's tables. */
  source: 'published' | 'checked';
}

const ref = (t: { sheet: string; name: string }, rows: number): TableRef => ({ sheet: t.sheet, table: t.name, headerRow: 1, firstColumn: 1, columns: new Map(), bodyRows: rows });

/** The plan's tables as the snapshot holds them, for the rules; null when its period cannot be read. */
export function planOfSnapshot(s: PlanSnapshot): Plan | null {
  const period = parsePeriod(s.period);
  if (!period || period.years.join() !== s.years.join()) return null;
  const frameRows: FrameYear[] = s.frame
    ? s.frame.map((f, i) => ({ ...f, row: i + 1 }))
    : s.years.map((year, i) => ({ year, development: s.totals[String(year)]?.frame ?? null, operations: null, row: i + 1 }));
  const frameRef = ref(TABLES.frame, frameRows.length);
  const hasFrame = frameRows.some((f) => f.development !== null || f.operations !== null);
  const versions: VersionEntry[] = s.versions.map((v) => ({ ...v, label: parseVersionLabel(v.labelShown) }));
  return {
    info: { area: s.area, period, owner: '', securityLevel: '' },
    initiatives: s.initiatives.map((r) => ({ ...r, development: [...r.development], maintenance: [...r.maintenance] })),
    initiativeTable: ref(TABLES.initiatives, s.initiatives.length),
    frame: hasFrame ? { area: s.area, years: new Map(frameRows.map((f) => [f.year, f])), ref: frameRef } : null,
    versions,
    versionTable: versions.length > 0 ? ref(TABLES.versions, versions.length) : null,
  };
}

export function findingsOf(s: PlanSnapshot): VersionFindings {
  if (s.findings.length > 0) return { findings: s.findings, source: 'published' };
  const plan = planOfSnapshot(s);
  return { findings: plan ? validatePlan(plan) : [], source: 'checked' };
}
