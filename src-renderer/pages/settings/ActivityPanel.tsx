/**
 * Who changed what (Settings → Activity): the workspace's activity log, newest first, a page at a
 * time. The "who" column shows only where someone signed in made a change (a team workspace); a
 * local workspace has one user, so it lists when and what.
 */
import { useState } from 'react';
import type { ActivityRow } from '../../../src-shared/api';
import { activityEn } from '../../../src-shared/i18n/activity.en';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Translate } from '../../i18n/language';

const PAGE = 50;

function isActivityKey(key: string): key is keyof typeof activityEn {
  return Object.hasOwn(activityEn, key);
}

/** "Submitted a spot-check", or the method's own name for a change without words of its own. */
function methodLabel(t: Translate, method: string): string {
  const key = `activity.method.${method}`;
  return isActivityKey(key) ? t(key) : method;
}

/** The newest page (live: it re-reads when the workspace changes) and the older pages asked for. */
function merged(first: readonly ActivityRow[], older: readonly ActivityRow[]): ActivityRow[] {
  const byId = new Map<number, ActivityRow>();
  for (const row of [...first, ...older]) byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

export function ActivityPanel() {
  const t = useT();
  const f = useFormat();
  const first = useApiQuery('activity.list', { limit: PAGE });
  const [older, setOlder] = useState<ActivityRow[]>([]);
  const [olderDone, setOlderDone] = useState(false);
  const [olderError, setOlderError] = useState<ApiCallError | null>(null);

  // a role that may not read the log does not see the panel
  if (first.error?.code === 'unauthorized') return null;
  const rows = merged(first.data?.rows ?? [], older);
  const anyone = rows.some((r) => r.actor !== '');
  const more = !olderDone && rows.length >= PAGE;

  async function loadOlder() {
    const last = rows[rows.length - 1];
    if (!last) return;
    try {
      const page = await call('activity.list', { limit: PAGE, beforeId: last.id });
      setOlder((prev) => [...prev, ...page.rows]);
      if (page.rows.length < PAGE) setOlderDone(true);
      setOlderError(null);
    } catch (err) {
      setOlderError(toApiCallError(err));
    }
  }

  return (
    <section className="panel activity" data-testid="activity">
      <h2 className="panel__title">{t('activity.title')}</h2>
      <p className="field__hint">{t('activity.hint')}</p>
      {first.error ? <ErrorMessage error={first.error} onRetry={first.reload} /> : null}
      {first.data && rows.length === 0 ? <p className="field__hint">{t('activity.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="activity-table">
            <thead>
              <tr>
                <th scope="col">{t('activity.when')}</th>
                {anyone ? <th scope="col">{t('activity.who')}</th> : null}
                <th scope="col">{t('activity.what')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-method={r.method}>
                  <td className="activity__when">{f.dateTime(Date.parse(r.at))}</td>
                  {anyone ? (
                    <td>
                      {r.actor || (
                        <span className="muted" title={t('activity.withoutSignInHint')}>
                          {t('activity.withoutSignIn')}
                        </span>
                      )}
                    </td>
                  ) : null}
                  <td>
                    <span className="activity__what">{methodLabel(t, r.method)}</span>
                    {r.subject ? <span className="activity__subject"> · {r.subject}</span> : null}
                    {r.detail?.status === 'failed' || r.detail?.status === 'cancelled' ? (
                      <span className="activity__status"> ({t(`activity.${r.detail.status}`)})</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {olderError ? <ErrorMessage error={olderError} compact /> : null}
      {more ? (
        <button
          type="button"
          className="button"
          onClick={() => void loadOlder()}
          data-testid="activity-older"
        >
          {t('activity.older')}
        </button>
      ) : null}
    </section>
  );
}
