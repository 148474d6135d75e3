/**
 * The overview a team lead reads at 8:30: the filter bar, the KPI tiles, who needs attention and
 * why, the daily trend, the funnel and when-to-call heatmap, the teams side by side and the agent
 * leaderboard; the daily battle report (战报) is one click away.
 */
import type { Filter, Output } from '../../../src-shared/api';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { addDays } from '../../../src-shared/time';
import { useActiveFilter, useFilterWorkingDays, useFilters, useMorningLanding } from '../../stores/filters';
import { useWorkspace, type WorkspaceInfo } from '../../stores/workspace';
import { AuditScoreTile } from '../audits/AuditScoreTile';
import { FilterBar } from './FilterBar';
import { Funnel } from './Funnel';
import { Heatmap } from './Heatmap';
import { KpiTiles } from './KpiTiles';
import { Leaderboard } from './Leaderboard';
import { RangeEmpty } from './RangeEmpty';
import { TeamComparison } from './TeamComparison';
import { TrendChart } from './TrendChart';
import { WorkspaceEmpty } from './WorkspaceEmpty';
import { OrderTiles } from '../orders/OrderTiles';
import { AttentionPanel } from '../review/AttentionPanel';
import { useMayCall } from '../../stores/auth';
import { BattleReportButton } from '../review/BattleReport';

export function DashboardPage() {
  const info = useWorkspace((s) => s.info);
  if (!info) return null;
  if (info.calls === 0) return <WorkspaceEmpty />;
  return <Dashboard info={info} />;
}

function Dashboard({ info }: { info: WorkspaceInfo }) {
  const t = useT();
  useMorningLanding(info.today, useFilterWorkingDays());
  const filter = useActiveFilter();
  const threshold = info.settings.effectiveThresholdSeconds;
  const summary = useApiQuery('metrics.summary', filter ? { filter } : null);
  const byDay = useApiQuery('metrics.breakdown', filter ? { filter, by: 'day' } : null);
  const byTeam = useApiQuery('metrics.breakdown', filter ? { filter, by: 'team' } : null);
  const heatmap = useApiQuery('metrics.heatmap', filter ? { filter } : null);
  // A team workspace's agent sees their own numbers: no colleagues' board, no floor's attention list.
  const may = useMayCall();
  const showBoard = may('metrics.leaderboard');
  const leaderboard = useApiQuery('metrics.leaderboard', filter && showBoard ? { filter } : null);
  // The previous period (as the tiles compare) for the leaderboard's change column.
  const previousRange = summary.loading ? undefined : summary.data?.previousRange;
  const previousBoard = useApiQuery(
    'metrics.leaderboard',
    filter && previousRange && showBoard ? { filter: { ...filter, ...previousRange } } : null,
  );
  const pacing = useApiQuery('targets.pacing', filter ? { filter } : null).data;
  const orders = useApiQuery('orders.summary', filter ? { filter } : null);
  const rangeIsEmpty = !summary.loading && summary.data?.activeDays === 0;

  return (
    <div className="page page--dashboard">
      <h1 className="visually-hidden">{t('nav.dashboard')}</h1>
      <FilterBar today={info.today} />
      {filter ? (
        <div className="dashboard-caption-row">
          <RangeCaption filter={filter} summary={summary} today={info.today} />
          {may('review.battleReport') ? <BattleReportButton filter={filter} /> : null}
        </div>
      ) : null}
      <KpiTiles
        query={summary}
        thresholdSeconds={threshold}
        pacing={pacing}
        orders={orders}
        extraSecondary={<AuditScoreTile filter={filter} />}
      />
      <OrderTiles query={orders} />
      {filter && may('review.attention') ? <AttentionPanel filter={filter} after={!summary.loading} /> : null}
      {rangeIsEmpty && filter ? (
        <RangeEmpty range={filter} info={info} />
      ) : (
        <>
          <TrendChart query={byDay} />
          <div className="dashboard-row dashboard-row--funnel">
            <Funnel query={summary} thresholdSeconds={threshold} />
            <Heatmap query={heatmap} />
          </div>
          <TeamComparison query={byTeam} filter={filter} />
          {showBoard ? (
            <Leaderboard
              query={leaderboard}
              thresholdSeconds={threshold}
              pacing={pacing}
              filter={filter}
              previous={
                previousRange && previousBoard.data && !previousBoard.loading
                  ? { range: previousRange, rows: previousBoard.data.rows }
                  : undefined
              }
            />
          ) : null}
        </>
      )}
    </div>
  );
}

/**
 * One quiet line that says what the tiles cover, what they are compared with and why that period
 * (the same working days, the working day before…); on a Monday landing, why it shows Friday.
 */
function RangeCaption({
  filter,
  summary,
  today,
}: {
  filter: Filter;
  summary: ApiQuery<Output<'metrics.summary'>>;
  today: string;
}) {
  const t = useT();
  const f = useFormat();
  const landed = useFilters((s) => s.landedOnLastWorkingDay && s.preset === 'lastWorkingDay');
  const yesterday = addDays(today, -1);
  const yesterdayWorked = useFilterWorkingDays().isWorking(yesterday);
  const previous = summary.data?.previousRange;
  const comparison = summary.data?.comparison;
  return (
    <p className="range-caption" data-testid="range-caption">
      {landed ? (
        <span className="range-caption__note" data-testid="morning-note">
          {yesterdayWorked
            ? t('dashboard.monthStart', { day: f.longDay(yesterday) })
            : t('dashboard.morning', { day: f.longDay(yesterday) })}
        </span>
      ) : null}
      <span>
        {filter.from === filter.to
          ? f.longDay(filter.from)
          : t('dashboard.rangeCaption', { from: f.longDay(filter.from), to: f.longDay(filter.to) })}
      </span>
      {summary.data && !summary.loading ? (
        <span>{t('dashboard.activeDays', { count: summary.data.activeDays })}</span>
      ) : null}
      {previous && !summary.loading ? (
        <span>
          {previous.from === previous.to
            ? t('dashboard.comparedWithDay', { day: f.longDay(previous.from) })
            : t('dashboard.comparedWith', { from: f.longDay(previous.from), to: f.longDay(previous.to) })}
          {comparison && comparison.basis !== 'precedingDays' ? (
            <span data-testid="comparison-basis">
              {' · '}
              {t(`dashboard.basis.${comparison.basis}`, { count: comparison.workingDays ?? 0 })}
            </span>
          ) : null}
        </span>
      ) : null}
      {summary.data?.maskedPhoneCalls !== undefined && !summary.loading ? (
        <span data-testid="masked-phones">
          {t('dashboard.maskedPhones', { count: f.count(summary.data.maskedPhoneCalls) })}
        </span>
      ) : null}
    </p>
  );
}
