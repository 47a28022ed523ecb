/** Bars of development against frame per year; loaded on demand to keep the pane's first load small. */
import { GroupedVerticalBarChart } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber, formatTkr } from '../../domain/money';
import { useStrings } from '../i18n';
import { scaleFor } from './chartScale';
import type { FrameRow } from '../shared/frameRows';

const useStyles = makeStyles({
  empty: {
    margin: '8px 0',
    padding: '16px 12px',
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
  },
});

export default function FrameChart(props: { rows: FrameRow[] }) {
  const t = useStrings();
  const styles = useStyles();
  const max = Math.max(0, ...props.rows.flatMap((r) => [r.development ?? 0, r.frame ?? 0]));
  // A new plan has nothing to draw: an axis with a lone 0 says nothing, a sentence says why it is empty.
  if (max === 0) {
    return (
      <p className={styles.empty} data-testid="chart-empty">
        {t.chartEmpty}
      </p>
    );
  }
  const scale = scaleFor(max);
  const data = props.rows.map((r) => ({
    name: String(r.year),
    series: [
      { key: 'development', data: r.development ?? 0, legend: t.development, color: tokens.colorPaletteBlueBorderActive, yAxisCalloutData: formatTkr(r.development ?? 0) },
      { key: 'frame', data: r.frame ?? 0, legend: t.frame, color: tokens.colorNeutralStroke1Pressed, yAxisCalloutData: r.frame === null ? t.noFrame : formatTkr(r.frame) },
    ],
  }));
  return (
    <div data-testid="frame-chart" data-ticks={scale.labels.join('|')}>
      <GroupedVerticalBarChart
        data={data}
        height={180}
        hideLabels
        chartTitle={t.chartTitle}
        yMaxValue={scale.top}
        yAxisTickCount={scale.intervals}
        margins={{ left: scale.leftMargin }}
        yAxisTickFormat={(v: number) => formatNumber(v)}
      />
    </div>
  );
}
