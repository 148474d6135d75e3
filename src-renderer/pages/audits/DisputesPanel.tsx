/**
 * The reviewers' queue of disputes (申诉处理): open ones oldest first with how long they have
 * waited, answered ones with the decision. Each row opens the audit, where the answer is given.
 */
import { useState } from 'react';
import type { DisputeRow } from '../../../src-shared/api';
import { visibleName } from '../../../src-shared/visible-text';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { Segmented } from '../../components/Segmented';
import { useApiQuery } from '../../hooks/useApiQuery';
import { auditHref } from '../../hooks/useHashRoute';
import { type Translate, useFormat, useT } from '../../i18n/language';

type Status = 'open' | 'answered';

function age(t: Translate, hours: number): string {
  if (hours < 1) return t('disputes.age.underAnHour');
  return hours < 48
    ? t('disputes.age.hours', { n: hours })
    : t('disputes.age.days', { n: Math.floor(hours / 24) });
}

export function DisputesPanel() {
  const t = useT();
  const [status, setStatus] = useState<Status>('open');
  const query = useApiQuery('audits.disputes', { status, limit: 100 });
  const data = query.data;
  const rows = data?.rows ?? [];
  return (
    <Panel
      title={
        <>
          {t('disputes.queue.title')}{' '}
          {data && data.open > 0 ? (
            <span className="badge badge--warning" data-testid="disputes-open-badge">
              {data.open}
            </span>
          ) : null}
        </>
      }
      actions={
        <Segmented
          options={['open', 'answered'] as const}
          value={status}
          onChange={setStatus}
          labelOf={(v) =>
            t(v === 'open' ? 'disputes.queue.open' : 'disputes.queue.answered', {
              count: (v === 'open' ? data?.open : data?.answered) ?? 0,
            })
          }
          label={t('disputes.queue.title')}
          kind="tabs"
          testIdOf={(v) => `disputes-tab-${v}`}
        />
      }
      className="audits-disputes"
      testId="audits-disputes"
    >
      {query.error ? <ErrorMessage error={query.error} onRetry={query.reload} compact /> : null}
      {rows.length === 0 && !query.loading ? (
        <p className="muted" data-testid="disputes-empty">
          {t(status === 'open' ? 'disputes.queue.emptyOpen' : 'disputes.queue.emptyAnswered')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('disputes.queue.agent')}</th>
                <th>{t('disputes.queue.day')}</th>
                <th className="num">{t('disputes.queue.score')}</th>
                <th>{t('disputes.queue.reason')}</th>
                <th>{status === 'open' ? t('disputes.queue.age') : t('disputes.queue.outcome')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <DisputeLine key={row.auditId} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function DisputeLine({ row }: { row: DisputeRow }) {
  const t = useT();
  const f = useFormat();
  return (
    <tr data-testid="dispute-row" data-audit={row.auditId}>
      <td>{visibleName(row.agentName)}</td>
      <td>{f.shortDay(row.day)}</td>
      <td className="num">
        <span className={row.failed ? 'is-bad' : undefined}>
          {row.score === null ? '—' : f.percent(row.score / 100)}
        </span>
      </td>
      <td className="audits-disputes__reason" title={row.reason}>
        {row.reason}
      </td>
      <td>
        {row.answer ? (
          <span className={row.answer.outcome === 'revised' ? 'badge badge--running' : 'badge'}>
            {t(`disputes.outcome.${row.answer.outcome}`)}
          </span>
        ) : (
          age(t, row.ageHours)
        )}
      </td>
      <td>
        <a href={auditHref(row.auditId)} className="button button--small">
          {t('disputes.queue.view')}
        </a>
      </td>
    </tr>
  );
}
