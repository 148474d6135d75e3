/**
 * Writing or editing a coaching note: who, what kind, strengths and what to improve, the agreed
 * actions, the agent's own view, when to follow up, linked audits, and the KPIs discussed (last
 * month by default, shown before saving and frozen with the note).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Note } from '../../../src-shared/api';
import { NOTE_KINDS } from '../../../src-shared/coaching';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { agentHref } from '../../hooks/useHashRoute';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { AuditPicker } from './AuditPicker';
import { AgentOptions } from './AgentOptions';
import { CoachingFormFrame, CoachingTextArea, formTitleKey, useCoachingSave } from './CoachingFormFrame';
import { KpiGrid } from './KpiSnapshotView';
import { NOTE_KIND_LABEL } from './labels';
import {
  draftOf,
  inputOf,
  KPI_CHOICES,
  kpiRangeOf,
  newDraft,
  noteProblems,
  rememberCoach,
  type FieldProblem,
  type KpiChoice,
  type NoteDraft,
  type NoteField,
} from './note-draft';

const KPI_CHOICE_LABEL: Record<Exclude<KpiChoice, 'saved'>, MessageKey> = {
  lastMonth: 'range.lastMonth',
  thisMonth: 'range.thisMonth',
  lastWeek: 'range.lastWeek',
  thisWeek: 'range.thisWeek',
  none: 'coaching.note.kpiNone',
};

interface NoteFormProps {
  noteId: number | 'new';
  agentId: number | null;
  planId: number | null;
  /** where to go after saving or cancelling */
  backHref: string;
}

export function NoteForm({ noteId, agentId, planId, backHref }: NoteFormProps) {
  const t = useT();
  const today = useWorkspace((s) => s.info?.today ?? '');
  const query = useApiQuery('coaching.note', noteId === 'new' ? null : { id: noteId });
  if (noteId === 'new')
    return <NoteEditor draft={newDraft(today, agentId, planId)} backHref={backHref} today={today} />;
  if (query.error?.code === 'not_found')
    return <EmptyState title={t('coaching.note.notFound')} testId="coaching-note-missing" />;
  return (
    <QueryView query={query} skeleton={<SkeletonBlock lines={10} />}>
      {(note) => (
        <NoteEditor key={note.id} note={note} draft={draftOf(note)} backHref={backHref} today={today} />
      )}
    </QueryView>
  );
}

function NoteEditor({
  note,
  draft: initial,
  backHref,
  today,
}: {
  note?: Note;
  draft: NoteDraft;
  backHref: string;
  today: string;
}) {
  const t = useT();
  const f = useFormat();
  const agents = useWorkspace((s) => s.agents);
  const [draft, setDraft] = useState(initial);
  const { state, tried, run, submit, clearError } = useCoachingSave(backHref);

  const kpiRange = kpiRangeOf(draft.kpiChoice, today, note?.kpis);
  const input = inputOf(draft, kpiRange);
  const problems = noteProblems(input);
  const problem = (field: NoteField): FieldProblem | undefined =>
    tried ? problems.find((p) => p.field === field) : undefined;
  const update = useCallback(
    (change: Partial<NoteDraft>) => {
      setDraft((d) => ({ ...d, ...change }));
      clearError();
    },
    [clearError],
  );
  const updateAction = (i: number, change: Partial<NoteDraft['actions'][number]>) =>
    update({ actions: draft.actions.map((a, j) => (j === i ? { ...a, ...change } : a)) });

  const onSubmit = (e: FormEvent) =>
    submit(e, problems.length === 0, async () => {
      if (note) await call('coaching.updateNote', { ...input, id: note.id });
      else await call('coaching.createNote', input);
      rememberCoach(draft.coach.trim());
    });

  const may = useMayCall();
  const mayWrite = may(note ? 'coaching.updateNote' : 'coaching.createNote');

  const onDelete = async () => {
    if (!note || !window.confirm(t('coaching.note.deleteConfirm'))) return;
    await run(() => call('coaching.deleteNote', { id: note.id }));
  };

  return (
    <CoachingFormFrame
      of="note"
      mayWrite={mayWrite}
      state={state}
      saveLabel="coaching.note.save"
      backHref={backHref}
      onSubmit={onSubmit}
      barExtras={
        <>
          {note ? (
            <>
              <a className="coaching-form__agent-link" href={agentHref(note.agentId)}>
                {note.agentName ?? note.agentCode} →
              </a>
              {may('coaching.deleteNote') ? (
                <button
                  type="button"
                  className="link-button coaching-form__delete"
                  onClick={() => void onDelete()}
                >
                  {t('coaching.note.delete')}
                </button>
              ) : null}
            </>
          ) : null}
          {tried && problem('other') ? (
            <span className="field__hint is-error">
              {t('coaching.invalid.other', { message: problem('other')!.detail })}
            </span>
          ) : null}
        </>
      }
    >
      <Panel
        title={t(
          formTitleKey(mayWrite, note !== undefined, {
            read: 'roles.coaching.noteTitle',
            edit: 'coaching.note.editTitle',
            create: 'coaching.note.newTitle',
          }),
        )}
        className="coaching-form__who"
      >
        <div className="coaching-form__row">
          <Field label={t('coaching.note.agent')} problem={problem('agentId')?.message} wide>
            <select
              className="select"
              value={draft.agentId ?? ''}
              disabled={note !== undefined}
              onChange={(e) =>
                update({ agentId: e.target.value ? Number(e.target.value) : null, planId: null })
              }
              data-testid="note-agent"
            >
              <option value="">{t('coaching.note.chooseAgent')}</option>
              <AgentOptions agents={agents} />
            </select>
          </Field>
          <Field label={t('coaching.note.kind')}>
            <select
              className="select"
              value={draft.kind}
              onChange={(e) => update({ kind: e.target.value as NoteDraft['kind'] })}
              data-testid="note-kind"
            >
              {NOTE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(NOTE_KIND_LABEL[k])}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('coaching.note.day')} problem={problem('day')?.message}>
            <input
              type="date"
              className="input"
              value={draft.day}
              onChange={(e) => update({ day: e.target.value })}
              data-testid="note-day"
            />
          </Field>
          <Field label={t('coaching.note.coach')} problem={problem('coach')?.message}>
            <input
              className="input"
              value={draft.coach}
              maxLength={60}
              onChange={(e) => update({ coach: e.target.value })}
              data-testid="note-coach"
            />
          </Field>
          {draft.kind === 'checkpoint' || draft.planId !== null ? (
            <PlanChoice draft={draft} update={update} problem={problem('planId')?.message} />
          ) : null}
        </div>
      </Panel>

      <div className="coaching-form__grid">
        <Panel title={t('coaching.note.talk')} className="coaching-form__talk">
          <CoachingTextArea
            label={t('coaching.note.strengths')}
            rows={3}
            value={draft.strengths}
            onChange={(strengths) => update({ strengths })}
            testId="note-strengths"
          />
          <CoachingTextArea
            label={t('coaching.note.shortfalls')}
            rows={3}
            value={draft.shortfalls}
            onChange={(shortfalls) => update({ shortfalls })}
            testId="note-shortfalls"
          />
          <CoachingTextArea
            label={t('coaching.note.agentView')}
            rows={2}
            value={draft.agentView}
            onChange={(agentView) => update({ agentView })}
            testId="note-agent-view"
          />
        </Panel>
        <NoteKpis draft={draft} note={note} kpiRange={kpiRange} update={update} />
      </div>

      <Panel
        title={t('coaching.note.actions')}
        subtitle={t('coaching.note.actionsHint')}
        className="coaching-form__actions"
      >
        {draft.actions.length > 0 ? (
          <table className="data-table action-table" data-testid="note-actions">
            <thead>
              <tr>
                <th>{t('coaching.note.actionText')}</th>
                <th>{t('coaching.note.actionDue')}</th>
                <th>{t('coaching.note.actionDone')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {draft.actions.map((a, i) => (
                <tr key={a.id ?? `new-${i}`}>
                  <td className="action-table__text">
                    <input
                      className="input"
                      value={a.text}
                      maxLength={300}
                      onChange={(e) => updateAction(i, { text: e.target.value })}
                      aria-label={t('coaching.note.actionText')}
                      data-testid="note-action-text"
                    />
                  </td>
                  <td>
                    <input
                      type="date"
                      className="input"
                      value={a.dueDay}
                      onChange={(e) => updateAction(i, { dueDay: e.target.value })}
                      aria-label={t('coaching.note.actionDue')}
                      data-testid="note-action-due"
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={a.done}
                      onChange={(e) => updateAction(i, { done: e.target.checked })}
                      aria-label={t('coaching.note.actionDone')}
                      data-testid="note-action-done"
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => update({ actions: draft.actions.filter((_, j) => j !== i) })}
                    >
                      {t('coaching.note.removeAction')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {problem('actions') ? <p className="field__hint is-error">{t('coaching.invalid.actions')}</p> : null}
        <button
          type="button"
          className="button button--small"
          disabled={draft.actions.length >= 20}
          onClick={() => update({ actions: [...draft.actions, { text: '', dueDay: '', done: false }] })}
          data-testid="note-add-action"
        >
          + {t('coaching.note.addAction')}
        </button>
        <div className="coaching-form__row coaching-form__row--follow">
          <Field label={t('coaching.note.followUp')} problem={problem('followUpDay')?.message}>
            <input
              type="date"
              className="input"
              value={draft.followUpDay}
              min={draft.day}
              onChange={(e) => update({ followUpDay: e.target.value })}
              data-testid="note-follow-up"
            />
            {note?.followUpDoneAt ? (
              <span className="field__hint is-good">
                ✓ {t('coaching.note.followUpDone')} · {f.dateTime(note.followUpDoneAt)}
              </span>
            ) : null}
          </Field>
        </div>
        <AuditPicker
          agentId={draft.agentId}
          day={draft.day}
          linked={note?.audits ?? []}
          value={draft.auditIds}
          onChange={(auditIds) => update({ auditIds })}
          invalid={problem('auditIds') !== undefined}
        />
      </Panel>
    </CoachingFormFrame>
  );
}

/** The plan a checkpoint belongs to: the agent's open plan (or the one already chosen). */
function PlanChoice({
  draft,
  update,
  problem,
}: {
  draft: NoteDraft;
  update: (change: Partial<NoteDraft>) => void;
  problem: MessageKey | undefined;
}) {
  const t = useT();
  const f = useFormat();
  const plans = useApiQuery('coaching.plans', draft.agentId ? { agentId: draft.agentId } : null);
  const choices = (plans.data?.plans ?? []).filter(
    (p) => p.id === draft.planId || p.status === 'active' || p.status === 'extended',
  );
  // A checkpoint is almost always for the agent's one open plan: choose it.
  const only =
    draft.kind === 'checkpoint' && draft.planId === null && choices.length === 1 ? choices[0]!.id : null;
  useEffect(() => {
    if (only !== null) update({ planId: only });
  }, [only, update]);
  return (
    <Field label={t('coaching.note.plan')} problem={problem} wide>
      <select
        className="select"
        value={draft.planId ?? ''}
        onChange={(e) => update({ planId: e.target.value ? Number(e.target.value) : null })}
        data-testid="note-plan"
      >
        <option value="">{t('coaching.note.noPlan')}</option>
        {choices.map((p) => (
          <option key={p.id} value={p.id}>
            {f.shortDay(p.startDay)} – {f.shortDay(p.endDay)}
          </option>
        ))}
      </select>
      {plans.data && choices.length === 0 ? (
        <span className="field__hint">{t('coaching.note.noOpenPlan')}</span>
      ) : null}
    </Field>
  );
}

/** The KPIs of the period discussed: a live preview until saved, then the frozen numbers. */
function NoteKpis({
  draft,
  note,
  kpiRange,
  update,
}: {
  draft: NoteDraft;
  note: Note | undefined;
  kpiRange: { from: string; to: string } | null;
  update: (change: Partial<NoteDraft>) => void;
}) {
  const t = useT();
  const f = useFormat();
  const frozen = draft.kpiChoice === 'saved' ? (note?.kpis ?? null) : null;
  const live = useApiQuery(
    'metrics.summary',
    !frozen && kpiRange && draft.agentId ? { filter: { ...kpiRange, agentId: draft.agentId } } : null,
  );
  return (
    <Panel title={t('coaching.note.kpis')} className="coaching-form__kpis" testId="note-kpis">
      <Field label={t('coaching.note.kpiPeriod')}>
        <select
          className="select"
          value={draft.kpiChoice}
          onChange={(e) => update({ kpiChoice: e.target.value as KpiChoice })}
          data-testid="note-kpi-period"
        >
          {KPI_CHOICES.filter((c) => c !== 'saved' || note?.kpis).map((c) => (
            <option key={c} value={c}>
              {c === 'saved' && note?.kpis
                ? t('coaching.note.kpiSaved', { from: note.kpis.from, to: note.kpis.to })
                : c === 'saved'
                  ? ''
                  : t(KPI_CHOICE_LABEL[c])}
            </option>
          ))}
        </select>
      </Field>
      {frozen ? (
        <>
          <KpiGrid values={frozen.values} testId="note-kpi-grid" />
          <p className="field__hint">{t('coaching.note.kpiFrozen', { date: f.dateTime(frozen.takenAt) })}</p>
        </>
      ) : kpiRange && draft.agentId ? (
        <QueryView query={live} skeleton={<SkeletonBlock lines={4} />}>
          {(s) =>
            s.current.dials === 0 ? (
              <p className="muted">{t('coaching.note.kpiNoCalls')}</p>
            ) : (
              <>
                <KpiGrid values={s.current} testId="note-kpi-grid" />
                <p className="field__hint">{t('coaching.note.kpiPreview', kpiRange)}</p>
              </>
            )
          }
        </QueryView>
      ) : null}
    </Panel>
  );
}
