/**
 * Coaching: notes (1:1, performance review, plan checkpoint) with agreed actions and a frozen KPI
 * snapshot, improvement plans (PIP) with goals, and the follow-ups list of what is due.
 */
import { z } from 'zod';
import {
  DUE_BUCKETS,
  DUE_KINDS,
  GOAL_KPIS,
  GOAL_STATUSES,
  NOTE_KINDS,
  PLAN_STATUSES,
  type DueBucket,
} from '../coaching';
import { method } from './method';
import { DaySchema, KpiValuesSchema, TeamIdsSchema } from './schemas';

const Id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

const RangeSchema = z
  .object({ from: DaySchema, to: DaySchema })
  .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`', path: ['to'] });

const ActionInputSchema = z.object({
  /** an existing action of the note being edited (keeps when it was done); absent for a new one */
  id: Id.optional(),
  text: text(300).min(1, 'describe the action'),
  dueDay: DaySchema.nullable().default(null),
  done: z.boolean().default(false),
});

const NoteFields = z.object({
  agentId: Id,
  kind: z.enum(NOTE_KINDS),
  day: DaySchema,
  coach: text(60).min(1, 'name who coached'),
  strengths: text(4000).default(''),
  shortfalls: text(4000).default(''),
  agentView: text(4000).default(''),
  followUpDay: DaySchema.nullable().default(null),
  /** the improvement plan a checkpoint belongs to (any kind may name one) */
  planId: Id.nullable().default(null),
  actions: z.array(ActionInputSchema).max(20, 'at most 20 agreed actions').default([]),
  /** audits discussed (ids of the audits feature; stored as links) */
  auditIds: z.array(Id).max(50).default([]),
  /** the period whose KPIs are frozen into the note; null for none */
  kpiRange: RangeSchema.nullable().default(null),
});
type NoteFieldsOut = z.output<typeof NoteFields>;

function checkNote(note: NoteFieldsOut, ctx: z.RefinementCtx): void {
  if (note.followUpDay !== null && note.followUpDay < note.day)
    ctx.addIssue({
      code: 'custom',
      path: ['followUpDay'],
      message: `the follow-up date must not be before the note date ${note.day}`,
    });
  if (note.kind === 'checkpoint' && note.planId === null)
    ctx.addIssue({
      code: 'custom',
      path: ['planId'],
      message: 'a checkpoint belongs to an improvement plan',
    });
  note.actions.forEach((a, i) => {
    if (a.dueDay !== null && a.dueDay < note.day)
      ctx.addIssue({
        code: 'custom',
        path: ['actions', i, 'dueDay'],
        message: `an action cannot be due before the note date ${note.day}`,
      });
  });
  if (new Set(note.auditIds).size !== note.auditIds.length)
    ctx.addIssue({ code: 'custom', path: ['auditIds'], message: 'an audit is linked twice' });
}

export const NoteInputSchema = NoteFields.superRefine(checkNote);
export type NoteInput = z.input<typeof NoteInputSchema>;
export const NoteUpdateSchema = NoteFields.extend({ id: Id }).superRefine(checkNote);

export const KpiSnapshotSchema = z.object({
  from: DaySchema,
  to: DaySchema,
  values: KpiValuesSchema,
  /** days of the period with calls, and agent-days (for calls per day) */
  activeDays: z.number().int().nonnegative(),
  agentDays: z.number().int().nonnegative(),
  /** when the numbers were taken (epoch ms): later imports do not change them */
  takenAt: z.number(),
});
export type KpiSnapshot = z.infer<typeof KpiSnapshotSchema>;

const AgentRef = {
  agentId: Id,
  agentCode: z.string(),
  agentName: z.string().nullable(),
};

export const NoteSchema = z.object({
  id: Id,
  ...AgentRef,
  kind: z.enum(NOTE_KINDS),
  day: DaySchema,
  coach: z.string(),
  strengths: z.string(),
  shortfalls: z.string(),
  agentView: z.string(),
  followUpDay: DaySchema.nullable(),
  /** when the follow-up was marked done (epoch ms) */
  followUpDoneAt: z.number().nullable(),
  planId: Id.nullable(),
  actions: z.array(
    z.object({ id: Id, text: z.string(), dueDay: DaySchema.nullable(), doneAt: z.number().nullable() }),
  ),
  auditIds: z.array(Id),
  /** the linked audits as they stand now (score null: a draft or all items N/A) */
  audits: z.array(
    z.object({
      id: Id,
      day: DaySchema,
      submitted: z.boolean(),
      score: z.number().nullable(),
      failed: z.boolean(),
      scorecardName: z.string(),
    }),
  ),
  kpis: KpiSnapshotSchema.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** the login of whoever wrote it, in a team workspace (absent when local) */
  createdBy: z.string().optional(),
});
export type Note = z.infer<typeof NoteSchema>;

const GoalInputSchema = z.object({
  id: Id.optional(),
  /** a KPI over the plan's period, or null for a goal in words */
  kpi: z.enum(GOAL_KPIS).nullable().default(null),
  text: text(300).default(''),
  /** in the KPI's own unit (rate 0–1, money minor units, seconds, counts); null for a goal in words */
  target: z.number().finite().nullable().default(null),
  status: z.enum(GOAL_STATUSES).default('open'),
});

const PlanFields = z.object({
  agentId: Id,
  startDay: DaySchema,
  endDay: DaySchema,
  coach: text(60).min(1, 'name who runs the plan'),
  reason: text(4000).default(''),
  goals: z.array(GoalInputSchema).min(1, 'a plan needs at least one goal').max(10, 'at most 10 goals'),
});
type PlanFieldsOut = z.output<typeof PlanFields>;

function checkPlan(plan: PlanFieldsOut, ctx: z.RefinementCtx): void {
  if (plan.endDay < plan.startDay)
    ctx.addIssue({
      code: 'custom',
      path: ['endDay'],
      message: `the end date must not be before the start date ${plan.startDay}`,
    });
  plan.goals.forEach((g, i) => {
    if (g.kpi !== null && g.target === null)
      ctx.addIssue({
        code: 'custom',
        path: ['goals', i, 'target'],
        message: 'a KPI goal needs a target value',
      });
    if (g.kpi === null && g.text === '')
      ctx.addIssue({
        code: 'custom',
        path: ['goals', i, 'text'],
        message: 'describe the goal or choose a KPI',
      });
  });
}

export const PlanInputSchema = PlanFields.superRefine(checkPlan);
export type PlanInput = z.input<typeof PlanInputSchema>;
export const PlanUpdateSchema = PlanFields.extend({ id: Id, status: z.enum(PLAN_STATUSES) }).superRefine(
  checkPlan,
);

export const PlanSchema = z.object({
  id: Id,
  ...AgentRef,
  startDay: DaySchema,
  endDay: DaySchema,
  status: z.enum(PLAN_STATUSES),
  coach: z.string(),
  reason: z.string(),
  goals: z.array(
    z.object({
      id: Id,
      kpi: z.enum(GOAL_KPIS).nullable(),
      text: z.string(),
      target: z.number().nullable(),
      status: z.enum(GOAL_STATUSES),
      /** the KPI over the plan's period so far (start to the end or today); null without data */
      current: z.number().nullable(),
    }),
  ),
  /** checkpoint notes written for the plan */
  checkpoints: z.number().int().nonnegative(),
  lastCheckpointDay: DaySchema.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const DueItemSchema = z.object({
  /** unique in the list, e.g. `action:12` */
  key: z.string(),
  kind: z.enum(DUE_KINDS),
  due: DaySchema.nullable(),
  bucket: z.enum(DUE_BUCKETS),
  ...AgentRef,
  noteId: Id.nullable(),
  noteKind: z.enum(NOTE_KINDS).nullable(),
  noteDay: DaySchema.nullable(),
  actionId: Id.nullable(),
  /** the action's words */
  text: z.string().nullable(),
  planId: Id.nullable(),
  planStatus: z.enum(PLAN_STATUSES).nullable(),
});
export type DueItem = z.infer<typeof DueItemSchema>;
export type { DueBucket };

/** One agent's, or (`teamIds`: a lead's, set by src-main/auth/scope.ts) those teams' agents'. */
const AgentFilter = z.object({ agentId: Id.optional(), teamIds: TeamIdsSchema.optional() });

export const coachingContract = {
  /** Notes newest first (by date), optionally of one agent or one plan. */
  'coaching.notes': method(
    AgentFilter.extend({ planId: Id.optional(), limit: z.number().int().min(1).max(500).default(200) }),
    z.object({ notes: z.array(NoteSchema), total: z.number().int().nonnegative() }),
  ),
  'coaching.note': method(z.object({ id: Id }), NoteSchema),
  /** Writes a note; its KPIs for `kpiRange` are taken now and kept as they are. */
  'coaching.createNote': method(NoteInputSchema, NoteSchema),
  /** Edits a note; the KPI snapshot is retaken only when `kpiRange` changes. */
  'coaching.updateNote': method(NoteUpdateSchema, NoteSchema),
  'coaching.deleteNote': method(z.object({ id: Id }), z.object({ deleted: z.boolean() })),

  /** Plans: open ones first, then by end date, newest first. */
  'coaching.plans': method(AgentFilter, z.object({ plans: z.array(PlanSchema) })),
  /** Starts a plan (status active); an agent has at most one open plan. */
  'coaching.createPlan': method(PlanInputSchema, PlanSchema),
  /** Edits a plan; status changes follow `nextPlanStatuses` (extending needs a later end date). */
  'coaching.updatePlan': method(PlanUpdateSchema, PlanSchema),

  /** What is due: overdue first, then today, this week, later, undated. `today` pins the clock. */
  'coaching.due': method(
    AgentFilter.extend({ today: DaySchema.optional() }),
    z.object({ today: DaySchema, items: z.array(DueItemSchema) }),
  ),
  /** Marks a note's follow-up or an agreed action done (or not done again). */
  'coaching.markDone': method(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('followUp'), noteId: Id, done: z.boolean() }),
      z.object({ kind: z.literal('action'), actionId: Id, done: z.boolean() }),
    ]),
    z.object({ done: z.boolean() }),
  ),
  /** The agent page's panel: latest notes, the open plan, the next thing due. */
  'coaching.agent': method(
    z.object({ agentId: Id, today: DaySchema.optional() }),
    z.object({
      notes: z.array(NoteSchema),
      totalNotes: z.number().int().nonnegative(),
      openPlan: PlanSchema.nullable(),
      nextDue: DueItemSchema.nullable(),
      openItems: z.number().int().nonnegative(),
    }),
  ),
} as const;

export type CoachingMethod = keyof typeof coachingContract;
