/** The notes and plans lists of the coaching page (one agent's, or everyone's). */
import type { Note, Plan } from '../../../src-shared/api';
import { EmptyState } from '../../components/EmptyState';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { coachingHref, goTo } from './coaching-route';
import { rowAgentLabel, NOTE_KIND_LABEL, PLAN_STATUS_BADGE, PLAN_STATUS_LABEL } from './labels';

export function NotesList({ agentId }: { agentId: number | null }) {
  const t = useT();
  const f = useFormat();
  const query = useApiQuery('coaching.notes', agentId ? { agentId } : {});
  return (
    <Panel
      title={t('coaching.notes.title')}
      subtitle={query.data ? t('coaching.notes.count', { count: f.count(query.data.total) }) : undefined}
      className="coaching-notes"
      testId="coaching-notes"
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={5} />}>
        {({ notes }) =>
          notes.length === 0 ? (
            <EmptyState title={t('coaching.notes.empty')} />
          ) : (
            <div className="table-scroll coaching-table">
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('coaching.col.day')}</th>
                    <th>{t('coaching.col.agent')}</th>
                    <th>{t('coaching.col.kind')}</th>
                    <th>{t('coaching.col.coach')}</th>
                    <th>{t('coaching.col.followUp')}</th>
                    <th className="num">{t('coaching.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {notes.map((n) => (
                    <NoteRow key={n.id} note={n} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Panel>
  );
}

function NoteRow({ note }: { note: Note }) {
  const t = useT();
  const href = coachingHref({ note: note.id });
  const done = note.actions.filter((a) => a.doneAt !== null).length;
  return (
    <tr
      className="is-clickable"
      onClick={() => goTo(href)}
      data-testid="coaching-note-row"
      data-note-id={note.id}
    >
      <td>
        <a href={href}>{note.day}</a>
      </td>
      <td>{rowAgentLabel(note)}</td>
      <td>{t(NOTE_KIND_LABEL[note.kind])}</td>
      <td>
        {note.coach}
        {note.createdBy ? (
          <div className="muted" data-testid="note-by">
            {t('activity.by', { login: note.createdBy })}
          </div>
        ) : null}
      </td>
      <td>
        {note.followUpDay ?? '—'}
        {note.followUpDay && note.followUpDoneAt ? <span className="is-good"> ✓</span> : null}
      </td>
      <td className="num">{note.actions.length > 0 ? `${done} / ${note.actions.length}` : '—'}</td>
    </tr>
  );
}

export function PlansList({ agentId }: { agentId: number | null }) {
  const t = useT();
  const query = useApiQuery('coaching.plans', agentId ? { agentId } : {});
  return (
    <Panel title={t('coaching.plans.title')} className="coaching-plans" testId="coaching-plans">
      <QueryView query={query} skeleton={<SkeletonBlock lines={4} />}>
        {({ plans }) =>
          plans.length === 0 ? (
            <EmptyState title={t('coaching.plans.empty')} />
          ) : (
            <div className="table-scroll coaching-table">
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('coaching.col.agent')}</th>
                    <th>{t('coaching.col.period')}</th>
                    <th>{t('coaching.col.status')}</th>
                    <th className="num">{t('coaching.col.goals')}</th>
                    <th className="num">{t('coaching.col.checkpoints')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plans.map((p) => (
                    <PlanRow key={p.id} plan={p} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Panel>
  );
}

function PlanRow({ plan }: { plan: Plan }) {
  const t = useT();
  const f = useFormat();
  const href = coachingHref({ plan: plan.id });
  const met = plan.goals.filter((g) => g.status === 'met').length;
  return (
    <tr
      className="is-clickable"
      onClick={() => goTo(href)}
      data-testid="coaching-plan-row"
      data-plan-id={plan.id}
    >
      <td>
        <a href={href}>{rowAgentLabel(plan)}</a>
      </td>
      <td>
        {f.shortDay(plan.startDay)} – {f.shortDay(plan.endDay)}
      </td>
      <td>
        <span className={PLAN_STATUS_BADGE[plan.status]}>{t(PLAN_STATUS_LABEL[plan.status])}</span>
      </td>
      <td className="num">
        {met} / {plan.goals.length}
      </td>
      <td className="num">{plan.checkpoints}</td>
    </tr>
  );
}
