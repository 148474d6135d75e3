/**
 * Backups of this workspace: where they are, a "back up now", and restore. A restore first backs
 * up the current state, so it can itself be undone from this list.
 */
import { useState } from 'react';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { BackupsTable } from '../../components/BackupsTable';
import { Spinner } from '../../components/Spinner';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';

type Action =
  | { kind: 'idle' }
  | { kind: 'working'; what: 'backup' | 'restore' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; error: ApiCallError };

export function BackupsPanel() {
  const t = useT();
  const list = useApiQuery('backups.list', {});
  const refreshWorkspace = useWorkspace((s) => s.refresh);
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const busy = action.kind === 'working';

  async function backUpNow() {
    setAction({ kind: 'working', what: 'backup' });
    try {
      const made = await call('backups.create', {});
      setAction({ kind: 'done', message: t('backups.made', { name: made.name }) });
      list.reload();
    } catch (err) {
      setAction({ kind: 'error', error: toApiCallError(err) });
    }
  }

  async function restore(name: string) {
    setAction({ kind: 'working', what: 'restore' });
    try {
      const { safetyCopy } = await call('backups.restore', { name });
      setAction({ kind: 'done', message: t('backups.restored', { name, safetyCopy }) });
      await refreshWorkspace(); // every page reloads its data from the restored workspace
      list.reload();
    } catch (err) {
      setAction({ kind: 'error', error: toApiCallError(err) });
    }
  }

  const backups = list.data?.backups ?? [];
  return (
    <section className="panel backups" data-testid="backups">
      <div className="backups__header">
        <h2 className="panel__title">{t('backups.title')}</h2>
        <button
          type="button"
          className="button"
          onClick={() => void backUpNow()}
          disabled={busy}
          data-testid="backup-now"
        >
          {action.kind === 'working' && action.what === 'backup' ? (
            <Spinner label={t('backups.now')} />
          ) : null}
          {t('backups.now')}
        </button>
      </div>
      <p className="field__hint">{t('backups.hint')}</p>
      {list.data ? (
        <code className="path" data-testid="backups-folder">
          {list.data.folder}
        </code>
      ) : null}
      {action.kind === 'done' ? (
        <p className="backups__status" role="status" data-testid="backups-status">
          {action.message}
        </p>
      ) : null}
      {action.kind === 'error' ? <ErrorMessage error={action.error} /> : null}
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {backups.length === 0 && list.data ? <p className="muted">{t('backups.none')}</p> : null}
      {backups.length > 0 ? (
        <BackupsTable
          backups={backups}
          busy={busy}
          restoring={action.kind === 'working' && action.what === 'restore'}
          onRestore={(name) => void restore(name)}
        />
      ) : null}
    </section>
  );
}
