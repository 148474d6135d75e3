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
    version: 4,
    name: 'recording audits: scorecards with versions, samples, audits and their answers, calibrations',
    up(db) {
      db.exec(`
        -- A scorecard is a name over versions: editing adds a version, audits keep the one they used.
        CREATE TABLE scorecards (
          id          INTEGER PRIMARY KEY,
          template    TEXT,
          created_at  INTEGER NOT NULL,
          archived_at INTEGER
        ) STRICT;
        CREATE UNIQUE INDEX scorecards_template ON scorecards(template) WHERE template IS NOT NULL;

        CREATE TABLE scorecard_versions (
          id           INTEGER PRIMARY KEY,
          scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),
          version      INTEGER NOT NULL,
          name         TEXT NOT NULL,
          definition   TEXT NOT NULL,
          created_at   INTEGER NOT NULL,
          UNIQUE (scorecard_id, version)
        ) STRICT;

        -- A spot-check list: which calls were drawn for whom, with the seed that reproduces it.
        CREATE TABLE audit_samples (
          id         INTEGER PRIMARY KEY,
          from_day   TEXT NOT NULL,
          to_day     TEXT NOT NULL,
          per_agent  INTEGER NOT NULL,
          minimum    INTEGER NOT NULL,
          seed       INTEGER NOT NULL,
          strata     INTEGER NOT NULL,
          team_id    INTEGER,
          created_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE audit_sample_calls (
          sample_id INTEGER NOT NULL REFERENCES audit_samples(id) ON DELETE CASCADE,
          call_id   INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
          agent_id  INTEGER NOT NULL,
          stratum   TEXT NOT NULL CHECK (stratum IN ('sale', 'longest', 'short_sale', 'random')),
          PRIMARY KEY (sample_id, call_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE calibrations (
          id                   INTEGER PRIMARY KEY,
          call_id              INTEGER NOT NULL,
          scorecard_version_id INTEGER NOT NULL REFERENCES scorecard_versions(id),
          created_at           INTEGER NOT NULL
        ) STRICT;

        -- call_id has no foreign key on purpose: undoing an import must not erase the audits of its calls.
        CREATE TABLE audits (
          id                   INTEGER PRIMARY KEY,
          call_id              INTEGER NOT NULL,
          agent_id             INTEGER NOT NULL REFERENCES agents(id),
          reviewer             TEXT NOT NULL,
          scorecard_version_id INTEGER NOT NULL REFERENCES scorecard_versions(id),
          calibration_id       INTEGER REFERENCES calibrations(id),
          status               TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
          score                REAL,
          failed               INTEGER NOT NULL DEFAULT 0,
          call_day             TEXT NOT NULL,
          created_at           INTEGER NOT NULL,
          updated_at           INTEGER NOT NULL,
          submitted_at         INTEGER
        ) STRICT;
        -- One regular audit per call; in a calibration, one per reviewer.
        CREATE UNIQUE INDEX audits_call ON audits(call_id) WHERE calibration_id IS NULL;
        CREATE UNIQUE INDEX audits_calibration_reviewer ON audits(calibration_id, reviewer)
          WHERE calibration_id IS NOT NULL;
        CREATE INDEX audits_agent_day ON audits(agent_id, call_day);
        CREATE INDEX audits_day ON audits(call_day);

        -- One row per answered item, so failure rates per item are a GROUP BY.
        CREATE TABLE audit_answers (
          audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
          item_key TEXT NOT NULL,
          value    TEXT NOT NULL CHECK (value IN ('yes', 'no', 'na', '1', '2', '3', '4', '5')),
          PRIMARY KEY (audit_id, item_key)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE audit_notes (
          id             INTEGER PRIMARY KEY,
          audit_id       INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
          offset_seconds REAL,
          text           TEXT NOT NULL,
          created_at     INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX audit_notes_audit ON audit_notes(audit_id);
      `);
    },
  },
  {
    version: 5,
    name: 'coaching notes, improvement plans, agreed actions',
    up(db) {
      db.exec(`
        -- An improvement plan (PIP): one agent, a period, goals; at most one open per agent (code).
        CREATE TABLE coaching_plans (
          id         INTEGER PRIMARY KEY,
          agent_id   INTEGER NOT NULL REFERENCES agents(id),
          start_day  TEXT NOT NULL,
          end_day    TEXT NOT NULL,
          status     TEXT NOT NULL CHECK (status IN ('active','extended','passed','failed','cancelled')),
          coach      TEXT NOT NULL,
          reason     TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          CHECK (end_day >= start_day)
        ) STRICT;
        CREATE INDEX coaching_plans_agent ON coaching_plans(agent_id, status);

        -- A goal: a KPI with a target in its own unit (rate 0-1, minor units, seconds), or words.
        CREATE TABLE coaching_plan_goals (
          id       INTEGER PRIMARY KEY,
          plan_id  INTEGER NOT NULL REFERENCES coaching_plans(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          kpi      TEXT,
          text     TEXT NOT NULL DEFAULT '',
          target   REAL,
          status   TEXT NOT NULL CHECK (status IN ('open','met','missed'))
        ) STRICT;
        CREATE INDEX coaching_plan_goals_plan ON coaching_plan_goals(plan_id, position);

        -- A coaching note; kpi_snapshot is the JSON of the agent's KPIs taken when it was written.
        CREATE TABLE coaching_notes (
          id                INTEGER PRIMARY KEY,
          agent_id          INTEGER NOT NULL REFERENCES agents(id),
          kind              TEXT NOT NULL CHECK (kind IN ('oneOnOne','review','checkpoint')),
          day               TEXT NOT NULL,
          coach             TEXT NOT NULL,
          strengths         TEXT NOT NULL DEFAULT '',
          shortfalls        TEXT NOT NULL DEFAULT '',
          agent_view        TEXT NOT NULL DEFAULT '',
          follow_up_day     TEXT,
          follow_up_done_at INTEGER,
          plan_id           INTEGER REFERENCES coaching_plans(id) ON DELETE SET NULL,
          kpi_snapshot      TEXT,
          created_at        INTEGER NOT NULL,
          updated_at        INTEGER NOT NULL,
          CHECK (follow_up_day IS NULL OR follow_up_day >= day)
        ) STRICT;
        CREATE INDEX coaching_notes_agent ON coaching_notes(agent_id, day);
        CREATE INDEX coaching_notes_plan ON coaching_notes(plan_id);
        CREATE INDEX coaching_notes_follow_up ON coaching_notes(follow_up_day) WHERE follow_up_done_at IS NULL;

        CREATE TABLE coaching_actions (
          id       INTEGER PRIMARY KEY,
          note_id  INTEGER NOT NULL REFERENCES coaching_notes(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          text     TEXT NOT NULL,
          due_day  TEXT,
          done_at  INTEGER
        ) STRICT;
        CREATE INDEX coaching_actions_note ON coaching_actions(note_id, position);

        -- What a note refers to in other features (audits): no foreign key, the tables live elsewhere.
        CREATE TABLE coaching_links (
          note_id INTEGER NOT NULL REFERENCES coaching_notes(id) ON DELETE CASCADE,
          kind    TEXT NOT NULL CHECK (kind IN ('audit')),
          ref_id  INTEGER NOT NULL,
          PRIMARY KEY (note_id, kind, ref_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX coaching_links_ref ON coaching_links(kind, ref_id);
      `);
    },
  },
  {
    version: 6,
    name: 'orders, their payments and reversals, and the daily order rollup',
    up(db) {
      db.exec(`
        -- A batch is a call log or an order export; undo removes what its kind stored.
        ALTER TABLE import_batches ADD COLUMN kind TEXT NOT NULL DEFAULT 'calls'
          CHECK (kind IN ('calls', 'orders'));

        -- One row per order id of the order system, as first imported.
        CREATE TABLE orders (
          id            INTEGER PRIMARY KEY,
          order_no      TEXT NOT NULL UNIQUE,
          batch_id      INTEGER NOT NULL REFERENCES import_batches(id),
          agent_id      INTEGER NOT NULL REFERENCES agents(id),
          campaign_id   INTEGER REFERENCES campaigns(id),
          product       TEXT,
          ordered_at    INTEGER NOT NULL,
          day           TEXT NOT NULL,
          amount        INTEGER NOT NULL CHECK (amount >= 0),
          status        TEXT NOT NULL
            CHECK (status IN ('unpaid', 'partially_paid', 'paid', 'refunded', 'cancelled')),
          -- what the export says (NULL: it does not say; the first order of the number is new)
          customer_type TEXT CHECK (customer_type IN ('new', 'existing')),
          phone_hash    TEXT,
          phone_last4   TEXT
        ) STRICT;
        CREATE INDEX orders_batch ON orders(batch_id);
        CREATE INDEX orders_day ON orders(day, agent_id);
        CREATE INDEX orders_phone ON orders(phone_hash, ordered_at) WHERE phone_hash IS NOT NULL;

        -- Every dated money movement of an order: the order itself, each payment (回款), and a
        -- refund or cancellation on its own date. The order rollup is the sum of these.
        CREATE TABLE order_entries (
          id              INTEGER PRIMARY KEY,
          entry_key       TEXT NOT NULL UNIQUE,
          order_id        INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
          batch_id        INTEGER NOT NULL REFERENCES import_batches(id),
          kind            TEXT NOT NULL CHECK (kind IN ('order', 'payment', 'refund', 'cancel')),
          at              INTEGER NOT NULL,
          day             TEXT NOT NULL,
          orders_delta    INTEGER NOT NULL,
          revenue_delta   INTEGER NOT NULL,
          collected_delta INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX order_entries_order ON order_entries(order_id);
        CREATE INDEX order_entries_batch ON order_entries(batch_id);

        -- Orders, revenue and collections per day, agent and campaign (0 = none), net of refunds
        -- and cancellations on their own day; kept exact by the transaction that writes the entries.
        CREATE TABLE daily_order_stats (
          day         TEXT NOT NULL,
          agent_id    INTEGER NOT NULL REFERENCES agents(id),
          campaign_id INTEGER NOT NULL,
          orders      INTEGER NOT NULL,
          revenue     INTEGER NOT NULL,
          collected   INTEGER NOT NULL,
          entries     INTEGER NOT NULL,
          PRIMARY KEY (day, agent_id, campaign_id)
        ) STRICT, WITHOUT ROWID;

        -- Attribution looks up a customer number's calls before an order.
        CREATE INDEX calls_phone_time ON calls(phone_hash, started_at) WHERE phone_hash IS NOT NULL;
      `);
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
  {
    version: 8,
    name: 'month closes for the monthly summary',
    up(db) {
      db.exec(`
        -- A closed month's numbers, frozen: the rollup rows of the month and of the period it is
        -- compared with, with the names as they were, as canonical JSON and its sha256.
        CREATE TABLE month_closes (
          month     TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
          closed_at INTEGER NOT NULL,
          snapshot  TEXT NOT NULL,
          checksum  TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 9,
    name: 'behaviour ratings (lead, self, peer) and the training log',
    up(db) {
      db.exec(`
        -- One rating per month, agent, rater and dimension. rater_id: 0 for the team lead, the agent
        -- for a self-rating, the rating agent for a peer (the lead is not an agent, so no foreign key).
        CREATE TABLE behaviour_ratings (
          month      TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
          agent_id   INTEGER NOT NULL REFERENCES agents(id),
          rater_kind TEXT NOT NULL CHECK (rater_kind IN ('lead', 'self', 'peer')),
          rater_id   INTEGER NOT NULL,
          dimension  TEXT NOT NULL CHECK (dimension IN ('professionalism', 'attitude', 'learning')),
          score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
          reason     TEXT NOT NULL DEFAULT '',
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (month, agent_id, rater_kind, rater_id, dimension),
          CHECK ((rater_kind = 'lead' AND rater_id = 0)
              OR (rater_kind = 'self' AND rater_id = agent_id)
              OR (rater_kind = 'peer' AND rater_id > 0 AND rater_id <> agent_id))
        ) STRICT;

        -- The training log: a session and who attended it (feeds the learning rating).
        CREATE TABLE training_sessions (
          id         INTEGER PRIMARY KEY,
          day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
          topic      TEXT NOT NULL,
          hours      REAL CHECK (hours IS NULL OR hours >= 0),
          notes      TEXT,
          created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX training_sessions_day ON training_sessions(day);

        CREATE TABLE training_attendees (
          session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
          agent_id   INTEGER NOT NULL REFERENCES agents(id),
          PRIMARY KEY (session_id, agent_id)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    version: 10,
    name: "calls explorer: each day's connected calls in talk order and sales in amount order; the phone index only with orders",
    up(db) {
      // Kept only where orders are (src-main/orders/phone-index.ts): migration 6 built it everywhere,
      // and every call import paid for it.
      if (db.prepare('SELECT 1 FROM orders LIMIT 1').get() === undefined)
        db.exec('DROP INDEX IF EXISTS calls_phone_time');
      db.exec(`
        -- The explorer sorts a range wider than one agent by talk time or amount by reading each
        -- day's first rows (src-main/calls/explorer.ts): those above zero from these, those at zero
        -- from calls_day_time. Partial, so an import pays only for connected calls and sales.
        CREATE INDEX calls_day_talk ON calls(day, talk_seconds, started_at) WHERE talk_seconds > 0;
        CREATE INDEX calls_day_amount ON calls(day, sale_amount, started_at) WHERE sale_amount > 0;
      `);
    },
  },
  {
    version: 11,
    name: "audit comments: the reviewer's overall comment and a comment per scorecard item",
    up(db) {
      db.exec(`
        ALTER TABLE audits ADD COLUMN comment TEXT NOT NULL DEFAULT '';
        -- A comment may explain an item left unanswered too, so it is not a column of audit_answers.
        CREATE TABLE audit_item_comments (
          audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
          item_key TEXT NOT NULL,
          text     TEXT NOT NULL CHECK (length(text) > 0),
          PRIMARY KEY (audit_id, item_key)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    version: 12,
    name: "the index of the recordings folder: file names to find a call's recording wherever it is filed",
    up(db) {
      db.exec(`
        -- Built by a bounded background walk of the folder (src-main/recordings/index-files.ts);
        -- a lookup by file name (exact or GLOB with a literal prefix) reads recording_files_name.
        CREATE TABLE recording_files (
          path TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          size INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX recording_files_name ON recording_files(name);
      `);
    },
  },
  {
    version: 13,
    name: 'people: leave dates, notes, who set a name or team, team leads, and several agent codes per person',
    up(db) {
      db.exec(`
        -- The day an agent left (NULL while active), and the lead's notes on them.
        ALTER TABLE agents ADD COLUMN left_on TEXT;
        ALTER TABLE agents ADD COLUMN notes TEXT;
        -- 1 once a person set the name / team in the app: an import then never fills it again.
        ALTER TABLE agents ADD COLUMN name_set_in_app INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE agents ADD COLUMN team_set_in_app INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE teams ADD COLUMN lead_name TEXT;

        -- A person's other agent codes (a second dialer's 工号): an import of one of these codes
        -- lands on agent_id. The agent's own code stays in agents.code (see src-main/people/merge.ts).
        CREATE TABLE agent_codes (
          code     TEXT PRIMARY KEY,
          agent_id INTEGER NOT NULL REFERENCES agents(id),
          added_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX agent_codes_agent ON agent_codes(agent_id);
      `);
    },
  },
  {
    version: 14,
    name: 'rejected rows keep their reason as a translatable key, so the Import page shows it in the UI language',
    up(db) {
      db.exec(`
        -- the key of src-shared/i18n/import-reasons.en.ts and its values (JSON); null for reasons
        -- that are English text only
        ALTER TABLE import_rejects ADD COLUMN reason_code TEXT;
        ALTER TABLE import_rejects ADD COLUMN reason_params TEXT;
      `);
    },
  },
  {
    version: 15,
    name: 'calls whose customer number the exporting system masked (138****1234) are found by day without a scan',
    up(db) {
      db.exec(`
        -- A masked number keeps its last digits but has no hash; few calls have one, so the
        -- dashboard's count of them reads this small index, not the day's calls.
        CREATE INDEX calls_masked_phone_day ON calls(day, agent_id)
          WHERE phone_hash IS NULL AND phone_last4 IS NOT NULL;
      `);
    },
  },
  {
    version: 16,
    name: 'per-team working days: a team that works Saturdays (单休, 大小周) has a calendar of its own',
    up(db) {
      db.exec(`
        -- A team's own weekly days off as ISO weekday digits ('7' works Saturdays, '67' is 双休,
        -- '' works every day). A team without a row works the workspace's calendar.
        CREATE TABLE team_calendars (
          team_id INTEGER PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
          weekend TEXT NOT NULL
        ) STRICT;

        -- The team's own holidays and make-up working days, on top of the workspace's.
        CREATE TABLE team_calendar_days (
          team_id INTEGER NOT NULL REFERENCES team_calendars(team_id) ON DELETE CASCADE,
          day     TEXT NOT NULL,
          kind    TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
          PRIMARY KEY (team_id, day)
        ) STRICT;
      `);
    },
  },
  {
    version: 17,
    name: 'the agent answers a submitted audit: acknowledges it, or disputes it and the reviewer answers',
    up(db) {
      db.exec(`
        -- One row once the agent has answered a submitted regular audit (no row: pending).
        -- acknowledged: final. disputed: the agent's reason waits for the reviewer. answered: the
        -- reviewer's answer, final; 'revised' re-scored the audit (audits.score and its answers
        -- hold the revision, original_* what was first submitted). *_by: the signed-in login,
        -- '' on a local workspace (the team lead records it there).
        CREATE TABLE audit_responses (
          audit_id         INTEGER PRIMARY KEY REFERENCES audits(id) ON DELETE CASCADE,
          state            TEXT NOT NULL CHECK (state IN ('acknowledged', 'disputed', 'answered')),
          acknowledged_at  INTEGER,
          acknowledged_by  TEXT,
          dispute_reason   TEXT,
          -- JSON array of the scorecard item keys the dispute names ('[]': the whole audit)
          dispute_items    TEXT,
          disputed_at      INTEGER,
          disputed_by      TEXT,
          answer           TEXT,
          outcome          TEXT CHECK (outcome IN ('upheld', 'revised')),
          answered_at      INTEGER,
          answered_by      TEXT,
          original_score   REAL,
          original_failed  INTEGER,
          -- JSON: the answers as first submitted (a revised outcome only)
          original_answers TEXT,
          CHECK ((state = 'acknowledged') = (acknowledged_at IS NOT NULL)),
          CHECK ((state = 'acknowledged') OR (dispute_reason IS NOT NULL AND disputed_at IS NOT NULL)),
          CHECK ((state = 'answered') = (answered_at IS NOT NULL AND outcome IS NOT NULL))
        ) STRICT;
        -- The reviewers' queue: open disputes, oldest first.
        CREATE INDEX audit_responses_state ON audit_responses(state, disputed_at);
      `);
    },
  },
  {
    version: 18,
    name: 'who did it: the activity log (who changed what, and the change counter) and who made audits, notes, plans, targets, closes and imports',
    up(db) {
      db.exec(`
        -- One row per successful change through the API (src-main/activity/). AUTOINCREMENT: ids
        -- never come back, so the newest id is a change counter every process can poll.
        -- \`at\` is an ISO instant; \`actor\` the signed-in login ('' for a local workspace or the
        -- command line); \`user_id\` has no foreign key (users may be kept elsewhere).
        CREATE TABLE activity_log (
          id      INTEGER PRIMARY KEY AUTOINCREMENT,
          at      TEXT NOT NULL,
          user_id INTEGER,
          actor   TEXT NOT NULL DEFAULT '',
          method  TEXT NOT NULL,
          subject TEXT NOT NULL DEFAULT '',
          detail  TEXT
        ) STRICT;
        CREATE INDEX activity_log_method ON activity_log(method, id);

        -- The login of whoever made the row ('' when local; NULL for rows from before).
        ALTER TABLE audits ADD COLUMN created_by TEXT;
        ALTER TABLE coaching_notes ADD COLUMN created_by TEXT;
        ALTER TABLE coaching_plans ADD COLUMN created_by TEXT;
        ALTER TABLE targets ADD COLUMN created_by TEXT;
        ALTER TABLE month_closes ADD COLUMN created_by TEXT;
        ALTER TABLE import_batches ADD COLUMN created_by TEXT;
      `);
    },
  },
  {
    version: 19,
    name: 'people who sign in to a team workspace: users with a role, and the teams a team lead leads',
    up(db) {
      db.exec(`
        -- Used by team workspaces (a local file has no sign-in); here too so both engines keep one
        -- schema. password_hash is scrypt$N$r$p$salt$hash (src-main/auth/passwords.ts).
        CREATE TABLE users (
          id            INTEGER PRIMARY KEY,
          login         TEXT NOT NULL,
          display_name  TEXT NOT NULL,
          role          TEXT NOT NULL CHECK (role IN ('admin', 'team_lead', 'qa', 'manager', 'agent')),
          password_hash TEXT NOT NULL,
          -- the agent an agent user is
          agent_id      INTEGER REFERENCES agents(id) ON DELETE SET NULL,
          disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
          created_at    INTEGER NOT NULL
        ) STRICT;
        -- One login per person whatever its case: "Wang" and "wang" are the same user.
        CREATE UNIQUE INDEX users_login ON users(lower(login));

        -- The teams a team lead leads.
        CREATE TABLE user_teams (
          user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
          PRIMARY KEY (user_id, team_id)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    version: 20,
    name: "an agent's team is a history: the spans of days an agent was in a team",
    up(db) {
      db.exec(`
        -- One row per span of days (YYYY-MM-DD in the workspace's zone, as calls' day) an agent
        -- was in a team (team_id NULL: no team known). An agent's spans follow each other with no
        -- gap and no overlap from the beginning ('0000-01-01'); the last is open (to_day NULL) and
        -- holds the current team, agents.team_id (src-main/people/membership.ts writes both).
        CREATE TABLE agent_team_history (
          agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
          team_id  INTEGER REFERENCES teams(id) ON DELETE SET NULL,
          from_day TEXT NOT NULL,
          to_day   TEXT,
          PRIMARY KEY (agent_id, from_day),
          CHECK (to_day IS NULL OR to_day >= from_day)
        ) STRICT, WITHOUT ROWID;
        CREATE UNIQUE INDEX agent_team_history_open ON agent_team_history(agent_id) WHERE to_day IS NULL;
        -- a team filter reads the spans of its teams
        CREATE INDEX agent_team_history_team ON agent_team_history(team_id, agent_id);
        INSERT INTO agent_team_history (agent_id, team_id, from_day)
          SELECT id, team_id, '0000-01-01' FROM agents;
      `);
    },
  },
  {
    version: 21,
    name: 'a user whose password an admin reset must choose their own at the next sign-in',
    up(db) {
      db.exec(`
        -- 1 from an admin's reset until the user changes the password themself.
        ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
          CHECK (must_change_password IN (0, 1));
      `);
    },
  },
  {
    version: 22,
    name: 'the rollups keep the counts the anomaly alerts judge by, so the attention list reads no call',
    up(db) {
      db.exec(`
        -- Connects under the alerts' short-call seconds, their talk, and sales on calls that
        -- talked less than the effective threshold (src-shared/kpi.ts AlertCounts).
        ALTER TABLE daily_agent_stats ADD COLUMN short_connects INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE daily_agent_stats ADD COLUMN short_talk_seconds INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE daily_agent_stats ADD COLUMN sales_without_talk INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE hourly_agent_stats ADD COLUMN short_connects INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE hourly_agent_stats ADD COLUMN short_talk_seconds INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE hourly_agent_stats ADD COLUMN sales_without_talk INTEGER NOT NULL DEFAULT 0;
      `);
      // Written out here rather than shared with metrics/rollup.ts: a shipped migration must not change.
      const setting = (table: string, key: string): unknown => {
        const stored = db.prepare(`SELECT value FROM ${table} WHERE key = ?`).pluck().get(key);
        return typeof stored === 'string' ? JSON.parse(stored) : undefined;
      };
      const threshold = setting('settings', 'effectiveThresholdSeconds');
      const alerts = setting('targets_config', 'alertThresholds') as { shortSeconds?: unknown } | undefined;
      const params = {
        threshold: typeof threshold === 'number' ? threshold : 30,
        short: typeof alerts?.shortSeconds === 'number' ? alerts.shortSeconds : 10,
      };
      const short = `(disposition = 'connected' AND talk_seconds > 0 AND talk_seconds < @short)`;
      const saleWithoutTalk = `(is_sale = 1 AND talk_seconds < @threshold)`;
      db.prepare(
        `UPDATE hourly_agent_stats AS h
         SET short_connects = c.short_connects, short_talk_seconds = c.short_talk_seconds,
           sales_without_talk = c.sales_without_talk
         FROM (SELECT day, hour, agent_id, COALESCE(campaign_id, 0) AS campaign_id,
                 SUM(CASE WHEN ${short} THEN 1 ELSE 0 END) AS short_connects,
                 SUM(CASE WHEN ${short} THEN talk_seconds ELSE 0 END) AS short_talk_seconds,
                 SUM(CASE WHEN ${saleWithoutTalk} THEN 1 ELSE 0 END) AS sales_without_talk
               FROM calls WHERE direction = 'outbound' AND (${short} OR ${saleWithoutTalk})
               GROUP BY day, hour, agent_id, COALESCE(campaign_id, 0)) AS c
         WHERE h.day = c.day AND h.hour = c.hour AND h.agent_id = c.agent_id AND h.campaign_id = c.campaign_id`,
      ).run(params);
      db.exec(`
        UPDATE daily_agent_stats AS d
        SET short_connects = h.short_connects, short_talk_seconds = h.short_talk_seconds,
          sales_without_talk = h.sales_without_talk
        FROM (SELECT day, agent_id, campaign_id, SUM(short_connects) AS short_connects,
                SUM(short_talk_seconds) AS short_talk_seconds, SUM(sales_without_talk) AS sales_without_talk
              FROM hourly_agent_stats GROUP BY day, agent_id, campaign_id
              HAVING SUM(short_connects) > 0 OR SUM(sales_without_talk) > 0) AS h
        WHERE d.day = h.day AND d.agent_id = h.agent_id AND d.campaign_id = h.campaign_id;
      `);
    },
  },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
