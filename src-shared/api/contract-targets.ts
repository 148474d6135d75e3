/**
 * The targets feature's share of the contract: the working-day calendar, monthly targets with
 * suggestions from history, pacing, the composite score (with what-if), the bonus sheet and the
 * anomaly alerts.
 */
import { z } from 'zod';
import { ALERT_KINDS } from '../anomalies';
import { CONVERSION_SOURCES } from '../orders';
import { DEFAULT_RATING_TARGET, RATING_MAX, RATING_MIN } from '../ratings';
import { GRADES, SCORE_ITEMS } from '../scoring';
import { TARGET_KPIS } from '../targets';
import { method, None } from './method';
import { DaySchema, FilterSchema, TeamIdsSchema } from './schemas';

export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a month YYYY-MM' });
export const TargetKpiSchema = z.enum(TARGET_KPIS);
const Id = z.number().int().positive();
const KpiNumbers = z.record(TargetKpiSchema, z.number().nullable());

export const CalendarSchema = z.object({
  weekend: z.array(z.number().int().min(1).max(7)).max(7),
  holidays: z.array(DaySchema).max(400),
  workdays: z.array(DaySchema).max(400),
});

/** A team's own calendar: its weekly days off and its own exceptions on top of the workspace's. */
export const TeamCalendarSchema = CalendarSchema.extend({ teamId: Id });

export const TargetScopeSchema = z.enum(['all', 'team', 'agent']);
export const TargetEntrySchema = z.object({
  scope: TargetScopeSchema,
  /** 0 for everyone */
  scopeId: z.number().int().min(0),
  kpi: TargetKpiSchema,
  value: z.number().min(0).max(1e12),
});
export type TargetEntry = z.infer<typeof TargetEntrySchema>;

export const ProfileSchema = z.object({
  weights: z.record(TargetKpiSchema, z.number().min(0).max(1000)),
  /** weights of the lead's behaviour ratings; a profile saved before ratings existed weighs them 0 */
  ratingWeights: z
    .object({
      professionalism: z.number().min(0).max(1000),
      attitude: z.number().min(0).max(1000),
      learning: z.number().min(0).max(1000),
    })
    .default({ professionalism: 0, attitude: 0, learning: 0 }),
  ratingTarget: z.number().min(RATING_MIN).max(RATING_MAX).default(DEFAULT_RATING_TARGET),
  cap: z.number().min(1).max(3),
  bands: z.object({
    A: z.number().min(0).max(300),
    B: z.number().min(0).max(300),
    C: z.number().min(0).max(300),
  }),
});

export const BonusSheetSchema = z.object({
  base: z.number().int().min(0),
  grades: z.record(
    z.enum(GRADES),
    z.object({
      coefficient: z.number().min(0).max(10),
      bands: z
        .array(z.object({ from: z.number().int().min(0), rate: z.number().min(0).max(1) }))
        .min(1)
        .max(10),
    }),
  ),
});

export const ThresholdsSchema = z.object({
  ownZ: z.number().min(1).max(20),
  minChange: z.number().min(0).max(10),
  sustainedDays: z.number().int().min(2).max(20),
  sustainedZ: z.number().min(1).max(20),
  teamZ: z.number().min(0).max(20),
  historyDays: z.number().int().min(5).max(90),
  minHistoryDays: z.number().int().min(3).max(60),
  minDials: z.number().int().min(1).max(1000),
  shortSeconds: z.number().int().min(1).max(120),
  shortShareRatio: z.number().min(1).max(20),
  shortShareZ: z.number().min(1).max(20),
  repeatDials: z.number().int().min(2).max(100),
  salesWithoutTalk: z.number().int().min(1).max(100),
});

export const PaceSchema = z.object({
  kpi: TargetKpiSchema,
  target: z.number(),
  actual: z.number().nullable(),
  expected: z.number(),
  pace: z.number().nullable(),
  forecast: z.number().nullable(),
  forecastAttainment: z.number().nullable(),
  neededPerDay: z.number().nullable(),
  remainingDays: z.number().int(),
  /** sales and revenue: whether orders or the sales marked on calls were measured (salesSource) */
  source: z.enum(CONVERSION_SOURCES).optional(),
});
export type PaceRow = z.infer<typeof PaceSchema>;

export const ScorePartSchema = z.object({
  /** a target KPI or a rating dimension */
  kpi: z.enum(SCORE_ITEMS),
  weight: z.number(),
  attainment: z.number().nullable(),
  counted: z.number().nullable(),
  points: z.number(),
  leftOut: z.boolean(),
  /** sales and revenue: whether orders or the sales marked on calls were measured (salesSource) */
  source: z.enum(CONVERSION_SOURCES).optional(),
});

export const ScoreRowSchema = z.object({
  agentId: Id,
  teamId: z.number().int().nullable(),
  score: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  rank: z.number().int().nullable(),
  parts: z.array(ScorePartSchema),
  revenue: z.number().int(),
});
export type ScoreRow = z.infer<typeof ScoreRowSchema>;

export const AlertSchema = z.object({
  key: z.string(),
  kind: z.enum(ALERT_KINDS),
  agentId: Id,
  day: DaySchema,
  value: z.number(),
  usual: z.number().nullable(),
  teamMedian: z.number().nullable(),
  ownZ: z.number().nullable(),
  teamZ: z.number().nullable(),
  direction: z.enum(['high', 'low']),
  last4: z.string().nullable().optional(),
  acked: z.boolean(),
});
export type AlertRow = z.infer<typeof AlertSchema>;

const Suggestion = z.object({ values: KpiNumbers, basis: KpiNumbers });

export const targetsContract = {
  'targets.calendar': method(None, CalendarSchema),
  'targets.setCalendar': method(CalendarSchema, CalendarSchema),
  'targets.teamCalendars': method(None, z.array(TeamCalendarSchema)),
  /** null: the team follows the workspace's calendar again */
  'targets.setTeamCalendar': method(
    z.object({ teamId: Id, calendar: CalendarSchema.nullable() }),
    z.array(TeamCalendarSchema),
  ),

  /**
   * A month's targets, working days and suggestions from the three months before it; with a team
   * (a lead's teams), of those teams' agents only, `all` then their sum.
   */
  'targets.plan': method(
    z.object({
      month: MonthSchema,
      uplift: z.number().min(-0.5).max(2).default(0.05),
      teamId: Id.optional(),
      teamIds: TeamIdsSchema.optional(),
    }),
    z.object({
      month: MonthSchema,
      workingDays: z.number().int(),
      targets: z.array(TargetEntrySchema),
      /** suggestions for each active agent; `basis` is the last three months' value (the split by share) */
      agents: z.array(Suggestion.extend({ agentId: Id, teamId: z.number().int().nullable() })),
      /** a team's suggestion as a team, and `perAgent`: the same per active agent (beside an agent's own) */
      teams: z.array(
        Suggestion.extend({
          teamId: Id,
          perAgent: KpiNumbers,
          agents: z.number().int(),
          /** the team's own working days in the month (a team that works Saturdays has more) */
          workingDays: z.number().int(),
        }),
      ),
      all: Suggestion,
    }),
  ),
  /** Saves targets; a null value removes one. */
  'targets.set': method(
    z.object({
      month: MonthSchema,
      entries: z
        .array(TargetEntrySchema.extend({ value: TargetEntrySchema.shape.value.nullable() }))
        .max(5000),
    }),
    z.object({ saved: z.number().int() }),
  ),

  /** Month-to-date against target for the dashboard's filter (one month at most), and each agent's pace. */
  'targets.pacing': method(
    z.object({ filter: FilterSchema }),
    z.object({
      applies: z.boolean(),
      asOf: DaySchema.nullable(),
      workingDays: z.number().int(),
      elapsedDays: z.number().int(),
      kpis: z.array(PaceSchema),
      agents: z.array(z.object({ agentId: Id, pace: z.number().nullable(), kpis: z.array(PaceSchema) })),
    }),
  ),

  'targets.profile': method(z.object({ campaignId: Id.optional() }), ProfileSchema),
  'targets.setProfile': method(
    z.object({ campaignId: Id.optional(), profile: ProfileSchema }),
    ProfileSchema,
  ),
  /** The campaigns that have a scoring profile of their own (the others use the workspace's). */
  'targets.campaignProfiles': method(None, z.object({ campaignIds: z.array(Id) })),
  /** Removes a campaign's own profile: the campaign is scored with the workspace's again. */
  'targets.dropProfile': method(z.object({ campaignId: Id }), ProfileSchema),
  /** Scores a month under the saved profile, or under `profile` (the what-if editor) without saving. */
  'targets.scores': method(
    z.object({ month: MonthSchema, campaignId: Id.optional(), profile: ProfileSchema.optional() }),
    z.object({ month: MonthSchema, asOf: DaySchema, complete: z.boolean(), rows: z.array(ScoreRowSchema) }),
  ),

  'targets.bonusSheet': method(None, BonusSheetSchema),
  'targets.setBonusSheet': method(BonusSheetSchema, BonusSheetSchema),
  'targets.bonus': method(
    z.object({ month: MonthSchema }),
    z.object({
      sheet: BonusSheetSchema,
      rows: z.array(
        ScoreRowSchema.pick({ agentId: true, teamId: true, score: true, grade: true, revenue: true }).extend({
          bonus: z.number().int().nullable(),
          commission: z.number().int().nullable(),
          computed: z.number().int().nullable(),
          override: z.object({ amount: z.number().int(), reason: z.string() }).nullable(),
          pay: z.number().int().nullable(),
        }),
      ),
    }),
  ),
  'targets.overridePay': method(
    z.object({
      month: MonthSchema,
      agentId: Id,
      /** null removes the override */
      amount: z.number().int().min(0).nullable(),
      reason: z.string().trim().max(200),
    }),
    z.object({ ok: z.boolean() }),
  ),

  'targets.thresholds': method(None, ThresholdsSchema),
  'targets.setThresholds': method(ThresholdsSchema, ThresholdsSchema),
  'targets.alerts': method(
    z.object({ from: DaySchema, to: DaySchema, teamId: Id.optional(), teamIds: TeamIdsSchema.optional() }),
    z.object({ alerts: z.array(AlertSchema) }),
  ),
  'targets.ack': method(
    z.object({ key: z.string().max(100), acked: z.boolean() }),
    z.object({ ok: z.boolean() }),
  ),
} as const;

export type TargetsMethod = keyof typeof targetsContract;
