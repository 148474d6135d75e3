/**
 * The agent's teams over time, in the header beside their current team: a call counts for the
 * team of its day (src-main/people/membership.ts), so a lead reading an old month sees why.
 * Shown once the agent has moved at least once.
 */
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../i18n/language';

export function TeamHistory({ agentId }: { agentId: number }) {
  const t = useT();
  const history = useApiQuery('agents.teamHistory', { agentId });
  const spans = history.data ?? [];
  if (spans.length < 2) return null;
  const when = (from: string | null, to: string | null) =>
    from === null
      ? t('people.history.until', { day: to ?? '' })
      : to === null
        ? t('people.history.since', { day: from })
        : t('people.history.between', { from, to });
  return (
    <div data-testid="agent-team-history">
      <dt>{t('people.history.title')}</dt>
      <dd className="agent-header__history">
        {spans.map((s) => (
          <span key={s.from ?? ''} className="agent-header__span" data-testid="agent-team-span">
            {s.teamName ?? t('agent.noTeam')}
            <span className="muted"> {when(s.from, s.to)}</span>
          </span>
        ))}
      </dd>
    </div>
  );
}
