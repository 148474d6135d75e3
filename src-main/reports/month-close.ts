/**
 * Month close (月结): freezing everything a month's report shows. The snapshot holds
 * - the call rollup rows of the month and of the period it is compared with, plus the teams, agents
 *   and campaigns as named at the close: a report replays them into an in-memory database of the
 *   workspace schema and runs the very same queries on it, so any scope can be rebuilt exactly;
 * - every section source's figures (targets, scores and pay, audits, coaching follow-ups, orders;
 *   sources.ts) for the floor, each team and each agent, as the features computed them at the close:
 *   their inputs (targets, scoring profile, bonus sheet, scorecards, notes, orders) are many tables
 *   that other features own and change, while their figures are small and all the report prints.
 * The whole text carries one sha256. Comparing each part with the same parts read live now (as of
 * the day of the close) says whether, and where, the data moved since.
 *
 * A close of version 1 (before the sources were frozen) holds the call part only: its report reads
 * the sources live and says so.
 */
import { rosterSync } from '../people/roster';
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { previousPeriod, type DayRange } from '../../src-shared/periods';
import { periodRange, type Month, type ReportScope } from '../../src-shared/reports-model';
import { localParts, type Day } from '../../src-shared/time';
import { kyselyFor, type Sqlite } from '../db/connection';
import { migrations } from '../db/migrations';
import type { Database } from '../db/schema';
import type { Workspace } from '../workspace';
import { scopeFilter } from './data';
import { SECTION_SOURCES, scopeKey, type ReportPart, type StoredSources } from './sources';
import { monthOfRange } from './section-targets';

const SNAPSHOT_VERSION = 2;

type DailyRow = [string, number, number, number, number, number, number, number, number, number, number];

/** The call numbers of a close: replayed by `replaySnapshot`. */
interface CallsPart {
  /** the rows cover `from`..`to`: the previous comparable period and the month */
  from: string;
  to: string;
  teams: [number, string][];
  agents: [number, string, string | null, number | null][];
  campaigns: [number, string][];
  /** day, agent_id, campaign_id, dials, connects, effective, talk s, effective talk s, intents, sales, revenue */
  rows: DailyRow[];
}

export interface MonthSnapshot extends CallsPart {
  version: number;
  month: Month;
  /** the workspace's day of the close (follow-ups are overdue or not as of it); absent in version 1 */
  closedOn?: Day;
  /** source id → scope key → figures; absent in version 1 */
  sources?: StoredSources;
  /** the month's roster at the close (src-main/people/roster.ts): its agents without calls are rows of 0; absent before it existed */
  roster?: number[];
}

export interface MonthCloseStatus {
  month: Month;
  closed: boolean;
  closedAt: number | null;
  checksum: string | null;
  /** the live data differs from the snapshot (late imports, edits, undone batches, renamed agents) */
  changedSince: boolean;
  /** the parts that differ */
  changedSections: ReportPart[];
  /** a version-1 close: only the call numbers are frozen */
  callsOnly: boolean;
}

function snapshotRange(month: Month): DayRange {
  const range = periodRange({ kind: 'month', month });
  return { from: previousPeriod(range).from, to: range.to };
}

function callsPart(db: Sqlite, month: Month): CallsPart {
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

/** Every scope the report builder offers: the floor, each team, each agent. */
function scopesOf(part: CallsPart): ReportScope[] {
  return [
    { kind: 'floor' },
    ...part.teams.map(([teamId]) => ({ kind: 'team' as const, teamId })),
    ...part.agents.map(([agentId]) => ({ kind: 'agent' as const, agentId })),
  ];
}

async function readSources(ws: Workspace, month: Month, today: Day, scopes: ReportScope[]) {
  const range = periodRange({ kind: 'month', month });
  const sources: StoredSources = {};
  for (const source of SECTION_SOURCES) {
    const byScope: Record<string, unknown> = {};
    for (const scope of source.perScope ? scopes : [{ kind: 'floor' } as const]) {
      const filter = scopeFilter(range, scope);
      byScope[scopeKey(source, scope)] = await source.read({
        ws,
        filter,
        month: monthOfRange(range),
        today,
      });
    }
    sources[source.id] = byScope;
  }
  return sources;
}

/** Everything the month's reports show as it is now, in a canonical order (same data, same text). */
export async function takeSnapshot(ws: Workspace, month: Month, closedOn: Day): Promise<MonthSnapshot> {
  const calls = callsPart(ws.db, month);
  return {
    version: SNAPSHOT_VERSION,
    month,
    closedOn,
    ...calls,
    sources: await readSources(ws, month, closedOn, scopesOf(calls)),
    roster: rosterSync(ws.db, ws.kysely, periodRange({ kind: 'month', month }))
      .map((a) => a.id)
      .sort((a, b) => a - b),
  };
}

export function serialise(snapshot: MonthSnapshot): string {
  return JSON.stringify(snapshot);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A version-1 close's checksum of the live data (its text was the call part only). */
function legacyChecksum(db: Sqlite, month: Month): string {
  const { from, to, teams, agents, campaigns, rows } = callsPart(db, month);
  return sha256(JSON.stringify({ version: 1, month, from, to, teams, agents, campaigns, rows }));
}

/** The parts of a stored snapshot that differ from the live one (taken as of the same day). */
function changedParts(stored: MonthSnapshot, live: MonthSnapshot): ReportPart[] {
  const parts: ReportPart[] = [];
  const calls = (s: MonthSnapshot) => JSON.stringify([s.from, s.to, s.teams, s.agents, s.campaigns, s.rows]);
  if (calls(stored) !== calls(live)) parts.push('calls');
  for (const source of SECTION_SOURCES) {
    const a = stored.sources?.[source.id] ?? {};
    const b = live.sources?.[source.id] ?? {};
    // A scope the close did not hold reads the source's empty value: a new agent with nothing is no change.
    const empty = JSON.stringify(source.empty);
    const text = (byScope: Record<string, unknown>, key: string) =>
      key in byScope ? JSON.stringify(byScope[key]) : empty;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    if ([...keys].some((key) => text(a, key) !== text(b, key))) parts.push(source.id);
  }
  return parts;
}

function stored(db: Sqlite, month: Month) {
  return db.prepare('SELECT closed_at, snapshot, checksum FROM month_closes WHERE month = ?').get(month) as
    { closed_at: number; snapshot: string; checksum: string } | undefined;
}

const isFull = (
  s: MonthSnapshot,
): s is MonthSnapshot & Required<Pick<MonthSnapshot, 'closedOn' | 'sources'>> =>
  s.sources !== undefined && s.closedOn !== undefined;

export async function closeStatus(ws: Workspace, month: Month): Promise<MonthCloseStatus> {
  const row = stored(ws.db, month);
  if (!row)
    return {
      month,
      closed: false,
      closedAt: null,
      checksum: null,
      changedSince: false,
      changedSections: [],
      callsOnly: false,
    };
  const snapshot = JSON.parse(row.snapshot) as MonthSnapshot;
  let changedSections: ReportPart[];
  if (isFull(snapshot))
    changedSections = changedParts(snapshot, await takeSnapshot(ws, month, snapshot.closedOn));
  else changedSections = legacyChecksum(ws.db, month) === row.checksum ? [] : ['calls'];
  return {
    month,
    closed: true,
    closedAt: row.closed_at,
    checksum: row.checksum,
    changedSince: changedSections.length > 0,
    changedSections,
    callsOnly: !isFull(snapshot),
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

const refuseClosed = (month: Month) => new MonthCloseError(`${month} is already closed: reopen it first`);

/** Freezes the month (call under the write queue). Closing a closed month is refused: reopen first. */
export async function closeMonth(ws: Workspace, month: Month, now: number): Promise<MonthCloseStatus> {
  if (stored(ws.db, month)) throw refuseClosed(month);
  const text = serialise(await takeSnapshot(ws, month, localParts(now, (await ws.settings()).timeZone).day));
  ws.db.transaction(() => {
    if (stored(ws.db, month)) throw refuseClosed(month);
    ws.db
      .prepare('INSERT INTO month_closes(month, closed_at, snapshot, checksum) VALUES (?, ?, ?, ?)')
      .run(month, now, text, sha256(text));
  })();
  return closeStatus(ws, month);
}

export async function reopenMonth(ws: Workspace, month: Month): Promise<MonthCloseStatus> {
  ws.db.prepare('DELETE FROM month_closes WHERE month = ?').run(month);
  return closeStatus(ws, month);
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

/** The frozen sources and day of a snapshot; null for a version-1 close (sources read live). */
export function frozenSources(snapshot: MonthSnapshot): { sources: StoredSources; closedOn: Day } | null {
  return isFull(snapshot) ? { sources: snapshot.sources, closedOn: snapshot.closedOn } : null;
}

/**
 * An in-memory database of the workspace schema holding only the snapshot's call part: the queries
 * read it as they read the workspace. The caller destroys the returned Kysely (which closes it).
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
    // The roster as it was at the close, so a later leave or new agent never changes a frozen report;
    // a close taken before rosters existed had only its agents with calls in the month.
    db.prepare('UPDATE agents SET active = 0').run();
    const onRoster = db.prepare('UPDATE agents SET active = 1 WHERE id = ?');
    if (snapshot.roster) for (const id of snapshot.roster) onRoster.run(id);
    else
      db.prepare(
        'UPDATE agents SET active = 1 WHERE id IN (SELECT agent_id FROM daily_agent_stats WHERE day LIKE ?)',
      ).run(`${snapshot.month}-%`);
  })();
  return kyselyFor(db);
}
