/**
 * The schema's history: a static, ordered list (bundling cannot lose it). Each migration runs in
 * its own transaction with `PRAGMA user_version` bumped inside it, so a crash mid-migration
 * leaves the previous version intact. Never edit a shipped migration: add the next one.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial store',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE teams (
          id         INTEGER PRIMARY KEY,
          name       TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE agents (
          id         INTEGER PRIMARY KEY,
          code       TEXT NOT NULL UNIQUE,
          name       TEXT,
          team_id    INTEGER REFERENCES teams(id) ON DELETE SET NULL,
          active     INTEGER NOT NULL DEFAULT 1,
          created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX agents_team ON agents(team_id);

        CREATE TABLE campaigns (
          id   INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE
        ) STRICT;

        CREATE TABLE import_batches (
          id          INTEGER PRIMARY KEY,
          file_name   TEXT NOT NULL,
          file_sha256 TEXT NOT NULL,
          file_size   INTEGER NOT NULL,
          preset      TEXT NOT NULL,
          mapping     TEXT NOT NULL,
          time_zone   TEXT NOT NULL,
          status      TEXT NOT NULL CHECK (status IN ('running','done','failed','cancelled','undone')),
          rows_total  INTEGER NOT NULL DEFAULT 0,
          inserted    INTEGER NOT NULL DEFAULT 0,
          duplicates  INTEGER NOT NULL DEFAULT 0,
          rejected    INTEGER NOT NULL DEFAULT 0,
          first_day   TEXT,
          last_day    TEXT,
          started_at  INTEGER NOT NULL,
          finished_at INTEGER,
          undone_at   INTEGER,
          error       TEXT
        ) STRICT;

        CREATE TABLE import_rejects (
          id       INTEGER PRIMARY KEY,
          batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
          line     INTEGER NOT NULL,
          field    TEXT,
          reason   TEXT NOT NULL,
          raw      TEXT NOT NULL
        ) STRICT;
        CREATE INDEX import_rejects_batch ON import_rejects(batch_id, line);

        CREATE TABLE calls (
          id            INTEGER PRIMARY KEY,
          source_key    TEXT NOT NULL UNIQUE,
          batch_id      INTEGER NOT NULL REFERENCES import_batches(id),
          agent_id      INTEGER NOT NULL REFERENCES agents(id),
          campaign_id   INTEGER REFERENCES campaigns(id),
          started_at    INTEGER NOT NULL,
          day           TEXT NOT NULL,
          hour          INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
          weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
          direction     TEXT NOT NULL CHECK (direction IN ('outbound','inbound')),
          disposition   TEXT NOT NULL CHECK (disposition IN ('connected','no_answer','busy','failed','voicemail')),
          ring_seconds  INTEGER NOT NULL DEFAULT 0 CHECK (ring_seconds >= 0),
          talk_seconds  INTEGER NOT NULL DEFAULT 0 CHECK (talk_seconds >= 0),
          outcome       TEXT NOT NULL CHECK (outcome IN ('none','intent','sale','callback','not_interested')),
          is_intent     INTEGER NOT NULL,
          is_sale       INTEGER NOT NULL,
          sale_amount   INTEGER NOT NULL DEFAULT 0,
          phone_hash    TEXT,
          phone_last4   TEXT,
          phone_full    TEXT,
          recording_ref TEXT
        ) STRICT;
        CREATE INDEX calls_batch ON calls(batch_id);
        CREATE INDEX calls_agent_day ON calls(agent_id, day);
        CREATE INDEX calls_day ON calls(day);

        CREATE TABLE daily_agent_stats (
          day                    TEXT NOT NULL,
          agent_id               INTEGER NOT NULL REFERENCES agents(id),
          campaign_id            INTEGER NOT NULL,
          dials                  INTEGER NOT NULL,
          connects               INTEGER NOT NULL,
          effective              INTEGER NOT NULL,
          talk_seconds           INTEGER NOT NULL,
          effective_talk_seconds INTEGER NOT NULL,
          intents                INTEGER NOT NULL,
          sales                  INTEGER NOT NULL,
          revenue                INTEGER NOT NULL,
          PRIMARY KEY (day, agent_id, campaign_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX daily_agent_stats_agent ON daily_agent_stats(agent_id, day);
      `);
    },
  },
  {
    version: 2,
    name: 'import profiles and row warnings',
    up(db) {
      db.exec(`
        -- The mapping a user confirmed for a header signature, applied to the next file like it.
        CREATE TABLE import_profiles (
          signature TEXT PRIMARY KEY,
          preset    TEXT NOT NULL,
          choices   TEXT NOT NULL,
          saved_at  INTEGER NOT NULL
        ) STRICT;

        -- A row can be stored with a note (invalid bytes replaced) as well as rejected.
        ALTER TABLE import_rejects ADD COLUMN kind TEXT NOT NULL DEFAULT 'rejected'
          CHECK (kind IN ('rejected', 'warning'));
        ALTER TABLE import_batches ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
      `);
    },
  },
  {
    version: 3,
    name: 'hourly rollup for the heatmap, call indexes for the calls explorer',
    up(db) {
      db.exec(`
        -- The heatmap (hour of day x weekday) and any hourly view read this, never the calls.
        CREATE TABLE hourly_agent_stats (
          day                    TEXT NOT NULL,
          hour                   INTEGER NOT NULL,
          agent_id               INTEGER NOT NULL REFERENCES agents(id),
          campaign_id            INTEGER NOT NULL,
          dials                  INTEGER NOT NULL,
          connects               INTEGER NOT NULL,
          effective              INTEGER NOT NULL,
          talk_seconds           INTEGER NOT NULL,
          effective_talk_seconds INTEGER NOT NULL,
          intents                INTEGER NOT NULL,
          sales                  INTEGER NOT NULL,
          revenue                INTEGER NOT NULL,
          PRIMARY KEY (day, hour, agent_id, campaign_id)
        ) STRICT, WITHOUT ROWID;

        -- The explorer pages through a day range (or one agent's) in time order: keyset pagination
        -- walks these indexes instead of sorting a month of calls per page.
        DROP INDEX calls_day;
        DROP INDEX calls_agent_day;
        CREATE INDEX calls_day_time ON calls(day, started_at);
        CREATE INDEX calls_agent_day_time ON calls(agent_id, day, started_at);
      `);
      // Written out here rather than shared with metrics/rollup.ts: a shipped migration must not change.
      const stored = db
        .prepare("SELECT value FROM settings WHERE key = 'effectiveThresholdSeconds'")
        .pluck()
        .get();
      const threshold = typeof stored === 'string' ? Number(JSON.parse(stored)) : 30;
      const connect = `(disposition = 'connected' AND talk_seconds > 0)`;
      const effective = `(${connect} AND talk_seconds >= @threshold)`;
      db.prepare(
        `INSERT INTO hourly_agent_stats
         SELECT day, hour, agent_id, COALESCE(campaign_id, 0),
           COUNT(*), SUM(${connect}), SUM(${effective}),
           SUM(CASE WHEN ${connect} THEN talk_seconds ELSE 0 END),
           SUM(CASE WHEN ${effective} THEN talk_seconds ELSE 0 END),
           SUM(is_intent), SUM(is_sale), SUM(CASE WHEN is_sale = 1 THEN sale_amount ELSE 0 END)
         FROM calls WHERE direction = 'outbound'
         GROUP BY day, hour, agent_id, COALESCE(campaign_id, 0)`,
      ).run({ threshold });
    },
  },
  {
    version: 7,
    name: 'targets: working-day calendar, monthly targets, scoring and bonus settings, alert acknowledgements',
    up(db) {
      db.exec(`
        -- Exceptions to the weekly pattern: holidays, and make-up working days (调休).
        CREATE TABLE work_calendar (
          day  TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
          note TEXT
        ) STRICT;

        -- One target per month, scope and KPI. scope_id: 0 for everyone, else the team or agent id.
        CREATE TABLE targets (
          month      TEXT NOT NULL,
          scope      TEXT NOT NULL CHECK (scope IN ('all', 'team', 'agent')),
          scope_id   INTEGER NOT NULL,
          kpi        TEXT NOT NULL,
          value      REAL NOT NULL,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (month, scope, scope_id, kpi)
        ) STRICT;

        -- The feature's settings as JSON (weekend, scoring profiles, bonus sheet, alert thresholds).
        CREATE TABLE targets_config (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- A lead's override of an agent's variable pay for a month, with the reason.
        CREATE TABLE bonus_overrides (
          month      TEXT NOT NULL,
          agent_id   INTEGER NOT NULL REFERENCES agents(id),
          amount     INTEGER NOT NULL,
          reason     TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (month, agent_id)
        ) STRICT;

        -- Alerts are computed from the calls; only their acknowledgement is stored.
        CREATE TABLE alert_acks (
          alert_key TEXT PRIMARY KEY,
          acked_at  INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
