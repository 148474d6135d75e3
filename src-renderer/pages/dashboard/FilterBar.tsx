/**
 * The whole dashboard filter in one bar: date preset and dates, team, agent, campaign, and a reset.
 * Every choice is a visible control; one that narrows the data is marked, so a glance tells what
 * the numbers below cover.
 */
import { useMemo } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import { RANGE_PRESETS, type RangePreset } from '../../../src-shared/periods';
import { Segmented } from '../../components/Segmented';
import { isDay } from '../../../src-shared/time';
import { useT } from '../../i18n/language';
import { useCampaignList } from '../../stores/campaigns';
import { isAtDefault, resolveRange, useFilterWorkingDays, useFilters } from '../../stores/filters';
import { useWorkspace } from '../../stores/workspace';
import { useAuth } from '../../stores/auth';
import { compareAgents } from '../../../src-shared/collate';
import { visibleText } from '../../../src-shared/visible-text';
import { agentLabel } from '../../../src-shared/agent-label';

const PRESET_LABEL: Record<RangePreset, MessageKey> = {
  today: 'range.today',
  yesterday: 'range.yesterday',
  lastWorkingDay: 'range.lastWorkingDay',
  thisWeek: 'range.thisWeek',
  lastWeek: 'range.lastWeek',
  thisMonth: 'range.thisMonth',
  lastMonth: 'range.lastMonth',
  thisQuarter: 'range.thisQuarter',
  thisYear: 'range.thisYear',
  custom: 'range.custom',
};

export function FilterBar({ today }: { today: string }) {
  const t = useT();
  const filters = useFilters();
  const teams = useWorkspace((s) => s.teams);
  // A team lead's list holds their teams only (teams.list is narrowed): "every team" is theirs.
  const role = useAuth((s) => s.state?.user?.role);
  const leadsTeams = role === 'team_lead';
  // An agent reads their own numbers only: a team or agent picker would offer nothing to choose.
  const pickPeople = role !== 'agent';
  const agents = useWorkspace((s) => s.agents);
  const campaigns = useCampaignList();
  const calendar = useFilterWorkingDays();
  const range = resolveRange(filters, today, calendar);

  const teamAgents = useMemo(
    () => agents.filter((a) => filters.teamId === null || a.teamId === filters.teamId).sort(compareAgents),
    [agents, filters.teamId],
  );

  const onTeamChange = (value: string) => {
    const teamId = value ? Number(value) : null;
    const agent = agents.find((a) => a.id === filters.agentId);
    filters.setTeam(teamId, teamId === null || agent?.teamId === teamId);
  };
  // A chosen team, agent or campaign narrows every number below: mark its control.
  const narrowing = (chosen: boolean) => (chosen ? ' is-narrowing' : '');

  return (
    <div className="filter-bar" role="search" aria-label={t('filter.label')} data-testid="filter-bar">
      <Segmented
        className="filter-bar__presets"
        options={RANGE_PRESETS}
        value={filters.preset}
        onChange={(preset) => filters.choosePreset(preset, range)}
        labelOf={(preset) => t(PRESET_LABEL[preset])}
        label={t('filter.period')}
        testIdOf={(preset) => `preset-${preset}`}
      />

      <div className="filter-bar__dates">
        <input
          type="date"
          className="input input--date"
          aria-label={t('filter.from')}
          value={range.from}
          onChange={(e) => isDay(e.target.value) && filters.setFrom(e.target.value, range)}
          data-testid="range-from"
        />
        <span className="filter-bar__dash" aria-hidden="true">
          –
        </span>
        <input
          type="date"
          className="input input--date"
          aria-label={t('filter.to')}
          value={range.to}
          onChange={(e) => isDay(e.target.value) && filters.setTo(e.target.value, range)}
          data-testid="range-to"
        />
      </div>

      <div className="filter-bar__scope">
        {pickPeople ? (
          <>
            <select
              className={`select select--team${narrowing(filters.teamId !== null)}`}
              aria-label={t('filter.team')}
              title={t('filter.team')}
              value={filters.teamId ?? ''}
              onChange={(e) => onTeamChange(e.target.value)}
              data-testid="filter-team"
            >
              <option value="">{t(leadsTeams ? 'filter.myTeams' : 'filter.allTeams')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {visibleText(team.name)}
                </option>
              ))}
            </select>

            <select
              className={`select select--agent${narrowing(filters.agentId !== null)}`}
              aria-label={t('filter.agent')}
              title={t('filter.agent')}
              value={filters.agentId ?? ''}
              onChange={(e) => filters.setAgent(e.target.value ? Number(e.target.value) : null)}
              data-testid="filter-agent"
            >
              <option value="">{t('filter.allAgents')}</option>
              {teamAgents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {visibleText(agentLabel(agent, 'dot'))}
                  {agent.active ? '' : ` (${t('filter.agentLeft')})`}
                </option>
              ))}
            </select>
          </>
        ) : null}

        <select
          className={`select select--campaign${narrowing(filters.campaignId !== null)}`}
          aria-label={t('filter.campaign')}
          title={t('filter.campaign')}
          value={filters.campaignId ?? ''}
          onChange={(e) => filters.setCampaign(e.target.value ? Number(e.target.value) : null)}
          data-testid="filter-campaign"
        >
          <option value="">{t('filter.allCampaigns')}</option>
          {/* A stored campaign shows as chosen even before the list arrives. */}
          {campaigns === null && filters.campaignId !== null ? (
            <option value={filters.campaignId}>…</option>
          ) : null}
          {(campaigns ?? []).map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {visibleText(campaign.name)}
            </option>
          ))}
        </select>

        <button
          type="button"
          className="button button--small filter-bar__reset"
          onClick={filters.reset}
          disabled={isAtDefault(filters)}
          title={t('filter.resetHint')}
          data-testid="filter-reset"
        >
          {t('filter.reset')}
        </button>
      </div>
    </div>
  );
}
