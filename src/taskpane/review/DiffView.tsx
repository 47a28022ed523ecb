/** The diff as lists and tables: every change in words and numbers, signs spelled out, never colour alone. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanDiff } from '../../domain/diff';
import { formatDelta, formatTkr, type Tkr } from '../../domain/money';
import { keepTogether } from '../text';
import { useReviewStrings } from './strings';

const useStyles = makeStyles({
  title: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: '8px 0 2px', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: '18px' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  td: { padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'end', whiteSpace: 'nowrap' },
  // Four columns with version names in their headers need about 560 px; below that each change is a line.
  wide: { display: 'none', '@media (min-width: 560px)': { display: 'table' } },
  narrow: { margin: '2px 0', paddingInlineStart: '18px', '@media (min-width: 560px)': { display: 'none' } },
});

const name = (nr: string, n: string) => `${nr ? `${nr} ` : ''}${n}`;

export function DiffView(props: { diff: PlanDiff; beforeLabel: string; afterLabel: string }) {
  const t = useReviewStrings();
  const styles = useStyles();
  const amount = (v: Tkr | null) => (v === null ? t.unknown : formatTkr(v));
  const { diff } = props;
  const added = diff.initiatives.filter((c) => c.kind === 'added');
  const removed = diff.initiatives.filter((c) => c.kind === 'removed');
  const changed = diff.initiatives.flatMap((c) => (c.kind === 'changed' ? [c] : []));
  const total = (d: readonly (Tkr | null)[]) => formatTkr(d.reduce<number>((s, v) => s + (v ?? 0), 0));
  const amountTable = (rows: { key: string; label: string; before: Tkr | null; after: Tkr | null; delta: Tkr | null }[], first: string) => (
    <>
      <ul className={styles.narrow} data-list="amounts">
        {rows.map((r) => (
          <li key={r.key}>{t.amountChange(r.label, keepTogether(amount(r.before)), keepTogether(amount(r.after)), r.delta === null ? null : keepTogether(formatDelta(r.delta)))}</li>
        ))}
      </ul>
      <table className={`${styles.table} ${styles.wide}`}>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>{first}</th>
            <th scope="col" className={styles.th}>{`${t.beforeCol} (${props.beforeLabel})`}</th>
            <th scope="col" className={styles.th}>{`${t.afterCol} (${props.afterLabel})`}</th>
            <th scope="col" className={styles.th}>{t.delta}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className={styles.td}>{r.label}</th>
              <td className={`${styles.td} ${styles.num}`}>{amount(r.before)}</td>
              <td className={`${styles.td} ${styles.num}`}>{amount(r.after)}</td>
              <td className={`${styles.td} ${styles.num}`}>{r.delta === null ? '–' : formatDelta(r.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
  return (
    <section aria-labelledby="review-diff-title" data-diff>
      <h2 id="review-diff-title" className={styles.title}>{`${props.beforeLabel} → ${props.afterLabel}`}</h2>
      {added.length > 0 && (
        <>
          <h3 className={styles.sub}>{`${t.added} (${added.length})`}</h3>
          <ul className={styles.list}>
            {added.map((c, i) => (
              <li key={`a${i}`}>{`+ ${name(c.nr, c.name)}: ${t.developmentTotal(c.kind === 'added' ? total(c.development) : '')}`}</li>
            ))}
          </ul>
        </>
      )}
      {removed.length > 0 && (
        <>
          <h3 className={styles.sub}>{`${t.removed} (${removed.length})`}</h3>
          <ul className={styles.list}>
            {removed.map((c, i) => (
              <li key={`r${i}`}>{`− ${name(c.nr, c.name)}: ${t.developmentTotal(c.kind === 'removed' ? total(c.development) : '')}`}</li>
            ))}
          </ul>
        </>
      )}
      {changed.length > 0 && (
        <>
          <h3 className={styles.sub}>{`${t.changed} (${changed.length})`}</h3>
          {changed.map((c, i) => (
            <div key={`c${i}`}>
              <p className={styles.sub}>{`${name(c.nr, c.name)}${c.renamedFrom !== undefined ? ` (${t.renamedFrom(c.renamedFrom)})` : ''}`}</p>
              {c.amounts.length > 0 && amountTable(c.amounts.map((a) => ({ key: a.column, label: a.column, before: a.before, after: a.after, delta: a.delta })), t.column)}
            </div>
          ))}
        </>
      )}
      {diff.frame.length > 0 && (
        <>
          <h3 className={styles.sub}>{t.frameChanges}</h3>
          {amountTable(
            diff.frame.map((f) => ({ key: String(f.year), label: String(f.year), before: f.before, after: f.after, delta: f.before !== null && f.after !== null ? f.after - f.before : null })),
            t.year,
          )}
        </>
      )}
    </section>
  );
}
