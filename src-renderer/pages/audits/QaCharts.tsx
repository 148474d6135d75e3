/**
 * The QA analytics charts: the average audit score per week (per month over long ranges) with its
 * 95 % interval as a band and the pass line when the scorecards share one; and each agent's (or
 * team's) average as a mark on its interval, lowest first, so the one to coach stands out.
 */
import { useMemo } from 'react';
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { AuditAnalytics } from '../../../src-shared/api';
import { ChartCanvas } from '../../components/ChartCanvas';
import { chartTheme, tooltipStyle } from '../../components/chart-setup';
import { cssVar, useColorScheme } from '../../hooks/useColorScheme';
import { useFormat, useT, type Formatters, type Translate } from '../../i18n/language';

type Trend = AuditAnalytics['trend'];
type Group = AuditAnalytics['groups'][number];

/** `#rrggbb` with an alpha (the theme's chart colours are hex). */
function withAlpha(hex: string, alpha: number): string {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return hex;
  return `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

const clamp = (v: number) => Math.min(100, Math.max(0, v));

function bucketLabel(start: string, unit: Trend['unit'], f: Formatters): string {
  if (unit === 'week') return f.shortDay(start);
  return new Intl.DateTimeFormat(f.language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${start}T12:00:00Z`),
  );
}

function intervalText(
  t: Translate,
  f: Formatters,
  v: { n: number; mean: number | null; margin: number | null },
) {
  const mean = f.percent((v.mean ?? 0) / 100, 0);
  return v.margin === null
    ? t('audits.qa.tooltipOne', { mean, count: v.n })
    : t('audits.qa.tooltip', { mean, margin: f.percent(v.margin / 100, 0), count: v.n });
}

export function QaTrendChart({ trend }: { trend: Trend }) {
  const t = useT();
  const f = useFormat();
  const scheme = useColorScheme();
  const config = useMemo(() => {
    void scheme; // re-read the theme's colours when it flips
    const theme = chartTheme();
    const line = cssVar('--chart-connects');
    const pass = cssVar('--chart-rate');
    const points = trend.points;
    const band = (sign: 1 | -1) =>
      points.map((p) => (p.mean === null || p.margin === null ? null : clamp(p.mean + sign * p.margin)));
    const config: ChartConfiguration<'line', (number | null)[], string> = {
      type: 'line',
      data: {
        labels: points.map((p) => bucketLabel(p.start, trend.unit, f)),
        datasets: [
          { label: 'low', data: band(-1), borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false },
          {
            label: 'high',
            data: band(1),
            borderWidth: 0,
            pointRadius: 0,
            pointHitRadius: 0,
            backgroundColor: withAlpha(line, 0.2),
            fill: '-1', // the band between this line and the one before
          },
          {
            label: t('audits.qa.mean'),
            data: points.map((p) => p.mean),
            borderColor: line,
            backgroundColor: line,
            borderWidth: 2,
            pointRadius: 3.5,
            tension: 0,
          },
          ...(trend.passMark === null
            ? []
            : [
                {
                  label: t('audits.qa.passMark', { mark: f.percent(trend.passMark / 100, 0) }),
                  data: points.map(() => trend.passMark),
                  borderColor: pass,
                  borderDash: [6, 4],
                  borderWidth: 1.5,
                  pointRadius: 0,
                  pointHitRadius: 0,
                },
              ]),
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { display: false },
          tooltip: {
            ...tooltipStyle(theme),
            filter: (item) => item.datasetIndex === 2,
            callbacks: {
              title: (items) => {
                const p = points[items[0]?.dataIndex ?? 0];
                return p ? t(`audits.qa.bucket.${trend.unit}`, { start: f.longDay(p.start) }) : '';
              },
              label: (item: TooltipItem<'line'>) => {
                const p = points[item.dataIndex];
                return p ? intervalText(t, f, p) : '';
              },
            },
          },
        },
        scales: {
          x: { ticks: { color: theme.text }, grid: { display: false } },
          y: {
            min: 0,
            max: 100,
            ticks: { color: theme.text, stepSize: 20, callback: (v) => f.percent(Number(v) / 100, 0) },
            grid: { color: theme.grid },
          },
        },
      },
    };
    return config;
  }, [trend, t, f, scheme]);

  return (
    <figure
      className="qa-chart"
      data-testid="qa-trend"
      data-unit={trend.unit}
      data-starts={trend.points.map((p) => p.start).join(',')}
      data-means={trend.points.map((p) => p.mean).join(',')}
    >
      <figcaption className="qa-chart__head">
        <span className="qa-chart__title">{t(`audits.qa.trendTitle.${trend.unit}`)}</span>
        <ul className="chart-legend">
          <li>
            <span className="chart-legend__swatch chart-legend__swatch--qa-mean" aria-hidden="true" />
            {t('audits.qa.mean')}
          </li>
          <li>
            <span className="chart-legend__swatch chart-legend__swatch--qa-band" aria-hidden="true" />
            {t('audits.qa.band')}
          </li>
          {trend.passMark === null ? null : (
            <li data-testid="qa-pass-mark">
              <span className="chart-legend__swatch chart-legend__swatch--qa-pass" aria-hidden="true" />
              {t('audits.qa.passMark', { mark: f.percent(trend.passMark / 100, 0) })}
            </li>
          )}
        </ul>
      </figcaption>
      <ChartCanvas
        config={config}
        ariaLabel={t(`audits.qa.trendTitle.${trend.unit}`)}
        className="qa-chart__canvas"
      />
    </figure>
  );
}

const ROW_HEIGHT = 26;

export function QaGroupChart({
  groups,
  by,
  passMark,
}: {
  groups: Group[];
  by: 'agent' | 'team';
  passMark: number | null;
}) {
  const t = useT();
  const f = useFormat();
  const scheme = useColorScheme();
  const config = useMemo(() => {
    void scheme;
    const theme = chartTheme();
    const colour = cssVar('--chart-connects');
    const below = cssVar('--chart-rate');
    const shown = groups.filter((g) => g.overall.mean !== null);
    const markColour = shown.map((g) => (passMark !== null && g.overall.mean! < passMark ? below : colour));
    const config: ChartConfiguration<'bar', ([number, number] | null)[], string> = {
      type: 'bar',
      data: {
        labels: shown.map((g) => `${g.name || t('agent.noTeam')} (${g.overall.n})`),
        datasets: [
          {
            label: t('audits.qa.band'),
            data: shown.map((g) =>
              g.overall.margin === null
                ? null
                : [clamp(g.overall.mean! - g.overall.margin), clamp(g.overall.mean! + g.overall.margin)],
            ),
            backgroundColor: markColour.map((c) => withAlpha(c, 0.25)),
            barThickness: 10,
            grouped: false,
            borderRadius: 3,
          },
          {
            // The average as a short upright mark on its interval.
            label: t('audits.qa.mean'),
            data: shown.map((g) => [clamp(g.overall.mean! - 0.6), clamp(g.overall.mean! + 0.6)]),
            backgroundColor: markColour,
            barThickness: 18,
            grouped: false,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            ...tooltipStyle(theme),
            filter: (item) => item.datasetIndex === 1,
            callbacks: {
              label: (item) => {
                const g = shown[item.dataIndex];
                return g ? intervalText(t, f, g.overall) : '';
              },
            },
          },
        },
        scales: {
          x: {
            min: 0,
            max: 100,
            ticks: { color: theme.text, stepSize: 20, callback: (v) => f.percent(Number(v) / 100, 0) },
            grid: { color: theme.grid },
          },
          y: { ticks: { color: theme.text, autoSkip: false }, grid: { display: false } },
        },
      },
    };
    return { config, rows: shown.length };
  }, [groups, passMark, t, f, scheme]);

  return (
    <figure className="qa-chart" data-testid="qa-groups" data-rows={config.rows}>
      <figcaption className="qa-chart__head">
        <span className="qa-chart__title">{t(`audits.qa.groupTitle.${by}`)}</span>
        {passMark === null ? null : (
          <ul className="chart-legend">
            <li>
              <span className="chart-legend__swatch chart-legend__swatch--qa-below" aria-hidden="true" />
              {t('audits.qa.belowPass', { mark: f.percent(passMark / 100, 0) })}
            </li>
          </ul>
        )}
      </figcaption>
      <div style={{ height: config.rows * ROW_HEIGHT + 36 }} className="qa-chart__sized">
        <ChartCanvas
          config={config.config}
          ariaLabel={t(`audits.qa.groupTitle.${by}`)}
          className="qa-chart__fill"
        />
      </div>
    </figure>
  );
}
