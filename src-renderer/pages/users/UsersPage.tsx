/**
 * The admin's Users page (team workspaces): who may sign in, as what role, a team lead's teams,
 * an agent user's agent; new users, a new password for someone who forgot theirs, and disabling
 * someone who left (they lose access at their next click).
 */
import { useState, type FormEvent } from 'react';
import { ROLES, type Agent, type Input, type Role, type Team, type User } from '../../../src-shared/api';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { SkeletonBlock } from '../../components/Skeleton';
import { QueryView } from '../../components/QueryView';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../i18n/language';
import { useAuth } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { codeWorthShowing } from '../../../src-shared/agent-label';

/** Runs a change and keeps its failure to show beside the form or row. */
function useChange(after: () => void) {
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await work();
      after();
      return true;
    } catch (err) {
      setError(toApiCallError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}

function RoleSelect({
  value,
  onChange,
  testId,
}: {
  value: Role;
  onChange: (r: Role) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <select
      className="select"
      value={value}
      onChange={(e) => onChange(ROLES.find((r) => r === e.target.value) ?? value)}
      data-testid={testId}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`auth.role.${r}`)}
        </option>
      ))}
    </select>
  );
}

function TeamsSelect({
  teams,
  value,
  onChange,
}: {
  teams: Team[];
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  return (
    <select
      className="select users__teams"
      multiple
      value={value.map(String)}
      onChange={(e) => onChange([...e.target.selectedOptions].map((o) => Number(o.value)))}
      data-testid="user-teams"
    >
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </select>
  );
}

function AgentSelect({
  agents,
  value,
  onChange,
}: {
  agents: Agent[];
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  const t = useT();
  return (
    <select
      className="select"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      data-testid="user-agent"
    >
      <option value="">{t('users.noAgent')}</option>
      {agents.map((a) => (
        <option key={a.id} value={a.id}>
          {codeWorthShowing(a) ? `${a.code} ${a.name}` : a.code}
        </option>
      ))}
    </select>
  );
}

function NewUser({ onDone }: { onDone: () => void }) {
  const t = useT();
  const teams = useWorkspace((s) => s.teams);
  const agents = useWorkspace((s) => s.agents);
  const blank = {
    login: '',
    displayName: '',
    role: 'team_lead' as Role,
    password: '',
    teamIds: [] as number[],
    agentId: null as number | null,
  };
  const [form, setForm] = useState(blank);
  const { error, busy, run } = useChange(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: Input<'users.create'> = {
      ...form,
      teamIds: form.role === 'team_lead' ? form.teamIds : [],
      agentId: form.role === 'agent' ? form.agentId : null,
    };
    void run(() => call('users.create', input)).then((ok) => ok && setForm(blank));
  };
  return (
    <Panel title={t('users.add')} testId="users-new">
      <form className="users__form" onSubmit={submit}>
        <Field label={t('auth.login')}>
          <input
            className="input"
            value={form.login}
            onChange={(e) => setForm({ ...form, login: e.target.value })}
            data-testid="new-user-login"
          />
        </Field>
        <Field label={t('users.displayName')}>
          <input
            className="input"
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            data-testid="new-user-name"
          />
        </Field>
        <Field label={t('users.role')}>
          <RoleSelect
            value={form.role}
            onChange={(role) => setForm({ ...form, role })}
            testId="new-user-role"
          />
        </Field>
        {form.role === 'team_lead' ? (
          <Field label={t('users.teams')}>
            <TeamsSelect
              teams={teams}
              value={form.teamIds}
              onChange={(teamIds) => setForm({ ...form, teamIds })}
            />
          </Field>
        ) : null}
        {form.role === 'agent' ? (
          <Field label={t('users.agent')}>
            <AgentSelect
              agents={agents}
              value={form.agentId}
              onChange={(agentId) => setForm({ ...form, agentId })}
            />
          </Field>
        ) : null}
        <Field label={t('auth.password')}>
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            data-testid="new-user-password"
          />
          <span className="field__hint">{t('users.passwordHint')}</span>
        </Field>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="new-user-submit"
        >
          {t('users.create')}
        </button>
        {error ? <ErrorMessage error={error} compact /> : null}
      </form>
    </Panel>
  );
}

function UserRow({ user, onDone }: { user: User; onDone: () => void }) {
  const t = useT();
  const teams = useWorkspace((s) => s.teams);
  const agents = useWorkspace((s) => s.agents);
  const me = useAuth((s) => s.state?.user?.id);
  const { error, busy, run } = useChange(onDone);
  const [password, setPassword] = useState('');
  const [reset, setReset] = useState(false);
  const update = (patch: Omit<Input<'users.update'>, 'id'>) =>
    void run(() => call('users.update', { id: user.id, ...patch }));
  return (
    <tr data-testid="user-row" data-login={user.login} className={user.disabled ? 'is-muted' : undefined}>
      <td>
        <code>{user.login}</code>
        {user.id === me ? <span className="muted"> · {t('users.you')}</span> : null}
      </td>
      <td>{user.displayName}</td>
      <td>
        <RoleSelect value={user.role} onChange={(role) => update({ role })} testId="user-role" />
      </td>
      <td>
        {user.role === 'team_lead' ? (
          <TeamsSelect teams={teams} value={user.teamIds} onChange={(teamIds) => update({ teamIds })} />
        ) : user.role === 'agent' ? (
          <AgentSelect agents={agents} value={user.agentId} onChange={(agentId) => update({ agentId })} />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => update({ disabled: !user.disabled })}
          data-testid="user-disable"
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </button>{' '}
        <span className="muted">{user.disabled ? t('users.disabled') : t('users.active')}</span>
        {user.mustChangePassword ? (
          <>
            {' '}
            <span className="badge badge--warning" data-testid="user-must-change">
              {t('passwordDue.badge')}
            </span>
          </>
        ) : null}
      </td>
      <td>
        <form
          className="users__reset"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => call('users.resetPassword', { id: user.id, password })).then((ok) => {
              setReset(ok);
              if (ok) setPassword('');
            });
          }}
        >
          <input
            className="input input--narrow"
            type="password"
            autoComplete="new-password"
            placeholder={t('users.newPassword')}
            aria-label={`${user.login} ${t('users.newPassword')}`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="user-new-password"
          />
          <button type="submit" className="button button--small" disabled={busy || password === ''}>
            {t('users.resetPassword')}
          </button>
          {reset ? <span className="muted">{t('users.resetDone')}</span> : null}
        </form>
        {error ? <ErrorMessage error={error} compact /> : null}
      </td>
    </tr>
  );
}

export function UsersPage() {
  const t = useT();
  const list = useApiQuery('users.list', {});
  return (
    <div className="page users" data-testid="users-page">
      <h1 className="page__title">{t('nav.users')}</h1>
      <NewUser onDone={list.reload} />
      <Panel title={t('users.title')}>
        <QueryView query={list} skeleton={<SkeletonBlock lines={4} lineHeight={20} />}>
          {(users) => (
            <table className="data-table users__table">
              <thead>
                <tr>
                  <th>{t('auth.login')}</th>
                  <th>{t('users.displayName')}</th>
                  <th>{t('users.role')}</th>
                  <th>{t('users.teamsOrAgent')}</th>
                  <th>{t('users.status')}</th>
                  <th>{t('auth.password')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <UserRow key={u.id} user={u} onDone={list.reload} />
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </Panel>
    </div>
  );
}
