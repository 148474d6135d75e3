/** Teams: add one, rename it, name its lead, merge it into another. */
import { useState, type FormEvent } from 'react';
import type { Team } from '../../../src-shared/api';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { EditableText } from './EditableText';
import { useWrite } from './useWrite';

export function TeamsPanel() {
  const t = useT();
  const teams = useWorkspace((s) => s.teams);
  const write = useWrite();
  // Teams are the admin's: a team lead sees them as they are.
  const may = useMayCall();
  const [name, setName] = useState('');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    if (await write.run(() => call('teams.create', { name: name.trim() }))) setName('');
  };
  return (
    <Panel title={t('people.teams.title')} className="people-teams" testId="people-teams">
      {may('teams.create') ? (
        <form className="people-teams__add" onSubmit={(e) => void add(e)}>
          <input
            className="input"
            value={name}
            maxLength={60}
            placeholder={t('people.teams.newPlaceholder')}
            aria-label={t('people.teams.new')}
            data-testid="team-new-name"
            onChange={(e) => setName(e.target.value)}
          />
          <button className="button button--primary" type="submit" disabled={write.busy || !name.trim()}>
            {t('people.teams.add')}
          </button>
        </form>
      ) : null}
      {write.error ? <ErrorMessage error={write.error} compact /> : null}
      {teams.length === 0 ? (
        <p className="muted">{t('people.teams.empty')}</p>
      ) : (
        <table className="data-table people-teams__table" data-testid="teams-table">
          <thead>
            <tr>
              <th scope="col">{t('people.teams.name')}</th>
              <th scope="col">{t('people.teams.lead')}</th>
              <th scope="col" className="num">
                {t('people.teams.agents')}
              </th>
              {may('teams.merge') ? <th scope="col">{t('people.teams.mergeInto')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <TeamRow key={team.id} team={team} teams={teams} write={write} />
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function TeamRow({ team, teams, write }: { team: Team; teams: Team[]; write: ReturnType<typeof useWrite> }) {
  const t = useT();
  const [into, setInto] = useState<Team | null>(null);
  const may = useMayCall();
  if (!may('teams.update'))
    return (
      <tr data-team-id={team.id}>
        <td>{team.name}</td>
        <td>{team.leadName ?? ''}</td>
        <td className="num">{team.agents}</td>
      </tr>
    );
  return (
    <tr data-team-id={team.id}>
      <td>
        <EditableText
          value={team.name}
          label={t('people.teams.name')}
          maxLength={60}
          required
          testId="team-name"
          onSave={(name) => write.run(() => call('teams.update', { id: team.id, name: name ?? team.name }))}
        />
      </td>
      <td>
        <EditableText
          value={team.leadName}
          label={`${team.name} ${t('people.teams.lead')}`}
          placeholder={t('people.teams.leadPlaceholder')}
          maxLength={60}
          testId="team-lead"
          onSave={(leadName) => write.run(() => call('teams.update', { id: team.id, leadName }))}
        />
      </td>
      <td className="num">{team.agents}</td>
      <td>
        {into ? (
          <span className="people-confirm" role="group">
            <span>
              {t('people.teams.mergeConfirm', { count: team.agents, from: team.name, into: into.name })}
            </span>
            <button
              className="button button--small button--danger"
              type="button"
              data-testid="team-merge-confirm"
              onClick={() => void write.run(() => call('teams.merge', { fromId: team.id, intoId: into.id }))}
            >
              {t('people.confirm')}
            </button>
            <button className="button button--small" type="button" onClick={() => setInto(null)}>
              {t('people.cancel')}
            </button>
          </span>
        ) : (
          <select
            className="select"
            value=""
            aria-label={`${team.name} ${t('people.teams.mergeInto')}`}
            data-testid="team-merge"
            onChange={(e) => setInto(teams.find((x) => x.id === Number(e.target.value)) ?? null)}
          >
            <option value="">{t('people.teams.mergeInto')}</option>
            {teams
              .filter((x) => x.id !== team.id)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
          </select>
        )}
      </td>
    </tr>
  );
}
