/** The frame chart's numbers as text, so nothing depends on seeing the bars or their colours. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { formatTkr } from '../../domain/money';
import { useStrings } from '../i18n';
import { keepTogether } from '../text';
import type { FrameRow } from '../shared/frameRows';

const FrameChart = lazy(() => import('./FrameChart'));

const useStyles = makeStyles({
  title: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: '18px' },
  over: { fontWeight: tokens.fontWeightSemibold },
});

export function FrameSummary(props: { rows: FrameRow[] }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <section aria-labelledby="frame-title">
      <h2 id="frame-title" className={styles.title}>
        {t.chartTitle}
      </h2>
      <Suspense fallback={null}>
        <FrameChart rows={props.rows} />
      </Suspense>
      <ul className={styles.list}>
        {props.rows.map((r) => {
          // Amounts never break across lines at pane width ("42 / 852 tkr" reads as two numbers).
          const tkr = (v: number) => keepTogether(formatTkr(v));
          const dev = r.development === null ? '–' : tkr(r.development);
          if (r.frame === null) return <li key={r.year}>{`${r.year}: ${t.development} ${dev}, ${t.noFrame}.`}</li>;
          const gap = r.development === null ? null : r.development - r.frame;
          const note = gap === null ? '' : gap > 0 ? ` – ${t.overBy(tkr(gap))}` : ` – ${t.withinBy(tkr(-gap))}`;
          return (
            <li key={r.year} className={gap !== null && gap > 0 ? styles.over : undefined}>
              {`${r.year}: ${t.development} ${dev}, ${t.frame} ${tkr(r.frame)}${note}.`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
