/**
 * One agent over the filtered period: who they are, their KPIs, their month against target with
 * the composite score's parts, the daily trend, how long their conversations last, what their
 * calls ended in, their audits and coaching, and the calls themselves.
 */
import { useMemo, useState } from 'react';
import type { Agent, CallSort, CallsQuery, Filter } from '../../../src-shared/api';
import { EmptyState } from '../../components/EmptyState';
import { Panel } from '../../components/Panel';
import { routeHref } from '../../hooks/useHashRoute';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { DEFAULT_CALLS_SORT, nextSort, type CallsSort } from '../../stores/calls-filters';
import { useActiveFilter } from '../../stores/filters';
import { useWorkspace, type WorkspaceInfo } from '../../stores/workspace';
import { callCountText } from '../calls/CallsCount';
import { CallsTable } from '../calls/CallsTable';
import { FilterBar } from '../dashboard/FilterBar';
import { KpiTiles } from '../dashboard/KpiTiles';
import { TrendChart } from '../dashboard/TrendChart';
import { AgentCoachingPanel } from '../coaching/AgentCoachingPanel';
import { AgentAudits } from '../audits/AgentAudits';
import { AuditScoreTile } from '../audits/AuditScoreTile';
import { DispositionMix, OutcomeMix } from './OutcomeMix';
import { TalkDistribution } from './TalkDistribution';
import { TeamHistory } from './TeamHistory';
import { AgentTargets } from '../review/AgentTargets';
import { visibleText } from '../../../src-shared/visible-text';

export function AgentPage({ agentId }: { agentId: number }) {
  const info = useWorkspace((s) => s.info);
  const agent = useWorkspace((s) => s.agents.find((a) => a.id === agentId));
  if (!info) return null;
  if (!agent) return <AgentNotFound />;
  return <AgentView agent={agent} info={info} />;
}

/**
 * The dashboard filter narrowed to this agent: its period and campaign apply; its team and agent
 * choice do not (this page is about this agent, whichever team the dashboard shows).
 */
function useAgentFilter(agentId: number): Filter | null {
  const active = useActiveFilter();
  if (!active) return null;
  const filter: Filter = { from: active.from, to: active.to, agentId };
  if (active.campaignId !== undefined) filter.campaignId = active.campaignId;
  return filter;
}

function AgentView({ agent, info }: { agent: Agent; info: WorkspaceInfo }) {
  const filter = useAgentFilter(agent.id);
  const summary = useApiQuery('metrics.summary', filter ? { filter } : null);
  const byDay = useApiQuery('metrics.breakdown', filter ? { filter, by: 'day' } : null);
  const profile = useApiQuery('metrics.agent', filter ? { agentId: agent.id, filter } : null);
  const threshold = info.settings.effectiveThresholdSeconds;

  return (
    <div className="page page--agent">
      <AgentHeader agent={agent} />
      {/* Team and agent pickers are hidden here (agent.css): the page is this agent's. */}
      <div className="agent-filter">
        <FilterBar today={info.today} />
      </div>
      <KpiTiles
        query={summary}
        thresholdSeconds={threshold}
        extraSecondary={<AuditScoreTile filter={filter} />}
      />
      {filter ? <AgentTargets agentId={agent.id} filter={filter} /> : null}
      <div className="agent-grid agent-grid--charts">
        <TrendChart query={byDay} />
        <TalkDistribution query={profile} summary={summary} thresholdSeconds={threshold} />
      </div>
      <div className="agent-grid agent-grid--mix">
        <DispositionMix query={profile} />
        <OutcomeMix query={profile} />
      </div>
      {filter ? <AgentAudits filter={filter} /> : null}
      <AgentCoachingPanel agentId={agent.id} />
      {filter ? <AgentCalls filter={filter} /> : null}
    </div>
  );
}

function AgentHeader({ agent }: { agent: Agent }) {
  const t = useT();
  return (
    <header className="agent-header" data-testid="agent-header">
      <a href={routeHref('dashboard')} className="agent-header__back" data-testid="agent-back">
        <span aria-hidden="true">←</span> {t('agent.back')}
      </a>
      <div className="agent-header__who">
        <h1 className="agent-header__name" data-testid="agent-name">
          {visibleText(agent.name ?? agent.code)}
        </h1>
        <dl className="agent-header__facts">
          <div>
            <dt>{t('agent.codeLabel')}</dt>
            <dd className="agent-header__code" data-testid="agent-code">
              {agent.code}
              {agent.otherCodes.length > 0 ? ` · ${agent.otherCodes.join(' · ')}` : null}
            </dd>
          </div>
          <div>
            <dt>{t('filter.team')}</dt>
            <dd data-testid="agent-team">{agent.teamName ?? t('agent.noTeam')}</dd>
          </div>
          <TeamHistory agentId={agent.id} />
        </dl>
        <span
          className={agent.active ? 'badge badge--done' : 'badge'}
          data-testid="agent-active"
          data-active={agent.active}
        >
          {t(agent.active ? 'agent.active' : 'agent.left')}
          {agent.leftOn ? ` ${agent.leftOn}` : null}
        </span>
      </div>
    </header>
  );
}

/** The agent's calls over the period: the explorer's table with the agent fixed and its own sort. */
function AgentCalls({ filter }: { filter: Filter }) {
  const t = useT();
  const f = useFormat();
  const [sort, setSort] = useState<CallsSort>(DEFAULT_CALLS_SORT);
  const query = useMemo<CallsQuery>(() => ({ filter }), [filter]);
  const count = useApiQuery('calls.count', query);
  const onSort = (column: CallSort) => setSort((s) => nextSort(s, column));
  const total = count.loading ? null : (count.data ?? null);
  return (
    <Panel
      title={t('agent.calls.title')}
      subtitle={total ? callCountText(t, f, total) : undefined}
      className="agent-calls-panel"
      testId="agent-calls"
    >
      <CallsTable
        query={query}
        sort={sort}
        onSort={onSort}
        hideAgent
        total={total}
        ariaLabel={t('agent.calls.title')}
        className="calls-table-wrap--agent"
        empty={<p className="muted">{t('agent.calls.empty')}</p>}
      />
    </Panel>
  );
}

function AgentNotFound() {
  const t = useT();
  return (
    <div className="page page--centered">
      <EmptyState
        size="page"
        testId="agent-not-found"
        title={t('agent.notFound.title')}
        actions={
          <a href={routeHref('dashboard')} className="button button--primary">
            {t('agent.back')}
          </a>
        }
      >
        <p>{t('agent.notFound.text')}</p>
      </EmptyState>
    </div>
  );
}
