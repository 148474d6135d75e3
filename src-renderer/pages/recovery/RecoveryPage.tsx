/**
 * Shown instead of the app when the workspace file could not be opened: what is wrong in words,
 * the file, and the ways out — try again, open read-only, restore a backup.
 */
import type { SessionState } from '../../../src-shared/api';
import { isTeamWorkspaceUrl } from '../../../src-shared/workspace-url';
import { BackupsTable } from '../../components/BackupsTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { useT } from '../../i18n/language';
import { useSession } from '../../stores/session';

export function RecoveryPage({ state }: { state: Extract<SessionState, { state: 'failed' }> }) {
  const t = useT();
  const { working, error, act, restore } = useSession();
  // A team workspace that cannot be reached: the server, not a file; its backups are the server's.
  const team = isTeamWorkspaceUrl(state.path);
  const unreachableTeam = team && state.kind === 'unreadable';
  return (
    <div className="page recovery" data-testid="recovery" data-kind={state.kind}>
      <section className="panel recovery__panel">
        <h1 className="recovery__title">
          {t(unreachableTeam ? 'session.title.team' : `session.title.${state.kind}`)}
        </h1>
        <p className="recovery__hint">
          {t(unreachableTeam ? 'session.hint.team' : `session.hint.${state.kind}`)}
        </p>
        <dl className="recovery__facts">
          <dt>{t(team ? 'session.team' : 'session.file')}</dt>
          <dd>
            <code className="path">{state.path}</code>
          </dd>
          <dt>{t('session.details')}</dt>
          <dd className="recovery__details" data-testid="recovery-details">
            {state.message}
          </dd>
        </dl>
        <div className="recovery__actions">
          <button
            type="button"
            className="button"
            disabled={working}
            onClick={() => void act('session.retry')}
            data-testid="recovery-retry"
          >
            {working ? <Spinner label={t('session.retry')} /> : null}
            {t('session.retry')}
          </button>
          {state.canOpenReadOnly ? (
            <button
              type="button"
              className="button"
              disabled={working}
              onClick={() => void act('session.openReadOnly')}
              data-testid="recovery-read-only"
            >
              {t('session.openReadOnly')}
            </button>
          ) : null}
        </div>
        {error ? <ErrorMessage error={error} /> : null}
      </section>
      <section className="panel backups recovery__backups">
        <h2 className="panel__title">{t('session.backups')}</h2>
        {state.backups.length > 0 ? (
          <BackupsTable
            backups={state.backups}
            busy={working}
            restoring={working}
            onRestore={(name) => void restore(name)}
          />
        ) : (
          <p className="muted">
            {team ? t('session.noBackups.team') : t('session.noBackups', { folder: state.backupFolder })}
          </p>
        )}
      </section>
    </div>
  );
}
