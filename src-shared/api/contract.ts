/**
 * The API contract: every call the renderer (or any door) can make, declared once with its input
 * and output schema. `src-main/api.ts` implements it; the dispatcher checks both sides.
 */
import { z } from 'zod';
import { LANGUAGES } from '../domain';
import {
  AgentSchema,
  BackupSchema,
  BatchSchema,
  AgentProfileSchema,
  BreakdownSchema,
  CALL_SORTS,
  CallRowSchema,
  CallsQuerySchema,
  CampaignSchema,
  DaySchema,
  FilterSchema,
  HeatmapCellSchema,
  ImportChoicesSchema,
  ImportPreviewSchema,
  JobSchema,
  LeaderboardRowSchema,
  MetricsRowSchema,
  RejectSchema,
  SettingsSchema,
  SummarySchema,
  TeamSchema,
  WorkspaceInfoSchema,
} from './schemas';
import type { MessageCode } from './schemas';
import { JobStarted, method, None } from './method';
import { sessionContract, type SessionMethod } from './contract-session';
import { coachingContract } from './contract-coaching';
import { reportsContract } from './contract-reports';
import { ordersContract } from './contract-orders';
import { auditsContract } from './contract-audits';
import { targetsContract } from './contract-targets';
import { ratingsContract } from './contract-ratings';
import { zoneContract } from './contract-zone';
import { recordingsContract } from './contract-recordings';
import { reviewContract } from './contract-review';
import { peopleContract } from './contract-people';
import { hostContract } from './contract-host';
import { disputesContract } from './contract-disputes';
import { activityContract } from './contract-activity';
import { authContract } from './contract-auth';

export const contract = {
  'workspace.info': method(None, WorkspaceInfoSchema),

  'settings.get': method(None, SettingsSchema),
  /** Changing the effective-call threshold recomputes the rollups from the stored calls. */
  'settings.update': method(SettingsSchema.partial().strict(), SettingsSchema),

  'teams.list': method(None, z.array(TeamSchema)),
  'teams.create': method(z.object({ name: z.string().trim().min(1).max(60) }), TeamSchema),
  'agents.list': method(None, z.array(AgentSchema)),
  'agents.update': method(
    z.object({
      id: z.number().int().positive(),
      name: z.string().trim().max(60).nullable().optional(),
      teamId: z.number().int().positive().nullable().optional(),
      /** with teamId: the first day in the new team (default: today; see src-main/people/membership.ts) */
      since: DaySchema.optional(),
      active: z.boolean().optional(),
      /** the day the agent left; null brings them back */
      leftOn: DaySchema.nullable().optional(),
      notes: z.string().trim().max(500).nullable().optional(),
    }),
    AgentSchema,
  ),
  'campaigns.list': method(None, z.array(CampaignSchema)),

  'metrics.summary': method(z.object({ filter: FilterSchema }), SummarySchema),
  'metrics.breakdown': method(
    z.object({ filter: FilterSchema, by: BreakdownSchema }),
    z.object({ rows: z.array(MetricsRowSchema) }),
  ),

  /** Calls by hour of the day and weekday (from the hourly rollup). */
  'metrics.heatmap': method(
    z.object({ filter: FilterSchema }),
    z.object({ cells: z.array(HeatmapCellSchema) }),
  ),
  /** Every agent with calls in the range, with KPIs and per-day series for sparklines. */
  'metrics.leaderboard': method(
    z.object({ filter: FilterSchema }),
    z.object({ days: z.array(z.string()), rows: z.array(LeaderboardRowSchema) }),
  ),
  /** One agent's talk-time distribution and outcomes over the range (their own calls, by index). */
  'metrics.agent': method(
    z.object({ agentId: z.number().int().positive(), filter: FilterSchema }),
    AgentProfileSchema,
  ),

  /**
   * A page of calls, keyset-paginated: pass the previous page's `next` as `after` (same query and
   * sort) for the following page. Stays fast however deep the user scrolls.
   */
  'calls.list': method(
    CallsQuerySchema.extend({
      sort: z.enum(CALL_SORTS).default('startedAt'),
      order: z.enum(['asc', 'desc']).default('desc'),
      after: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ rows: z.array(CallRowSchema), next: z.string().nullable() }),
  ),
  /** How many calls match, counted up to `CALLS_COUNT_CAP` (beyond it: "more than"). */
  'calls.count': method(CallsQuerySchema, z.object({ count: z.number().int(), capped: z.boolean() })),

  'import.presets': method(None, z.array(z.object({ id: z.string(), name: z.string() }))),
  /** Hands a file's bytes to the workspace (IPC door; the web host streams uploads instead). */
  'import.stage': method(
    z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) }),
    z.object({ stagedId: z.string() }),
  ),
  /** Reads the start of a staged file exactly as the import will: layout, mapping, first rows. */
  'import.preview': method(ImportChoicesSchema.extend({ stagedId: z.string() }), ImportPreviewSchema),
  /** Drops a staged file the user did not import (another file was chosen). */
  'import.discard': method(z.object({ stagedId: z.string() }), z.object({ discarded: z.boolean() })),
  /** Imports a staged file with the choices; they are saved as the profile of its header signature. */
  'import.start': method(
    ImportChoicesSchema.extend({ stagedId: z.string(), saveProfile: z.boolean().default(true) }),
    JobStarted,
  ),
  'import.batches': method(None, z.array(BatchSchema)),
  'import.rejects': method(
    z.object({
      batchId: z.number().int().positive(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.object({ total: z.number().int(), rows: z.array(RejectSchema) }),
  ),
  /** A batch's rejected (and warned) rows as a CSV to fix and re-import. */
  'import.rejectsCsv': method(
    z.object({ batchId: z.number().int().positive() }),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),
  'import.undo': method(z.object({ batchId: z.number().int().positive() }), BatchSchema),

  /** The workspace's backups, newest first (folder `backups/` beside the workspace file). */
  'backups.list': method(None, z.object({ folder: z.string(), backups: z.array(BackupSchema) })),
  /** Backs the workspace up now (verified before it is listed). */
  'backups.create': method(None, BackupSchema),
  /** Replaces the workspace with a backup, after backing up the current state first. */
  'backups.restore': method(
    z.object({ name: z.string().min(1).max(255) }),
    z.object({ safetyCopy: z.string() }),
  ),

  'demo.load': method(
    z.object({
      agents: z.number().int().min(1).max(500).default(18),
      days: z.number().int().min(1).max(400).default(75),
      seed: z.number().int().default(7),
      language: z.enum(LANGUAGES).optional(),
    }),
    JobStarted,
  ),

  ...sessionContract,
  ...coachingContract,
  ...reportsContract,

  ...ordersContract,
  ...auditsContract,
  ...targetsContract,
  ...ratingsContract,
  ...zoneContract,
  ...recordingsContract,
  ...reviewContract,
  ...peopleContract,
  ...hostContract,
  ...disputesContract,
  ...activityContract,
  ...authContract,

  'jobs.get': method(z.object({ jobId: z.string() }), JobSchema),
  'jobs.cancel': method(z.object({ jobId: z.string() }), JobSchema),
  'jobs.list': method(None, z.array(JobSchema)),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** The methods a workspace's API answers (the session's own are answered by the session). */
export type ApiMethod = Exclude<Method, SessionMethod>;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The error every door returns, as `{ error: ApiErrorBody }`. */
export interface ApiErrorBody {
  code:
    | 'bad_input'
    | 'unauthorized'
    /** signed in, but the user's role may not call this */
    | 'forbidden'
    | 'not_found'
    | 'conflict'
    | 'busy'
    | 'internal'
    | 'unknown_method'
    /** no workspace is open (see `session.state`) */
    | 'unavailable';
  message: string;
  /** the message as a catalogue key and values (an import's file error), for the user's language */
  messageCode?: MessageCode;
}
