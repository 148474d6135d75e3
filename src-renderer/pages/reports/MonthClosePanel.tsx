/** Month close (月结) of the chosen month: its state, the notice when data changed since, close/reopen. */
import { useState } from 'react';
import { changedSectionsList } from '../../../src-shared/reports-model';
import { call } from '../../api/client';
import { toApiCallError, type ApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useMayCall } from '../../stores/auth';
import { useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';

function stamp(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(epochMs);
}

export function MonthClosePanel({ month }: { month: string | null }) {
  const t = useT();
  const timeZone = useWorkspace((s) => s.info?.settings.timeZone ?? 'UTC');
  const status = useApiQuery('reports.closeStatus', month ? { month } : null);
  // A team lead sees whether the month is closed; the manager closes and reopens it.
  const may = useMayCall();
  // Close and reopen both ask first: closing freezes a month's numbers for every report.
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  async function act(method: 'reports.closeMonth' | 'reports.reopenMonth') {
    if (!month) return;
    setWorking(true);
    setError(null);
    setConfirming(false);
    try {
      await call(method, { month });
      status.reload();
    } catch (err) {
      setError(toApiCallError(err));
    } finally {
      setWorking(false);
    }
  }

  const s = status.data;
  return (
    <section className="panel reports-close" data-testid="month-close">
      <h2 className="panel__title">{t('reports.close.title')}</h2>
      <p className="field__hint">{t('reports.close.explain')}</p>
      {!month ? <p>{t('reports.close.notMonth')}</p> : null}
      {month && s && s.month === month ? (
        <>
          {s.closed && s.closedAt !== null ? (
            <>
              <p data-testid="month-close-state">
                {t('reports.close.closed', { month, at: stamp(s.closedAt, timeZone) })}{' '}
                <span className="reports-close__checksum">
                  {t('reports.close.checksum', { checksum: (s.checksum ?? '').slice(0, 12) })}
                </span>
              </p>
              <p
                className={s.changedSince ? 'reports-close__notice is-changed' : 'reports-close__notice'}
                role={s.changedSince ? 'alert' : undefined}
                data-testid="month-close-notice"
              >
                {s.changedSince
                  ? t('reports.close.changedSections', {
                      sections: changedSectionsList(t, s.changedSections),
                    })
                  : t('reports.close.unchanged')}
              </p>
              {s.callsOnly ? (
                <p className="reports-close__notice is-changed" data-testid="month-close-calls-only">
                  {t('reports.close.callsOnly')}
                </p>
              ) : null}
              {may('reports.reopenMonth') ? (
                confirming ? (
                  <div className="reports-close__confirm">
                    <span>{t('reports.close.confirmReopen', { month })}</span>
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={working}
                      onClick={() => void act('reports.reopenMonth')}
                      data-testid="month-reopen-confirm"
                    >
                      {t('reports.close.reopen', { month })}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(false)}>
                      {t('reports.close.cancel')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={working}
                    onClick={() => setConfirming(true)}
                    data-testid="month-reopen"
                  >
                    {t('reports.close.reopen', { month })}
                  </button>
                )
              ) : null}
            </>
          ) : (
            <>
              <p data-testid="month-close-state">{t('reports.close.open', { month })}</p>
              {may('reports.closeMonth') ? (
                confirming ? (
                  <div className="reports-close__confirm" role="group" data-testid="month-close-confirm-box">
                    <span>{t('reports.close.confirmClose', { month })}</span>
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={working}
                      onClick={() => void act('reports.closeMonth')}
                      data-testid="month-close-confirm"
                    >
                      {t('reports.close.button', { month })}
                    </button>
                    <button
                      type="button"
                      className="button"
                      onClick={() => setConfirming(false)}
                      data-testid="month-close-cancel"
                    >
                      {t('reports.close.cancel')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={working}
                    onClick={() => setConfirming(true)}
                    data-testid="month-close-button"
                  >
                    {t('reports.close.button', { month })}
                  </button>
                )
              ) : null}
            </>
          )}
        </>
      ) : null}
      {error ? <ErrorMessage error={error} compact /> : null}
    </section>
  );
}
