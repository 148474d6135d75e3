/**
 * QA analytics for a period of its own (not the dashboard's: a QA review looks back weeks, and the
 * panel must not read "no audits" because the dashboard shows today): the score over time and per
 * agent (or team) as charts, each agent's (or team's) audit score per week with its 95 % interval
 * and the number of audits behind it, and the items failed most often, with the conversion of
 * calls that failed them against calls that passed.
 */
import { useState } from 'react';
import type { AuditAnalytics } from '../../../src-shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { Segmented } from '../../components/Segmented';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { presetRange } from '../../../src-shared/periods';
import { isDay } from '../../../src-shared/time';
import {
  DEFAULT_QA_PRESET,
  QA_PRESETS,
  useQaPeriod,
  type QaPeriod,
  type QaPreset,
} from '../../stores/qa-period';
import { useWorkspace } from '../../stores/workspace';
import { QaGroupChart, QaTrendChart } from './QaCharts';

type Interval = AuditAnalytics['groups'][number]['overall'];

function qaRange(period: QaPeriod, today: string): { from: string; to: string } {
  if (period.preset !== 'custom') return presetRange(period.preset, today);
  const fallback = presetRange(DEFAULT_QA_PRESET, today);
  const from = period.from && isDay(period.from) ? period.from : fallback.from;
  const to = period.to && isDay(period.to) ? period.to : fallback.to;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The panel's own period: a preset, or two days (editing a day makes it custom). */
function QaPeriodControl({
  period,
  range,
  onChange,
}: {
  period: QaPeriod;
  range: { from: string; to: string };
  onChange(p: QaPeriod): void;
}) {
  const t = useT();
  return (
    <div className="qa-period" role="group" aria-label={t('audits.qa.period')}>
      <select
        className="input"
        value={period.preset}
        aria-label={t('audits.qa.period')}
        onChange={(e) => onChange({ ...range, preset: e.target.value as QaPreset })}
        data-testid="qa-period"
      >
        {QA_PRESETS.map((p) => (
          <option key={p} value={p}>
            {t(`range.${p}`)}
          </option>
        ))}
      </select>
      {(['from', 'to'] as const).map((end) => (
        <input
          key={end}
          className="input"
          type="date"
          value={range[end]}
          aria-label={t(`audits.qa.${end}`)}
          onChange={(e) => onChange({ ...range, [end]: e.target.value, preset: 'custom' })}
          data-testid={`qa-${end}`}
        />
      ))}
    </div>
  );
}

const QA_GROUPINGS = ['agent', 'team'] as const;

export function QaAnalyticsPanel() {
  const t = useT();
  const f = useFormat();
  const today = useWorkspace((s) => s.info?.today ?? null);
  const { period, setPeriod } = useQaPeriod();
  const filter = today ? qaRange(period, today) : null;
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
        <>
          {filter ? <QaPeriodControl period={period} range={filter} onChange={setPeriod} /> : null}
          <Segmented
            options={QA_GROUPINGS}
            value={by}
            onChange={setBy}
            labelOf={(b) => t(b === 'agent' ? 'audits.sample.agent' : 'filter.team')}
            label={t('audits.qa.by')}
          />
        </>
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
