/**
 * The morning review (issue 19): who needs attention and why, the daily battle report (战报) as a
 * phone-sized PNG and as text to paste, and exports of the dashboard's tables and the calls list.
 */
import { z } from 'zod';
import { DUE_KINDS } from '../coaching';
import { LANGUAGES } from '../domain';
import { AlertSchema, TargetKpiSchema } from './contract-targets';
import { method } from './method';
import { CALL_SORTS, CallsQuerySchema, DaySchema, FilterSchema, TeamIdsSchema } from './schemas';

const Id = z.number().int().positive();
const Count = z.number().int().nonnegative();

/** Why an agent is on the "needs attention" list; the renderer puts each reason in words. */
export const AttentionReasonSchema = z.discriminatedUnion('kind', [
  /** month to date, a target KPI under the pace mark (actual ÷ where they should be by now) */
  z.object({
    kind: z.literal('behindPace'),
    kpi: TargetKpiSchema,
    pace: z.number(),
    actual: z.number().nullable(),
    expected: z.number(),
  }),
  /** an anomaly alert of the range nobody acknowledged */
  z.object({ kind: z.literal('alert'), alert: AlertSchema }),
  /** month to date, the mean audit score under the scorecards' pass mark */
  z.object({ kind: z.literal('qaBelowPass'), score: z.number(), passMark: z.number(), audits: Count }),
  /** month to date, fewer submitted audits than expected by now */
  z.object({ kind: z.literal('qaTooFew'), audits: Count, expected: Count }),
  /** a follow-up, agreed action or plan end whose day has passed */
  z.object({
    kind: z.literal('overdue'),
    dueKind: z.enum(DUE_KINDS),
    due: DaySchema,
    text: z.string().nullable(),
  }),
]);
export type AttentionReason = z.infer<typeof AttentionReasonSchema>;

export const AttentionAgentSchema = z.object({
  agentId: Id,
  code: z.string(),
  name: z.string().nullable(),
  teamName: z.string().nullable(),
  reasons: z.array(AttentionReasonSchema),
});
export type AttentionAgent = z.infer<typeof AttentionAgentSchema>;

export const EXPORT_TABLES = ['leaderboard', 'teams', 'calls'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
/** The calls list exports at most this many rows (the UI says so). */
export const CALLS_EXPORT_CAP = 50_000;

export const reviewContract = {
  /**
   * Agents who need attention, worst first: pace and QA month to date through `filter.to`, open
   * alerts of the filter's range (its last 31 days at most), follow-ups overdue today.
   */
  'review.attention': method(
    z.object({
      filter: FilterSchema,
      /** audits each agent should have over a whole month (pro-rated by working days elapsed) */
      auditsPerMonth: z.number().int().min(0).max(100).default(3),
    }),
    z.object({
      monthFrom: DaySchema,
      /** alerts are of [alertsFrom, to]: the range, at most its last 31 days */
      alertsFrom: DaySchema,
      to: DaySchema,
      /** a target KPI below this pace is "behind" */
      behindBelow: z.number(),
      passMark: z.number().nullable(),
      agents: z.array(AttentionAgentSchema),
    }),
  ),
  /** The day's battle report for the floor or a team: text to paste and a PNG 1080 px wide. */
  'review.battleReport': method(
    z.object({
      day: DaySchema,
      teamId: Id.optional(),
      teamIds: TeamIdsSchema.optional(),
      language: z.enum(LANGUAGES),
    }),
    z.object({
      day: DaySchema,
      text: z.string(),
      fileName: z.string(),
      png: z.object({ base64: z.string(), width: z.number().int(), height: z.number().int() }),
    }),
  ),
  /** What a dashboard table or the calls list shows, as a workbook or a CSV (UTF-8 with BOM). */
  'review.export': method(
    z.object({
      table: z.enum(EXPORT_TABLES),
      format: z.enum(EXPORT_FORMATS),
      language: z.enum(LANGUAGES),
      /** the calls list's narrowing (its `filter` is the dashboard's); the tables use `query.filter` */
      query: CallsQuerySchema,
      /** the calls list's order */
      sort: z.enum(CALL_SORTS).default('startedAt'),
      order: z.enum(['asc', 'desc']).default('desc'),
    }),
    z.object({
      fileName: z.string(),
      mime: z.string(),
      base64: z.string(),
      rows: Count,
      /** the calls list had more rows than CALLS_EXPORT_CAP: the first CALLS_EXPORT_CAP are in the file */
      capped: z.boolean(),
    }),
  ),
} as const;

export type ReviewMethod = keyof typeof reviewContract;
