/**
 * Month close (月结): freezing a month's numbers. The snapshot is the rollup rows of the month and
 * of the period it is compared with, plus the teams, agents and campaigns as named at the close, in
 * canonical JSON with its sha256. A report of a closed month replays the snapshot into an in-memory
 * database of the workspace schema and runs the very same queries on it, so late imports change
 * nothing and no second formula exists. Comparing the live data's checksum with the stored one says
 * whether the data moved since the close.
 */
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { previousPeriod, type DayRange } from '../../src-shared/periods';
import { periodRange, type Month } from '../../src-shared/reports-model';
import { kyselyFor, type Sqlite } from '../db/connection';
import { migrations } from '../db/migrations';
import type { Database } from '../db/schema';

const SNAPSHOT_VERSION = 1;

type DailyRow = [string, number, number, number, number, number, number, number, number, number, number];

export interface MonthSnapshot {
  version: number;
  month: Month;
  /** the rows cover `from`..`to`: the previous comparable period and the month */
  from: string;
  to: string;
  teams: [number, string][];
  agents: [number, string, string | null, number | null][];
  campaigns: [number, string][];
  /** day, agent_id, campaign_id, dials, connects, effective, talk s, effective talk s, intents, sales, revenue */
  rows: DailyRow[];
}

export interface MonthCloseStatus {
  month: Month;
  closed: boolean;
  closedAt: number | null;
  checksum: string | null;
  /** the live data differs from the snapshot (late imports, undone batches, renamed agents) */
  changedSince: boolean;
}

function snapshotRange(month: Month): DayRange {
  const range = periodRange({ kind: 'month', month });
  return { from: previousPeriod(range).from, to: range.to };
}

/** The month's numbers as they are now, in a canonical order (the same data always gives the same text). */
export function takeSnapshot(db: Sqlite, month: Month): MonthSnapshot {
  const { from, to } = snapshotRange(month);
  const rows = db
    .prepare(
      `SELECT day, agent_id, campaign_id, dials, connects, effective, talk_seconds, effective_talk_seconds,
              intents, sales, revenue
       FROM daily_agent_stats WHERE day >= ? AND day <= ? ORDER BY day, agent_id, campaign_id`,
    )
    .raw()
    .all(from, to) as DailyRow[];
  return {
    version: SNAPSHOT_VERSION,
    month,
    from,
    to,
    teams: db.prepare('SELECT id, name FROM teams ORDER BY id').raw().all() as [number, string][],
    agents: db
      .prepare('SELECT id, code, name, team_id FROM agents ORDER BY id')
      .raw()
      .all() as MonthSnapshot['agents'],
    campaigns: db.prepare('SELECT id, name FROM campaigns ORDER BY id').raw().all() as [number, string][],
    rows,
  };
}

export function serialise(snapshot: MonthSnapshot): string {
  return JSON.stringify(snapshot);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function stored(db: Sqlite, month: Month) {
  return db.prepare('SELECT closed_at, snapshot, checksum FROM month_closes WHERE month = ?').get(month) as
    { closed_at: number; snapshot: string; checksum: string } | undefined;
}

export function closeStatus(db: Sqlite, month: Month): MonthCloseStatus {
  const row = stored(db, month);
  if (!row) return { month, closed: false, closedAt: null, checksum: null, changedSince: false };
  const live = sha256(serialise(takeSnapshot(db, month)));
  return {
    month,
    closed: true,
    closedAt: row.closed_at,
    checksum: row.checksum,
    changedSince: live !== row.checksum,
  };
}

export function listCloses(db: Sqlite): { month: Month; closedAt: number; checksum: string }[] {
  return (
    db.prepare('SELECT month, closed_at, checksum FROM month_closes ORDER BY month DESC').all() as {
      month: string;
      closed_at: number;
      checksum: string;
    }[]
  ).map((r) => ({ month: r.month, closedAt: r.closed_at, checksum: r.checksum }));
}

export class MonthCloseError extends Error {}

/** Freezes the month (call under the write queue). Closing a closed month is refused: reopen first. */
export function closeMonth(db: Sqlite, month: Month, now: number): MonthCloseStatus {
  return db.transaction(() => {
    if (stored(db, month)) throw new MonthCloseError(`${month} is already closed: reopen it first`);
    const text = serialise(takeSnapshot(db, month));
    db.prepare('INSERT INTO month_closes(month, closed_at, snapshot, checksum) VALUES (?, ?, ?, ?)').run(
      month,
      now,
      text,
      sha256(text),
    );
    return closeStatus(db, month);
  })();
}

export function reopenMonth(db: Sqlite, month: Month): MonthCloseStatus {
  db.prepare('DELETE FROM month_closes WHERE month = ?').run(month);
  return closeStatus(db, month);
}

/** The stored snapshot, checked against its checksum (a tampered or damaged close is refused). */
export function loadSnapshot(
  db: Sqlite,
  month: Month,
): { snapshot: MonthSnapshot; closedAt: number; checksum: string } | null {
  const row = stored(db, month);
  if (!row) return null;
  if (sha256(row.snapshot) !== row.checksum)
    throw new MonthCloseError(`the close of ${month} fails its checksum: reopen and close the month again`);
  return {
    snapshot: JSON.parse(row.snapshot) as MonthSnapshot,
    closedAt: row.closed_at,
    checksum: row.checksum,
  };
}

/**
 * An in-memory database of the workspace schema holding only the snapshot: the queries read it as
 * they read the workspace. The caller destroys the returned Kysely (which closes the database).
 */
export function replaySnapshot(snapshot: MonthSnapshot): Kysely<Database> {
  const db = new BetterSqlite3(':memory:');
  for (const m of migrations) m.up(db);
  db.transaction(() => {
    const team = db.prepare('INSERT INTO teams(id, name, created_at) VALUES (?, ?, 0)');
    for (const t of snapshot.teams) team.run(...t);
    const agent = db.prepare(
      'INSERT INTO agents(id, code, name, team_id, created_at) VALUES (?, ?, ?, ?, 0)',
    );
    for (const a of snapshot.agents) agent.run(...a);
    const campaign = db.prepare('INSERT INTO campaigns(id, name) VALUES (?, ?)');
    for (const c of snapshot.campaigns) campaign.run(...c);
    const row = db.prepare(
      `INSERT INTO daily_agent_stats(day, agent_id, campaign_id, dials, connects, effective, talk_seconds,
         effective_talk_seconds, intents, sales, revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of snapshot.rows) row.run(...r);
  })();
  return kyselyFor(db);
}
