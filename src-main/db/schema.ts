/** The Kysely view of the workspace database: one interface per table (see migrations.ts). */
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  /** JSON */
  value: string;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

export interface AgentsTable {
  id: Generated<number>;
  /** 工号: the stable key of an agent in every import */
  code: string;
  name: string | null;
  team_id: number | null;
  active: number;
  created_at: number;
}

export interface CampaignsTable {
  id: Generated<number>;
  name: string;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  file_name: string;
  file_sha256: string;
  file_size: number;
  preset: string;
  /** JSON: column mapping used */
  mapping: string;
  time_zone: string;
  status: 'running' | 'done' | 'failed' | 'cancelled' | 'undone';
  rows_total: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  /** rows stored with a note in import_rejects (kind 'warning') */
  warnings: Generated<number>;
  /** local days of the earliest and latest call inserted by this batch */
  first_day: string | null;
  last_day: string | null;
  started_at: number;
  finished_at: number | null;
  undone_at: number | null;
  error: string | null;
}

export interface ImportRejectsTable {
  id: Generated<number>;
  batch_id: number;
  kind: Generated<'rejected' | 'warning'>;
  line: number;
  field: string | null;
  reason: string;
  raw: string;
}

export interface ImportProfilesTable {
  signature: string;
  preset: string;
  /** JSON: the ImportChoices confirmed for files with this header signature */
  choices: string;
  saved_at: number;
}

export interface CallsTable {
  id: Generated<number>;
  source_key: string;
  batch_id: number;
  agent_id: number;
  campaign_id: number | null;
  /** UTC epoch ms */
  started_at: number;
  /** local YYYY-MM-DD in the workspace time zone at import */
  day: string;
  hour: number;
  /** ISO 1 = Monday ... 7 = Sunday */
  weekday: number;
  direction: 'outbound' | 'inbound';
  disposition: 'connected' | 'no_answer' | 'busy' | 'failed' | 'voicemail';
  ring_seconds: number;
  talk_seconds: number;
  outcome: 'none' | 'intent' | 'sale' | 'callback' | 'not_interested';
  is_intent: number;
  is_sale: number;
  /** minor units */
  sale_amount: number;
  phone_hash: string | null;
  phone_last4: string | null;
  phone_full: string | null;
  recording_ref: string | null;
}

export interface DailyAgentStatsTable {
  day: string;
  agent_id: number;
  /** 0 = no campaign */
  campaign_id: number;
  dials: number;
  connects: number;
  effective: number;
  talk_seconds: number;
  effective_talk_seconds: number;
  intents: number;
  sales: number;
  revenue: number;
}

/** The same counts per hour of the day (the heatmap's rollup). */
export interface HourlyAgentStatsTable extends DailyAgentStatsTable {
  hour: number;
}

export interface Database {
  settings: SettingsTable;
  teams: TeamsTable;
  agents: AgentsTable;
  campaigns: CampaignsTable;
  import_batches: ImportBatchesTable;
  import_rejects: ImportRejectsTable;
  import_profiles: ImportProfilesTable;
  calls: CallsTable;
  daily_agent_stats: DailyAgentStatsTable;
  hourly_agent_stats: HourlyAgentStatsTable;
  work_calendar: WorkCalendarTable;
  targets: TargetsTable;
  targets_config: TargetsConfigTable;
  bonus_overrides: BonusOverridesTable;
  alert_acks: AlertAcksTable;
}

export interface WorkCalendarTable {
  day: string;
  kind: 'holiday' | 'workday';
  note: string | null;
}

export interface TargetsTable {
  /** YYYY-MM */
  month: string;
  scope: 'all' | 'team' | 'agent';
  /** 0 for 'all' */
  scope_id: number;
  kpi: string;
  value: number;
  updated_at: number;
}

export interface TargetsConfigTable {
  key: string;
  /** JSON */
  value: string;
}

export interface BonusOverridesTable {
  month: string;
  agent_id: number;
  /** minor units */
  amount: number;
  reason: string;
  created_at: number;
}

export interface AlertAcksTable {
  alert_key: string;
  acked_at: number;
}
