/**
 * What copying a workspace does with each of its tables: copy it (in this order: every parent
 * before its children), or skip it for a stated reason. The plan names every table of
 * `Database`, so a table added to schema.ts does not compile until someone decides here what a
 * copy does with it (and a test holds the plan to the live tables and foreign keys of both
 * engines).
 *
 * Rows are matched by natural keys, never by ids: a row whose key the target already holds is
 * the same row (the target's stays as it is), so a copy run twice, or resumed after it was
 * killed, adds nothing twice, and a second team lead's file merges into what the first brought.
 * Keys are immutable facts of a row (a call's dedup key, an agent's code, a batch's file hash and
 * start, a note's author and creation instant), so an edit made in the target since does not
 * make the row look new.
 */
import { alertKey, parseAlertKey } from '../../src-shared/anomalies';
import type { Database } from '../db/schema';
import { remapMonthClose } from './month-closes';

export type TableName = keyof Database & string;
export type Row = Record<string, unknown>;

/** The target's id of a source row's id; null when the target does not hold it. */
export type IdResolver = (parent: TableName, sourceId: number) => Promise<number | null>;

/** A column holding another table's id; `when` limits it to some rows (targets' scope_id). */
export interface ForeignKey {
  column: string;
  parent: TableName;
  when?: (row: Row) => boolean;
  /**
   * the parent is not in the target (deleted in the source meanwhile, or of a table the copy skips):
   * leave the row out (default) or store null
   */
  missing?: 'skip' | 'null';
}

/** A table whose rows have an id the target allocates anew. */
export interface IdTable {
  kind: 'id';
  foreignKeys: readonly ForeignKey[];
  /** the columns a row's natural key reads (after its foreign keys are remapped) */
  keyColumns: readonly string[];
  /** the key itself (default: the key columns' values) */
  keyOf?: (row: Row) => unknown[];
  /** the key columns that narrow the target's lookup of a page (default: the first) */
  narrow?: readonly string[];
  /**
   * The key is a unique constraint of the table: rows are inserted with ON CONFLICT DO NOTHING
   * and never looked up while copying (the big tables: calls, orders, their entries).
   */
  unique?: boolean;
  /**
   * Unique indexes besides the key: a row the target cannot take because it holds another row
   * with these values (another reviewer's audit of the same call) is left out, never merged into
   * that row (its answers would mix with the other audit's).
   */
  oneRowPer?: readonly { columns: readonly string[]; when: (row: Row) => boolean }[];
}

/** A table keyed by its primary key (no id of its own): rows the target holds are left as they are. */
export interface KeyedTable {
  kind: 'keyed';
  foreignKeys: readonly ForeignKey[];
  primaryKey: readonly string[];
  /** ids held elsewhere than in columns (a key's text, a JSON snapshot); null leaves the row out */
  rewrite?: (row: Row, ids: IdResolver) => Promise<Row | null>;
  /** rows per page when rows are large (a month close's snapshot) */
  pageSize?: number;
}

/**
 * Copied by code of its own: the settings by settings.ts (the target's own identity and lock stay
 * its own), the agents' team histories by copy.ts (copyTeamHistories).
 */
export interface SpecialTable {
  kind: 'special';
}

export interface SkippedTable {
  kind: 'skip';
  reason: string;
}

export type TablePlan = IdTable | KeyedTable | SpecialTable | SkippedTable;

const fk = (column: string, parent: TableName, more: Partial<ForeignKey> = {}): ForeignKey => ({
  column,
  parent,
  ...more,
});

const keyed = (primaryKey: string[], ...foreignKeys: ForeignKey[]): KeyedTable => ({
  kind: 'keyed',
  primaryKey,
  foreignKeys,
});

/** A scoring profile of one campaign is stored under `profile:campaign:<id>`. */
async function remapConfigKey(row: Row, ids: IdResolver): Promise<Row | null> {
  const m = /^profile:campaign:(\d+)$/.exec(String(row['key']));
  if (!m) return row;
  const campaign = await ids('campaigns', Number(m[1]));
  return campaign === null ? null : { ...row, key: `profile:campaign:${campaign}` };
}

/** An alert is acknowledged under `<day>:<agent id>:<kind>` (src-shared/anomalies.ts alertKey). */
async function remapAlertKey(row: Row, ids: IdResolver): Promise<Row | null> {
  const key = parseAlertKey(String(row['alert_key']));
  if (!key) return row;
  const agent = await ids('agents', key.agentId);
  return agent === null ? null : { ...row, alert_key: alertKey(key.kind, agent, key.day) };
}

const ROLLUP = 'a rollup: rebuilt on the target from the copied calls and orders';

/** Every table, in the order a copy walks them (parents first). */
export const TABLE_PLAN = {
  settings: { kind: 'special' },
  teams: { kind: 'id', foreignKeys: [], keyColumns: ['name'], unique: true },
  agents: { kind: 'id', foreignKeys: [fk('team_id', 'teams', { missing: 'null' })], keyColumns: ['code'] },
  agent_codes: keyed(['code'], fk('agent_id', 'agents')),
  campaigns: { kind: 'id', foreignKeys: [], keyColumns: ['name'], unique: true },
  import_batches: {
    kind: 'id',
    foreignKeys: [],
    keyColumns: ['file_sha256', 'started_at', 'kind'],
    narrow: ['started_at'],
  },
  import_rejects: {
    kind: 'id',
    foreignKeys: [fk('batch_id', 'import_batches')],
    keyColumns: ['batch_id', 'line', 'kind', 'field', 'reason'],
    narrow: ['batch_id', 'line'],
  },
  import_profiles: keyed(['signature']),
  calls: {
    kind: 'id',
    foreignKeys: [
      fk('batch_id', 'import_batches'),
      fk('agent_id', 'agents'),
      fk('campaign_id', 'campaigns', { missing: 'null' }),
    ],
    keyColumns: ['source_key'],
    unique: true,
  },
  daily_agent_stats: { kind: 'skip', reason: ROLLUP },
  hourly_agent_stats: { kind: 'skip', reason: ROLLUP },
  orders: {
    kind: 'id',
    foreignKeys: [
      fk('batch_id', 'import_batches'),
      fk('agent_id', 'agents'),
      fk('campaign_id', 'campaigns', { missing: 'null' }),
    ],
    keyColumns: ['order_no'],
    unique: true,
  },
  order_entries: {
    kind: 'id',
    foreignKeys: [fk('order_id', 'orders'), fk('batch_id', 'import_batches')],
    keyColumns: ['entry_key'],
    unique: true,
  },
  daily_order_stats: { kind: 'skip', reason: ROLLUP },
  scorecards: {
    kind: 'id',
    foreignKeys: [],
    keyColumns: ['template', 'created_at'],
    // a built-in template's scorecard is one per workspace; a scorecard of one's own is its creation
    keyOf: (r) => (r['template'] !== null ? ['template', r['template']] : ['created', r['created_at']]),
    narrow: [],
  },
  scorecard_versions: {
    kind: 'id',
    foreignKeys: [fk('scorecard_id', 'scorecards')],
    // the same definition is the same version, whatever number the target gives it
    keyColumns: ['scorecard_id', 'name', 'definition'],
  },
  calibrations: {
    kind: 'id',
    foreignKeys: [fk('call_id', 'calls'), fk('scorecard_version_id', 'scorecard_versions')],
    keyColumns: ['call_id', 'created_at'],
  },
  audits: {
    kind: 'id',
    foreignKeys: [
      fk('call_id', 'calls'),
      fk('agent_id', 'agents'),
      fk('scorecard_version_id', 'scorecard_versions'),
      fk('calibration_id', 'calibrations'),
    ],
    keyColumns: ['call_id', 'calibration_id', 'reviewer', 'created_at'],
    // a call has one audit outside calibrations, and one per reviewer in a calibration (unique indexes)
    oneRowPer: [
      { columns: ['call_id'], when: (r) => r['calibration_id'] === null },
      { columns: ['calibration_id', 'reviewer'], when: (r) => r['calibration_id'] !== null },
    ],
  },
  audit_answers: keyed(['audit_id', 'item_key'], fk('audit_id', 'audits')),
  audit_notes: {
    kind: 'id',
    foreignKeys: [fk('audit_id', 'audits')],
    keyColumns: ['audit_id', 'created_at', 'text'],
  },
  audit_item_comments: keyed(['audit_id', 'item_key'], fk('audit_id', 'audits')),
  // an agent's acknowledgement or dispute of an audit, and the reviewer's answer (one per audit)
  audit_responses: keyed(['audit_id'], fk('audit_id', 'audits')),
  audit_samples: {
    kind: 'id',
    foreignKeys: [fk('team_id', 'teams', { missing: 'null' })],
    keyColumns: ['created_at', 'seed'],
  },
  audit_sample_calls: keyed(
    ['sample_id', 'call_id'],
    fk('sample_id', 'audit_samples'),
    fk('call_id', 'calls'),
    fk('agent_id', 'agents'),
  ),
  coaching_plans: {
    kind: 'id',
    foreignKeys: [fk('agent_id', 'agents')],
    keyColumns: ['agent_id', 'created_at'],
  },
  coaching_plan_goals: {
    kind: 'id',
    foreignKeys: [fk('plan_id', 'coaching_plans')],
    keyColumns: ['plan_id', 'position'],
  },
  coaching_notes: {
    kind: 'id',
    foreignKeys: [fk('agent_id', 'agents'), fk('plan_id', 'coaching_plans', { missing: 'null' })],
    keyColumns: ['agent_id', 'created_at'],
  },
  coaching_actions: {
    kind: 'id',
    foreignKeys: [fk('note_id', 'coaching_notes')],
    keyColumns: ['note_id', 'position'],
  },
  coaching_links: keyed(
    ['note_id', 'kind', 'ref_id'],
    fk('note_id', 'coaching_notes'),
    fk('ref_id', 'audits', { when: (r) => r['kind'] === 'audit' }),
  ),
  work_calendar: keyed(['day']),
  team_calendars: keyed(['team_id'], fk('team_id', 'teams')),
  team_calendar_days: keyed(['team_id', 'day'], fk('team_id', 'teams')),
  targets: keyed(
    ['month', 'scope', 'scope_id', 'kpi'],
    fk('scope_id', 'teams', { when: (r) => r['scope'] === 'team' }),
    fk('scope_id', 'agents', { when: (r) => r['scope'] === 'agent' }),
  ),
  targets_config: { ...keyed(['key']), rewrite: remapConfigKey },
  bonus_overrides: keyed(['month', 'agent_id'], fk('agent_id', 'agents')),
  alert_acks: { ...keyed(['alert_key']), rewrite: remapAlertKey },
  behaviour_ratings: keyed(
    ['month', 'agent_id', 'rater_kind', 'rater_id', 'dimension'],
    fk('agent_id', 'agents'),
    fk('rater_id', 'agents', { when: (r) => r['rater_kind'] !== 'lead' }),
  ),
  training_sessions: { kind: 'id', foreignKeys: [], keyColumns: ['created_at', 'day'] },
  training_attendees: keyed(
    ['session_id', 'agent_id'],
    fk('session_id', 'training_sessions'),
    fk('agent_id', 'agents'),
  ),
  // people who sign in belong to their team workspace; a file is one person's and has none
  users: { kind: 'skip', reason: 'sign-in accounts belong to their team workspace' },
  user_teams: { kind: 'skip', reason: 'sign-in accounts belong to their team workspace' },
  // who changed what in the source is its own history; the copy itself is logged in the target
  activity_log: { kind: 'skip', reason: "the source's own history of who changed what" },
  recording_files: {
    kind: 'skip',
    reason:
      "the index of this machine's recordings folder: the target indexes its own folder (Audits → recordings)",
  },
  // spans merged row by row would overlap the target's own: a moved agent's history is taken
  // whole where the target's agent never moved (copy.ts, copyTeamHistories)
  agent_team_history: { kind: 'special' },
  // last: its snapshot names teams, agents and campaigns by id
  month_closes: { ...keyed(['month']), rewrite: remapMonthClose, pageSize: 1 },
} as const satisfies Record<TableName, TablePlan>;

export const COPY_ORDER = Object.keys(TABLE_PLAN) as TableName[];

export function planOf(table: TableName): TablePlan {
  return TABLE_PLAN[table];
}
