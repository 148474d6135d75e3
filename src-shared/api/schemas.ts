/** The shapes that cross the API boundary, as zod schemas (checked at run time on both sides). */
import { z } from 'zod';
import {
  BREAKDOWNS,
  CALL_FIELDS,
  DIRECTION_MEANINGS,
  DIRECTIONS,
  DISPOSITIONS,
  LANGUAGES,
  OUTCOMES,
} from '../domain';
import { CUSTOMER_TYPES, IMPORT_KINDS, ORDER_FIELDS, ORDER_STATUSES } from '../orders';
import { COMPARISON_BASES } from '../periods';
import { isDay, isValidTimeZone } from '../time';

export const DaySchema = z.string().refine(isDay, { message: 'expected a date YYYY-MM-DD' });
export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai' });
const Id = z.number().int().positive();
const Count = z.number().int().nonnegative();
const Rate = z.number().nullable();

export const SettingsSchema = z.object({
  timeZone: TimeZoneSchema,
  effectiveThresholdSeconds: z.number().int().min(0).max(3600),
  /** spot-checks: a sale with less talk than this is drawn as a "short sale" */
  shortSaleSeconds: z.number().int().min(1).max(3600),
  /** 'auto' follows the operating system's language */
  language: z.enum(['auto', ...LANGUAGES]),
  /** ISO 4217 code used to show money (amounts are stored in minor units) */
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** browser mode: the largest file an upload may bring, in MB */
  uploadLimitMb: z.number().int().min(1).max(1_048_576),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const WorkspaceInfoSchema = z.object({
  path: z.string(),
  calls: Count,
  agents: Count,
  teams: Count,
  firstDay: DaySchema.nullable(),
  lastDay: DaySchema.nullable(),
  today: DaySchema,
  /** the working-day calendar ("last working day", comparisons by working days) */
  calendar: z.object({
    weekend: z.array(z.number().int().min(1).max(7)),
    holidays: z.array(DaySchema),
    workdays: z.array(DaySchema),
  }),
  /** the teams with working days of their own (a team that works Saturdays); the rest work `calendar` */
  teamCalendars: z.array(
    z.object({
      teamId: Id,
      weekend: z.array(z.number().int().min(1).max(7)),
      holidays: z.array(DaySchema),
      workdays: z.array(DaySchema),
    }),
  ),
  settings: SettingsSchema,
});

export const TeamSchema = z.object({
  id: Id,
  name: z.string(),
  agents: Count,
  /** the team lead's name, as the People page sets it */
  leadName: z.string().nullable(),
});
export type Team = z.infer<typeof TeamSchema>;

export const AgentSchema = z.object({
  id: Id,
  code: z.string(),
  name: z.string().nullable(),
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
  active: z.boolean(),
  firstDay: DaySchema.nullable(),
  lastDay: DaySchema.nullable(),
  /** the day the agent left (null while active) */
  leftOn: DaySchema.nullable(),
  notes: z.string().nullable(),
  /** the person's further agent codes (merged from another dialer), in 工号 order */
  otherCodes: z.array(z.string()),
});
export type Agent = z.infer<typeof AgentSchema>;

export const CampaignSchema = z.object({ id: Id, name: z.string() });
export type Campaign = z.infer<typeof CampaignSchema>;

/** At most as many teams as a user may lead (contract-auth.ts): a team lead's teams at once. */
export const TeamIdsSchema = z.array(Id).min(1).max(100);

export const FilterSchema = z
  .object({
    from: DaySchema,
    to: DaySchema,
    teamId: Id.optional(),
    /** several teams at once (a lead of several who chose none); `teamId`, when given, wins */
    teamIds: TeamIdsSchema.optional(),
    agentId: Id.optional(),
    campaignId: Id.optional(),
  })
  .refine((f) => f.from <= f.to, { message: '`from` must not be after `to`', path: ['to'] });
export type Filter = z.infer<typeof FilterSchema>;

export const KpiValuesSchema = z.object({
  dials: Count,
  connects: Count,
  effective: Count,
  talkSeconds: Count,
  effectiveTalkSeconds: Count,
  intents: Count,
  sales: Count,
  revenue: z.number().int(),
  connectRate: Rate,
  avgTalkSeconds: Rate,
  intentRate: Rate,
  leadConversion: Rate,
  conversionRate: Rate,
  avgOrderValue: Rate,
});

export const MetricsRowSchema = KpiValuesSchema.extend({
  /** the day, agent code (工号), team name, campaign name, or 'all'; null for "no team/campaign" */
  key: z.string().nullable(),
  /** what to show: the agent's name, else the key */
  label: z.string().nullable(),
  /** the agent, team or campaign id where the row is one */
  id: Id.nullable(),
});
export type MetricsRow = z.infer<typeof MetricsRowSchema>;

export const BreakdownSchema = z.enum(BREAKDOWNS);

export const SummarySchema = z.object({
  range: z.object({ from: DaySchema, to: DaySchema }),
  previousRange: z.object({ from: DaySchema, to: DaySchema }),
  /** why previousRange is the comparable period (the caption says it) */
  comparison: z.object({ basis: z.enum(COMPARISON_BASES), workingDays: Count.nullable() }),
  current: KpiValuesSchema,
  previous: KpiValuesSchema,
  /** days in the range that have calls */
  activeDays: Count,
  /** agent-days (an agent on a day with at least one dial), of the range and of the previous period */
  agentDays: Count,
  previousAgentDays: Count,
  /** calls of the range whose number the exporting system masked (absent when none): repeat dials miss them */
  maskedPhoneCalls: Count.optional(),
});

/** One cell of the hour-of-day x weekday heatmap (only cells with calls are sent). */
export const HeatmapCellSchema = z.object({
  /** 1 = Monday .. 7 = Sunday */
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  dials: Count,
  connects: Count,
  sales: Count,
  connectRate: Rate,
});
export type HeatmapCell = z.infer<typeof HeatmapCellSchema>;

/** An agent's row of the leaderboard: the KPIs over the range and a value per day for the sparkline. */
export const LeaderboardRowSchema = MetricsRowSchema.extend({
  teamName: z.string().nullable(),
  /** per day of the range (the response's `days`), for the sparklines */
  daily: z.object({ dials: z.array(Count), connects: z.array(Count), sales: z.array(Count) }),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRowSchema>;

/** Upper bounds (seconds, exclusive) of the agent page's talk-time buckets; the last is open. */
export const TALK_BUCKETS = [10, 30, 60, 120, 300, 600] as const;

export const AgentProfileSchema = z.object({
  agent: AgentSchema,
  /** connects per talk-time bucket: [0-10), [10-30), ... [600, inf) — TALK_BUCKETS.length + 1 entries */
  talkBuckets: z.array(Count),
  /** outbound calls per disposition and per outcome */
  dispositions: z.record(z.enum(DISPOSITIONS), Count),
  outcomes: z.record(z.enum(OUTCOMES), Count),
});
export type AgentProfile = z.infer<typeof AgentProfileSchema>;

export const CALL_SORTS = ['startedAt', 'talkSeconds', 'ringSeconds', 'saleAmount'] as const;
export type CallSort = (typeof CALL_SORTS)[number];

/** The calls explorer's filter; `filter` is the dashboard's, the rest narrows further. */
export const CallsQuerySchema = z.object({
  filter: FilterSchema,
  dispositions: z.array(z.enum(DISPOSITIONS)).optional(),
  outcomes: z.array(z.enum(OUTCOMES)).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  talkMin: Count.optional(),
  talkMax: Count.optional(),
});
export type CallsQuery = z.infer<typeof CallsQuerySchema>;

export const CallRowSchema = z.object({
  id: Id,
  startedAt: z.number(),
  day: DaySchema,
  /** the local wall-clock time in the workspace's zone, HH:MM:SS */
  time: z.string(),
  agentId: Id,
  agentCode: z.string(),
  agentName: z.string().nullable(),
  teamName: z.string().nullable(),
  campaign: z.string().nullable(),
  direction: z.enum(DIRECTIONS),
  disposition: z.enum(DISPOSITIONS),
  ringSeconds: Count,
  talkSeconds: Count,
  outcome: z.enum(OUTCOMES),
  /** minor units */
  saleAmount: z.number().int(),
  /** the customer's number masked to its last four digits ("•••• 1234"); null when none */
  phone: z.string().nullable(),
  recording: z.string().nullable(),
  /** the call's recording file is found in the recordings folder (by reference, pattern or index) */
  hasRecording: z.boolean().optional(),
});
export type CallRow = z.infer<typeof CallRowSchema>;

export const BackupSchema = z.object({
  name: z.string(),
  /** daily (automatic, rotated), manual, before-restore, before-migration */
  kind: z.enum(['daily', 'manual', 'before-restore', 'before-migration']),
  size: Count,
  createdAt: z.number(),
});
export type Backup = z.infer<typeof BackupSchema>;

export const ImportResultSchema = z.object({
  file: z.string(),
  preset: z.string(),
  rows: Count,
  inserted: Count,
  duplicates: Count,
  rejected: Count,
  batchId: Id,
  /** PBX calls that are no dials, by kind (inbound — stored for whoever answered —, internal, feature…) */
  notDials: z.record(z.string(), Count).optional(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/**
 * A message as a catalogue key and its values (src-shared/i18n/import-errors.en.ts), next to the
 * English text: a list value is a list of names (or of catalogue words, see message-code.ts).
 */
export const MessageCodeSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export type MessageCode = z.infer<typeof MessageCodeSchema>;

export const JobSchema = z.object({
  id: z.string(),
  kind: z.enum(['import', 'demo', 'report', 'zone', 'recordings-index', 'undo', 'copy']),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** progress in the job's own units (bytes of the file for imports); total null when unknown */
  done: Count,
  total: Count.nullable(),
  /** rows (or calls) processed so far */
  rows: Count,
  note: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  result: ImportResultSchema.nullable(),
  error: z.string().nullable(),
  /** the error as a message code, where the job's failure has one (an import's file error) */
  errorCode: MessageCodeSchema.nullable().optional(),
});
export type Job = z.infer<typeof JobSchema>;

export const BatchSchema = z.object({
  id: Id,
  /** what the batch imported: calls, or orders (with their payments) */
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  preset: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled', 'undone']),
  rows: Count,
  inserted: Count,
  duplicates: Count,
  rejected: Count,
  /** rows stored with a note (e.g. invalid bytes replaced in a text field) */
  warnings: Count,
  /** calls of this batch still stored (0 once undone) */
  calls: Count,
  firstDay: DaySchema.nullable(),
  lastDay: DaySchema.nullable(),
  importedAt: z.number(),
  error: z.string().nullable(),
  /** the login of whoever imported it, in a team workspace (absent when local) */
  createdBy: z.string().optional(),
});
export type Batch = z.infer<typeof BatchSchema>;

/** Why a row was not stored, as a catalogue key (src-shared/i18n/import-reasons.en.ts) and its values. */
export const ReasonCodeSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const RejectSchema = z.object({
  /** 'rejected': the row was not stored; 'warning': it was stored, with the note in `reason` */
  kind: z.enum(['rejected', 'warning']),
  line: Count,
  field: z.string().nullable(),
  reason: z.string(),
  raw: z.string(),
  /** the reason as a catalogue key with its values, for the UI's language (null: `reason` only) */
  reasonCode: ReasonCodeSchema.nullable(),
});
export type Reject = z.infer<typeof RejectSchema>;

export const CallFieldSchema = z.enum(CALL_FIELDS);

/** What the user (or a saved profile) decided on the Import page; preview and import take the same. */
export const ImportChoicesSchema = z.object({
  preset: z.string().optional(),
  /** the zone of wall-clock times in the file (default: the workspace's) */
  timeZone: TimeZoneSchema.optional(),
  /** the workbook sheet to read (default: the one whose rows read as calls) */
  sheet: z.string().max(100).optional(),
  /** whether the first row is a header (default: detected) */
  hasHeader: z.boolean().optional(),
  /** column index per field; null = not in the file (default: the layout's match) */
  columns: z.partialRecord(CallFieldSchema, z.number().int().min(0).max(500).nullable()).optional(),
  /** column index per order field, for an order export; null = not in the file */
  orderColumns: z.partialRecord(z.enum(ORDER_FIELDS), z.number().int().min(0).max(500).nullable()).optional(),
  /** what the file's texts mean, over the layout's own value maps */
  values: z
    .object({
      dispositions: z.record(z.string(), z.enum(DISPOSITIONS)).optional(),
      outcomes: z.record(z.string(), z.enum(OUTCOMES)).optional(),
      directions: z.record(z.string(), z.enum(DIRECTION_MEANINGS)).optional(),
    })
    .optional(),
  /** a PBX file's endpoints named by the user: endpoint (`PJSIP/client1`, `201`) → agent code, '' = no agent */
  endpoints: z
    .record(z.string().max(200), z.string().max(64))
    .refine((r) => Object.keys(r).length <= 1000, 'at most 1000 endpoints')
    .optional(),
  /** how dates like 03/04/2026 read: day first or month first (default: what the file's dates say) */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
});
export type ImportChoices = z.infer<typeof ImportChoicesSchema>;

/** One call as it will be stored (the customer number only as its last 4 digits). */
export const PreviewCallSchema = z.object({
  agentCode: z.string(),
  agentName: z.string().nullable(),
  team: z.string().nullable(),
  campaign: z.string().nullable(),
  startedAt: z.number(),
  day: DaySchema,
  direction: z.enum(DIRECTIONS),
  disposition: z.enum(DISPOSITIONS),
  ringSeconds: Count,
  talkSeconds: Count,
  outcome: z.enum(OUTCOMES),
  /** minor units */
  saleAmount: z.number().int(),
  phoneLast4: z.string().nullable(),
  recording: z.string().nullable(),
  /** rows (legs) of the file that make this call */
  legs: Count,
});
export type PreviewCall = z.infer<typeof PreviewCallSchema>;

/** A previewed row that will not be stored (calls and orders alike): where, which field, why. */
export const RejectedPreviewRowSchema = z.object({
  ok: z.literal(false),
  line: Count,
  field: z.string().nullable(),
  reason: z.string(),
  reasonCode: ReasonCodeSchema.optional(),
});
export type RejectedPreviewRow = z.infer<typeof RejectedPreviewRowSchema>;

export const PreviewRowSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), line: Count, call: PreviewCallSchema, warning: z.string().nullable() }),
  RejectedPreviewRowSchema,
]);
export type PreviewRow = z.infer<typeof PreviewRowSchema>;

/** One order row as it will be stored (the customer number only as its last 4 digits). */
export const PreviewOrderSchema = z.object({
  orderNo: z.string(),
  agentCode: z.string(),
  orderedAt: z.number(),
  day: DaySchema,
  /** minor units */
  amount: Count,
  /** minor units this row collects (0 = none) */
  collected: Count,
  collectedDay: DaySchema.nullable(),
  status: z.enum(ORDER_STATUSES),
  reversedDay: DaySchema.nullable(),
  customerType: z.enum(CUSTOMER_TYPES).nullable(),
  product: z.string().nullable(),
  phoneLast4: z.string().nullable(),
});
export type PreviewOrder = z.infer<typeof PreviewOrderSchema>;

/** The order part of a preview: the order fields' columns and the first rows as orders. */
export const OrderPreviewSchema = z.object({
  columns: z.array(
    z.object({ field: z.enum(ORDER_FIELDS), column: z.number().int().nullable(), required: z.boolean() }),
  ),
  rows: z.array(
    z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        line: Count,
        order: PreviewOrderSchema,
        warning: z.string().nullable(),
      }),
      RejectedPreviewRowSchema,
    ]),
  ),
  /** a payments-only export: each row a payment on an order already stored */
  paymentsOnly: z.boolean().optional(),
});
export type OrderPreview = z.infer<typeof OrderPreviewSchema>;

const ValueCount = <T extends z.ZodType>(mapped: T) =>
  z.object({
    text: z.string(),
    count: Count,
    mapped: mapped.nullable(),
    /** for a text left unknown: what the import will read it as (a status by its talk time) */
    proposed: mapped.nullable().optional(),
  });

export const ImportPreviewSchema = z.object({
  /** a call log, or an order export (then `orders` holds its mapping and rows; the call parts are empty) */
  kind: z.enum(IMPORT_KINDS),
  orders: OrderPreviewSchema.nullable(),
  fileName: z.string(),
  fileSize: Count,
  container: z.enum(['csv', 'xlsx', 'xls', 'html']),
  /** text encoding as detected (csv only) */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  hasHeader: z.boolean(),
  /** the file's header; for a headerless file the layout's documented column names (or "Column N") */
  columnNames: z.array(z.string()),
  /** the first rows as the file has them, for the mapping table */
  sampleCells: z.array(z.array(z.string())),
  preset: z.object({ id: z.string(), name: z.string() }),
  /** every layout with the share of sampled rows it reads (0..1), best first */
  candidates: z.array(z.object({ id: z.string(), name: z.string(), confidence: z.number() })),
  /** a profile saved for this header signature was applied */
  profile: z.object({ signature: z.string(), savedAt: z.number() }).nullable(),
  columns: z.array(
    z.object({
      field: CallFieldSchema,
      column: z.number().int().nullable(),
      required: z.boolean(),
    }),
  ),
  values: z.object({
    dispositions: z.array(ValueCount(z.enum(DISPOSITIONS))),
    outcomes: z.array(ValueCount(z.enum(OUTCOMES))),
    /** the direction column's texts (absent without one); an unknown one is proposed as outbound */
    directions: z.array(ValueCount(z.enum(DIRECTION_MEANINGS))).optional(),
  }),
  /** rows read for the value counts and the confidence */
  sampled: Count,
  sampledRejected: Count,
  /** the first rows as they will be stored (or why not) */
  rows: z.array(PreviewRowSchema),
  /** what the previewed calls (the first `calls`) will do to the people: agents added, names and teams filled */
  people: z
    .object({ calls: Count, newAgents: Count, fillNames: Count, fillTeams: Count, newTeams: Count })
    .optional(),
  /** a PBX file: the endpoints of the sample, with their learned role and agent code */
  endpoints: z
    .array(
      z.object({
        endpoint: z.string(),
        role: z.enum(['extension', 'trunk']),
        legs: Count,
        agentCode: z.string(),
      }),
    )
    .optional(),
  /** a PBX file: calls of the rows read that are no dials, by kind */
  notDials: z.record(z.string(), Count).optional(),
  /** rows above the table that were skipped (a title, "exported by/at" notes) */
  skippedAbove: z.array(z.object({ line: Count, text: z.string() })).optional(),
  /** what each column looks like from its content, and how sure the proposal for it is */
  inferred: z
    .array(
      z.object({
        column: z.number().int(),
        kind: z.string(),
        field: CallFieldSchema.nullable(),
        confidence: z.number(),
        hint: z.string().nullable(),
      }),
    )
    .optional(),
  /**
   * Dates like 03/04/2026 in the start column: decided by the file (a value over 12), ambiguous
   * (the user is asked; `order` is the order in force, preselected from the workspace's zone), or a
   * conflict (day-first on one line, month-first on another: an error naming both).
   */
  dateOrder: z
    .object({
      state: z.enum(['decided', 'ambiguous', 'conflict']),
      order: z.enum(['dmy', 'mdy']).nullable(),
      examples: z.array(z.string()),
      problem: z.string().nullable(),
    })
    .nullable()
    .optional(),
  /**
   * Why the file cannot be imported as it stands (a column the import needs that nothing maps),
   * saying what was understood of it; the message as a code too, for the UI's language.
   */
  problem: z.object({ message: z.string(), code: MessageCodeSchema.nullable() }).nullable().optional(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
