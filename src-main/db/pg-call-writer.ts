/**
 * PostgreSQL's CallBulkWriter (bulk.ts): calls stream through COPY into a temporary stage table
 * (with the agent code, names, team and campaign as text), and at `finish()` the stage moves into
 * `calls` set by set, inside the batch's transaction:
 *   1. agents, teams and campaigns are created on first sight and names/teams filled by the rules
 *      of src-main/import/directory.ts — the first non-empty value in file order wins, nothing the
 *      app set is overwritten, a merged code (agent_codes) lands on its person;
 *   2. ONE `INSERT INTO calls … SELECT … FROM stage ORDER BY line ON CONFLICT (source_key) DO
 *      NOTHING` (of a key given twice, the first occurrence is stored), whose RETURNING rows — the
 *      calls actually stored, never a duplicate — feed the rollups' delta upserts in the same
 *      statement and give the counts and days.
 */
import { sql } from 'kysely';
import type { RollupParams } from '../../src-shared/kpi';
import { now as clockNow } from '../clock';
import type { NormalizedCall } from '../import/normalise';
import { ROLLUP_COLUMNS } from '../metrics/rollup';
import { BEGINNING } from '../people/membership';
import type { CallBulkWriter } from './bulk';
import { callCountsSql } from './kpi-sql';
import { copyField } from './pg-copy';
import type { PgBulkSession } from './pg-session';

/** The columns of `calls` a NormalizedCall gives as it is (the stage's, by the same names). */
export const CALL_COLUMNS = [
  'source_key',
  'started_at',
  'day',
  'hour',
  'weekday',
  'direction',
  'disposition',
  'ring_seconds',
  'talk_seconds',
  'outcome',
  'is_intent',
  'is_sale',
  'sale_amount',
  'phone_hash',
  'phone_last4',
  'recording_ref',
] as const;

/** A call's values of CALL_COLUMNS, in that order, for a COPY line. */
export function callColumnValues(call: NormalizedCall): (string | number | null)[] {
  return [
    call.sourceKey,
    call.startedAt,
    call.day,
    call.hour,
    call.weekday,
    call.direction,
    call.disposition,
    call.ringSeconds,
    call.talkSeconds,
    call.outcome,
    call.intent ? 1 : 0,
    call.sale ? 1 : 0,
    call.saleAmount,
    call.phoneHash,
    call.phoneLast4,
    call.recordingRef,
  ];
}

/**
 * The stage's columns, in the order of a COPY line: the call's place in the file (`seq`), who and
 * which campaign as text (resolved to ids at the move), then the call's own columns.
 */
const STAGE_COLUMNS = ['seq', 'agent_code', 'agent_name', 'team_name', 'campaign', ...CALL_COLUMNS] as const;

/** Text compares as in `calls` (COLLATE "C"): joins to agents, teams and campaigns need one collation. */
const CREATE_STAGE = sql`
  CREATE TEMPORARY TABLE call_stage (
    seq bigint NOT NULL, agent_code text COLLATE "C", agent_name text COLLATE "C",
    team_name text COLLATE "C", campaign text COLLATE "C", source_key text COLLATE "C",
    started_at bigint, day text COLLATE "C", hour integer, weekday integer, direction text COLLATE "C",
    disposition text COLLATE "C", ring_seconds integer, talk_seconds integer, outcome text COLLATE "C",
    is_intent integer, is_sale integer, sale_amount bigint, phone_hash text COLLATE "C",
    phone_last4 text COLLATE "C", recording_ref text COLLATE "C"
  ) ON COMMIT DROP`;

/** Each agent code of the stage: its agent, and its first name and team in file order. */
const CREATE_CODES = sql`
  CREATE TEMPORARY TABLE stage_codes (
    code text COLLATE "C" PRIMARY KEY, first_seq bigint NOT NULL, agent_id integer,
    name text COLLATE "C", name_seq bigint, team text COLLATE "C", team_seq bigint
  ) ON COMMIT DROP`;

export class PgCallWriter implements CallBulkWriter {
  private seq = 0;
  inserted = 0;
  duplicates = 0;
  firstDay: string | null = null;
  lastDay: string | null = null;

  private constructor(
    private readonly session: PgBulkSession,
    private readonly batchId: number,
    private readonly rollupParams: RollupParams,
  ) {}

  /** A writer into the batch `batchId` of `session` (its stage is created here). */
  static async create(
    session: PgBulkSession,
    batchId: number,
    rollupParams: RollupParams,
  ): Promise<PgCallWriter> {
    await CREATE_STAGE.execute(session.db);
    return new PgCallWriter(session, batchId, rollupParams);
  }

  /** Stages a call (the call object is not kept); `inserted`, `duplicates` and the days are final after `finish()`. */
  insert(call: NormalizedCall): void {
    this.session.copyInto('call_stage', STAGE_COLUMNS).line(
      [
        // in STAGE_COLUMNS order
        ++this.seq,
        call.agentCode,
        call.agentName,
        call.teamName,
        call.campaign,
        ...callColumnValues(call),
      ]
        .map(copyField)
        .join('\t'),
    );
  }

  /** Moves the stage into `calls` with its directory and rollup deltas; once, inside the batch's transaction. */
  async finish(): Promise<void> {
    const db = this.session.db;
    await sql`ANALYZE call_stage`.execute(db);
    await this.resolveDirectory();
    const counts = callCountsSql(this.rollupParams);
    const rollupSet = (table: string) =>
      sql.join(
        ROLLUP_COLUMNS.map(
          (c) => sql`${sql.ref(c)} = ${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`,
        ),
      );
    const countList = sql.join(ROLLUP_COLUMNS.map((c) => sql.ref(c)));
    const stored = await sql<{ inserted: number; first_day: string | null; last_day: string | null }>`
      WITH ins AS (
        INSERT INTO calls (batch_id, agent_id, campaign_id, ${sql.join(CALL_COLUMNS.map((c) => sql.ref(c)))})
        SELECT ${this.batchId}::integer, c.agent_id, k.id, ${sql.join(CALL_COLUMNS.map((col) => sql.ref(`s.${col}`)))}
        FROM call_stage s
        JOIN stage_codes c ON c.code = s.agent_code
        LEFT JOIN campaigns k ON k.name = s.campaign
        ORDER BY s.seq
        ON CONFLICT (source_key) DO NOTHING
        RETURNING day, hour, agent_id, campaign_id, direction, disposition, talk_seconds, is_intent,
          is_sale, sale_amount
      ),
      hourly AS (
        INSERT INTO hourly_agent_stats (day, hour, agent_id, campaign_id, ${countList})
        SELECT day, hour, agent_id, coalesce(campaign_id, 0), ${sql.join(counts)}
        FROM ins WHERE direction = 'outbound'
        GROUP BY day, hour, agent_id, coalesce(campaign_id, 0)
        ON CONFLICT (day, hour, agent_id, campaign_id) DO UPDATE SET ${rollupSet('hourly_agent_stats')}
      ),
      daily AS (
        INSERT INTO daily_agent_stats (day, agent_id, campaign_id, ${countList})
        SELECT day, agent_id, coalesce(campaign_id, 0), ${sql.join(counts)}
        FROM ins WHERE direction = 'outbound'
        GROUP BY day, agent_id, coalesce(campaign_id, 0)
        ON CONFLICT (day, agent_id, campaign_id) DO UPDATE SET ${rollupSet('daily_agent_stats')}
      )
      SELECT count(*) AS inserted, min(day) AS first_day, max(day) AS last_day FROM ins`.execute(db);
    const row = stored.rows[0]!;
    this.inserted = Number(row.inserted);
    this.duplicates = this.seq - this.inserted;
    this.firstDay = row.first_day;
    this.lastDay = row.last_day;
  }

  /** Step 1 of `finish()`: every code of the stage gets its agent (new ones created), names and teams filled. */
  private async resolveDirectory(): Promise<void> {
    const db = this.session.db;
    const now = clockNow();
    await CREATE_CODES.execute(db);
    await sql`
      INSERT INTO stage_codes (code, first_seq)
      SELECT agent_code, min(seq) FROM call_stage GROUP BY agent_code`.execute(db);
    await sql`
      UPDATE stage_codes c SET name = f.agent_name, name_seq = f.seq
      FROM (SELECT DISTINCT ON (agent_code) agent_code, agent_name, seq FROM call_stage
            WHERE agent_name IS NOT NULL ORDER BY agent_code, seq) f
      WHERE f.agent_code = c.code`.execute(db);
    await sql`
      UPDATE stage_codes c SET team = f.team_name, team_seq = f.seq
      FROM (SELECT DISTINCT ON (agent_code) agent_code, team_name, seq FROM call_stage
            WHERE team_name IS NOT NULL ORDER BY agent_code, seq) f
      WHERE f.agent_code = c.code`.execute(db);
    // The agent of the code, else the person it was merged into.
    await sql`
      UPDATE stage_codes c SET agent_id = coalesce(
        (SELECT id FROM agents WHERE code = c.code),
        (SELECT agent_id FROM agent_codes WHERE code = c.code))`.execute(db);
    // New agents, in the order first seen; their name and team are filled below like any agent's.
    await sql`
      INSERT INTO agents (code, name, team_id, active, created_at)
      SELECT code, NULL, NULL, 1, ${now}::bigint FROM stage_codes WHERE agent_id IS NULL ORDER BY first_seq
      ON CONFLICT (code) DO NOTHING`.execute(db);
    await sql`
      UPDATE stage_codes c SET agent_id = a.id FROM agents a
      WHERE c.agent_id IS NULL AND a.code = c.code`.execute(db);
    // Per agent (several codes may land on one person), the first value in file order.
    const firstName = sql`(SELECT DISTINCT ON (agent_id) agent_id, name FROM stage_codes
      WHERE name IS NOT NULL ORDER BY agent_id, name_seq)`;
    const firstTeam = sql`(SELECT DISTINCT ON (agent_id) agent_id, team FROM stage_codes
      WHERE team IS NOT NULL ORDER BY agent_id, team_seq)`;
    await sql`
      UPDATE agents a SET name = f.name FROM ${firstName} f
      WHERE a.id = f.agent_id AND a.name IS NULL AND a.name_set_in_app = 0`.execute(db);
    await sql`
      INSERT INTO teams (name, created_at)
      SELECT DISTINCT f.team, ${now}::bigint FROM ${firstTeam} f JOIN agents a ON a.id = f.agent_id
      WHERE a.team_id IS NULL AND a.team_set_in_app = 0
      ON CONFLICT (name) DO NOTHING`.execute(db);
    await sql`
      UPDATE agents a SET team_id = t.id FROM ${firstTeam} f JOIN teams t ON t.name = f.team
      WHERE a.id = f.agent_id AND a.team_id IS NULL AND a.team_set_in_app = 0`.execute(db);
    // The team history (src-main/people/membership.ts): a team filled in fills the unknown open
    // span; a new agent is in its first team from the beginning.
    await sql`
      UPDATE agent_team_history h SET team_id = a.team_id FROM stage_codes c JOIN agents a ON a.id = c.agent_id
      WHERE h.agent_id = a.id AND h.to_day IS NULL AND h.team_id IS NULL AND a.team_id IS NOT NULL`.execute(
      db,
    );
    await sql`
      INSERT INTO agent_team_history (agent_id, team_id, from_day)
      SELECT DISTINCT a.id, a.team_id, ${BEGINNING} FROM stage_codes c JOIN agents a ON a.id = c.agent_id
      WHERE NOT EXISTS (SELECT 1 FROM agent_team_history h WHERE h.agent_id = a.id)`.execute(db);
    await sql`
      INSERT INTO campaigns (name)
      SELECT DISTINCT campaign FROM call_stage WHERE campaign IS NOT NULL
      ON CONFLICT (name) DO NOTHING`.execute(db);
  }
}
