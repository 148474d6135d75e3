/** An agent's audits over the period: the mean score and each audit, newest first. */
import type { Filter } from '../../../src-shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { useApiQuery } from '../../hooks/useApiQuery';
import { auditHref } from '../../hooks/useHashRoute';
import { useFormat, useT } from '../../i18n/language';
import { PassBadge } from './PassBadge';
import { ResponseBadge } from './AuditResponsePanel';

export function AgentAudits({ filter }: { filter: Filter }) {
  const t = useT();
  const f = useFormat();
  const list = useApiQuery('audits.list', { filter, limit: 100 });
  const summary = useApiQuery('audits.summary', { filter });
  const rows = list.data?.rows ?? [];
  const mean = summary.data?.auditScore ?? null;
  return (
    <Panel
      title={t('audits.agent.title')}
      subtitle={
        summary.data && summary.data.audits > 0
          ? t('audits.agent.mean', { score: f.percent((mean ?? 0) / 100), count: summary.data.audits })
          : undefined
      }
      className="agent-audits"
      testId="agent-audits"
    >
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} compact /> : null}
      <div data-testid="agent-audit-mean" data-value={mean ?? ''} hidden />
      {rows.length === 0 && !list.loading ? (
        <p className="muted">{t('audits.agent.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('audits.agent.day')}</th>
                <th>{t('audits.scorecard')}</th>
                <th>{t('audits.agent.reviewer')}</th>
                <th className="num">{t('audits.agent.score')}</th>
                <th>{t('audits.agent.response')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="agent-audit-row" data-score={r.score ?? ''}>
                  <td>
                    <a href={auditHref(r.id)}>{f.shortDay(r.day)}</a>
                  </td>
                  <td>
                    {r.scorecardName}{' '}
                    <span className="muted">{t('audits.version', { version: r.version })}</span>
                  </td>
                  <td>{r.reviewer}</td>
                  <td className="num">
                    <span className={r.failed ? 'is-bad' : undefined}>
                      {r.score === null ? '—' : f.percent(r.score / 100)}
                    </span>
                    <PassBadge score={r.score} failed={r.failed} className="agent-audits__failed" />
                  </td>
                  <td>{r.responseState ? <ResponseBadge state={r.responseState} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
