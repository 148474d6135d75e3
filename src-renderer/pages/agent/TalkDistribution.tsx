/**
 * How long the agent's connects lasted, in bands (`metrics.agent` talkBuckets), with the workspace's
 * effective-call threshold drawn as a dashed line and the bands past it in the "effective" colour.
 */
import { useMemo } from 'react';
import type { ChartConfiguration, ChartType, Plugin } from 'chart.js';
import type { Input, Output } from '../../../src-shared/api';
import { ChartCanvas } from '../../components/ChartCanvas';
import { chartTheme, tooltipStyle } from '../../components/chart-setup';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Skeleton } from '../../components/Skeleton';
import { cssVar, useColorScheme, type ColorScheme } from '../../hooks/useColorScheme';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Formatters, type Translate } from '../../i18n/language';
import { bandIsEffective, talkBandLabels, thresholdPosition } from './talk-buckets';

interface TalkMarkerOptions {
  /** where the threshold line goes: band index and fraction through it */
  band: number;
  fraction: number;
  label: string;
  lineColour: string;
  /** text drawn above each bar (its share) */
  barLabels: string[];
  textColour: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameter must match chart.js's declaration
  interface PluginOptionsByType<TType extends ChartType> {
    talkMarker?: TalkMarkerOptions;
  }
}

/**
 * Draws the threshold line and the share above each bar. Chart.js hands it its options from the
 * chart's on every draw, so a new threshold, language or theme (ChartCanvas updates options in place) shows.
 */
const talkMarker: Plugin<'bar', TalkMarkerOptions> = {
  id: 'talkMarker',
  afterDatasetsDraw(chart, _args, options) {
    const meta = chart.getDatasetMeta(0);
    if (!options || !meta.data.length) return;
    const { ctx, chartArea } = chart;
    const x = chart.scales.x;
    if (!x) return;
    ctx.save();
    ctx.font = `500 11px ${String(chart.options.font?.family ?? 'sans-serif')}`;
    ctx.fillStyle = options.textColour;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    meta.data.forEach((bar, i) => {
      const text = options.barLabels[i];
      if (text) ctx.fillText(text, bar.x, bar.y - 3);
    });
    const bandWidth = meta.data.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : chartArea.width;
    const lineX = x.getPixelForValue(options.band) - bandWidth / 2 + options.fraction * bandWidth;
    ctx.strokeStyle = options.lineColour;
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(lineX, chartArea.top + 14);
    ctx.lineTo(lineX, chartArea.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = options.lineColour;
    ctx.font = `600 11px ${String(chart.options.font?.family ?? 'sans-serif')}`;
    ctx.textAlign = lineX > chartArea.right - 80 ? 'right' : 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(options.label, lineX + (ctx.textAlign === 'right' ? -4 : 4), chartArea.top);
    ctx.restore();
  },
};

type AgentQuery = ApiQuery<Output<'metrics.agent'>, Input<'metrics.agent'>>;
type SummaryQuery = ApiQuery<Output<'metrics.summary'>>;

export function TalkDistribution({
  query,
  summary,
  thresholdSeconds,
}: {
  query: AgentQuery;
  summary: SummaryQuery;
  thresholdSeconds: number;
}) {
  const t = useT();
  const f = useFormat();
  const current = summary.loading ? undefined : summary.data?.current;
  return (
    <Panel
      title={t('agent.talk.title')}
      actions={<TalkLegend thresholdSeconds={thresholdSeconds} />}
      className="agent-talk-panel"
      testId="agent-talk"
    >
      <QueryView query={query} skeleton={<Skeleton height="100%" className="chart-skeleton" />}>
        {(data) => <TalkCanvas buckets={data.talkBuckets} thresholdSeconds={thresholdSeconds} />}
      </QueryView>
      <p className="agent-talk__explain" data-testid="agent-talk-explain">
        {t('agent.talk.explain', { threshold: thresholdSeconds })}
        {current && current.connects > 0
          ? `${f.language === 'zh-CN' ? '' : ' '}${t('agent.talk.effectiveShare', {
              effective: f.count(current.effective),
              connects: f.count(current.connects),
              share: f.percent(current.effective / current.connects),
            })}`
          : null}
      </p>
    </Panel>
  );
}

function TalkLegend({ thresholdSeconds }: { thresholdSeconds: number }) {
  const t = useT();
  return (
    <ul className="chart-legend">
      <li>
        <span className="chart-legend__swatch chart-legend__swatch--short" aria-hidden="true" />
        {t('agent.talk.below')}
      </li>
      <li>
        <span className="chart-legend__swatch chart-legend__swatch--effective" aria-hidden="true" />
        {t('agent.talk.effective', { threshold: thresholdSeconds })}
      </li>
    </ul>
  );
}

function TalkCanvas({ buckets, thresholdSeconds }: { buckets: number[]; thresholdSeconds: number }) {
  const t = useT();
  const f = useFormat();
  const scheme = useColorScheme();
  const config = useMemo(
    () => talkConfig(buckets, thresholdSeconds, t, f, scheme),
    [buckets, thresholdSeconds, t, f, scheme],
  );
  return (
    <>
      <ChartCanvas
        config={config}
        ariaLabel={t('agent.talk.aria')}
        className="agent-talk-chart"
        testId="agent-talk-chart"
      />
      <BandTable buckets={buckets} labels={config.data.labels ?? []} />
    </>
  );
}

function talkConfig(
  buckets: number[],
  thresholdSeconds: number,
  t: Translate,
  f: Formatters,
  scheme: ColorScheme,
): ChartConfiguration<'bar', number[], string> {
  void scheme; // read so the memo re-reads the CSS colours when the theme flips
  const colour = {
    short: cssVar('--chart-dials'),
    effective: cssVar('--chart-connects'),
    line: cssVar('--chart-rate'),
    ...chartTheme(),
  };
  const total = buckets.reduce((a, b) => a + b, 0);
  const share = (n: number) => (total > 0 ? n / total : null);
  const labels = talkBandLabels({
    seconds: (n) => t('agent.talk.seconds', { n }),
    minutes: (n) => t('agent.talk.minutes', { n }),
  });
  const position = thresholdPosition(thresholdSeconds);
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: t('kpi.connects'),
          data: buckets,
          backgroundColor: buckets.map((_, i) =>
            bandIsEffective(i, thresholdSeconds) ? colour.effective : colour.short,
          ),
          borderRadius: 3,
          categoryPercentage: 0.8,
          barPercentage: 0.9,
        },
      ],
    },
    plugins: [talkMarker],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 6 } },
      plugins: {
        legend: { display: false },
        talkMarker: {
          band: position.band,
          fraction: position.fraction,
          label: t('agent.talk.threshold', { threshold: thresholdSeconds }),
          lineColour: colour.line,
          barLabels: buckets.map((n) => (total > 0 && n > 0 ? f.percent(share(n), 0) : '')),
          textColour: colour.text,
        },
        tooltip: {
          ...tooltipStyle(colour),
          displayColors: false,
          callbacks: {
            label: (item) =>
              t('agent.talk.connects', {
                count: f.count(Number(item.raw)),
                share: f.percent(share(Number(item.raw))),
              }),
          },
        },
      },
      scales: {
        x: {
          grid: { display: false },
          border: { color: colour.grid },
          ticks: { color: colour.text, maxRotation: 0, autoSkip: false },
        },
        y: {
          beginAtZero: true,
          // room above the tallest bar for its share label and the threshold caption
          grace: '18%',
          grid: { color: colour.grid },
          border: { display: false },
          ticks: { color: colour.text, precision: 0, maxTicksLimit: 5, callback: (v) => f.count(Number(v)) },
        },
      },
    },
  };
}

/** The bars' numbers as a table for screen readers (the canvas is one image to them). */
function BandTable({ buckets, labels }: { buckets: number[]; labels: string[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <table className="visually-hidden" data-testid="agent-talk-table">
      <caption>{t('agent.talk.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('calls.col.talk')}</th>
          <th scope="col">{t('kpi.connects')}</th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((n, i) => (
          <tr key={i} data-band={i} data-value={n}>
            <th scope="row">{labels[i]}</th>
            <td>{f.count(n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
