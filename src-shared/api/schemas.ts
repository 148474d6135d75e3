/** The shapes that cross the API boundary, as zod schemas (checked at run time on both sides). */
import { z } from 'zod';
import { BREAKDOWNS, LANGUAGES } from '../domain';
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
  /** 'auto' follows the operating system's language */
  language: z.enum(['auto', ...LANGUAGES]),
  /** ISO 4217 code used to show money (amounts are stored in minor units) */
  currency: z.string().regex(/^[A-Z]{3}$/),
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
  settings: SettingsSchema,
});

export const TeamSchema = z.object({ id: Id, name: z.string(), agents: Count });
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
});
export type Agent = z.infer<typeof AgentSchema>;

export const CampaignSchema = z.object({ id: Id, name: z.string() });
export type Campaign = z.infer<typeof CampaignSchema>;

export const FilterSchema = z
  .object({
    from: DaySchema,
    to: DaySchema,
    teamId: Id.optional(),
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
  current: KpiValuesSchema,
  previous: KpiValuesSchema,
  /** days in the range that have calls */
  activeDays: Count,
});

export const ImportResultSchema = z.object({
  file: z.string(),
  preset: z.string(),
  rows: Count,
  inserted: Count,
  duplicates: Count,
  rejected: Count,
  batchId: Id,
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const JobSchema = z.object({
  id: z.string(),
  kind: z.enum(['import', 'demo']),
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
});
export type Job = z.infer<typeof JobSchema>;

export const BatchSchema = z.object({
  id: Id,
  fileName: z.string(),
  preset: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled', 'undone']),
  rows: Count,
  inserted: Count,
  duplicates: Count,
  rejected: Count,
  /** calls of this batch still stored (0 once undone) */
  calls: Count,
  firstDay: DaySchema.nullable(),
  lastDay: DaySchema.nullable(),
  importedAt: z.number(),
  error: z.string().nullable(),
});
export type Batch = z.infer<typeof BatchSchema>;

export const RejectSchema = z.object({
  line: Count,
  field: z.string().nullable(),
  reason: z.string(),
  raw: z.string(),
});
export type Reject = z.infer<typeof RejectSchema>;
