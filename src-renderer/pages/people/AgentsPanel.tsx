/**
 * Agents: name, team, active or left (with the day), notes, and "same person as…" to merge a
 * second dialer's code into the person. Searchable by 工号 or name; every field is a keyboard stop.
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { Agent, Team } from '../../../src-shared/api';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Segmented } from '../../components/Segmented';
import { Panel } from '../../components/Panel';
import { useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { type AgentShow, type AgentSort, type AgentSortColumn, visibleAgents } from './agent-list';
import { EditableText } from './EditableText';
import { useWrite } from './useWrite';
import { agentLabel } from '../../../src-shared/agent-label';

const SHOWS: readonly AgentShow[] = ['active', 'left', 'all'];
const SHOW_LABEL = {
  active: 'people.agents.showActive',
  left: 'people.agents.showLeft',
  all: 'people.agents.showAll',
} as const;

export function AgentsPanel() {
  const t = useT();
  const may = useMayCall();
  const agents = useWorkspace((s) => s.agents);
  const teams = useWorkspace((s) => s.teams);
  const today = useWorkspace((s) => s.info?.today ?? '');
  const write = useWrite();
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<AgentShow>('all');
  const [sort, setSort] = useState<AgentSort>({ column: 'code', direction: 'asc' });
  const [notice, setNotice] = useState<string | null>(null);
  const rows = useMemo(() => visibleAgents(agents, search, show, sort), [agents, search, show, sort]);
  const sortBy = (column: AgentSortColumn) =>
    setSort((s) => ({ column, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }));
  const header = (column: AgentSortColumn, label: string) => (
    <th
      scope="col"
      aria-sort={sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        title={t('people.sortBy', { column: label })}
        data-testid={`agents-sort-${column}`}
        onClick={() => sortBy(column)}
      >
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {sort.column === column ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );

  return (
    <Panel
      title={t('people.agents.title')}
      subtitle={t('people.agents.count', { shown: rows.length, total: agents.length })}
      className="people-agents"
      testId="people-agents"
    >
      <div className="people-agents__toolbar">
        <input
          className="input people-agents__search"
          type="search"
          value={search}
          placeholder={t('people.agents.search')}
          aria-label={t('people.agents.search')}
          data-testid="agents-search"
          onChange={(e) => setSearch(e.target.value)}
        />
        <Segmented
          options={SHOWS}
          value={show}
          onChange={setShow}
          labelOf={(s) => t(SHOW_LABEL[s])}
          label={t('people.agents.show')}
        />
        <span className="muted people-agents__hint">{t('people.keyboardHint')}</span>
      </div>
      {write.error ? <ErrorMessage error={write.error} compact /> : null}
      {notice ? (
        <p className="people-notice" role="status" data-testid="people-notice">
          {notice}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table people-agents__table" data-testid="agents-table">
          <thead>
            <tr>
              {header('code', t('people.agents.code'))}
              {header('name', t('people.agents.name'))}
              {header('team', t('people.agents.team'))}
              <th scope="col">{t('people.agents.status')}</th>
              <th scope="col">{t('people.agents.notes')}</th>
              <th scope="col">{t('people.agents.calls')}</th>
              {may('agents.merge') ? <th scope="col">{t('people.agents.merge')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((agent) => (
              <AgentRow
                key={agent.id}
                agent={agent}
                agents={agents}
                teams={teams}
                today={today}
                write={write}
                onMerged={setNotice}
              />
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="muted">{t('people.agents.none')}</p> : null}
      </div>
    </Panel>
  );
}

interface AgentRowProps {
  agent: Agent;
  agents: Agent[];
  teams: Team[];
  today: string;
  write: ReturnType<typeof useWrite>;
  onMerged(message: string): void;
}

function teamName(teams: Team[], id: number | null): string | null {
  return teams.find((x) => x.id === id)?.name ?? null;
}

function AgentRow({ agent, agents, teams, today, write, onMerged }: AgentRowProps) {
  const t = useT();
  const [mergeInto, setMergeInto] = useState<Agent | null>(null);
  // A move to another team asks from which day on (the agent's past stays with the old team);
  // a team chosen for an agent without one fills it in at once (it was unknown, not different).
  const [moveTo, setMoveTo] = useState<{ teamId: number | null; since: string } | null>(null);
  // Merging agents is the admin's; a team lead edits their agents.
  const mayMerge = useMayCall()('agents.merge');
  const update = (patch: Omit<Parameters<typeof call<'agents.update'>>[1], 'id'>) =>
    write.run(() => call('agents.update', { id: agent.id, ...patch }));
  const merge = async (into: Agent) => {
    const result = await write.run(() => call('agents.merge', { fromId: agent.id, intoId: into.id }));
    if (result)
      onMerged(
        t('people.agents.mergeDone', {
          fromCode: agent.code,
          into: agentLabel(into),
          calls: result.movedCalls,
        }),
      );
  };
  const others = useMemo(() => agents.filter((a) => a.id !== agent.id), [agents, agent.id]);
  const columns = mayMerge ? 7 : 6;
  return (
    <Fragment>
      <tr data-agent-code={agent.code} className={agent.active ? undefined : 'is-left'}>
        <th scope="row" className="people-agents__code">
          {agent.code}
          {agent.otherCodes.length > 0 ? (
            <span className="people-agents__other" data-testid="agent-other-codes">
              {t('people.agents.otherCodes', { codes: agent.otherCodes.join(', ') })}
            </span>
          ) : null}
        </th>
        <td>
          <EditableText
            value={agent.name}
            label={`${agent.code} ${t('people.agents.name')}`}
            maxLength={60}
            testId="agent-name"
            onSave={(name) => update({ name })}
          />
        </td>
        <td>
          <select
            className="select"
            value={(moveTo ? moveTo.teamId : agent.teamId) ?? ''}
            aria-label={`${agent.code} ${t('people.agents.team')}`}
            data-testid="agent-team"
            onChange={(e) => {
              const teamId = e.target.value ? Number(e.target.value) : null;
              if (agent.teamId === null) void update({ teamId });
              else setMoveTo({ teamId, since: today });
            }}
          >
            <option value="">{t('people.agents.noTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </td>
        <td className="people-agents__status">
          <select
            className="select"
            value={agent.active ? 'active' : 'left'}
            aria-label={`${agent.code} ${t('people.agents.status')}`}
            data-testid="agent-status"
            onChange={(e) => void update(e.target.value === 'active' ? { leftOn: null } : { leftOn: today })}
          >
            <option value="active">{t('people.agents.active')}</option>
            <option value="left">{t('people.agents.left')}</option>
          </select>
          {agent.active ? null : (
            <input
              className="input people-agents__date"
              type="date"
              value={agent.leftOn ?? ''}
              aria-label={`${agent.code} ${t('people.agents.leftOn')}`}
              data-testid="agent-left-on"
              onChange={(e) => {
                if (e.target.value) void update({ leftOn: e.target.value });
              }}
            />
          )}
        </td>
        <td>
          <EditableText
            value={agent.notes}
            label={`${agent.code} ${t('people.agents.notes')}`}
            maxLength={500}
            testId="agent-notes"
            onSave={(notes) => update({ notes })}
          />
        </td>
        <td className="nowrap muted">
          {agent.firstDay ? `${agent.firstDay} – ${agent.lastDay ?? ''}` : '—'}
        </td>
        {mayMerge ? (
          <td>
            <select
              className="select"
              value=""
              aria-label={`${agent.code} ${t('people.agents.merge')}`}
              data-testid="agent-merge"
              onChange={(e) => setMergeInto(others.find((a) => a.id === Number(e.target.value)) ?? null)}
            >
              <option value="">{t('people.agents.merge')}</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>
                  {agentLabel(a)}
                </option>
              ))}
            </select>
          </td>
        ) : null}
      </tr>
      {moveTo ? (
        <ConfirmRow columns={columns} testId="agent-move" onCancel={() => setMoveTo(null)}>
          <span>
            {t('people.move.confirm', {
              agent: agentLabel(agent),
              from: agent.teamName ?? t('people.agents.noTeam'),
              to: teamName(teams, moveTo.teamId) ?? t('people.agents.noTeam'),
            })}
          </span>
          <label className="people-confirm__since">
            {t('people.move.since')}
            <input
              className="input people-agents__date"
              type="date"
              value={moveTo.since}
              max={today}
              data-testid="agent-move-since"
              onChange={(e) => setMoveTo({ ...moveTo, since: e.target.value })}
            />
          </label>
          <button
            className="button button--small button--primary"
            type="button"
            data-testid="agent-move-confirm"
            disabled={!moveTo.since || moveTo.since > today}
            onClick={() =>
              void update({ teamId: moveTo.teamId, since: moveTo.since }).then((moved) => {
                if (moved) setMoveTo(null);
              })
            }
          >
            {t('people.move.apply')}
          </button>
        </ConfirmRow>
      ) : null}
      {mergeInto ? (
        <ConfirmRow columns={columns} onCancel={() => setMergeInto(null)}>
          <span>
            {t('people.agents.mergeConfirm', {
              from: agentLabel(agent),
              into: agentLabel(mergeInto),
              fromCode: agent.code,
            })}
          </span>
          <button
            className="button button--small button--danger"
            type="button"
            data-testid="agent-merge-confirm"
            onClick={() => void merge(mergeInto)}
          >
            {t('people.confirm')}
          </button>
        </ConfirmRow>
      ) : null}
    </Fragment>
  );
}

/** A row under an agent asking to confirm a change (a move from a day on, a merge), with Cancel. */
function ConfirmRow({
  columns,
  testId,
  onCancel,
  children,
}: {
  columns: number;
  testId?: string;
  onCancel(): void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <tr className="people-confirm-row" data-testid={testId}>
      <td colSpan={columns}>
        <span className="people-confirm" role="group">
          {children}
          <button className="button button--small" type="button" onClick={onCancel}>
            {t('people.cancel')}
          </button>
        </span>
      </td>
    </tr>
  );
}
