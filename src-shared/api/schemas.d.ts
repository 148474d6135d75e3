/** The shapes that cross the API boundary, as zod schemas (checked at run time on both sides). */
import { z } from 'zod';
export declare const DaySchema: z.ZodString;
export declare const TimeZoneSchema: z.ZodString;
export declare const SettingsSchema: z.ZodObject<
  {
    timeZone: z.ZodString;
    effectiveThresholdSeconds: z.ZodNumber;
    language: z.ZodEnum<{
      'zh-CN': 'zh-CN';
      en: 'en';
      auto: 'auto';
    }>;
    currency: z.ZodString;
  },
  z.core.$strip
>;
export type Settings = z.infer<typeof SettingsSchema>;
export declare const WorkspaceInfoSchema: z.ZodObject<
  {
    path: z.ZodString;
    calls: z.ZodNumber;
    agents: z.ZodNumber;
    teams: z.ZodNumber;
    firstDay: z.ZodNullable<z.ZodString>;
    lastDay: z.ZodNullable<z.ZodString>;
    today: z.ZodString;
    settings: z.ZodObject<
      {
        timeZone: z.ZodString;
        effectiveThresholdSeconds: z.ZodNumber;
        language: z.ZodEnum<{
          'zh-CN': 'zh-CN';
          en: 'en';
          auto: 'auto';
        }>;
        currency: z.ZodString;
      },
      z.core.$strip
    >;
  },
  z.core.$strip
>;
export declare const TeamSchema: z.ZodObject<
  {
    id: z.ZodNumber;
    name: z.ZodString;
    agents: z.ZodNumber;
  },
  z.core.$strip
>;
export type Team = z.infer<typeof TeamSchema>;
export declare const AgentSchema: z.ZodObject<
  {
    id: z.ZodNumber;
    code: z.ZodString;
    name: z.ZodNullable<z.ZodString>;
    teamId: z.ZodNullable<z.ZodNumber>;
    teamName: z.ZodNullable<z.ZodString>;
    active: z.ZodBoolean;
    firstDay: z.ZodNullable<z.ZodString>;
    lastDay: z.ZodNullable<z.ZodString>;
  },
  z.core.$strip
>;
export type Agent = z.infer<typeof AgentSchema>;
export declare const CampaignSchema: z.ZodObject<
  {
    id: z.ZodNumber;
    name: z.ZodString;
  },
  z.core.$strip
>;
export type Campaign = z.infer<typeof CampaignSchema>;
export declare const FilterSchema: z.ZodObject<
  {
    from: z.ZodString;
    to: z.ZodString;
    teamId: z.ZodOptional<z.ZodNumber>;
    agentId: z.ZodOptional<z.ZodNumber>;
    campaignId: z.ZodOptional<z.ZodNumber>;
  },
  z.core.$strip
>;
export type Filter = z.infer<typeof FilterSchema>;
export declare const KpiValuesSchema: z.ZodObject<
  {
    dials: z.ZodNumber;
    connects: z.ZodNumber;
    effective: z.ZodNumber;
    talkSeconds: z.ZodNumber;
    effectiveTalkSeconds: z.ZodNumber;
    intents: z.ZodNumber;
    sales: z.ZodNumber;
    revenue: z.ZodNumber;
    connectRate: z.ZodNullable<z.ZodNumber>;
    avgTalkSeconds: z.ZodNullable<z.ZodNumber>;
    intentRate: z.ZodNullable<z.ZodNumber>;
    leadConversion: z.ZodNullable<z.ZodNumber>;
    conversionRate: z.ZodNullable<z.ZodNumber>;
    avgOrderValue: z.ZodNullable<z.ZodNumber>;
  },
  z.core.$strip
>;
export declare const MetricsRowSchema: z.ZodObject<
  {
    dials: z.ZodNumber;
    connects: z.ZodNumber;
    effective: z.ZodNumber;
    talkSeconds: z.ZodNumber;
    effectiveTalkSeconds: z.ZodNumber;
    intents: z.ZodNumber;
    sales: z.ZodNumber;
    revenue: z.ZodNumber;
    connectRate: z.ZodNullable<z.ZodNumber>;
    avgTalkSeconds: z.ZodNullable<z.ZodNumber>;
    intentRate: z.ZodNullable<z.ZodNumber>;
    leadConversion: z.ZodNullable<z.ZodNumber>;
    conversionRate: z.ZodNullable<z.ZodNumber>;
    avgOrderValue: z.ZodNullable<z.ZodNumber>;
    key: z.ZodNullable<z.ZodString>;
    label: z.ZodNullable<z.ZodString>;
    id: z.ZodNullable<z.ZodNumber>;
  },
  z.core.$strip
>;
export type MetricsRow = z.infer<typeof MetricsRowSchema>;
export declare const BreakdownSchema: z.ZodEnum<{
  none: 'none';
  day: 'day';
  agent: 'agent';
  team: 'team';
  campaign: 'campaign';
}>;
export declare const SummarySchema: z.ZodObject<
  {
    range: z.ZodObject<
      {
        from: z.ZodString;
        to: z.ZodString;
      },
      z.core.$strip
    >;
    previousRange: z.ZodObject<
      {
        from: z.ZodString;
        to: z.ZodString;
      },
      z.core.$strip
    >;
    current: z.ZodObject<
      {
        dials: z.ZodNumber;
        connects: z.ZodNumber;
        effective: z.ZodNumber;
        talkSeconds: z.ZodNumber;
        effectiveTalkSeconds: z.ZodNumber;
        intents: z.ZodNumber;
        sales: z.ZodNumber;
        revenue: z.ZodNumber;
        connectRate: z.ZodNullable<z.ZodNumber>;
        avgTalkSeconds: z.ZodNullable<z.ZodNumber>;
        intentRate: z.ZodNullable<z.ZodNumber>;
        leadConversion: z.ZodNullable<z.ZodNumber>;
        conversionRate: z.ZodNullable<z.ZodNumber>;
        avgOrderValue: z.ZodNullable<z.ZodNumber>;
      },
      z.core.$strip
    >;
    previous: z.ZodObject<
      {
        dials: z.ZodNumber;
        connects: z.ZodNumber;
        effective: z.ZodNumber;
        talkSeconds: z.ZodNumber;
        effectiveTalkSeconds: z.ZodNumber;
        intents: z.ZodNumber;
        sales: z.ZodNumber;
        revenue: z.ZodNumber;
        connectRate: z.ZodNullable<z.ZodNumber>;
        avgTalkSeconds: z.ZodNullable<z.ZodNumber>;
        intentRate: z.ZodNullable<z.ZodNumber>;
        leadConversion: z.ZodNullable<z.ZodNumber>;
        conversionRate: z.ZodNullable<z.ZodNumber>;
        avgOrderValue: z.ZodNullable<z.ZodNumber>;
      },
      z.core.$strip
    >;
    activeDays: z.ZodNumber;
  },
  z.core.$strip
>;
export declare const ImportResultSchema: z.ZodObject<
  {
    file: z.ZodString;
    preset: z.ZodString;
    rows: z.ZodNumber;
    inserted: z.ZodNumber;
    duplicates: z.ZodNumber;
    rejected: z.ZodNumber;
    batchId: z.ZodNumber;
  },
  z.core.$strip
>;
export type ImportResult = z.infer<typeof ImportResultSchema>;
export declare const JobSchema: z.ZodObject<
  {
    id: z.ZodString;
    kind: z.ZodEnum<{
      import: 'import';
      demo: 'demo';
    }>;
    status: z.ZodEnum<{
      failed: 'failed';
      done: 'done';
      running: 'running';
      cancelled: 'cancelled';
    }>;
    done: z.ZodNumber;
    total: z.ZodNullable<z.ZodNumber>;
    note: z.ZodString;
    startedAt: z.ZodNumber;
    finishedAt: z.ZodNullable<z.ZodNumber>;
    result: z.ZodNullable<
      z.ZodObject<
        {
          file: z.ZodString;
          preset: z.ZodString;
          rows: z.ZodNumber;
          inserted: z.ZodNumber;
          duplicates: z.ZodNumber;
          rejected: z.ZodNumber;
          batchId: z.ZodNumber;
        },
        z.core.$strip
      >
    >;
    error: z.ZodNullable<z.ZodString>;
  },
  z.core.$strip
>;
export type Job = z.infer<typeof JobSchema>;
export declare const BatchSchema: z.ZodObject<
  {
    id: z.ZodNumber;
    fileName: z.ZodString;
    preset: z.ZodString;
    status: z.ZodEnum<{
      failed: 'failed';
      done: 'done';
      running: 'running';
      cancelled: 'cancelled';
      undone: 'undone';
    }>;
    rows: z.ZodNumber;
    inserted: z.ZodNumber;
    duplicates: z.ZodNumber;
    rejected: z.ZodNumber;
    calls: z.ZodNumber;
    firstDay: z.ZodNullable<z.ZodString>;
    lastDay: z.ZodNullable<z.ZodString>;
    importedAt: z.ZodNumber;
    error: z.ZodNullable<z.ZodString>;
  },
  z.core.$strip
>;
export type Batch = z.infer<typeof BatchSchema>;
export declare const RejectSchema: z.ZodObject<
  {
    line: z.ZodNumber;
    field: z.ZodNullable<z.ZodString>;
    reason: z.ZodString;
    raw: z.ZodString;
  },
  z.core.$strip
>;
export type Reject = z.infer<typeof RejectSchema>;
