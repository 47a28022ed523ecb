/** The consolidation as tables and text: areas × years (deviations first), the city, its chart and the brief. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { briefSentence, formatGap, type YearBrief } from '../../domain/brief';
import type { AreaYear, Consolidation } from '../../domain/consolidation';
import { formatNumber, formatTkr, type Tkr } from '../../domain/money';
import { useLanguage } from '../i18n';
import type { FrameRow } from '../shared/frameRows';
import { AreaCards } from './AreaCards';
import { BudgetTables } from './BudgetTables';
import { keepTogether } from '../text';
import { useSummaryStrings, type SummaryStrings } from './strings';

const FrameChart = lazy(() => import('../plan/FrameChart'));

const useStyles = makeStyles({
  title: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: 'end', padding: '2px 6px', whiteSpace: 'nowrap' },
  td: { padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  /** Over the frame: bold text that says "över", and a colour on top, never the colour alone. */
  over: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingInlineStart: '18px' },
  /** The deviation wraps after its amount ("22 342 tkr / över") rather than widening the table. */
  gap: { textAlign: 'end' },
  /** Headers over amounts line up with them. */
  end: { textAlign: 'end' },
  // Seven columns need about 560 px; below that (a task pane) each area gets its own small table.
  wide: { display: 'none', '@media (min-width: 560px)': { display: 'block' } },
  narrow: { '@media (min-width: 560px)': { display: 'none' } },
});

function excessText(t: SummaryStrings, excess: Tkr | null): string {
  if (excess === null) return t.noFrame;
  return excess > 0 ? t.over(keepTogether(formatTkr(excess))) : t.within(keepTogether(formatTkr(-excess)));
}

const tkr = (t: SummaryStrings, v: Tkr | null) => (v === null ? t.unknown : formatNumber(v));

export function SummaryTables(props: { consolidation: Consolidation; brief: YearBrief[]; period: string }) {
  const t = useSummaryStrings();
  const lang = useLanguage();
  const styles = useStyles();
  const c = props.consolidation;
  const rows: ({ area: string; version: string; year: number; stated: boolean } & AreaYear)[] = c.areas.flatMap((a) =>
    c.years
      .filter((y) => a.years[y] !== undefined)
      .map((y) => ({ area: a.area, version: a.version ?? '', year: y, stated: a.maintenanceStated !== false, ...a.years[y] })),
  );
  rows.sort((x, y) => (y.excess ?? -Infinity) - (x.excess ?? -Infinity) || x.area.localeCompare(y.area, 'sv') || x.year - y.year);
  const chartRows: FrameRow[] = c.years.map((year) => ({ year, development: c.city[year]?.development ?? null, frame: c.city[year]?.frame ?? null }));
  return (
    <>
      <section aria-labelledby="summary-city-title">
        <h2 id="summary-city-title" className={styles.title}>
          {t.cityTitle} {props.period}
        </h2>
        <div className={styles.scroll}>
          <table className={styles.table} data-table="city">
            <thead>
              <tr>
                <th scope="col" className={styles.th}>{t.year}</th>
                <th scope="col" className={mergeClasses(styles.th, styles.end)}>{t.development}</th>
                <th scope="col" className={mergeClasses(styles.th, styles.end)}>{t.frame}</th>
                <th scope="col" className={mergeClasses(styles.th, styles.end)}>{t.excess}</th>
              </tr>
            </thead>
            <tbody>
              {c.years.map((year) => {
                const y = c.city[year];
                const over = y?.excess !== null && y?.excess !== undefined && y.excess > 0;
                return (
                  <tr key={year} data-year={year}>
                    <th scope="row" className={styles.td}>{year}</th>
                    <td className={`${styles.td} ${styles.num}`}>{tkr(t, y?.development ?? null)}</td>
                    <td className={`${styles.td} ${styles.num}`}>{y?.frame === null || !y ? t.noFrame : formatNumber(y.frame)}</td>
                    <td className={`${styles.td} ${styles.gap} ${over ? styles.over : ''}`}>{excessText(t, y?.excess ?? null)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <BudgetTables consolidation={c} />
      <section aria-labelledby="summary-chart-title">
        <h2 id="summary-chart-title" className={styles.title}>
          {t.chartTitle}
        </h2>
        <Suspense fallback={null}>
          <FrameChart rows={chartRows} />
        </Suspense>
        {/* The chart's numbers as text, so nothing depends on seeing the bars or their colours. */}
        <ul className={styles.list} data-list="city-text">
          {chartRows.map((r) => {
            const dev = r.development === null ? t.unknown : formatTkr(r.development);
            if (r.frame === null) return <li key={r.year}>{t.cityNoFrame(r.year, dev)}</li>;
            const gap = r.development === null ? null : r.development - r.frame;
            if (gap === null) return <li key={r.year}>{t.cityNoFrame(r.year, dev)}</li>;
            return (
              <li key={r.year} className={gap > 0 ? styles.over : undefined}>
                {gap > 0 ? t.cityOver(r.year, dev, formatTkr(r.frame), formatGap(gap)) : t.cityWithin(r.year, dev, formatTkr(r.frame), formatGap(-gap))}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="summary-brief-title">
        <h2 id="summary-brief-title" className={styles.title}>
          {t.briefTitle}
        </h2>
        {props.brief.map((y) => (
          <div key={y.year} data-brief-year={y.year}>
            <p>{briefSentence(y, lang)}</p>
            {y.contributors.length > 0 && (
              <>
                <h3 className={styles.title}>{t.contributors(y.year)}</h3>
                <ul className={styles.list}>
                  {y.contributors.map((k) => (
                    <li key={`${k.area}-${k.nr}-${k.name}`}>
                      {`${k.area}: ${k.nr ? `${k.nr} ` : ''}${k.name}, ${formatTkr(k.development)} (${t.share(`${Math.round(k.share * 100)} %`)})`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ))}
      </section>
      <section aria-labelledby="summary-areas-title">
        <h2 id="summary-areas-title" className={styles.title}>
          {t.areasTitle}
        </h2>
        <AreaCards consolidation={c} className={styles.narrow} />
        <div className={`${styles.scroll} ${styles.wide}`}>
          <table className={styles.table} data-table="areas">
            <thead>
              <tr>
                <th scope="col" className={styles.th}>{t.area}</th>
                <th scope="col" className={styles.th}>{t.version}</th>
                <th scope="col" className={styles.th}>{t.year}</th>
                <th scope="col" className={styles.th}>{t.development}</th>
                <th scope="col" className={styles.th}>{t.maintenance}</th>
                <th scope="col" className={styles.th}>{t.frame}</th>
                <th scope="col" className={styles.th}>{t.excess}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.area}-${r.year}`}>
                  <th scope="row" className={styles.td}>{r.area}</th>
                  <td className={styles.td}>{r.version}</td>
                  <td className={styles.td}>{r.year}</td>
                  <td className={`${styles.td} ${styles.num}`}>{tkr(t, r.development)}</td>
                  <td className={`${styles.td} ${styles.num}`}>
                    {r.stated ? tkr(t, r.maintenance) : <abbr title={t.notStatedLabel}>{t.notStated}</abbr>}
                  </td>
                  <td className={`${styles.td} ${styles.num}`}>{r.frame === null ? t.noFrame : formatNumber(r.frame)}</td>
                  <td className={`${styles.td} ${styles.num} ${r.excess !== null && r.excess > 0 ? styles.over : ''}`}>{excessText(t, r.excess)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
