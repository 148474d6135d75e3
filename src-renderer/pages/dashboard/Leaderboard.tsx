/**
 * The agent leaderboard (`metrics.leaderboard`): rank, agent (links to the agent page), team, a
 * sparkline of daily dials, pace against target, the change in dials against the previous period
 * and the KPIs, sortable by every column. Rows are memoised so re-sorting 200 agents moves rows
 * instead of re-rendering them.
 */
import { memo, useMemo } from 'react';
import { create } from 'zustand';
import type { Filter, LeaderboardRow, Output } from '../../../src-shared/api';
import { change } from '../../../src-shared/kpi';
import { LEADERBOARD_KPIS, type LeaderboardKpi } from '../../../src-shared/leaderboard-kpis';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Formatters } from '../../i18n/language';
import { nextOrder, sortAgentRows, type SortColumn, type SortOrder } from './agent-sort';
import { columnFormats, type ColumnFormats } from './column-formats';
import { HowComputed } from './HowComputed';
import { Sparkline } from './Sparkline';
import { NoCallsMark } from '../people/NoCallsMark';
import { PaceCell, type Pacing } from '../targets/PaceLine';
import { ExportButtons } from '../review/ExportButtons';

const DEFAULT_ORDER: SortOrder = { column: 'dials', direction: 'desc' };

/**
 * The order the lead chose outlives the table: the table is rebuilt when its rows reload (another
 * range, another process's import, a panel re-shown), and a sort by pace must not fall back to
 * dials under the lead's eyes.
 */
const useBoardOrder = create<{ order: SortOrder; sortBy(column: SortColumn): void }>((set) => ({
  order: DEFAULT_ORDER,
  sortBy: (column) => set(({ order }) => ({ order: nextOrder(order, column) })),
}));

/** The agent page's address (the route is another page's; the link is ours). */
export function agentHref(agentId: number): string {
  return `#/agents/${agentId}`;
}

/** The previous period's leaderboard, for the change column (absent: no change column). */
export interface PreviousBoard {
  range: { from: string; to: string };
  rows: LeaderboardRow[];
}

export function Leaderboard({
  query,
  thresholdSeconds,
  pacing,
  previous,
  filter,
}: {
  query: ApiQuery<Output<'metrics.leaderboard'>>;
  thresholdSeconds: number;
  pacing?: Pacing;
  previous?: PreviousBoard | undefined;
  /** the filter the table shows, for its export */
  filter?: Filter | null;
}) {
  const t = useT();
  // The rows are the roster: the subtitle counts those who dialled.
  const count = query.data?.rows.filter((r) => r.dials > 0).length;
  const title = t('dashboard.leaderboard.title');
  return (
    <Panel
      title={title}
      subtitle={count === undefined ? undefined : t('dashboard.agents.count', { count })}
      actions={
        <>
          {filter ? (
            <ExportButtons table="leaderboard" query={{ filter }} testId="leaderboard-export" />
          ) : null}
          <HowComputed
            title={title}
            formula={t('dashboard.leaderboard.formula', { threshold: thresholdSeconds })}
            testId="leaderboard-info"
          />
        </>
      }
      className="leaderboard-panel"
      testId="leaderboard-panel"
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={8} lineHeight={18} />}>
        {(data) => (
          <SortableLeaderboard rows={data.rows} stale={query.loading} pacing={pacing} previous={previous} />
        )}
      </QueryView>
    </Panel>
  );
}

function SortableLeaderboard({
  rows,
  stale,
  pacing,
  previous,
}: {
  rows: LeaderboardRow[];
  stale: boolean;
  pacing?: Pacing;
  previous?: PreviousBoard | undefined;
}) {
  const paceOf = useMemo(() => new Map(pacing?.agents.map((a) => [a.agentId, a.pace])), [pacing]);
  const showPace = (pacing?.agents.some((a) => a.pace !== null) ?? false) && pacing?.applies === true;
  // Dials before: an agent missing from the previous period had 0 ("new" when they dial now).
  const dialsBefore = useMemo(
    () => (previous ? new Map(previous.rows.map((r) => [r.id, r.dials])) : null),
    [previous],
  );
  const t = useT();
  const f = useFormat();
  const { order: chosen, sortBy } = useBoardOrder();
  // A choice by a column this range does not show (pace without targets, change without a previous
  // period) waits for it to come back; meanwhile the table is in the default order, and says so.
  const hidden = (chosen.column === 'pace' && !showPace) || (chosen.column === 'change' && !previous);
  const order = hidden ? DEFAULT_ORDER : chosen;
  const derived = useMemo(
    () => ({
      pace: (row: LeaderboardRow) => (row.id === null ? null : (paceOf.get(row.id) ?? null)),
      change: (row: LeaderboardRow) => change(row.dials, dialsBefore?.get(row.id) ?? 0),
    }),
    [paceOf, dialsBefore],
  );
  const sorted = useMemo(() => sortAgentRows(rows, order, derived), [rows, order, derived]);
  // One form per column, from all its values: "¥10.11万" and "¥63,772" must not share one.
  const format = useMemo(() => columnFormats(f, LEADERBOARD_KPIS, rows), [f, rows]);

  return (
    <>
      {showPace && pacing ? (
        <p className="leaderboard__explain" data-testid="pace-explain">
          {t('review.pace.explain', { elapsed: pacing.elapsedDays, days: pacing.workingDays })}
        </p>
      ) : null}
      {/* `agent-table`: the name import.spec.ts knows this table by (it replaced the agent table). */}
      <div className="table-scroll table-scroll--leaderboard" data-testid={stale ? undefined : 'agent-table'}>
        {/* As the KPI tiles: rows of a previous filter are not "the" leaderboard (see KpiTile). */}
        <table className="data-table leaderboard" data-testid={stale ? undefined : 'leaderboard'}>
          <thead>
            <tr>
              <th scope="col" className="num leaderboard__rank">
                {t('dashboard.leaderboard.rank')}
              </th>
              <SortHeader column="agent" label={t('dashboard.agents.agent')} order={order} onSort={sortBy} />
              <SortHeader
                column="team"
                label={t('dashboard.leaderboard.team')}
                order={order}
                onSort={sortBy}
              />
              <th scope="col">{t('dashboard.leaderboard.trend')}</th>
              {showPace ? (
                <SortHeader
                  column="pace"
                  label={t('targets.pace.column')}
                  order={order}
                  onSort={sortBy}
                  numeric
                />
              ) : null}
              {previous ? (
                <SortHeader
                  column="change"
                  label={t('review.change.header', { kpi: t('kpi.dials') })}
                  title={t('review.change.title', {
                    kpi: t('kpi.dials'),
                    from: f.longDay(previous.range.from),
                    to: f.longDay(previous.range.to),
                  })}
                  order={order}
                  onSort={sortBy}
                  numeric
                />
              ) : null}
              {LEADERBOARD_KPIS.map((kpi) => (
                <SortHeader
                  key={kpi}
                  column={kpi}
                  label={t(`kpi.${kpi}`)}
                  order={order}
                  onSort={sortBy}
                  numeric
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, i) => (
              <LeaderboardLine
                key={row.id ?? row.key}
                row={row}
                rank={i + 1}
                f={f}
                format={format}
                sparkLabel={sparkLabel(t, row)}
                pace={showPace ? derived.pace(row) : undefined}
                change={
                  previous
                    ? { value: derived.change(row), isNew: (dialsBefore?.get(row.id) ?? 0) === 0 }
                    : undefined
                }
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function sparkLabel(t: ReturnType<typeof useT>, row: LeaderboardRow): string {
  const dials = row.daily.dials;
  return t('dashboard.leaderboard.sparkline', {
    min: dials.length ? Math.min(...dials) : 0,
    max: dials.length ? Math.max(...dials) : 0,
  });
}

const LeaderboardLine = memo(function LeaderboardLine({
  row,
  rank,
  f,
  format,
  sparkLabel,
  pace,
  change,
}: {
  row: LeaderboardRow;
  rank: number;
  f: Formatters;
  format: ColumnFormats<LeaderboardKpi>;
  sparkLabel: string;
  /** undefined: no pacing column (no targets); null: no pace for this agent */
  pace?: number | null;
  /** undefined: no change column; value null with isNew: nothing in the previous period */
  change?: { value: number | null; isNew: boolean } | undefined;
}) {
  return (
    <tr data-agent-code={row.key ?? ''} data-agent-id={row.id ?? ''}>
      <td className="num leaderboard__rank" data-col="rank">
        {rank}
      </td>
      <th scope="row" className="data-table__agent">
        {row.id !== null ? (
          <a className="agent-link" href={agentHref(row.id)} data-testid="agent-link">
            {row.label ?? row.key}
          </a>
        ) : (
          <span className="agent-name">{row.label ?? row.key}</span>
        )}
        {row.label && row.key && row.label !== row.key ? <span className="agent-code">{row.key}</span> : null}
        <NoCallsMark dials={row.dials} />
      </th>
      <td className="leaderboard__team" data-col="team">
        {row.teamName ?? ''}
      </td>
      <td className="leaderboard__spark">
        <Sparkline values={row.daily.dials} label={sparkLabel} />
      </td>
      {pace !== undefined ? <PaceCell pace={pace} f={f} /> : null}
      {change !== undefined ? <ChangeCell change={change} f={f} /> : null}
      {LEADERBOARD_KPIS.map((kpi) => (
        <td
          key={kpi}
          className={row[kpi] === null ? 'num is-empty' : 'num'}
          data-col={kpi}
          data-value={row[kpi] ?? ''}
        >
          {format[kpi](row[kpi])}
        </td>
      ))}
    </tr>
  );
});

/** The change in dials against the previous period: ▲/▼ and the percentage, "new" from nothing. */
function ChangeCell({ change, f }: { change: { value: number | null; isNew: boolean }; f: Formatters }) {
  const t = useT();
  const v = change.value;
  const tone = v === null ? 'is-none' : v > 0 ? 'is-up' : v < 0 ? 'is-down' : 'is-flat';
  return (
    <td className={`num change-cell ${tone}`} data-col="change" data-value={v ?? ''}>
      {v === null
        ? change.isNew
          ? t('review.change.new')
          : f.percent(null)
        : `${v > 0 ? '▲' : v < 0 ? '▼' : ''}${f.percent(Math.abs(v))}`}
    </td>
  );
}

interface SortHeaderProps {
  column: SortColumn;
  label: string;
  /** what the header's hover says (default: "sort by …") */
  title?: string;
  order: SortOrder;
  onSort(column: SortColumn): void;
  numeric?: boolean;
}

function SortHeader({ column, label, title, order, onSort, numeric }: SortHeaderProps) {
  const t = useT();
  const active = order.column === column;
  const ariaSort = active ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={ariaSort}>
      <button
        type="button"
        className={active ? 'sort-button is-active' : 'sort-button'}
        onClick={() => onSort(column)}
        title={title ?? t('dashboard.leaderboard.sortHint', { column: label })}
        data-testid={`sort-${column}`}
      >
        {label}
        {/* Only the sorted column shows an arrow: fifteen idle arrows cost a column's width. */}
        {active ? (
          <span className="sort-button__arrow" aria-hidden="true">
            {order.direction === 'asc' ? '↑' : '↓'}
          </span>
        ) : null}
      </button>
    </th>
  );
}
