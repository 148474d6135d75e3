/**
 * Starting or editing an improvement plan (绩效改进计划): the agent, the period, goals (a KPI with
 * a target, or words) with where the KPI stands now, the status, and the checkpoints written.
 */
import { useState, type FormEvent } from 'react';
import type { Plan, PlanInput } from '../../../src-shared/api';
import { PlanInputSchema } from '../../../src-shared/api';
import {
  GOAL_KPIS,
  GOAL_STATUSES,
  isPlanOpen,
  nextPlanStatuses,
  reachesTarget,
  targetFromTyped,
  targetToTyped,
  type GoalKpi,
  type GoalStatus,
  type PlanStatus,
} from '../../../src-shared/coaching';
import type { MessageKey } from '../../../src-shared/i18n';
import { KPI_DEFINITIONS } from '../../../src-shared/kpi';
import { addDays } from '../../../src-shared/time';
import { call } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { Field, ProblemHint } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { AgentOptions } from './AgentOptions';
import { CoachingFormFrame, CoachingTextArea, formTitleKey, useCoachingSave } from './CoachingFormFrame';
import { coachingHref } from './coaching-route';
import { GOAL_STATUS_LABEL, NOTE_KIND_LABEL, PLAN_STATUS_BADGE, PLAN_STATUS_LABEL } from './labels';
import { rememberCoach, rememberedCoach } from './note-draft';

interface GoalDraft {
  id?: number;
  kpi: GoalKpi | '';
  text: string;
  targetText: string;
  status: GoalStatus;
  current: number | null;
}

interface PlanDraft {
  agentId: number | null;
  startDay: string;
  endDay: string;
  coach: string;
  reason: string;
  status: PlanStatus;
  goals: GoalDraft[];
}

const PLAN_FIELD_MESSAGE: Record<string, MessageKey> = {
  agentId: 'coaching.invalid.agentId',
  startDay: 'coaching.invalid.startDay',
  endDay: 'coaching.invalid.endDay',
  coach: 'coaching.invalid.coach',
  goals: 'coaching.invalid.goals',
};

function draftOfPlan(plan: Plan): PlanDraft {
  return {
    agentId: plan.agentId,
    startDay: plan.startDay,
    endDay: plan.endDay,
    coach: plan.coach,
    reason: plan.reason,
    status: plan.status,
    goals: plan.goals.map((g) => ({
      id: g.id,
      kpi: g.kpi ?? '',
      text: g.text,
      targetText:
        g.kpi && g.target !== null ? String(targetToTyped(KPI_DEFINITIONS[g.kpi].unit, g.target)) : '',
      status: g.status,
      current: g.current,
    })),
  };
}

function inputOfPlan(draft: PlanDraft): PlanInput {
  return {
    agentId: draft.agentId ?? 0,
    startDay: draft.startDay,
    endDay: draft.endDay,
    coach: draft.coach,
    reason: draft.reason,
    goals: draft.goals.map((g) => {
      const typed = g.targetText.trim() === '' ? null : Number(g.targetText.replace(/[,，\s]/g, ''));
      return {
        ...(g.id !== undefined ? { id: g.id } : {}),
        kpi: g.kpi === '' ? null : g.kpi,
        text: g.text,
        target: g.kpi === '' || typed === null ? null : targetFromTyped(KPI_DEFINITIONS[g.kpi].unit, typed),
        status: g.status,
      };
    }),
  };
}

export function PlanForm({
  planId,
  agentId,
  backHref,
}: {
  planId: number | 'new';
  agentId: number | null;
  backHref: string;
}) {
  const t = useT();
  const today = useWorkspace((s) => s.info?.today ?? '');
  const query = useApiQuery('coaching.plans', planId === 'new' ? null : {});
  if (planId === 'new') {
    const draft: PlanDraft = {
      agentId,
      startDay: today,
      endDay: today ? addDays(today, 29) : '',
      coach: rememberedCoach(),
      reason: '',
      status: 'active',
      goals: [{ kpi: 'connectRate', text: '', targetText: '', status: 'open', current: null }],
    };
    return <PlanEditor draft={draft} backHref={backHref} />;
  }
  return (
    <QueryView query={query} skeleton={<SkeletonBlock lines={8} />}>
      {({ plans }) => {
        const plan = plans.find((p) => p.id === planId);
        if (!plan) return <EmptyState title={t('coaching.plan.notFound')} />;
        return <PlanEditor key={plan.id} plan={plan} draft={draftOfPlan(plan)} backHref={backHref} />;
      }}
    </QueryView>
  );
}

function PlanEditor({ plan, draft: initial, backHref }: { plan?: Plan; draft: PlanDraft; backHref: string }) {
  const t = useT();
  const f = useFormat();
  const agents = useWorkspace((s) => s.agents);
  const [draft, setDraft] = useState(initial);
  const { state, tried, submit, clearError } = useCoachingSave(backHref);
  const closed = plan !== undefined && !isPlanOpen(plan.status);
  const mayWrite = useMayCall()(plan ? 'coaching.updatePlan' : 'coaching.createPlan');

  const input = inputOfPlan(draft);
  const parsed = PlanInputSchema.safeParse(input);
  const problems = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
  const problem = (field: string): MessageKey | undefined =>
    tried && problems.has(field) ? (PLAN_FIELD_MESSAGE[field] ?? 'coaching.invalid.goals') : undefined;
  const goalsProblem = problem('goals');
  const update = (change: Partial<PlanDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    clearError();
  };
  const updateGoal = (i: number, change: Partial<GoalDraft>) =>
    update({ goals: draft.goals.map((g, j) => (j === i ? { ...g, ...change } : g)) });

  const onSubmit = (e: FormEvent) =>
    submit(e, parsed.success, async () => {
      if (plan) await call('coaching.updatePlan', { ...input, id: plan.id, status: draft.status });
      else await call('coaching.createPlan', input);
      rememberCoach(draft.coach.trim());
    });

  return (
    <CoachingFormFrame
      of="plan"
      mayWrite={mayWrite}
      state={state}
      saveLabel="coaching.plan.save"
      backHref={backHref}
      onSubmit={onSubmit}
      below={plan ? <Checkpoints plan={plan} /> : null}
    >
      <Panel
        title={t(
          formTitleKey(mayWrite, plan !== undefined, {
            read: 'roles.coaching.planTitle',
            edit: 'coaching.plan.editTitle',
            create: 'coaching.plan.newTitle',
          }),
        )}
        subtitle={
          plan ? (
            <span className={PLAN_STATUS_BADGE[plan.status]}>{t(PLAN_STATUS_LABEL[plan.status])}</span>
          ) : undefined
        }
      >
        <div className="coaching-form__row">
          <Field label={t('coaching.note.agent')} problem={problem('agentId')} wide>
            <select
              className="select"
              value={draft.agentId ?? ''}
              disabled={plan !== undefined}
              onChange={(e) => update({ agentId: e.target.value ? Number(e.target.value) : null })}
              data-testid="plan-agent"
            >
              <option value="">{t('coaching.note.chooseAgent')}</option>
              <AgentOptions agents={agents} />
            </select>
          </Field>
          <Field label={t('coaching.plan.startDay')} problem={problem('startDay')}>
            <input
              type="date"
              className="input"
              value={draft.startDay}
              disabled={closed}
              onChange={(e) => update({ startDay: e.target.value })}
              data-testid="plan-start"
            />
          </Field>
          <Field label={t('coaching.plan.endDay')} problem={problem('endDay')}>
            <input
              type="date"
              className="input"
              value={draft.endDay}
              min={draft.startDay}
              disabled={closed}
              onChange={(e) => update({ endDay: e.target.value })}
              data-testid="plan-end"
            />
          </Field>
          <Field label={t('coaching.plan.coach')} problem={problem('coach')}>
            <input
              className="input"
              value={draft.coach}
              maxLength={60}
              onChange={(e) => update({ coach: e.target.value })}
              data-testid="plan-coach"
            />
          </Field>
          {plan ? (
            <Field label={t('coaching.plan.status')}>
              <select
                className="select"
                value={draft.status}
                disabled={closed}
                onChange={(e) => update({ status: e.target.value as PlanStatus })}
                data-testid="plan-status"
              >
                {nextPlanStatuses(plan.status).map((s) => (
                  <option key={s} value={s}>
                    {t(PLAN_STATUS_LABEL[s])}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
        </div>
        {closed ? (
          <p className="field__hint">
            {t('coaching.plan.closedHint', { status: t(PLAN_STATUS_LABEL[plan.status]) })}
          </p>
        ) : null}
        <CoachingTextArea
          label={t('coaching.plan.reason')}
          rows={2}
          value={draft.reason}
          onChange={(reason) => update({ reason })}
          testId="plan-reason"
        />
      </Panel>

      <Panel title={t('coaching.plan.goals')} subtitle={t('coaching.plan.goalsHint')}>
        <table className="data-table goal-table" data-testid="plan-goals">
          <thead>
            <tr>
              <th>{t('coaching.plan.goalKpi')}</th>
              <th>{t('coaching.plan.goalTarget')}</th>
              <th>{t('coaching.plan.goalText')}</th>
              {plan ? <th className="num">{t('coaching.plan.goalNow')}</th> : null}
              <th>{t('coaching.plan.goalStatus')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.goals.map((g, i) => {
              const unit = g.kpi ? KPI_DEFINITIONS[g.kpi].unit : null;
              const target = g.id !== undefined ? plan?.goals.find((p) => p.id === g.id)?.target : null;
              const reached = g.kpi && target != null ? reachesTarget(g.kpi, g.current, target) : null;
              return (
                <tr key={g.id ?? `new-${i}`} data-testid="plan-goal">
                  <td>
                    <select
                      className="select"
                      value={g.kpi}
                      onChange={(e) => updateGoal(i, { kpi: e.target.value as GoalKpi | '' })}
                      aria-label={t('coaching.plan.goalKpi')}
                      data-testid="plan-goal-kpi"
                    >
                      <option value="">{t('coaching.plan.goalWords')}</option>
                      {GOAL_KPIS.map((k) => (
                        <option key={k} value={k}>
                          {t(`kpi.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {unit ? (
                      <span className="input-with-unit">
                        <input
                          className="input"
                          inputMode="decimal"
                          value={g.targetText}
                          onChange={(e) => updateGoal(i, { targetText: e.target.value })}
                          aria-label={t('coaching.plan.goalTarget')}
                          data-testid="plan-goal-target"
                        />
                        <span className="input-with-unit__unit">{unitSuffix(unit, f.language)}</span>
                      </span>
                    ) : null}
                  </td>
                  <td className="goal-table__text">
                    <input
                      className="input"
                      value={g.text}
                      maxLength={300}
                      onChange={(e) => updateGoal(i, { text: e.target.value })}
                      aria-label={t('coaching.plan.goalText')}
                      data-testid="plan-goal-text"
                    />
                  </td>
                  {plan ? (
                    <td className={reached === null ? 'num' : reached ? 'num is-good' : 'num is-bad'}>
                      {g.kpi ? f.kpi(KPI_DEFINITIONS[g.kpi].unit, g.current) : '—'}
                    </td>
                  ) : null}
                  <td>
                    <select
                      className="select"
                      value={g.status}
                      onChange={(e) => updateGoal(i, { status: e.target.value as GoalStatus })}
                      aria-label={t('coaching.plan.goalStatus')}
                    >
                      {GOAL_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(GOAL_STATUS_LABEL[s])}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      disabled={draft.goals.length <= 1}
                      onClick={() => update({ goals: draft.goals.filter((_, j) => j !== i) })}
                    >
                      {t('coaching.plan.removeGoal')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {goalsProblem ? <ProblemHint problem={goalsProblem} /> : null}
        <button
          type="button"
          className="button button--small"
          disabled={draft.goals.length >= 10}
          onClick={() =>
            update({
              goals: [...draft.goals, { kpi: '', text: '', targetText: '', status: 'open', current: null }],
            })
          }
          data-testid="plan-add-goal"
        >
          + {t('coaching.plan.addGoal')}
        </button>
      </Panel>
    </CoachingFormFrame>
  );
}

function unitSuffix(unit: string, language: string): string {
  if (unit === 'rate') return '%';
  if (unit === 'seconds') return language === 'zh-CN' ? '秒' : 's';
  if (unit === 'money') return language === 'zh-CN' ? '元' : '';
  return '';
}

function Checkpoints({ plan }: { plan: Plan }) {
  const t = useT();
  const notes = useApiQuery('coaching.notes', { planId: plan.id });
  const mayWriteNotes = useMayCall()('coaching.createNote');
  return (
    <Panel
      title={t('coaching.plan.checkpoints')}
      actions={
        isPlanOpen(plan.status) && mayWriteNotes ? (
          <a
            className="button button--small"
            href={coachingHref({ note: 'new', agentId: plan.agentId, plan: plan.id })}
            data-testid="plan-write-checkpoint"
          >
            + {t('coaching.plan.writeCheckpoint')}
          </a>
        ) : undefined
      }
    >
      <QueryView query={notes} skeleton={<SkeletonBlock lines={2} />}>
        {({ notes: list }) =>
          list.length === 0 ? (
            <p className="muted">{t('coaching.plan.noCheckpoints')}</p>
          ) : (
            <ul className="checkpoint-list">
              {list.map((n) => (
                <li key={n.id}>
                  <a href={coachingHref({ note: n.id })}>
                    {n.day} · {t(NOTE_KIND_LABEL[n.kind])} · {n.coach}
                  </a>
                  {n.shortfalls ? <span className="muted"> — {n.shortfalls}</span> : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </Panel>
  );
}
