/**
 * Recording spot-checks (录音抽检): scorecards and their versions, the spot-check list, audits,
 * calibrations and the audit numbers the dashboard and agent page read.
 */
import { z } from 'zod';
import { LANGUAGES } from '../domain';
import { ANSWER_VALUES, ScorecardDefinitionSchema } from '../scorecard';
import { AuditResponseSchema, RESPONSE_STATES } from './audit-response';
import { method, None } from './method';
import { DaySchema, FilterSchema, TeamIdsSchema } from './schemas';

const Id = z.number().int().positive();
const Count = z.number().int().nonnegative();

export const ScorecardVersionSchema = z.object({
  scorecardId: Id,
  versionId: Id,
  version: z.number().int().positive(),
  template: z.string().nullable(),
  name: z.string(),
  definition: ScorecardDefinitionSchema,
  createdAt: z.number(),
});
export type ScorecardVersion = z.infer<typeof ScorecardVersionSchema>;

export const RecordingsFolderSchema = z.object({
  /** the absolute folder recordings are looked up in */
  folder: z.string(),
  /** true when no folder was chosen: `recordings/` beside the workspace file */
  isDefault: z.boolean(),
  exists: z.boolean(),
});
export type RecordingsFolder = z.infer<typeof RecordingsFolderSchema>;

export const STRATA = ['sale', 'longest', 'short_sale', 'random'] as const;
export type Stratum = (typeof STRATA)[number];

export const AuditStatusSchema = z.enum(['draft', 'submitted']);

export const SampleCallSchema = z.object({
  callId: Id,
  agentId: Id,
  agentName: z.string(),
  startedAt: z.number(),
  day: DaySchema,
  talkSeconds: Count,
  isSale: z.boolean(),
  hasRecording: z.boolean(),
  stratum: z.enum(STRATA),
  audit: z
    .object({ id: Id, status: AuditStatusSchema, score: z.number().nullable(), failed: z.boolean() })
    .nullable(),
});
export type SampleCall = z.infer<typeof SampleCallSchema>;

export const SampleSchema = z.object({
  id: Id,
  from: DaySchema,
  to: DaySchema,
  perAgent: z.number().int().positive(),
  minimum: z.number().int().nonnegative(),
  seed: z.number().int(),
  strata: z.boolean(),
  teamId: Id.nullable(),
  createdAt: z.number(),
  calls: z.array(SampleCallSchema),
  /** agents with calls in the period whose submitted audits are below the minimum */
  belowMinimum: z.array(z.object({ agentId: Id, agentName: z.string(), audits: Count, minimum: Count })),
});
export type Sample = z.infer<typeof SampleSchema>;

export const SampleRequestSchema = z.object({
  from: DaySchema,
  to: DaySchema,
  teamId: Id.optional(),
  perAgent: z.number().int().min(1).max(50).default(3),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  strata: z.boolean().default(true),
  /** audits an agent should have in the period (default: perAgent) */
  minimum: z.number().int().min(0).max(100).optional(),
});

const AnswerSchema = z.enum(ANSWER_VALUES);
const AnswersSchema = z.record(z.string().max(64), AnswerSchema);

export const AuditNoteSchema = z.object({
  /** seconds into the recording, or null for a note about the whole call */
  offsetSeconds: z.number().min(0).max(86_400).nullable(),
  text: z.string().trim().min(1).max(2000),
});
export type AuditNote = z.infer<typeof AuditNoteSchema>;

/** The reviewer's overall comment on an audit ('' when none). */
const CommentSchema = z.string().trim().max(4000);
/** A comment per scorecard item (item key → text); empty texts are dropped. */
const ItemCommentsSchema = z.record(z.string().max(64), z.string().trim().max(2000));
export type ItemComments = z.infer<typeof ItemCommentsSchema>;

/** What a reviewer writes on an audit: answers, timed notes and comments (a draft or the submission). */
const AuditWriteSchema = z.object({
  auditId: Id,
  answers: AnswersSchema,
  notes: z.array(AuditNoteSchema).max(200),
  comment: CommentSchema.default(''),
  itemComments: ItemCommentsSchema.default({}),
});

export const AuditDetailSchema = z.object({
  id: Id,
  status: AuditStatusSchema,
  reviewer: z.string(),
  calibrationId: Id.nullable(),
  score: z.number().nullable(),
  failed: z.boolean(),
  updatedAt: z.number(),
  submittedAt: z.number().nullable(),
  call: z.object({
    id: Id,
    agentId: Id,
    agentName: z.string(),
    startedAt: z.number(),
    day: DaySchema,
    talkSeconds: Count,
    disposition: z.string(),
    outcome: z.string(),
    isSale: z.boolean(),
    phoneLast4: z.string().nullable(),
    recordingRef: z.string().nullable(),
  }),
  scorecard: ScorecardVersionSchema,
  answers: AnswersSchema,
  notes: z.array(AuditNoteSchema),
  comment: z.string(),
  itemComments: ItemCommentsSchema,
  /** the agent's acknowledgement or dispute and its answer; null: a draft or a calibration scoring */
  response: AuditResponseSchema.nullable().optional(),
  /** the login of whoever submitted it, in a team workspace (absent when local) */
  submittedBy: z.string().optional(),
});
export type AuditDetail = z.infer<typeof AuditDetailSchema>;

export const AuditRowSchema = z.object({
  id: Id,
  callId: Id,
  agentId: Id,
  agentName: z.string(),
  reviewer: z.string(),
  day: DaySchema,
  scorecardName: z.string(),
  version: z.number().int(),
  score: z.number().nullable(),
  failed: z.boolean(),
  submittedAt: z.number().nullable(),
  /** the overall comment ('' when none) */
  comment: z.string(),
  /** where the agent's answer stands (申诉) */
  responseState: z.enum(RESPONSE_STATES).optional(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const AuditSummarySchema = z.object({
  /** mean of the submitted audits' percentages in the period (critical fail = 0 %); null: none */
  auditScore: z.number().nullable(),
  audits: Count,
  failed: Count,
});
export type AuditSummary = z.infer<typeof AuditSummarySchema>;

export const CalibrationReportSchema = z.object({
  calibrationId: Id,
  callId: Id,
  scorecard: ScorecardVersionSchema,
  /** false while the asking reviewer has not submitted their own scoring (blind) */
  visible: z.boolean(),
  reviewers: z.array(
    z.object({ reviewer: z.string(), status: AuditStatusSchema, score: z.number().nullable() }),
  ),
  items: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      answers: z.record(z.string(), AnswerSchema),
      /** share of reviewer pairs that gave the same answer; null with fewer than 2 answers */
      agreement: z.number().nullable(),
    }),
  ),
  totals: z.object({ min: z.number().nullable(), max: z.number().nullable(), spread: z.number().nullable() }),
  /** Fleiss' kappa (Cohen's kappa when there are exactly two reviewers); null when undefined */
  kappa: z.number().nullable(),
  kappaKind: z.enum(['cohen', 'fleiss']).nullable(),
  /**
   * The call's own submitted audit (outside the calibration): the reference the blind scorings are
   * read against. Shown, like the others' answers, only once the asking reviewer has submitted.
   */
  reference: z
    .object({
      auditId: Id,
      reviewer: z.string(),
      score: z.number().nullable(),
      failed: z.boolean(),
      answers: z.record(z.string(), AnswerSchema),
      comment: z.string(),
    })
    .nullable(),
});
export type CalibrationReport = z.infer<typeof CalibrationReportSchema>;

export const CalibrationRowSchema = z.object({
  id: Id,
  callId: Id,
  agentName: z.string(),
  /** the audited call's agent (a lead's list keeps their agents') */
  agentId: Id.optional(),
  scorecardName: z.string(),
  version: z.number().int(),
  /** who has scored it so far (names only: answers stay blind) */
  reviewers: z.array(z.object({ reviewer: z.string(), status: AuditStatusSchema })),
  createdAt: z.number(),
});
export type CalibrationRow = z.infer<typeof CalibrationRowSchema>;

const Interval = z.object({ n: Count, mean: z.number().nullable(), margin: z.number().nullable() });

export const AuditAnalyticsSchema = z.object({
  /** Mondays of the weeks with audits, oldest first */
  weeks: z.array(DaySchema),
  groups: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      overall: Interval,
      weeks: z.array(Interval.extend({ week: DaySchema })),
    }),
  ),
  /** the mean score of all audits per week (per month over long ranges), for the QA chart */
  trend: z.object({
    unit: z.enum(['week', 'month']),
    points: z.array(Interval.extend({ start: DaySchema })),
    /** the pass mark every scorecard version behind these audits shares; null: none or mixed */
    passMark: z.number().nullable(),
  }),
  items: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      /** answers other than N/A */
      answered: Count,
      failures: Count,
      failureRate: z.number().nullable(),
      /** sales / calls among the audited calls that failed the item, and that passed it */
      conversionFailing: z.number().nullable(),
      conversionPassing: z.number().nullable(),
    }),
  ),
});
export type AuditAnalytics = z.infer<typeof AuditAnalyticsSchema>;

const Reviewer = z.string().trim().min(1).max(60);
const Language = z.enum(LANGUAGES);

export const auditsContract = {
  /** The workspace's scorecards (latest version each); the built-in ones are added on first use. */
  'scorecards.list': method(z.object({ language: Language }), z.array(ScorecardVersionSchema)),
  'scorecards.version': method(z.object({ versionId: Id }), ScorecardVersionSchema),
  /** The built-in templates as shipped, in a language: what a new scorecard can start from. */
  'scorecards.templates': method(
    z.object({ language: Language }),
    z.array(z.object({ id: z.string(), definition: ScorecardDefinitionSchema })),
  ),
  /** Saves a scorecard: a new scorecard, or a new version of an existing one (old audits keep theirs). */
  'scorecards.save': method(
    z.object({ scorecardId: Id.optional(), definition: ScorecardDefinitionSchema }),
    ScorecardVersionSchema,
  ),
  /**
   * Imports a scorecard from JSON text — as a new scorecard, or with `scorecardId` as its next
   * version (edit = export, change, import). A bad file is refused with the field that is wrong.
   */
  'scorecards.import': method(
    z.object({ json: z.string().max(1_000_000), scorecardId: Id.optional() }),
    ScorecardVersionSchema,
  ),
  'scorecards.export': method(
    z.object({ versionId: Id }),
    z.object({ fileName: z.string(), json: z.string() }),
  ),

  'audits.recordingsFolder': method(None, RecordingsFolderSchema),
  /** null: back to `recordings/` beside the workspace file; a relative folder is read from there too. */
  'audits.setRecordingsFolder': method(
    z.object({ folder: z.string().trim().min(1).max(1000).nullable() }),
    RecordingsFolderSchema,
  ),

  /** Draws the spot-check list for a period (seeded, reproducible, skipping audited calls). */
  'audits.buildSample': method(SampleRequestSchema, SampleSchema),
  /** The latest spot-check list (or one by id), with each call's audit so far. */
  'audits.sample': method(
    z.object({ sampleId: Id.optional(), teamIds: TeamIdsSchema.optional() }),
    SampleSchema.nullable(),
  ),

  /** Starts (or reopens) the audit of a call with a scorecard version; returns the draft. */
  'audits.open': method(z.object({ callId: Id, versionId: Id, reviewer: Reviewer }), AuditDetailSchema),
  'audits.get': method(z.object({ auditId: Id }), AuditDetailSchema),
  /** Autosave: the answers and notes so far (a draft survives a restart). */
  'audits.saveDraft': method(AuditWriteSchema, z.object({ updatedAt: z.number() })),
  /**
   * Scores the answers on the server with the audit's scorecard version and closes the audit.
   * Unanswered items are refused unless `allowUnanswered` (the reviewer confirmed): they then count
   * as N/A, as QA tools treat a skipped criterion; at least one item must be answered.
   */
  'audits.submit': method(
    AuditWriteSchema.extend({ allowUnanswered: z.boolean().default(false) }),
    AuditDetailSchema,
  ),
  /** Submitted audits (regular, not calibration) of a period, newest first. */
  'audits.list': method(
    z.object({ filter: FilterSchema, limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ rows: z.array(AuditRowSchema) }),
  ),
  /** The dashboard's audit-score KPI for a filter. */
  'audits.summary': method(z.object({ filter: FilterSchema }), AuditSummarySchema),

  /** QA analytics: score per agent or team and week (mean, 95 % interval, count), item failure rates. */
  'audits.analytics': method(
    z.object({ filter: FilterSchema, by: z.enum(['agent', 'team']).default('agent') }),
    AuditAnalyticsSchema,
  ),

  /** A calibration: the same call scored blind by several reviewers. */
  'calibrations.create': method(z.object({ callId: Id, versionId: Id }), z.object({ calibrationId: Id })),
  /** The newest calibrations; `teamIds`: of those teams' calls (a lead's, set by src-main/auth/scope.ts). */
  'calibrations.list': method(
    z.object({ teamIds: TeamIdsSchema.optional() }).strict(),
    z.array(CalibrationRowSchema),
  ),
  'calibrations.open': method(z.object({ calibrationId: Id, reviewer: Reviewer }), AuditDetailSchema),
  'calibrations.report': method(z.object({ calibrationId: Id, reviewer: Reviewer }), CalibrationReportSchema),
};
