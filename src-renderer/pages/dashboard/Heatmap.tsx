/**
 * When to call: weekday × hour of the day, coloured by dials (volume) or by connect rate. An HTML
 * grid, not a chart: every cell carries its exact numbers (title, data attributes) and text.
 */
import { useMemo, useState } from 'react';
import type { HeatmapCell, Output } from '../../../src-shared/api';
import { Panel } from '../../components/Panel';
import { Segmented } from '../../components/Segmented';
import { QueryView } from '../../components/QueryView';
import { Skeleton } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Formatters } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { viridis, viridisGradient } from './heatmap-scale';
import { HowComputed } from './HowComputed';

type HeatmapMode = 'volume' | 'rate';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Shown when the range has no calls at all: a usual working day. */
const DEFAULT_HOURS = { first: 8, last: 20 };
/** Runs of at least this many empty hours between calls fold into one narrow "…" column. */
const MIN_GAP_TO_FOLD = 2;

type Column = { kind: 'hour'; hour: number } | { kind: 'gap'; from: number; to: number };

/**
 * The hours from the first to the last with calls. A night with a stray 23:5x callback would
 * otherwise spread the grid over 24 thin columns: long empty runs fold, a lunch hour stays.
 */
export function heatmapColumns(hoursWithCalls: readonly number[]): Column[] {
  const has = new Set(hoursWithCalls);
  const first = has.size ? Math.min(...has) : DEFAULT_HOURS.first;
  const last = has.size ? Math.max(...has) : DEFAULT_HOURS.last;
  const columns: Column[] = [];
  for (let hour = first; hour <= last; hour++) {
    let end = hour;
    while (has.size && end <= last && !has.has(end)) end++;
    if (end - hour >= MIN_GAP_TO_FOLD) {
      columns.push({ kind: 'gap', from: hour, to: end - 1 });
      hour = end - 1;
    } else columns.push({ kind: 'hour', hour });
  }
  return columns;
}
/** Fewer dials than this in a cell make its connect rate noise: shown grey in rate mode. */
export const MIN_DIALS_FOR_RATE = 30;
/** Up to this many hour columns the cells are wide enough to print their value. */
const MAX_HOURS_WITH_TEXT = 16;

const HEATMAP_MODES: readonly HeatmapMode[] = ['volume', 'rate'];

export function Heatmap({ query }: { query: ApiQuery<Output<'metrics.heatmap'>> }) {
  const t = useT();
  const zone = useWorkspace((s) => s.info?.settings.timeZone ?? 'UTC');
  const [mode, setMode] = useState<HeatmapMode>('volume');
  const title = t('dashboard.heatmap.title');
  return (
    <Panel
      title={title}
      actions={
        <>
          <Segmented
            className="segmented--small"
            options={HEATMAP_MODES}
            value={mode}
            onChange={setMode}
            labelOf={(m) => t(m === 'volume' ? 'dashboard.heatmap.volume' : 'dashboard.heatmap.rate')}
            label={t('dashboard.heatmap.show')}
            testIdOf={(m) => `heatmap-mode-${m}`}
          />
          <HowComputed
            title={title}
            formula={t('dashboard.heatmap.formula', { zone, min: MIN_DIALS_FOR_RATE })}
            testId="heatmap-info"
          />
        </>
      }
      className="heatmap-panel"
      testId="heatmap-panel"
    >
      <QueryView query={query} skeleton={<Skeleton height={220} />}>
        {(data) => <HeatmapGrid cells={data.cells} mode={mode} stale={query.loading} />}
      </QueryView>
    </Panel>
  );
}

interface Scale {
  min: number;
  max: number;
  value(cell: HeatmapCell): number | null;
  format(value: number): string;
}

function scaleFor(mode: HeatmapMode, cells: readonly HeatmapCell[], f: Formatters): Scale {
  if (mode === 'volume') {
    const max = Math.max(0, ...cells.map((c) => c.dials));
    return { min: 0, max, value: (c) => (c.dials > 0 ? c.dials : null), format: (v) => f.count(v) };
  }
  // Rates spread over their own range, so the best and worst hours stand apart. A cell of a few
  // stray calls (1 of 1 = 100 %) is noise: it is not coloured and does not stretch the scale.
  const rated = (c: HeatmapCell) => (c.dials >= MIN_DIALS_FOR_RATE ? c.connectRate : null);
  const rates = cells.flatMap((c) => {
    const r = rated(c);
    return r === null ? [] : [r];
  });
  return {
    min: rates.length ? Math.min(...rates) : 0,
    max: rates.length ? Math.max(...rates) : 1,
    value: rated,
    format: (v) => f.percent(v, 0),
  };
}

function HeatmapGrid({ cells, mode, stale }: { cells: HeatmapCell[]; mode: HeatmapMode; stale: boolean }) {
  const t = useT();
  const f = useFormat();
  const byKey = useMemo(() => new Map(cells.map((c) => [c.weekday * 24 + c.hour, c])), [cells]);
  const columns = useMemo(() => heatmapColumns(cells.filter((c) => c.dials > 0).map((c) => c.hour)), [cells]);
  const scale = scaleFor(mode, cells, f);
  const span = scale.max - scale.min;
  const showText = columns.filter((c) => c.kind === 'hour').length <= MAX_HOURS_WITH_TEXT;

  return (
    <div className="heatmap" data-testid={stale ? undefined : 'heatmap'} data-mode={mode}>
      <table className="heatmap__grid" aria-label={t('dashboard.heatmap.aria')}>
        <thead>
          <tr>
            <th scope="col" className="heatmap__corner">
              {t('dashboard.heatmap.hour')}
            </th>
            {columns.map((column) =>
              column.kind === 'hour' ? (
                <th key={column.hour} scope="col" className="heatmap__hour">
                  {column.hour}
                </th>
              ) : (
                <th
                  key={`gap-${column.from}`}
                  scope="col"
                  className="heatmap__hour heatmap__gap"
                  title={`${column.from}–${column.to}`}
                >
                  …
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((weekday) => (
            <tr key={weekday}>
              <th scope="row" className="heatmap__weekday">
                {t(`weekday.${weekday}`)}
              </th>
              {columns.map((column) => {
                if (column.kind === 'gap') return <td key={`gap-${column.from}`} className="heatmap__gap" />;
                const hour = column.hour;
                const cell = byKey.get(weekday * 24 + hour);
                const value = cell ? scale.value(cell) : null;
                const colour = value === null ? null : viridis(span > 0 ? (value - scale.min) / span : 1);
                const fewCalls = mode === 'rate' && cell !== undefined && cell.dials > 0 && value === null;
                const label = t('dashboard.heatmap.cell', {
                  weekday: t(`weekday.${weekday}`),
                  hour,
                  dials: f.count(cell?.dials ?? 0),
                  connects: f.count(cell?.connects ?? 0),
                  rate: f.percent(cell?.connectRate ?? null),
                });
                return (
                  <td
                    key={hour}
                    className={
                      colour ? 'heatmap__cell' : fewCalls ? 'heatmap__cell is-few' : 'heatmap__cell is-empty'
                    }
                    style={colour ? { background: colour.background, color: colour.text } : undefined}
                    title={label}
                    aria-label={label}
                    data-weekday={weekday}
                    data-hour={hour}
                    data-dials={cell?.dials ?? 0}
                    data-connects={cell?.connects ?? 0}
                  >
                    {showText && value !== null ? scale.format(value) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heatmap__legend" aria-hidden="true">
        <span>{t('dashboard.heatmap.legendLow')}</span>
        <span className="heatmap__legend-value">{scale.format(scale.min)}</span>
        <span className="heatmap__legend-bar" style={{ background: viridisGradient() }} />
        <span className="heatmap__legend-value">{scale.format(scale.max)}</span>
        <span>{t('dashboard.heatmap.legendHigh')}</span>
        {mode === 'rate' ? (
          <span className="heatmap__legend-few">
            <span className="heatmap__swatch-few" />
            {t('dashboard.heatmap.fewCalls', { count: MIN_DIALS_FOR_RATE })}
          </span>
        ) : null}
      </div>
    </div>
  );
}
