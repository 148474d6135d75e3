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
  /** the team lead's name (migration 11) */
  lead_name: Generated<string | null>;
}

export interface AgentsTable {
  id: Generated<number>;
  /** 工号: the stable key of an agent in every import */
  code: string;
  name: string | null;
  team_id: number | null;
  active: number;
  created_at: number;
  /** migration 11: the day the agent left (NULL while active), the lead's notes */
  left_on: Generated<string | null>;
  notes: Generated<string | null>;
  /** 1 once a person set the name / team in the app: imports only fill what is unset */
  name_set_in_app: Generated<number>;
  team_set_in_app: Generated<number>;
}

/** A person's further agent codes (migration 11): imports of `code` land on `agent_id`. */
export interface AgentCodesTable {
  code: string;
  agent_id: number;
  added_at: number;
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
  /** what the batch imported (migration 6) */
  kind: Generated<'calls' | 'orders'>;
  /** the login of whoever made it ('' when local, null before migration 18) */
  created_by: string | null;
}

export interface ImportRejectsTable {
  id: Generated<number>;
  batch_id: number;
  kind: Generated<'rejected' | 'warning'>;
  line: number;
  field: string | null;
  reason: string;
  raw: string;
  /** the reason's translatable key and its values as JSON (migration 11); null: English text only */
  reason_code: string | null;
  reason_params: string | null;
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
  /** the alert counts (src-shared/kpi.ts AlertCounts), since migration 22 */
  short_connects: number;
  short_talk_seconds: number;
  sales_without_talk: number;
}

/** The same counts per hour of the day (the heatmap's rollup). */
export interface HourlyAgentStatsTable extends DailyAgentStatsTable {
  hour: number;
}

export interface CoachingPlansTable {
  id: Generated<number>;
  agent_id: number;
  start_day: string;
  end_day: string;
  status: 'active' | 'extended' | 'passed' | 'failed' | 'cancelled';
  coach: string;
  reason: Generated<string>;
  created_at: number;
  updated_at: number;
  /** the login of whoever made it ('' when local, null before migration 18) */
  created_by: string | null;
}

export interface CoachingPlanGoalsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  /** a GOAL_KPIS key, or null for a goal in words */
  kpi: string | null;
  text: Generated<string>;
  /** in the KPI's own unit (rate 0-1, money minor units, seconds) */
  target: number | null;
  status: 'open' | 'met' | 'missed';
}

export interface CoachingNotesTable {
  id: Generated<number>;
  agent_id: number;
  kind: 'oneOnOne' | 'review' | 'checkpoint';
  day: string;
  coach: string;
  strengths: Generated<string>;
  shortfalls: Generated<string>;
  agent_view: Generated<string>;
  follow_up_day: string | null;
  follow_up_done_at: number | null;
  plan_id: number | null;
  /** JSON KpiSnapshot, frozen when written */
  kpi_snapshot: string | null;
  created_at: number;
  updated_at: number;
  /** the login of whoever made it ('' when local, null before migration 18) */
  created_by: string | null;
}

export interface CoachingActionsTable {
  id: Generated<number>;
  note_id: number;
  position: number;
  text: string;
  due_day: string | null;
  done_at: number | null;
}

/** A note's reference into another feature's table (no foreign key: e.g. audits). */
export interface CoachingLinksTable {
  note_id: number;
  kind: 'audit';
  ref_id: number;
}

export interface Database {
  settings: SettingsTable;
  teams: TeamsTable;
  agents: AgentsTable;
  agent_codes: AgentCodesTable;
  campaigns: CampaignsTable;
  import_batches: ImportBatchesTable;
  import_rejects: ImportRejectsTable;
  import_profiles: ImportProfilesTable;
  calls: CallsTable;
  daily_agent_stats: DailyAgentStatsTable;
  hourly_agent_stats: HourlyAgentStatsTable;
  coaching_plans: CoachingPlansTable;
  coaching_plan_goals: CoachingPlanGoalsTable;
  coaching_notes: CoachingNotesTable;
  coaching_actions: CoachingActionsTable;
  coaching_links: CoachingLinksTable;
  month_closes: MonthClosesTable;
  orders: OrdersTable;
  order_entries: OrderEntriesTable;
  daily_order_stats: DailyOrderStatsTable;
  work_calendar: WorkCalendarTable;
  team_calendars: TeamCalendarsTable;
  team_calendar_days: TeamCalendarDaysTable;
  targets: TargetsTable;
  targets_config: TargetsConfigTable;
  bonus_overrides: BonusOverridesTable;
  alert_acks: AlertAcksTable;
  scorecards: ScorecardsTable;
  scorecard_versions: ScorecardVersionsTable;
  audit_samples: AuditSamplesTable;
  audit_sample_calls: AuditSampleCallsTable;
  calibrations: CalibrationsTable;
  audits: AuditsTable;
  audit_answers: AuditAnswersTable;
  audit_notes: AuditNotesTable;
  audit_item_comments: AuditItemCommentsTable;
  audit_responses: AuditResponsesTable;
  behaviour_ratings: BehaviourRatingsTable;
  training_sessions: TrainingSessionsTable;
  training_attendees: TrainingAttendeesTable;
  recording_files: RecordingFilesTable;
  activity_log: ActivityLogTable;
  users: UsersTable;
  user_teams: UserTeamsTable;
  agent_team_history: AgentTeamHistoryTable;
}

/** A closed month (reports): its frozen snapshot (JSON) and the snapshot's sha256 (hex). */
export interface MonthClosesTable {
  month: string;
  closed_at: number;
  snapshot: string;
  checksum: string;
  /** the login of whoever made it ('' when local, null before migration 18) */
  created_by: string | null;
}

export interface OrdersTable {
  id: Generated<number>;
  order_no: string;
  batch_id: number;
  agent_id: number;
  campaign_id: number | null;
  product: string | null;
  /** UTC epoch ms */
  ordered_at: number;
  day: string;
  /** minor units */
  amount: number;
  status: 'unpaid' | 'partially_paid' | 'paid' | 'refunded' | 'cancelled';
  customer_type: 'new' | 'existing' | null;
  phone_hash: string | null;
  phone_last4: string | null;
}

/** A dated money movement of an order (the order, a payment, a refund, a cancellation). */
export interface OrderEntriesTable {
  id: Generated<number>;
  entry_key: string;
  order_id: number;
  batch_id: number;
  kind: 'order' | 'payment' | 'refund' | 'cancel';
  at: number;
  day: string;
  orders_delta: number;
  revenue_delta: number;
  collected_delta: number;
}

export interface DailyOrderStatsTable {
  day: string;
  agent_id: number;
  /** 0 = no campaign */
  campaign_id: number;
  orders: number;
  revenue: number;
  collected: number;
  /** entries summed into the row (0 = the row is deleted) */
  entries: number;
}

// Recording audits (migration 4).

export interface ScorecardsTable {
  id: Generated<number>;
  /** the built-in template it was seeded from ('outbound-sales', 'compliance-check'), else null */
  template: string | null;
  created_at: number;
  archived_at: number | null;
}

export interface ScorecardVersionsTable {
  id: Generated<number>;
  scorecard_id: number;
  version: number;
  name: string;
  /** JSON: a ScorecardDefinition (src-shared/scorecard.ts) */
  definition: string;
  created_at: number;
}

export interface AuditSamplesTable {
  id: Generated<number>;
  from_day: string;
  to_day: string;
  per_agent: number;
  /** submitted audits an agent should have in the period */
  minimum: number;
  seed: number;
  strata: number;
  team_id: number | null;
  created_at: number;
}

export interface AuditSampleCallsTable {
  sample_id: number;
  call_id: number;
  agent_id: number;
  stratum: 'sale' | 'longest' | 'short_sale' | 'random';
}

export interface CalibrationsTable {
  id: Generated<number>;
  call_id: number;
  scorecard_version_id: number;
  created_at: number;
}

export interface AuditsTable {
  id: Generated<number>;
  call_id: number;
  agent_id: number;
  reviewer: string;
  scorecard_version_id: number;
  calibration_id: number | null;
  status: 'draft' | 'submitted';
  /** 0-100 once submitted (0 after a critical fail); null for a draft or an all-N/A audit */
  score: number | null;
  failed: number;
  /** the call's local day, so period queries need not join the calls */
  call_day: string;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  /** the reviewer's overall comment ('' when none) */
  comment: Generated<string>;
  /** the login of whoever submitted it ('' when local, null before migration 18) */
  created_by: string | null;
}

/** A reviewer's comment on one scorecard item of an audit. */
export interface AuditItemCommentsTable {
  audit_id: number;
  item_key: string;
  text: string;
}

export interface AuditAnswersTable {
  audit_id: number;
  item_key: string;
  value: 'yes' | 'no' | 'na' | '1' | '2' | '3' | '4' | '5';
}

export interface AuditNotesTable {
  id: Generated<number>;
  audit_id: number;
  offset_seconds: number | null;
  text: string;
  created_at: number;
}

export interface WorkCalendarTable {
  day: string;
  kind: 'holiday' | 'workday';
  note: string | null;
}

/** A team's own working week (migration 16); a team without a row works the workspace's. */
export interface TeamCalendarsTable {
  team_id: number;
  /** the ISO weekdays off as digits: '7' works Saturdays, '67' is 双休 */
  weekend: string;
}

/** A team's own holidays and make-up working days (migration 16). */
export interface TeamCalendarDaysTable {
  team_id: number;
  day: string;
  kind: 'holiday' | 'workday';
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
  /** the login of whoever set it last ('' when local, null before migration 18) */
  created_by: string | null;
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

export interface BehaviourRatingsTable {
  /** YYYY-MM */
  month: string;
  agent_id: number;
  rater_kind: 'lead' | 'self' | 'peer';
  /** 0 for the lead, the agent for 'self', the rating agent for 'peer' */
  rater_id: number;
  dimension: 'professionalism' | 'attitude' | 'learning';
  /** 1–5 */
  score: number;
  reason: string;
  updated_at: number;
}

export interface TrainingSessionsTable {
  id: Generated<number>;
  day: string;
  topic: string;
  hours: number | null;
  notes: string | null;
  created_at: number;
}

export interface TrainingAttendeesTable {
  session_id: number;
  agent_id: number;
}

/** One file under the recordings folder, as the last index walk saw it (migration 11). */
export interface RecordingFilesTable {
  /** relative to the recordings folder, `/` between folders */
  path: string;
  /** the file name alone */
  name: string;
  size: number;
}

/**
 * The agent's answer to a submitted regular audit (migration 17); no row: pending. `*_by` is the
 * signed-in login, '' on a local workspace.
 */
export interface AuditResponsesTable {
  audit_id: number;
  state: 'acknowledged' | 'disputed' | 'answered';
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  dispute_reason: string | null;
  /** JSON array of scorecard item keys ('[]': the whole audit) */
  dispute_items: string | null;
  disputed_at: number | null;
  disputed_by: string | null;
  answer: string | null;
  outcome: 'upheld' | 'revised' | null;
  answered_at: number | null;
  answered_by: string | null;
  /** what was first submitted, kept when a dispute revised the score */
  original_score: number | null;
  original_failed: number | null;
  /** JSON: the answers as first submitted (revised only) */
  original_answers: string | null;
}

/** Who changed what (migration 18): one row per successful change through the API. */
export interface ActivityLogTable {
  id: Generated<number>;
  /** ISO instant */
  at: string;
  user_id: number | null;
  /** the signed-in login; '' for a local workspace or the command line */
  actor: Generated<string>;
  method: string;
  subject: Generated<string>;
  /** JSON, bounded (src-main/activity/log.ts) */
  detail: string | null;
}

/** A person who signs in to a team workspace (src-main/auth; migration 19). */
export interface UsersTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  role: 'admin' | 'team_lead' | 'qa' | 'manager' | 'agent';
  /** scrypt$N$r$p$salt$hash (src-main/auth/passwords.ts); never leaves the main process */
  password_hash: string;
  /** the agent an agent user is */
  agent_id: number | null;
  disabled: Generated<number>;
  created_at: number;
  /** 1: an admin reset the password; the user must choose their own before anything else (migration 21) */
  must_change_password: Generated<number>;
}

/** The teams a team lead leads. */
export interface UserTeamsTable {
  user_id: number;
  team_id: number;
}

/**
 * The spans of days an agent was in a team (migration 20; src-main/people/membership.ts): no gap,
 * no overlap, from '0000-01-01'; the open span (to_day NULL) holds agents.team_id.
 */
export interface AgentTeamHistoryTable {
  agent_id: number;
  /** null: no team known for those days */
  team_id: number | null;
  from_day: string;
  /** the span's last day; null: still in that team */
  to_day: string | null;
}
