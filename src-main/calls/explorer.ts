/**
 * The calls explorer: every stored call under a filter, one page at a time. Pages are keyset
 * paginated (the next page starts after the last row's sort key, never at an OFFSET), so the
 * 10,000th page costs what the first does. In time order the walk follows the indexes
 * `calls_day_time` / `calls_agent_day_time` and reads only the rows it returns. By talk time or
 * amount, a range wider than one agent is read day by day (see `topIdsDayByDay`).
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { CallRow, CallSort, CallsQuery } from '../../src-shared/api';
import { addDays, daysBetween, localTimeOfDay, type Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { ApiError } from '../errors';
import { agentInTeamsOnDay } from '../people/team-filter';

/** `calls.count` stops counting here: beyond it the UI says "more than". */
export const CALLS_COUNT_CAP = 100_000;

export interface CallsPageRequest extends CallsQuery {
  sort: CallSort;
  order: 'asc' | 'desc';
  after?: string | undefined;
  limit: number;
}

/** Each sort's columns; the call id ends every order. Equal numbers are in time order. */
const SORT_COLUMNS = {
  startedAt: ['c.day', 'c.started_at'],
  talkSeconds: ['c.talk_seconds', 'c.started_at'],
  ringSeconds: ['c.ring_seconds', 'c.started_at'],
  saleAmount: ['c.sale_amount', 'c.started_at'],
} as const satisfies Record<CallSort, readonly string[]>;

type CursorValue = string | number;

function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, sort: CallSort): CursorValue[] {
  const width = SORT_COLUMNS[sort].length + 1;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (
    !Array.isArray(values) ||
    values.length !== width ||
    !values.every((v) => typeof v === 'number' || typeof v === 'string')
  ) {
    throw new ApiError('bad_input', '`after` is not a cursor of this sort: start again from the first page');
  }
  return values as CursorValue[];
}

/**
 * Sorts a range is read day by day in: each day's calls with a number above zero are in order in a
 * partial index (migration 10), those with zero (most calls: unanswered, no sale) in time order in
 * `calls_day_time`. Ring time, above zero on nearly every call, has no such index (it would cost
 * every import more than the rare sort by ring time is worth): its pages sort the range.
 */
const DAY_BY_DAY_SORTS: ReadonlySet<CallSort> = new Set(['talkSeconds', 'saleAmount']);

/** Ranges up to this many days are read day by day (one arm a day; SQLite allows 500 in a compound SELECT). */
const MAX_DAY_BY_DAY = 400;

/**
 * The filter's team condition on the calls: the agent's team on the call's day (null: every team).
 * Read before the query is built (it looks at the teams' history).
 */
export function callsTeamCondition(db: Kysely<Database>, q: CallsQuery): Promise<TeamCondition> {
  return agentInTeamsOnDay(db, q.filter, 'c.agent_id', 'c.day');
}

type TeamCondition = RawBuilder<SqlBool> | null;

/** The calls of the filter; with `day`, only that day's (an equality, so a per-day index keeps its order). */
function filteredCalls(db: Kysely<Database>, q: CallsQuery, teams: TeamCondition, day?: Day) {
  const f = q.filter;
  let query =
    day === undefined
      ? db.selectFrom('calls as c').where('c.day', '>=', f.from).where('c.day', '<=', f.to)
      : db.selectFrom('calls as c').where('c.day', '=', day);
  if (f.agentId !== undefined) query = query.where('c.agent_id', '=', f.agentId);
  if (teams) query = query.where(teams);
  if (f.campaignId !== undefined) query = query.where('c.campaign_id', '=', f.campaignId);
  if (q.dispositions?.length) query = query.where('c.disposition', 'in', q.dispositions);
  if (q.outcomes?.length) query = query.where('c.outcome', 'in', q.outcomes);
  if (q.direction !== undefined) query = query.where('c.direction', '=', q.direction);
  if (q.talkMin !== undefined) query = query.where('c.talk_seconds', '>=', q.talkMin);
  if (q.talkMax !== undefined) query = query.where('c.talk_seconds', '<=', q.talkMax);
  return query;
}

function maskPhone(last4: string | null): string | null {
  return last4 === null || last4 === '' ? null : `•••• ${last4}`;
}

/** The rows after the cursor: a row value comparison, so SQLite seeks the index to it instead of filtering row by row. */
function afterCursor(columns: readonly string[], values: CursorValue[], direction: 'asc' | 'desc') {
  const left = sql.join(columns.map((c) => sql.ref(c)));
  const right = sql.join(values);
  return direction === 'desc' ? sql<SqlBool>`(${left}) < (${right})` : sql<SqlBool>`(${left}) > (${right})`;
}

/** Whether a page is read day by day: a sort with day indexes, more than one agent, a range of bounded length. */
function readsDayByDay(req: CallsPageRequest): boolean {
  return (
    DAY_BY_DAY_SORTS.has(req.sort) &&
    req.filter.agentId === undefined &&
    daysBetween(req.filter.from, req.filter.to) < MAX_DAY_BY_DAY
  );
}

/**
 * The ids of the page, read day by day: a month sorted by talk time would otherwise read and sort
 * every call of the month (0.35 s for 850k calls, 4 s for a year). Each day gives its first
 * `count` matches after the cursor from two ordered reads: the calls above zero from the partial
 * index (from the index alone when no other filter applies), and those at zero in time order; the
 * union's first `count` are the page. Numbers are never negative (talk time has a CHECK, the
 * import refuses negative amounts), so "above zero" and "zero" are every call.
 */
function topIdsDayByDay(
  db: Kysely<Database>,
  req: CallsPageRequest,
  teams: TeamCondition,
  cursor: CursorValue[] | undefined,
  count: number,
): Expression<number> {
  const [column] = SORT_COLUMNS[req.sort];
  const desc = req.order === 'desc';
  const at = cursor?.[0];
  // Descending, the calls above zero come first: once the cursor reaches zero they are done.
  // Ascending, zero comes first: once the cursor is above zero the zeros are done.
  const readAbove = !(desc && at === 0);
  const readZero = !(!desc && at !== undefined && at !== 0);
  const phase = (day: Day, above: boolean) => {
    let q = filteredCalls(db, req, teams, day).where(
      above ? sql<SqlBool>`${sql.ref(column)} > 0` : sql<SqlBool>`${sql.ref(column)} = 0`,
    );
    // The cursor bounds only the phase it is in; in time order it must read as (time, id) to seek.
    if (cursor && above && at !== 0)
      q = q.where(afterCursor([column, 'c.started_at', 'c.id'], cursor, req.order));
    if (cursor && !above && at === 0)
      q = q.where(afterCursor(['c.started_at', 'c.id'], cursor.slice(1), req.order));
    const top = q
      .select(['c.id', sql.ref<number>(column).as('v'), 'c.started_at as t'])
      .orderBy(sql.ref(column), req.order)
      .orderBy('c.started_at', req.order)
      .orderBy('c.id', req.order)
      .limit(count);
    // SQLite takes ORDER BY and LIMIT in a compound SELECT's arm only inside a subquery.
    return sql`select id, v, t from (${top}) as arm`;
  };
  const days = daysBetween(req.filter.from, req.filter.to) + 1;
  const arms = Array.from({ length: days }, (_, i) => {
    const day = addDays(req.filter.from, i);
    const phases = [...(readAbove ? [phase(day, true)] : []), ...(readZero ? [phase(day, false)] : [])];
    return sql`select id, v, t from (${sql.join(phases, sql` union all `)}) as phases`;
  });
  const order = sql.raw(desc ? 'desc' : 'asc');
  return sql<number>`(select id from (${sql.join(arms, sql` union all `)}) as days
    order by v ${order}, t ${order}, id ${order} limit ${count})`;
}

/** The query of one page (exported so a test can ask SQLite how it reads it). */
export function callsPageQuery(db: Kysely<Database>, req: CallsPageRequest, teams: TeamCondition) {
  const columns = [...SORT_COLUMNS[req.sort], 'c.id'] as const;
  const direction = req.order === 'desc' ? 'desc' : 'asc';
  const cursor = req.after === undefined ? undefined : decodeCursor(req.after, req.sort);
  let query = filteredCalls(db, req, teams);
  if (readsDayByDay(req)) {
    // The filter is already inside the arms; only the page's ids remain to be joined.
    query = db
      .selectFrom('calls as c')
      .where('c.id', 'in', topIdsDayByDay(db, req, teams, cursor, req.limit + 1));
  } else if (cursor) {
    query = query.where(afterCursor(columns, cursor, direction));
  }
  for (const c of columns) query = query.orderBy(sql.ref(c), direction);
  return query
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('campaigns as k', 'k.id', 'c.campaign_id')
    .select([
      'c.id',
      'c.started_at',
      'c.day',
      'c.agent_id',
      'a.code',
      'a.name',
      't.name as teamName',
      'k.name as campaign',
      'c.direction',
      'c.disposition',
      'c.ring_seconds',
      'c.talk_seconds',
      'c.outcome',
      'c.sale_amount',
      'c.phone_last4',
      'c.recording_ref',
    ])
    .limit(req.limit + 1);
}

export async function listCalls(
  db: Kysely<Database>,
  req: CallsPageRequest,
  timeZone: string,
): Promise<{ rows: CallRow[]; next: string | null }> {
  const rows = await callsPageQuery(db, req, await callsTeamCondition(db, req)).execute();
  const page = rows.slice(0, req.limit);
  const last = page[page.length - 1];
  let next: string | null = null;
  if (rows.length > req.limit && last) {
    const sortValues: Record<CallSort, CursorValue[]> = {
      startedAt: [last.day, last.started_at],
      talkSeconds: [last.talk_seconds, last.started_at],
      ringSeconds: [last.ring_seconds, last.started_at],
      saleAmount: [last.sale_amount, last.started_at],
    };
    next = encodeCursor([...sortValues[req.sort], last.id]);
  }
  return {
    rows: page.map((r) => {
      return {
        id: r.id,
        startedAt: r.started_at,
        day: r.day,
        time: localTimeOfDay(r.started_at, timeZone),
        agentId: r.agent_id,
        agentCode: r.code,
        agentName: r.name,
        teamName: r.teamName,
        campaign: r.campaign,
        direction: r.direction,
        disposition: r.disposition,
        ringSeconds: r.ring_seconds,
        talkSeconds: r.talk_seconds,
        outcome: r.outcome,
        saleAmount: r.sale_amount,
        phone: maskPhone(r.phone_last4),
        recording: r.recording_ref,
      };
    }),
    next,
  };
}

/** The number of matching calls, counting no further than `cap` (a count of 10M rows would scan them all). */
export async function countCalls(
  db: Kysely<Database>,
  q: CallsQuery,
  cap = CALLS_COUNT_CAP,
): Promise<{ count: number; capped: boolean }> {
  const limited = filteredCalls(db, q, await callsTeamCondition(db, q))
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1);
  const { n } = await db
    .selectFrom(limited.as('m'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const count = Number(n);
  return count > cap ? { count: cap, capped: true } : { count, capped: false };
}
