/**
 * Coaching (辅导): the follow-ups due at the top, then the notes and improvement plans, narrowed to
 * one agent if chosen; the note and plan editors open in place (`?note=`, `?plan=`).
 */
import { useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { coachingHref, goTo, useCoachingParams } from './coaching-route';
import { NotesList, PlansList } from './CoachingLists';
import { FollowUps } from './FollowUps';
import { NoteForm } from './NoteForm';
import { PlanForm } from './PlanForm';
import { AgentOptions } from './AgentOptions';

export function CoachingPage() {
  const t = useT();
  const { agentId, planId, at } = useCoachingParams();
  const backHref = coachingHref({ agentId });
  const may = useMayCall();

  if (at.view === 'note' || at.view === 'plan')
    return (
      <div className="page page--coaching">
        <header className="page__header">
          <a href={backHref} className="agent-header__back" data-testid="coaching-back">
            <span aria-hidden="true">←</span> {t('coaching.back')}
          </a>
        </header>
        {at.view === 'note' ? (
          <NoteForm
            key={String(at.noteId)}
            noteId={at.noteId}
            agentId={agentId}
            planId={planId}
            backHref={backHref}
          />
        ) : (
          <PlanForm key={String(at.planId)} planId={at.planId} agentId={agentId} backHref={backHref} />
        )}
      </div>
    );

  return (
    <div className="page page--coaching">
      <header className="coaching-header">
        <div className="page__header">
          <h1 className="page__title">{t('coaching.title')}</h1>
          <p className="page__lead">{t('coaching.lead')}</p>
        </div>
        <div className="coaching-header__tools">
          <AgentFilter agentId={agentId} />
          {may('coaching.createPlan') ? (
            <a
              className="button"
              href={coachingHref({ agentId, plan: 'new' })}
              data-testid="coaching-new-plan"
            >
              {t('coaching.newPlan')}
            </a>
          ) : null}
          {may('coaching.createNote') ? (
            <a
              className="button button--primary"
              href={coachingHref({ agentId, note: 'new' })}
              data-testid="coaching-new-note"
            >
              {t('coaching.newNote')}
            </a>
          ) : null}
        </div>
      </header>
      <FollowUps agentId={agentId} />
      <div className="coaching-lists">
        <NotesList agentId={agentId} />
        <PlansList agentId={agentId} />
      </div>
    </div>
  );
}

function AgentFilter({ agentId }: { agentId: number | null }) {
  const t = useT();
  const agents = useWorkspace((s) => s.agents);
  return (
    <select
      className="select coaching-header__agent"
      aria-label={t('coaching.agentFilter')}
      value={agentId ?? ''}
      onChange={(e) => goTo(coachingHref({ agentId: e.target.value ? Number(e.target.value) : null }))}
      data-testid="coaching-agent"
    >
      <option value="">{t('filter.allAgents')}</option>
      <AgentOptions agents={agents} />
    </select>
  );
}
