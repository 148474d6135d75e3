/**
 * QA analytics for the dashboard's period: the score over time and per agent (or team) as charts,
 * each agent's (or team's) audit score per week with its 95 % interval and the number of audits
 * behind it, and the items failed most often, with the conversion of calls that failed them
 * against calls that passed.
 */
import { useState } from 'react';
import type { AuditAnalytics } from '../../../src-shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useActiveFilter } from '../../stores/filters';
import { QaGroupChart, QaTrendChart } from './QaCharts';

type Interval = AuditAnalytics['groups'][number]['overall'];

export function QaAnalyticsPanel() {
  const t = useT();
  const f = useFormat();
  const filter = useActiveFilter();
  const [by, setBy] = useState<'agent' | 'team'>('agent');
  const query = useApiQuery('audits.analytics', filter ? { filter, by } : null);
  const data = query.data;
  const cell = (v: Interval | undefined) =>
    !v || v.mean === null ? (
      <span className="muted">—</span>
    ) : (
      <span title={t('audits.qa.n', { count: v.n })}>
        {f.percent(v.mean / 100, 0)}
        {v.margin !== null ? <span className="muted"> ±{f.percent(v.margin / 100, 0)}</span> : null}
        <span className="qa-n"> n={v.n}</span>
      </span>
    );
  return (
    <Panel
      title={t('audits.qa.title')}
      subtitle={filter ? `${f.shortDay(filter.from)} – ${f.shortDay(filter.to)}` : undefined}
      className="audits-qa"
      testId="audits-qa"
      actions={
        <div className="segmented" role="group" aria-label={t('audits.qa.by')}>
          {(['agent', 'team'] as const).map((b) => (
            <button
              key={b}
              type="button"
              className={b === by ? 'segmented__item is-active' : 'segmented__item'}
              aria-pressed={b === by}
              onClick={() => setBy(b)}
            >
              {t(b === 'agent' ? 'audits.sample.agent' : 'filter.team')}
            </button>
          ))}
        </div>
      }
    >
      {query.error ? <ErrorMessage error={query.error} onRetry={query.reload} compact /> : null}
      {data && data.groups.length === 0 ? <p className="muted">{t('audits.qa.empty')}</p> : null}
      {data && data.groups.length > 0 ? (
        <div className="qa-charts">
          <QaTrendChart trend={data.trend} />
          <QaGroupChart groups={data.groups} by={by} passMark={data.trend.passMark} />
        </div>
      ) : null}
      {data && data.groups.length > 0 ? (
        <div className="audits-grid audits-grid--even">
          <div className="table-scroll">
            <table className="data-table" data-testid="qa-scores">
              <thead>
                <tr>
                  <th>{t(by === 'agent' ? 'audits.sample.agent' : 'filter.team')}</th>
                  <th className="num">{t('audits.qa.overall')}</th>
                  {data.weeks.map((w) => (
                    <th key={w} className="num">
                      {t('audits.qa.week', { day: f.shortDay(w) })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.groups.map((g) => (
                  <tr key={g.key}>
                    <td>{g.name || t('agent.noTeam')}</td>
                    <td className="num">{cell(g.overall)}</td>
                    {data.weeks.map((w) => (
                      <td key={w} className="num">
                        {cell(g.weeks.find((x) => x.week === w))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table className="data-table" data-testid="qa-items">
              <thead>
                <tr>
                  <th>{t('audits.calibration.item')}</th>
                  <th className="num">{t('audits.qa.failureRate')}</th>
                  <th className="num">{t('audits.qa.convFailing')}</th>
                  <th className="num">{t('audits.qa.convPassing')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.slice(0, 12).map((i) => (
                  <tr key={i.key}>
                    <td>{i.label}</td>
                    <td className="num">
                      {f.percent(i.failureRate, 0)} <span className="qa-n">n={i.answered}</span>
                    </td>
                    <td className="num">{f.percent(i.conversionFailing, 0)}</td>
                    <td className="num">{f.percent(i.conversionPassing, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </Panel>
  );
}
