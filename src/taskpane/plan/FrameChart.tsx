/** Bars of development against frame per year; loaded on demand to keep the pane's first load small. */
import { GroupedVerticalBarChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { formatNumber, formatTkr } from '../../domain/money';
import { useStrings } from '../i18n';
import type { FrameRow } from './frameRows';

export default function FrameChart(props: { rows: FrameRow[] }) {
  const t = useStrings();
  const data = props.rows.map((r) => ({
    name: String(r.year),
    series: [
      { key: 'development', data: r.development ?? 0, legend: t.development, color: tokens.colorPaletteBlueBorderActive, yAxisCalloutData: formatTkr(r.development ?? 0) },
      { key: 'frame', data: r.frame ?? 0, legend: t.frame, color: tokens.colorNeutralStroke1Pressed, yAxisCalloutData: r.frame === null ? t.noFrame : formatTkr(r.frame) },
    ],
  }));
  return (
    <div>
      <GroupedVerticalBarChart
        data={data}
        height={180}
        hideLabels
        chartTitle={t.chartTitle}
        yAxisTickFormat={(v: number) => formatNumber(v)}
      />
    </div>
  );
}
