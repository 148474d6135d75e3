/**
 * A workspace's backups, newest first, each with a restore that asks once more. Settings lists
 * them for an open workspace; the recovery page for a file that could not be opened.
 */
import { useState } from 'react';
import type { Backup } from '../../src-shared/api';
import { useFormat, useT } from '../i18n/language';
import { Spinner } from './Spinner';

interface BackupsTableProps {
  backups: readonly Backup[];
  busy: boolean;
  restoring: boolean;
  onRestore(name: string): void;
}

export function BackupsTable({ backups, busy, restoring, onRestore }: BackupsTableProps) {
  const t = useT();
  const f = useFormat();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
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
          {backups.map((b) => (
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
                      onClick={() => {
                        setConfirming(null);
                        onRestore(b.name);
                      }}
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
                    {restoring ? <Spinner label={t('backups.restore')} /> : null}
                    {t('backups.restore')}…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
