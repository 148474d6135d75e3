/** The agent page's coaching panel: latest notes, the open plan, what is due next, and links. */
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { coachingHref } from './coaching-route';
import { NOTE_KIND_LABEL, PLAN_STATUS_BADGE, PLAN_STATUS_LABEL } from './labels';

export function AgentCoachingPanel({ agentId }: { agentId: number }) {
  const t = useT();
  const f = useFormat();
  const may = useMayCall();
  const query = useApiQuery('coaching.agent', { agentId });
  return (
    <Panel
      title={t('coaching.agent.title')}
      className="agent-coaching"
      testId="agent-coaching"
      actions={
        <>
          <a
            className="button button--small"
            href={coachingHref({ agentId })}
            data-testid="agent-coaching-all"
          >
            {t('coaching.agent.all', { count: query.data?.totalNotes ?? 0 })}
          </a>
          {may('coaching.createNote') ? (
            <a
              className="button button--small button--primary"
              href={coachingHref({ agentId, note: 'new' })}
              data-testid="agent-coaching-write"
            >
              {t('coaching.agent.write')}
            </a>
          ) : null}
        </>
      }
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={3} />}>
        {({ notes, openPlan, nextDue, openItems }) => (
          <div className="agent-coaching__body">
            <ul className="agent-coaching__facts">
              <li data-testid="agent-coaching-plan">
                {openPlan ? (
                  <a href={coachingHref({ plan: openPlan.id })}>
                    <span className={PLAN_STATUS_BADGE[openPlan.status]}>
                      {t(PLAN_STATUS_LABEL[openPlan.status])}
                    </span>{' '}
                    {t('coaching.agent.openPlan', { day: openPlan.endDay })}
                  </a>
                ) : (
                  <span className="muted">{t('coaching.agent.noPlan')}</span>
                )}
              </li>
              <li data-testid="agent-coaching-next" data-key={nextDue?.key}>
                {nextDue ? (
                  <>
                    <span
                      className={
                        nextDue.bucket === 'overdue' ? 'badge badge--failed' : 'badge badge--warning'
                      }
                    >
                      {t('coaching.agent.openItems', { count: openItems })}
                    </span>{' '}
                    {t('coaching.agent.next', {
                      what:
                        nextDue.kind === 'action'
                          ? (nextDue.text ?? '')
                          : nextDue.kind === 'planEnd'
                            ? t('coaching.due.planEnd')
                            : t('coaching.due.followUp', {
                                kind: nextDue.noteKind ? t(NOTE_KIND_LABEL[nextDue.noteKind]) : '',
                                day: nextDue.noteDay ? f.shortDay(nextDue.noteDay) : '',
                              }),
                      day: nextDue.due ? f.shortDay(nextDue.due) : t('coaching.due.undated'),
                    })}
                  </>
                ) : (
                  <span className="muted">{t('coaching.agent.nothingDue')}</span>
                )}
              </li>
            </ul>
            {notes.length === 0 ? (
              <p className="muted">{t('coaching.agent.none')}</p>
            ) : (
              <ul className="agent-coaching__notes">
                {notes.map((n) => (
                  <li key={n.id} data-testid="agent-coaching-note">
                    <a href={coachingHref({ note: n.id })}>
                      <span className="agent-coaching__day">{f.shortDay(n.day)}</span>{' '}
                      {t(NOTE_KIND_LABEL[n.kind])}
                    </a>
                    <span className="agent-coaching__gist">{n.shortfalls || n.strengths || n.agentView}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </QueryView>
    </Panel>
  );
}
