/**
 * Month close (月结): freezing everything a month's report shows. The snapshot holds
 * - the call rollup rows of the month and of the period it is compared with, plus the teams, agents
 *   and campaigns as named at the close: a report reads them through the same reader interface as
 *   the live rollups (`snapshotCalls`, call-numbers.ts) and runs the very same computation on them,
 *   so any scope can be rebuilt exactly, on either engine;
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
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Filter } from '../../src-shared/api';
import { previousPeriod, type DayRange } from '../../src-shared/periods';
import { periodRange, type Month, type ReportScope } from '../../src-shared/reports-model';
import { localParts, type Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { roster, type RosterAgent } from '../people/roster';
import type { Workspace } from '../workspace';
import type { CallsReader, StatRow } from './call-numbers';
import { scopeFilter } from './data';
import { SECTION_SOURCES, scopeKey, type ReportPart, type StoredSources } from './sources';
import { monthOfRange } from './section-targets';
import { actingLogin } from '../activity/acting';
import type { Span } from '../people/membership';
import { anyAgentMoved, inChosenTeams, movedSpansDuring, teamDuring, teamOnDay } from '../people/team-filter';

/** 3: the sources keep what merging a set of teams needs (sources.ts `mergeTeams`) */
const SNAPSHOT_VERSION = 3;

/** A rollup row; its 12th element, written once any agent ever moved: the agent's team on its day. */
type DailyRow = [
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  (number | null)?,
];

/** The call numbers of a close: read back by `snapshotCalls`. */
interface CallsPart {
  /** the rows cover `from`..`to`: the previous comparable period and the month */
  from: string;
  to: string;
  teams: [number, string][];
  agents: [number, string, string | null, number | null][];
  campaigns: [number, string][];
  /** day, agent_id, campaign_id, dials, connects, effective, talk s, effective talk s, intents, sales, revenue[, team on the day] */
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
  /**
   * The team spans with a day in the month of the roster's agents who had moved by the close
   * (people/membership.ts), agent and oldest first: a team's roster follows them. Absent when none
   * had (the snapshot is as before there was a history).
   */
  rosterSpans?: RosterSpan[];
}

/** agent id, team id, first day, last day (null: open) */
export type RosterSpan = [number, number | null, Day, Day | null];

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

async function callsPart(db: Kysely<Database>, month: Month): Promise<CallsPart> {
  const { from, to } = snapshotRange(month);
  // Once anyone moved, each row keeps the team of its day (src-main/people/membership.ts); a
  // workspace where nobody moved writes the rows as the first closes did (the same checksum).
  const moved = await anyAgentMoved(db);
  const [rows, teams, agents, campaigns] = await Promise.all([
    db
      .selectFrom('daily_agent_stats')
      .selectAll()
      .$if(moved, (q) =>
        q.select(teamOnDay('daily_agent_stats.agent_id', 'daily_agent_stats.day').as('team_on_day')),
      )
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day')
      .orderBy('agent_id')
      .orderBy('campaign_id')
      .execute(),
    db.selectFrom('teams').select(['id', 'name']).orderBy('id').execute(),
    db.selectFrom('agents').select(['id', 'code', 'name', 'team_id']).orderBy('id').execute(),
    db.selectFrom('campaigns').select(['id', 'name']).orderBy('id').execute(),
  ]);
  // Tuples in the column order of the first closes: the text (and so its checksum) stays the same.
  return {
    from,
    to,
    teams: teams.map((t): [number, string] => [t.id, t.name]),
    agents: agents.map((a): MonthSnapshot['agents'][number] => [a.id, a.code, a.name, a.team_id]),
    campaigns: campaigns.map((c): [number, string] => [c.id, c.name]),
    rows: rows.map((r): DailyRow => {
      const row: DailyRow = [
        r.day,
        r.agent_id,
        r.campaign_id,
        Number(r.dials),
        Number(r.connects),
        Number(r.effective),
        Number(r.talk_seconds),
        Number(r.effective_talk_seconds),
        Number(r.intents),
        Number(r.sales),
        Number(r.revenue),
      ];
      if (moved) row[11] = r.team_on_day ?? null;
      return row;
    }),
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
  const calls = await callsPart(ws.kysely, month);
  return {
    version: SNAPSHOT_VERSION,
    month,
    closedOn,
    ...calls,
    sources: await readSources(ws, month, closedOn, scopesOf(calls)),
    ...(await rosterPart(ws.kysely, month)),
  };
}

/** The month's roster, and the spans of its agents who moved. */
async function rosterPart(
  db: Kysely<Database>,
  month: Month,
): Promise<Pick<MonthSnapshot, 'roster' | 'rosterSpans'>> {
  const range = periodRange({ kind: 'month', month });
  const ids = (await roster(db, range)).map((a) => a.id).sort((a, b) => a - b);
  const onRoster = new Set(ids);
  const rosterSpans = (await movedSpansDuring(db, range))
    .filter((s) => onRoster.has(s.agentId))
    .map((s): RosterSpan => [s.agentId, s.teamId, s.from, s.to]);
  return { roster: ids, ...(rosterSpans.length > 0 && { rosterSpans }) };
}

export function serialise(snapshot: MonthSnapshot): string {
  return JSON.stringify(snapshot);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A version-1 close's checksum of the live data (its text was the call part only). */
async function legacyChecksum(db: Kysely<Database>, month: Month): Promise<string> {
  const { from, to, teams, agents, campaigns, rows } = await callsPart(db, month);
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
    // A close made before the merge parts were kept is compared on what the sections print.
    const view = (value: unknown): unknown =>
      stored.version < 3 && source.printed ? (source.printed as (v: unknown) => unknown)(value) : value;
    // A scope the close did not hold reads the source's empty value: a new agent with nothing is no change.
    const empty = JSON.stringify(view(source.empty));
    const text = (byScope: Record<string, unknown>, key: string) =>
      key in byScope ? JSON.stringify(view(byScope[key])) : empty;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    if ([...keys].some((key) => text(a, key) !== text(b, key))) parts.push(source.id);
  }
  return parts;
}

function stored(db: Kysely<Database> | Transaction<Database>, month: Month) {
  return db
    .selectFrom('month_closes')
    .select(['closed_at', 'snapshot', 'checksum'])
    .where('month', '=', month)
    .executeTakeFirst();
}

const isFull = (
  s: MonthSnapshot,
): s is MonthSnapshot & Required<Pick<MonthSnapshot, 'closedOn' | 'sources'>> =>
  s.sources !== undefined && s.closedOn !== undefined;

export async function closeStatus(ws: Workspace, month: Month): Promise<MonthCloseStatus> {
  const row = await stored(ws.kysely, month);
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
  else changedSections = (await legacyChecksum(ws.kysely, month)) === row.checksum ? [] : ['calls'];
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

export async function listCloses(
  db: Kysely<Database>,
): Promise<{ month: Month; closedAt: number; checksum: string }[]> {
  const rows = await db
    .selectFrom('month_closes')
    .select(['month', 'closed_at', 'checksum'])
    .orderBy('month', 'desc')
    .execute();
  return rows.map((r) => ({ month: r.month, closedAt: r.closed_at, checksum: r.checksum }));
}

export class MonthCloseError extends Error {}

const refuseClosed = (month: Month) => new MonthCloseError(`${month} is already closed: reopen it first`);

/** Freezes the month (call under the write queue). Closing a closed month is refused: reopen first. */
export async function closeMonth(ws: Workspace, month: Month, now: number): Promise<MonthCloseStatus> {
  if (await stored(ws.kysely, month)) throw refuseClosed(month);
  const text = serialise(await takeSnapshot(ws, month, localParts(now, (await ws.settings()).timeZone).day));
  await ws.kysely.transaction().execute(async (trx) => {
    if (await stored(trx, month)) throw refuseClosed(month);
    await trx
      .insertInto('month_closes')
      .values({ month, closed_at: now, snapshot: text, checksum: sha256(text), created_by: actingLogin() })
      .execute();
  });
  return closeStatus(ws, month);
}

export async function reopenMonth(ws: Workspace, month: Month): Promise<MonthCloseStatus> {
  await ws.kysely.deleteFrom('month_closes').where('month', '=', month).execute();
  return closeStatus(ws, month);
}

/** The stored snapshot, checked against its checksum (a tampered or damaged close is refused). */
export async function loadSnapshot(
  db: Kysely<Database>,
  month: Month,
): Promise<{ snapshot: MonthSnapshot; closedAt: number; checksum: string } | null> {
  const row = await stored(db, month);
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
 * The snapshot's call part as the report reads it: the live rollups' reader (call-numbers.ts) on
 * the rows, names and roster of the close, so a later import, undo, rename, move or leave never
 * changes a frozen report.
 */
export function snapshotCalls(snapshot: MonthSnapshot): CallsReader {
  const agents = new Map(
    snapshot.agents.map(([id, code, name, teamId]) => [id, { id, code, name, teamId }] as const),
  );
  const teams = new Map(snapshot.teams);
  const rows: StatRow[] = snapshot.rows.map(
    ([
      day,
      agentId,
      campaignId,
      dials,
      connects,
      effective,
      talkSeconds,
      effectiveTalkSeconds,
      intents,
      sales,
      revenue,
      teamId,
    ]) => ({
      day,
      agentId,
      campaignId,
      dials,
      connects,
      effective,
      talkSeconds,
      effectiveTalkSeconds,
      intents,
      sales,
      revenue,
      ...(teamId !== undefined && { teamId }),
    }),
  );
  const firstDay = new Map<number, string>();
  for (const r of rows) if (!firstDay.has(r.agentId)) firstDay.set(r.agentId, r.day);
  // The roster as it was at the close; a close taken before rosters existed had only its agents
  // with calls in the month.
  const onRoster = new Set(
    snapshot.roster ?? rows.filter((r) => r.day.startsWith(`${snapshot.month}-`)).map((r) => r.agentId),
  );
  const spansOf = new Map<number, Span[]>();
  for (const [agentId, teamId, from, to] of snapshot.rosterSpans ?? [])
    spansOf.set(agentId, [...(spansOf.get(agentId) ?? []), { teamId, from, to }]);
  // A roster agent's team for the filter (undefined: not in its teams): by the spans of one who had
  // moved (the roster's rule, people/roster.ts), else their team at the close.
  const rosterTeam = (agentId: number, filter: Filter): number | null | undefined => {
    const spans = spansOf.get(agentId);
    if (spans) return teamDuring(spans, filter, filter);
    const teamId = agents.get(agentId)?.teamId ?? null;
    return inChosenTeams(filter, teamId) ? teamId : undefined;
  };
  // a row is its day's team's when the close kept it (anyone had moved), else its agent's
  const rowInScope = (r: StatRow, filter: Filter) =>
    (filter.agentId === undefined || r.agentId === filter.agentId) &&
    inChosenTeams(filter, r.teamId !== undefined ? r.teamId : agents.get(r.agentId)?.teamId);
  return {
    rows: (filter) =>
      Promise.resolve(
        rows.filter(
          (r) =>
            r.day >= filter.from &&
            r.day <= filter.to &&
            rowInScope(r, filter) &&
            (filter.campaignId === undefined || r.campaignId === filter.campaignId),
        ),
      ),
    names: () =>
      Promise.resolve({
        agents,
        teams,
        campaigns: new Map(snapshot.campaigns),
      }),
    // The roster's rule (people/roster.ts) on the close's agents: on the roster, and started by the period's end.
    roster: (filter) =>
      Promise.resolve(
        [...agents.values()].flatMap((a): RosterAgent[] => {
          const teamId = rosterTeam(a.id, filter);
          const listed =
            onRoster.has(a.id) &&
            (filter.agentId === undefined || a.id === filter.agentId) &&
            teamId !== undefined &&
            (firstDay.get(a.id) ?? filter.to) <= filter.to;
          if (!listed) return [];
          const teamName = teamId === null ? null : (teams.get(teamId) ?? null);
          return [{ id: a.id, code: a.code, name: a.name, teamId, teamName }];
        }),
      ),
    // The snapshot keeps no calls (the masked-number notice is about the live calls).
    maskedPhoneCalls: () => Promise.resolve(0),
  };
}
