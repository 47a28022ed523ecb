/**
 * Per area and year at task-pane width: one small table per area (År, Utveckling, Ram, Avvikelse), areas
 * over their frame first, and the maintenance impact as a line below. Seven columns do not fit in 320 px
 * without a sideways scroll that hides Ram and Avvikelse, the two columns the reader came for.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Consolidation } from '../../domain/consolidation';
import { formatNumber, formatTkr, type Tkr } from '../../domain/money';
import { keepTogether } from '../text';
import { useSummaryStrings, type SummaryStrings } from './strings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '12px' },
  area: { margin: '0 0 2px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  version: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  thNum: { textAlign: 'end' },
  td: { padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'end', whiteSpace: 'nowrap' },
  gap: { textAlign: 'end' },
  over: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  maintenance: { margin: '2px 0 0', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

function excessText(t: SummaryStrings, excess: Tkr | null): string {
  if (excess === null) return t.noFrame;
  return excess > 0 ? t.over(keepTogether(formatTkr(excess))) : t.within(keepTogether(formatTkr(-excess)));
}

export function AreaCards(props: { consolidation: Consolidation; className?: string }) {
  const t = useSummaryStrings();
  const styles = useStyles();
  const c = props.consolidation;
  const worst = (a: Consolidation['areas'][number]) => Math.max(-Infinity, ...c.years.map((y) => a.years[y]?.excess ?? -Infinity));
  const areas = [...c.areas].sort((x, y) => worst(y) - worst(x) || x.area.localeCompare(y.area, 'sv'));
  return (
    <ul className={`${styles.list} ${props.className ?? ''}`} data-list="areas">
      {areas.map((a) => {
        const years = c.years.filter((y) => a.years[y] !== undefined);
        const maintenance = years.map((y) => `${y} ${a.years[y].maintenance === null ? t.unknown : formatNumber(a.years[y].maintenance!)}`);
        return (
          <li key={a.area} data-area={a.area}>
            <h3 className={styles.area}>
              {a.area}
              {a.version && <span className={styles.version}>{` · v${a.version}`}</span>}
            </h3>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>{t.year}</th>
                  <th scope="col" className={mergeClasses(styles.th, styles.thNum)}>{t.development}</th>
                  <th scope="col" className={mergeClasses(styles.th, styles.thNum)}>{t.frame}</th>
                  <th scope="col" className={mergeClasses(styles.th, styles.thNum)}>{t.excess}</th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => {
                  const v = a.years[y];
                  return (
                    <tr key={y} data-year={y}>
                      <th scope="row" className={styles.td}>{y}</th>
                      <td className={`${styles.td} ${styles.num}`}>{v.development === null ? t.unknown : formatNumber(v.development)}</td>
                      <td className={`${styles.td} ${styles.num}`}>{v.frame === null ? t.noFrame : formatNumber(v.frame)}</td>
                      <td className={`${styles.td} ${styles.gap} ${v.excess !== null && v.excess > 0 ? styles.over : ''}`}>{excessText(t, v.excess)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className={styles.maintenance}>{t.maintenanceLine(maintenance.join(', '))}</p>
          </li>
        );
      })}
    </ul>
  );
}
