/** Daily dials and connects (bars) with the connect rate (line, right axis) over the filtered range. */
import { useMemo } from 'react';
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { Input, MetricsRow, Output } from '../../../src-shared/api';
import type { DayRange } from '../../../src-shared/periods';
import { ChartCanvas } from '../../components/ChartCanvas';
import { chartTheme, tooltipStyle } from '../../components/chart-setup';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Skeleton } from '../../components/Skeleton';
import { cssVar, useColorScheme, type ColorScheme } from '../../hooks/useColorScheme';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Formatters, type Translate } from '../../i18n/language';
import { HowComputed } from './HowComputed';
import { dailyTrend, type TrendPoint } from './trend-data';

type TrendType = 'bar' | 'line';
type TrendConfig = ChartConfiguration<TrendType, (number | null)[], string>;

export function TrendChart({
  query,
}: {
  query: ApiQuery<Output<'metrics.breakdown'>, Input<'metrics.breakdown'>>;
}) {
  const t = useT();
  // The range the shown rows answer (during a reload, the previous one): days and data stay in step.
  const range = query.dataInput?.filter;
  const title = t('dashboard.trend.title');
  return (
    <Panel
      title={title}
      actions={
        <>
          <TrendLegend />
          <HowComputed title={title} formula={t('dashboard.trend.formula')} testId="trend-info" />
        </>
      }
      className="trend-panel"
      testId="trend-panel"
    >
      <QueryView query={query} skeleton={<Skeleton height="100%" className="chart-skeleton" />}>
        {(data) => (range ? <TrendCanvas rows={data.rows} range={range} /> : null)}
      </QueryView>
    </Panel>
  );
}

function TrendLegend() {
  const t = useT();
  return (
    <ul className="chart-legend">
      <li>
        <span className="chart-legend__swatch chart-legend__swatch--dials" aria-hidden="true" />
        {t('kpi.dials')}
      </li>
      <li>
        <span className="chart-legend__swatch chart-legend__swatch--connects" aria-hidden="true" />
        {t('kpi.connects')}
      </li>
      <li>
        <span className="chart-legend__swatch chart-legend__swatch--rate" aria-hidden="true" />
        {t('kpi.connectRate')}
        <span className="chart-legend__axis">{t('dashboard.trend.rightAxis')}</span>
      </li>
    </ul>
  );
}

function TrendCanvas({ rows, range }: { rows: MetricsRow[]; range: DayRange }) {
  const t = useT();
  const f = useFormat();
  const scheme = useColorScheme();
  const { from, to } = range;
  const points = useMemo(() => dailyTrend({ from, to }, rows), [rows, from, to]);
  const config = useMemo(() => trendConfig(points, t, f, scheme), [points, t, f, scheme]);
  return (
    <ChartCanvas
      config={config}
      ariaLabel={t('dashboard.trend.aria')}
      className="trend-chart"
      testId="trend-chart"
    />
  );
}

function trendConfig(points: TrendPoint[], t: Translate, f: Formatters, scheme: ColorScheme): TrendConfig {
  // `scheme` is read so the memo above recomputes (and re-reads the CSS colours) when the theme flips.
  void scheme;
  const colour = {
    dials: cssVar('--chart-dials'),
    connects: cssVar('--chart-connects'),
    rate: cssVar('--chart-rate'),
    ...chartTheme(),
  };
  const manyDays = points.length > 45;
  // Keep a day's two bars side by side and about 22 px wide, whether the range has 7 days or 90
  // (a plain maxBarThickness would leave a gap between them on short ranges).
  const categoryPercentage = Math.min(0.8, (2 * 22 * points.length) / 1000);

  return {
    type: 'bar',
    data: {
      labels: points.map((p) => p.day),
      // `order` sets drawing and bar placement: dials left of connects, and the rate line (lowest
      // order, drawn last) on top of both.
      datasets: [
        {
          type: 'bar',
          label: t('kpi.dials'),
          data: points.map((p) => p.dials),
          yAxisID: 'count',
          backgroundColor: colour.dials,
          borderRadius: 2,
          categoryPercentage,
          barPercentage: 0.92,
          order: 1,
        },
        {
          type: 'bar',
          label: t('kpi.connects'),
          data: points.map((p) => p.connects),
          yAxisID: 'count',
          backgroundColor: colour.connects,
          borderRadius: 2,
          categoryPercentage,
          barPercentage: 0.92,
          order: 2,
        },
        {
          type: 'line',
          label: t('kpi.connectRate'),
          data: points.map((p) => p.connectRate),
          yAxisID: 'rate',
          borderColor: colour.rate,
          backgroundColor: colour.rate,
          borderWidth: 2,
          pointRadius: manyDays ? 0 : 2.5,
          pointHoverRadius: 4,
          tension: 0.25,
          spanGaps: false,
          order: 0,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      layout: { padding: { top: 4 } },
      plugins: {
        // The legend is HTML in the panel header (TrendLegend): it takes no chart height.
        legend: { display: false },
        tooltip: {
          ...tooltipStyle(colour),
          boxPadding: 4,
          usePointStyle: true,
          itemSort: (a, b) => a.datasetIndex - b.datasetIndex,
          callbacks: {
            title: (items) => (items[0] ? f.longDay(String(items[0].label)) : ''),
            label: (item: TooltipItem<TrendType>) => {
              const value = item.raw as number | null;
              const text = item.dataset.yAxisID === 'rate' ? f.percent(value) : f.count(value ?? 0);
              return ` ${item.dataset.label ?? ''}: ${text}`;
            },
          },
        },
      },
      scales: {
        x: {
          grid: { display: false },
          border: { color: colour.grid },
          ticks: {
            color: colour.text,
            maxRotation: 0,
            autoSkip: true,
            autoSkipPadding: 12,
            callback(value) {
              return f.shortDay(String(this.getLabelForValue(Number(value))));
            },
          },
        },
        count: {
          type: 'linear',
          position: 'left',
          beginAtZero: true,
          grid: { color: colour.grid },
          border: { display: false },
          ticks: { color: colour.text, precision: 0, maxTicksLimit: 6, callback: (v) => f.count(Number(v)) },
        },
        rate: {
          type: 'linear',
          position: 'right',
          beginAtZero: true,
          suggestedMax: 0.5,
          grid: { drawOnChartArea: false },
          border: { display: false },
          ticks: { color: colour.text, maxTicksLimit: 6, callback: (v) => f.percent(Number(v), 0) },
        },
      },
    },
  };
}
