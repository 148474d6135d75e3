/**
 * The calls explorer: every stored call under the dashboard filter and the explorer's own, one row
 * each, newest first or sorted by talk, ring or amount.
 */
import { useMemo } from 'react';
import type { CallsQuery, Filter } from '../../../src-shared/api';
import { EmptyState } from '../../components/EmptyState';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { hasNarrowing, narrowingQuery, useCallsFilters } from '../../stores/calls-filters';
import { useActiveFilter, useFilters } from '../../stores/filters';
import { useWorkspace, type WorkspaceInfo } from '../../stores/workspace';
import { FilterBar } from '../dashboard/FilterBar';
import { WorkspaceEmpty } from '../dashboard/WorkspaceEmpty';
import { CallsCount } from './CallsCount';
import { CallsNarrowing } from './CallsNarrowing';
import { ExportButtons } from '../review/ExportButtons';
import { CallsTable } from './CallsTable';
import { formatClock } from './clock';

export function CallsPage() {
  const info = useWorkspace((s) => s.info);
  if (!info) return null;
  if (info.calls === 0) return <WorkspaceEmpty />;
  return <CallsExplorer info={info} />;
}

function CallsExplorer({ info }: { info: WorkspaceInfo }) {
  const t = useT();
  const filter = useActiveFilter();
  const narrowing = useCallsFilters();
  const { dispositions, outcomes, direction, talkMin, talkMax, sort, order, sortBy } = narrowing;
  const query = useMemo<CallsQuery | null>(
    () =>
      filter ? { filter, ...narrowingQuery({ dispositions, outcomes, direction, talkMin, talkMax }) } : null,
    [filter, dispositions, outcomes, direction, talkMin, talkMax],
  );
  const count = useApiQuery('calls.count', query);
  const sortKey = useMemo(() => ({ sort, order }), [sort, order]);

  return (
    <div className="page page--calls">
      <header className="calls-header">
        <h1 className="page__title">{t('calls.title')}</h1>
        <CallsCount query={count} />
        {query ? (
          <ExportButtons table="calls" query={query} sort={{ column: sort, order }} testId="calls-export" />
        ) : null}
      </header>
      <FilterBar today={info.today} />
      <CallsNarrowing />
      <CallsTable
        query={query}
        sort={sortKey}
        onSort={sortBy}
        total={count.loading ? null : (count.data ?? null)}
        ariaLabel={t('calls.tableLabel')}
        className="calls-table-wrap--page"
        empty={filter ? <NoCallsMatch filter={filter} /> : null}
      />
    </div>
  );
}

/** Nothing matches: say for which period, and offer to drop the filters that narrow it. */
function NoCallsMatch({ filter }: { filter: Filter }) {
  const t = useT();
  const f = useFormat();
  const narrowing = useCallsFilters();
  const setTeam = useFilters((s) => s.setTeam);
  const setAgent = useFilters((s) => s.setAgent);
  const setCampaign = useFilters((s) => s.setCampaign);
  const narrowed =
    hasNarrowing(narrowing) ||
    filter.teamId !== undefined ||
    filter.agentId !== undefined ||
    filter.campaignId !== undefined;
  const clearAll = () => {
    narrowing.clear();
    setTeam(null, false);
    setAgent(null);
    setCampaign(null);
  };
  return (
    <EmptyState
      testId="calls-empty"
      title={t('calls.empty.title')}
      actions={
        narrowed ? (
          <button type="button" className="button" onClick={clearAll} data-testid="calls-empty-clear">
            {t('calls.empty.clear')}
          </button>
        ) : null
      }
    >
      {narrowing.talkMin !== null && narrowing.talkMax !== null && narrowing.talkMin > narrowing.talkMax ? (
        <p data-testid="calls-empty-reversed">
          {t('calls.empty.talkReversed', {
            min: formatClock(narrowing.talkMin),
            max: formatClock(narrowing.talkMax),
          })}
        </p>
      ) : null}
      <p>{t('calls.empty.text', { from: f.longDay(filter.from), to: f.longDay(filter.to) })}</p>
    </EmptyState>
  );
}
