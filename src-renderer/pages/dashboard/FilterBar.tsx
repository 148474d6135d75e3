/** The whole dashboard filter on one line: date preset, from/to, team, agent. */
import { useMemo } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import { RANGE_PRESETS, type RangePreset } from '../../../src-shared/periods';
import { isDay } from '../../../src-shared/time';
import { useT } from '../../i18n/language';
import { resolveRange, useFilters } from '../../stores/filters';
import { useWorkspace } from '../../stores/workspace';

const PRESET_LABEL: Record<RangePreset, MessageKey> = {
  today: 'range.today',
  yesterday: 'range.yesterday',
  thisWeek: 'range.thisWeek',
  lastWeek: 'range.lastWeek',
  thisMonth: 'range.thisMonth',
  lastMonth: 'range.lastMonth',
  custom: 'range.custom',
};

export function FilterBar({ today }: { today: string }) {
  const t = useT();
  const filters = useFilters();
  const teams = useWorkspace((s) => s.teams);
  const agents = useWorkspace((s) => s.agents);
  const range = resolveRange(filters, today);

  const teamAgents = useMemo(
    () =>
      agents
        .filter((a) => filters.teamId === null || a.teamId === filters.teamId)
        .sort((a, b) => (a.name ?? a.code).localeCompare(b.name ?? b.code) || a.code.localeCompare(b.code)),
    [agents, filters.teamId],
  );

  const onTeamChange = (value: string) => {
    const teamId = value ? Number(value) : null;
    const agent = agents.find((a) => a.id === filters.agentId);
    filters.setTeam(teamId, teamId === null || agent?.teamId === teamId);
  };

  return (
    <div className="filter-bar" role="search" aria-label={t('filter.label')}>
      <div className="segmented" role="group" aria-label={t('filter.period')}>
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className={preset === filters.preset ? 'segmented__item is-active' : 'segmented__item'}
            aria-pressed={preset === filters.preset}
            onClick={() => filters.choosePreset(preset, range)}
            data-testid={`preset-${preset}`}
          >
            {t(PRESET_LABEL[preset])}
          </button>
        ))}
      </div>

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

      <select
        className="select"
        aria-label={t('filter.team')}
        value={filters.teamId ?? ''}
        onChange={(e) => onTeamChange(e.target.value)}
        data-testid="filter-team"
      >
        <option value="">{t('filter.allTeams')}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>

      <select
        className="select select--agent"
        aria-label={t('filter.agent')}
        value={filters.agentId ?? ''}
        onChange={(e) => filters.setAgent(e.target.value ? Number(e.target.value) : null)}
        data-testid="filter-agent"
      >
        <option value="">{t('filter.allAgents')}</option>
        {teamAgents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name ? `${agent.name} · ${agent.code}` : agent.code}
            {agent.active ? '' : ` (${t('filter.agentLeft')})`}
          </option>
        ))}
      </select>
    </div>
  );
}
