/**
 * The city's whole budget beside development against the frame: förvaltning + utveckling per year, the
 * indicative budget against the final one, and förvaltning per verksamhetsområde with the change from the
 * year before. Each shown only when finance's frame workbook has the figures.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { changeFromYearBefore, type BudgetHalves, type Consolidation } from '../../domain/consolidation';
import { formatMkr, formatNumber, type Tkr } from '../../domain/money';
import { useSummaryStrings } from './strings';

const useStyles = makeStyles({
  title: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto' },
  // One step smaller than the other tables: five to seven digits in four columns at 320 px.
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase100 },
  // Narrow padding: four columns of seven-digit figures must fit a 320 px pane without scrolling sideways.
  // Long words (Verksamhetsområde, Förändring) may break in a header rather than push the table past the pane.
  th: { textAlign: 'start', padding: '2px', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  td: { padding: '2px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'end', whiteSpace: 'nowrap' },
});

const amount = (v: Tkr | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));
/** A change is signed: it says which way the money moved. */
const change = (v: Tkr | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${formatNumber(v)}`);
const diff = (a: Tkr | null, b: Tkr | null) => (a === null || b === null ? null : b - a);

function Table(props: { name: string; head: string[]; rows: { key: string; cells: string[] }[] }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-table={props.name}>
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th key={i} scope="col" className={styles.th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row" className={styles.td}>
                {r.cells[0]}
              </th>
              {r.cells.slice(1).map((c, i) => (
                <td key={i} className={`${styles.td} ${styles.num}`}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BudgetTables(props: { consolidation: Consolidation }) {
  const t = useSummaryStrings();
  const styles = useStyles();
  const { budget, operations: ops } = props.consolidation;
  const known = budget.filter((b) => b.operations !== null || b.development !== null);
  if (known.length === 0 && !ops) return null;
  const halves = (b: BudgetHalves) => [amount(b.operations), amount(b.development), amount(b.total)];
  const shown = ops ? ops.years.slice(-2) : [];
  const last = shown[shown.length - 1];
  return (
    <section aria-labelledby="summary-budget-title" data-section="budget">
      <h2 id="summary-budget-title" className={styles.title}>
        {t.budgetTitle}
      </h2>
      {known.length > 0 && (
        <>
          <Table
            name="budget"
            head={[t.year, t.operations, t.development, t.total]}
            rows={known.map((b) => ({ key: String(b.year), cells: [String(b.year), ...halves(b)] }))}
          />
          <ul data-list="budget-text">
            {known
              .filter((b) => b.total !== null)
              .map((b) => (
                <li key={b.year}>{t.budgetSentence(b.year, formatMkr(b.total!), formatMkr(b.operations!), formatMkr(b.development!))}</li>
              ))}
          </ul>
        </>
      )}
      {budget
        .filter((b) => b.indicative)
        .map((b) => {
          const ind = b.indicative!;
          const row = (label: string, key: keyof BudgetHalves) => ({ key, cells: [label, amount(ind[key]), amount(b[key]), change(diff(ind[key], b[key]))] });
          return (
            <div key={b.year}>
              <h3 className={styles.title}>{t.indicativeTitle(b.year)}</h3>
              <Table
                name={`indicative-${b.year}`}
                head={['', t.indicative, t.final, t.change]}
                rows={[row(t.operations, 'operations'), row(t.development, 'development'), row(t.total, 'total')]}
              />
            </div>
          );
        })}
      {ops && (
        <>
          <h3 className={styles.title}>{t.operationsByUnitTitle}</h3>
          <Table
            name="operations-by-unit"
            head={[t.unit, ...shown.map(String), t.change]}
            rows={[
              ...ops.units.map((u) => ({ key: u.unit, cells: [u.unit, ...shown.map((y) => amount(u.amounts[y])), change(changeFromYearBefore(u.amounts, last))] })),
              { key: 'total', cells: [t.total, ...shown.map((y) => amount(ops.totals[y])), change(changeFromYearBefore(ops.totals, last))] },
            ]}
          />
        </>
      )}
    </section>
  );
}
