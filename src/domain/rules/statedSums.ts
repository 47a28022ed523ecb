/** SUM_MISMATCH: every stated `Summa…` row must equal the rows above it, back to the previous stated sum. */
import { finding, type Finding } from '../findings';
import { locate, type Location } from '../location';
import type { Tkr } from '../money';
import { developmentColumn, maintenanceColumn, type Plan } from '../plan';

/** A stated sum that differs from its rows: what "Räkna om summor" offers to write. */
export interface SumDifference {
  row: number;
  column: string;
  year: number;
  stated: Tkr;
  computed: Tkr;
  fromRow: number;
  toRow: number;
  location: Location;
}

export function statedSumDifferences(plan: Plan): SumDifference[] {
  const out: SumDifference[] = [];
  const years = plan.info.period.years;
  const n = years.length;
  let dev: (Tkr | null)[] = new Array(n).fill(0);
  let mnt: (Tkr | null)[] = new Array(n).fill(0);
  let fromRow = 1;
  for (const r of plan.initiatives) {
    if (!r.isStatedSum) {
      for (let i = 0; i < n; i++) {
        dev[i] = add(dev[i], r.development[i]);
        mnt[i] = add(mnt[i], r.maintenance[i]);
      }
      continue;
    }
    for (let i = 0; i < n; i++) {
      compare(r.development[i], dev[i], developmentColumn(years[i]), years[i]);
      compare(r.maintenance[i], mnt[i], maintenanceColumn(years[i]), years[i]);
    }
    dev = new Array(n).fill(0);
    mnt = new Array(n).fill(0);
    fromRow = r.row + 1;

    function compare(stated: Tkr | null, computed: Tkr | null, column: string, year: number) {
      // An unreadable cell is reported where it stands; a sum built on it would only repeat that.
      if (stated === null || computed === null || stated === computed) return;
      out.push({ row: r.row, column, year, stated, computed, fromRow, toRow: r.row - 1, location: locate(plan.initiativeTable, r.row, column) });
    }
  }
  return out;
}

export function checkStatedSums(plan: Plan): Finding[] {
  return statedSumDifferences(plan).map((d) =>
    finding(
      'SUM_MISMATCH',
      { column: d.column, stated: d.stated, computed: d.computed, fromRow: d.fromRow, toRow: d.toRow },
      { location: d.location, year: d.year },
    ),
  );
}

function add(total: Tkr | null, amount: Tkr | null): Tkr | null {
  return total === null || amount === null ? null : total + amount;
}
