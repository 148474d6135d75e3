/**
 * The agent leaderboard (`metrics.leaderboard`): rank, agent (links to the agent page), team, a
 * sparkline of daily dials and the KPIs, sortable by every column. Rows are memoised so re-sorting
 * 200 agents moves rows instead of re-rendering them.
 */
import { memo, useMemo, useState } from 'react';
import type { LeaderboardRow, Output } from '../../../src-shared/api';
import { KPI_DEFINITIONS, type KpiKey } from '../../../src-shared/kpi';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Formatters } from '../../i18n/language';
import { nextOrder, sortAgentRows, type SortColumn, type SortOrder } from './agent-sort';
import { HowComputed } from './HowComputed';
import { Sparkline } from './Sparkline';
import { NoCallsMark } from '../people/NoCallsMark';
import { PaceCell, PaceHeader, type Pacing } from '../targets/PaceLine';

export const LEADERBOARD_COLUMNS = [
  'dials',
  'connects',
  'connectRate',
  'effective',
  'effectiveTalkSeconds',
  'avgTalkSeconds',
  'intents',
  'intentRate',
  'sales',
  'conversionRate',
  'revenue',
] as const satisfies readonly KpiKey[];

const DEFAULT_ORDER: SortOrder = { column: 'dials', direction: 'desc' };

/** The agent page's address (the route is another page's; the link is ours). */
export function agentHref(agentId: number): string {
  return `#/agents/${agentId}`;
}

export function Leaderboard({
  query,
  thresholdSeconds,
  pacing,
}: {
  query: ApiQuery<Output<'metrics.leaderboard'>>;
  thresholdSeconds: number;
  pacing?: Pacing;
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
        <HowComputed
          title={title}
          formula={t('dashboard.leaderboard.formula', { threshold: thresholdSeconds })}
          testId="leaderboard-info"
        />
      }
      className="leaderboard-panel"
      testId="leaderboard-panel"
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={8} lineHeight={18} />}>
        {(data) => <SortableLeaderboard rows={data.rows} stale={query.loading} pacing={pacing} />}
      </QueryView>
    </Panel>
  );
}

function SortableLeaderboard({
  rows,
  stale,
  pacing,
}: {
  rows: LeaderboardRow[];
  stale: boolean;
  pacing?: Pacing;
}) {
  const paceOf = useMemo(() => new Map(pacing?.agents.map((a) => [a.agentId, a.pace])), [pacing]);
  const showPace = (pacing?.agents.some((a) => a.pace !== null) ?? false) && pacing?.applies === true;
  const t = useT();
  const f = useFormat();
  const [order, setOrder] = useState<SortOrder>(DEFAULT_ORDER);
  const sorted = useMemo(() => sortAgentRows(rows, order, f.language), [rows, order, f.language]);
  const sortBy = (column: SortColumn) => setOrder((o) => nextOrder(o, column));

  return (
    // `agent-table`: the name import.spec.ts knows this table by (it replaced the agent table).
    <div className="table-scroll table-scroll--leaderboard" data-testid={stale ? undefined : 'agent-table'}>
      {/* As the KPI tiles: rows of a previous filter are not "the" leaderboard (see KpiTile). */}
      <table className="data-table leaderboard" data-testid={stale ? undefined : 'leaderboard'}>
        <thead>
          <tr>
            <th scope="col" className="num leaderboard__rank">
              {t('dashboard.leaderboard.rank')}
            </th>
            <SortHeader column="agent" label={t('dashboard.agents.agent')} order={order} onSort={sortBy} />
            <SortHeader column="team" label={t('dashboard.leaderboard.team')} order={order} onSort={sortBy} />
            <th scope="col">{t('dashboard.leaderboard.trend')}</th>
            {showPace ? <PaceHeader /> : null}
            {LEADERBOARD_COLUMNS.map((kpi) => (
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
              sparkLabel={sparkLabel(t, row)}
              pace={showPace ? (row.id === null ? null : (paceOf.get(row.id) ?? null)) : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
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
  sparkLabel,
  pace,
}: {
  row: LeaderboardRow;
  rank: number;
  f: Formatters;
  sparkLabel: string;
  /** undefined: no pacing column (no targets); null: no pace for this agent */
  pace?: number | null;
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
      {LEADERBOARD_COLUMNS.map((kpi) => (
        <td
          key={kpi}
          className={row[kpi] === null ? 'num is-empty' : 'num'}
          data-col={kpi}
          data-value={row[kpi] ?? ''}
        >
          {f.kpi(KPI_DEFINITIONS[kpi].unit, row[kpi])}
        </td>
      ))}
    </tr>
  );
});

interface SortHeaderProps {
  column: SortColumn;
  label: string;
  order: SortOrder;
  onSort(column: SortColumn): void;
  numeric?: boolean;
}

function SortHeader({ column, label, order, onSort, numeric }: SortHeaderProps) {
  const t = useT();
  const active = order.column === column;
  const ariaSort = active ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={ariaSort}>
      <button
        type="button"
        className={active ? 'sort-button is-active' : 'sort-button'}
        onClick={() => onSort(column)}
        title={t('dashboard.leaderboard.sortHint', { column: label })}
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
