/**
 * The agent page's month against target: each target with what is expected by now, the actual,
 * attainment, pace and the month-end forecast (`targets.pacing` for this agent and month), and the
 * composite score with each KPI's contribution exactly as 目标与考核 → 综合得分 computes it
 * (`targets.scores`).
 */
import type { Filter, PaceRow, ScoreRow } from '../../../src-shared/api';
import { monthOf, monthRange } from '../../../src-shared/targets-calendar';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { formatTarget } from '../targets/target-units';

function tone(pace: number | null): string {
  if (pace === null) return 'is-none';
  return pace >= 1 ? 'is-good' : pace >= 0.9 ? 'is-near' : 'is-bad';
}

export function AgentTargets({ agentId, filter }: { agentId: number; filter: Filter }) {
  const t = useT();
  const month = monthOf(filter.to);
  const range = monthRange(month);
  const pacing = useApiQuery('targets.pacing', { filter: { ...range, agentId } });
  // The composite score carries pay: a role that may not see it (QA, an agent) sees the pace only.
  const mayScore = useMayCall()('targets.scores');
  const scores = useApiQuery('targets.scores', mayScore ? { month } : null);
  const asOf = pacing.data?.asOf;
  return (
    <Panel
      title={t('review.agent.targets')}
      subtitle={asOf ? t('review.agent.targetsSubtitle', { month, day: asOf }) : month}
      className="agent-targets-panel"
      testId="agent-targets"
    >
      <QueryView query={pacing} skeleton={<SkeletonBlock lines={4} lineHeight={18} />}>
        {(p) =>
          p.kpis.length === 0 ? (
            <p className="muted">{t('review.agent.noTargets', { month })}</p>
          ) : (
            <PaceTable rows={p.kpis} />
          )
        }
      </QueryView>
      {mayScore ? (
        <QueryView query={scores} skeleton={<SkeletonBlock lines={3} lineHeight={18} />}>
          {(s) => <ScoreParts row={s.rows.find((r) => r.agentId === agentId) ?? null} />}
        </QueryView>
      ) : null}
    </Panel>
  );
}

function PaceTable({ rows }: { rows: PaceRow[] }) {
  const t = useT();
  const f = useFormat();
  const show = (row: PaceRow, v: number | null) => formatTarget(row.kpi, v, f);
  return (
    <div className="table-scroll">
      <table className="data-table agent-pace-table" data-testid="agent-pace-table">
        <thead>
          <tr>
            <th scope="col">{t('review.agent.kpi')}</th>
            <th scope="col" className="num">
              {t('review.agent.target')}
            </th>
            <th scope="col" className="num">
              {t('review.agent.expected')}
            </th>
            <th scope="col" className="num">
              {t('review.agent.actual')}
            </th>
            <th scope="col" className="num">
              {t('review.agent.attainment')}
            </th>
            <th scope="col" className="num">
              {t('review.agent.pace')}
            </th>
            <th scope="col" className="num">
              {t('review.agent.forecast')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kpi} data-kpi={r.kpi}>
              <th scope="row">{t(`targets.kpi.${r.kpi}`)}</th>
              <td className="num" data-col="target" data-value={r.target}>
                {show(r, r.target)}
              </td>
              <td className="num" data-col="expected" data-value={r.expected}>
                {show(r, r.expected)}
              </td>
              <td className="num" data-col="actual" data-value={r.actual ?? ''}>
                {show(r, r.actual)}
              </td>
              <td className="num" data-col="attainment">
                {f.percent(r.actual === null || r.target === 0 ? null : r.actual / r.target, 0)}
              </td>
              <td className={`num pace-cell ${tone(r.pace)}`} data-col="pace" data-value={r.pace ?? ''}>
                {f.percent(r.pace, 0)}
              </td>
              <td className="num" data-col="forecast" data-value={r.forecast ?? ''}>
                {show(r, r.forecast)} ({f.percent(r.forecastAttainment, 0)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ScoreParts({ row }: { row: ScoreRow | null }) {
  const t = useT();
  const f = useFormat();
  if (!row || row.score === null) return <p className="muted">{t('review.agent.noScore')}</p>;
  return (
    <div className="agent-score" data-testid="agent-score" data-value={row.score}>
      <p className="agent-score__head">
        <span className="agent-score__label">{t('review.agent.score')}</span>{' '}
        <strong className="agent-score__value">{row.score.toFixed(1)}</strong>
        {row.grade ? (
          <span className={`grade grade--${row.grade}`}>{t('review.agent.grade', { grade: row.grade })}</span>
        ) : null}
        {row.rank !== null ? (
          <span className="agent-score__rank">{t('review.agent.rank', { rank: row.rank })}</span>
        ) : null}
      </p>
      <table className="data-table agent-score-table" data-testid="agent-score-parts">
        <thead>
          <tr>
            <th scope="col">{t('review.agent.kpi')}</th>
            <th scope="col" className="num">
              {t('review.agent.weight')}
            </th>
            <th scope="col" className="num">
              {t('review.agent.attainment')}
            </th>
            <th scope="col" className="num">
              {t('review.agent.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {row.parts
            .filter((p) => p.weight > 0)
            .map((p) => (
              <tr key={p.kpi} data-kpi={p.kpi} className={p.leftOut ? 'is-left-out' : undefined}>
                <th scope="row">{t(`targets.kpi.${p.kpi}`)}</th>
                <td className="num">{f.count(p.weight)}</td>
                <td className="num">{p.leftOut ? t('review.agent.leftOut') : f.percent(p.attainment, 0)}</td>
                <td className="num" data-col="points" data-value={p.leftOut ? '' : p.points}>
                  {p.leftOut ? '—' : p.points.toFixed(1)}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
