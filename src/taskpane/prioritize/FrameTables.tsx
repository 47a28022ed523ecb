/** The city and each area against the frame per year, before and with the choices: numbers as text. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber, formatTkr, type Tkr } from '../../domain/money';
import type { YearFigures } from '../../domain/prioritization';
import type { AreaYearFigures } from '../../domain/prioritizationWhatIf';
import { usePrioritizeStrings, type PrioritizeStrings } from './strings';

export const useTableStyles = makeStyles({
  title: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  td: { padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  num: { padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'end', whiteSpace: 'nowrap', verticalAlign: 'top' },
  /** May wrap between the amount and its word, never inside the amount (nbsp inside numbers). */
  standing: { padding: '2px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'end', verticalAlign: 'top' },
  /** Over the frame: the words say "över", the weight and colour only repeat it. */
  over: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

/** `31 692 tkr över`, the amount held together so a narrow pane wraps only before the word. */
export function standing(t: PrioritizeStrings, excess: Tkr | null): string {
  if (excess === null) return t.noFrame;
  const whole = (v: Tkr) => formatTkr(v).replace(/ /g, '\u00a0');
  return excess > 0 ? t.over(whole(excess)) : t.within(whole(-excess));
}

export function CityTable(props: { before: YearFigures[]; now: YearFigures[] }) {
  const t = usePrioritizeStrings();
  const s = useTableStyles();
  return (
    <section aria-labelledby="prio-city-title">
      <h2 id="prio-city-title" className={s.title}>
        {t.cityTitle}
      </h2>
      <div className={s.scroll}>
        <table className={s.table} data-table="prio-city">
          <thead>
            <tr>
              <th scope="col" className={s.th}>{t.year}</th>
              <th scope="col" className={s.th}>{t.before}</th>
              <th scope="col" className={s.th}>{t.now}</th>
              <th scope="col" className={s.th}>{t.frame}</th>
              <th scope="col" className={s.th}>{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {props.now.map((y, k) => (
              <tr key={y.year}>
                <th scope="row" className={s.td}>{y.year}</th>
                <td className={s.num}>{formatNumber(props.before[k].development)}</td>
                <td className={s.num}>{formatNumber(y.development)}</td>
                <td className={s.num}>{y.frame === null ? '–' : formatNumber(y.frame)}</td>
                <td className={`${s.standing} ${y.excess !== null && y.excess > 0 ? s.over : ''}`}>{standing(t, y.excess)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Only areas with a frame of their own: an area without one has nothing to stand against. */
export function AreaTable(props: { areas: AreaYearFigures[] }) {
  const t = usePrioritizeStrings();
  const s = useTableStyles();
  const withFrame = props.areas.filter((a) => a.years.some((y) => y.frame !== null));
  if (withFrame.length === 0) return null;
  const years = withFrame[0].years.map((y) => y.year);
  return (
    <section aria-labelledby="prio-areas-title">
      <h2 id="prio-areas-title" className={s.title}>
        {t.areasTitle}
      </h2>
      <div className={s.scroll}>
        <table className={s.table} data-table="prio-areas">
          <thead>
            <tr>
              <th scope="col" className={s.th}>{t.area}</th>
              {years.map((y) => (
                <th key={y} scope="col" className={s.th}>{y}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {withFrame.map((a) => (
              <tr key={a.area}>
                <th scope="row" className={s.td}>{a.area}</th>
                {a.years.map((y) => (
                  <td key={y.year} className={`${s.num} ${y.excess !== null && y.excess > 0 ? s.over : ''}`}>
                    {formatNumber(y.development)} ({standing(t, y.excess)})
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
