/**
 * "Needs attention" on the dashboard (`review.attention`): each agent who is behind pace on a
 * target, has an open anomaly alert, is below the QA pass mark or short of audits, or has an
 * overdue follow-up — every reason in words, the name linking to the agent page.
 */
import type { AttentionAgent, AttentionReason, Filter } from '../../../src-shared/api';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Formatters, type Translate } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { agentHref } from '../dashboard/Leaderboard';
import { HowComputed } from '../dashboard/HowComputed';
import { explain } from '../targets/AlertsSection';
import { formatTarget } from '../targets/target-units';
import { codeWorthShowing } from '../../../src-shared/agent-label';

/** Reasons shown per agent before "+N more" (the agent page has the rest). */
const SHOWN_REASONS = 3;
const AUDITS_PER_MONTH = 3;

/**
 * `after`: asked only once it is true (the dashboard passes "the tiles have their numbers"): on a
 * local workspace the host answers one query at a time, and this list reads raw calls for its
 * alerts' baseline (1.6 s on 10M calls), so asked first it held the tiles back that long.
 */
export function AttentionPanel({ filter, after = true }: { filter: Filter; after?: boolean }) {
  const t = useT();
  const f = useFormat();
  const query = useApiQuery('review.attention', after ? { filter, auditsPerMonth: AUDITS_PER_MONTH } : null);
  const thresholds = useApiQuery('targets.thresholds', {}).data;
  const effective = useWorkspace((s) => s.info?.settings.effectiveThresholdSeconds ?? 30);
  const title = t('review.attention.title');
  const data = query.data;
  return (
    <Panel
      title={title}
      subtitle={
        data
          ? `${t('review.attention.count', { count: data.agents.length })} · ${t(
              'review.attention.subtitle',
              {
                from: f.shortDay(data.monthFrom),
                alertsFrom: f.shortDay(data.alertsFrom),
                to: f.shortDay(data.to),
              },
            )}`
          : undefined
      }
      actions={
        <HowComputed
          title={title}
          formula={t('review.attention.formula', {
            behind: f.percent(data?.behindBelow ?? 0.9, 0),
            passMark: data?.passMark === null || data?.passMark === undefined ? '—' : String(data.passMark),
            perMonth: AUDITS_PER_MONTH,
          })}
          testId="attention-info"
        />
      }
      className="attention-panel"
      testId="attention-panel"
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={4} lineHeight={18} />}>
        {(result) =>
          result.agents.length === 0 ? (
            <p className="muted" data-testid="attention-none">
              {t('review.attention.none')}
            </p>
          ) : (
            <ul className="attention-list" data-testid={query.loading ? undefined : 'attention-list'}>
              {result.agents.map((a) => (
                <AttentionLine
                  key={a.agentId}
                  agent={a}
                  words={(r) => reasonText(r, t, f, thresholds?.shortSeconds ?? 10, effective)}
                />
              ))}
            </ul>
          )
        }
      </QueryView>
    </Panel>
  );
}

function AttentionLine({ agent, words }: { agent: AttentionAgent; words: (r: AttentionReason) => string }) {
  const t = useT();
  const shown = agent.reasons.slice(0, SHOWN_REASONS);
  const more = agent.reasons.length - shown.length;
  return (
    <li className="attention-item" data-agent-id={agent.agentId} data-testid="attention-item">
      <div className="attention-item__who">
        <a className="agent-link" href={agentHref(agent.agentId)} data-testid="attention-agent">
          {agent.name ?? agent.code}
        </a>
        {codeWorthShowing(agent) ? <span className="agent-code">{agent.code}</span> : null}
        {agent.teamName ? <span className="attention-item__team">{agent.teamName}</span> : null}
      </div>
      <ul className="attention-item__reasons">
        {shown.map((r, i) => (
          <li key={i} className={`attention-reason attention-reason--${r.kind}`} data-kind={r.kind}>
            {words(r)}
          </li>
        ))}
        {more > 0 ? (
          <li className="attention-reason attention-reason--more">
            {t('review.attention.more', { count: more })}
          </li>
        ) : null}
      </ul>
    </li>
  );
}

function reasonText(
  r: AttentionReason,
  t: Translate,
  f: Formatters,
  short: number,
  effective: number,
): string {
  switch (r.kind) {
    case 'behindPace':
      return t('review.attention.behindPace', {
        kpi: t(`targets.kpi.${r.kpi}`),
        actual: formatTarget(r.kpi, r.actual, f),
        expected: formatTarget(r.kpi, r.expected, f),
        pace: f.percent(r.pace, 0),
      });
    case 'alert':
      return t('review.attention.alert', {
        day: f.shortDay(r.alert.day),
        kind: t(`alerts.kind.${r.alert.kind}`),
        why: explain(r.alert, t, f, short, effective),
      });
    case 'qaBelowPass':
      return t('review.attention.qaBelowPass', {
        score: r.score.toFixed(1),
        passMark: r.passMark,
        audits: r.audits,
      });
    case 'qaTooFew':
      return t('review.attention.qaTooFew', { audits: r.audits, expected: r.expected });
    case 'overdue':
      return t(`review.attention.overdue.${r.dueKind}`, { due: f.longDay(r.due), text: r.text ?? '' });
  }
}
