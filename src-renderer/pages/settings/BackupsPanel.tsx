/**
 * Backups of this workspace: where they are, a "back up now", and restore. A restore first backs
 * up the current state, so it can itself be undone from this list.
 */
import { useState } from 'react';
import type { Backup } from '../../../src-shared/api';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';

type Action =
  | { kind: 'idle' }
  | { kind: 'working'; what: 'backup' | 'restore' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; error: ApiCallError };

export function BackupsPanel() {
  const t = useT();
  const f = useFormat();
  const list = useApiQuery('backups.list', {});
  const refreshWorkspace = useWorkspace((s) => s.refresh);
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const [confirming, setConfirming] = useState<string | null>(null);
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
    setConfirming(null);
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
        <div className="table-scroll">
          <table className="data-table" data-testid="backups-table">
            <thead>
              <tr>
                <th scope="col">{t('backups.when')}</th>
                <th scope="col">{t('backups.kind')}</th>
                <th scope="col" className="num">
                  {t('backups.size')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('backups.restore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b: Backup) => (
                <tr key={b.name} data-backup={b.name} title={b.name}>
                  <td>{f.dateTime(b.createdAt)}</td>
                  <td>{t(`backups.kind.${b.kind}`)}</td>
                  <td className="num">{f.bytes(b.size)}</td>
                  <td className="backups__actions">
                    {confirming === b.name ? (
                      <span className="backups__confirm">
                        <span>{t('backups.confirm')}</span>
                        <button
                          type="button"
                          className="button button--small button--danger"
                          onClick={() => void restore(b.name)}
                          data-testid="restore-confirm"
                        >
                          {t('backups.restore')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setConfirming(null)}
                        >
                          {t('backups.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy}
                        onClick={() => setConfirming(b.name)}
                        data-testid="restore"
                      >
                        {action.kind === 'working' && action.what === 'restore' ? (
                          <Spinner label={t('backups.restore')} />
                        ) : null}
                        {t('backups.restore')}…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
