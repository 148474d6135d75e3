/**
 * The calls explorer: every stored call under a filter, one page at a time. Pages are keyset
 * paginated (the next page starts after the last row's sort key, never at an OFFSET), so the
 * 10,000th page costs what the first does. In time order the walk follows the indexes
 * `calls_day_time` / `calls_agent_day_time` and reads only the rows it returns.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { CallRow, CallSort, CallsQuery } from '../../src-shared/api';
import { localTimeOfDay } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { ApiError } from '../errors';

/** `calls.count` stops counting here: beyond it the UI says "more than". */
export const CALLS_COUNT_CAP = 100_000;

export interface CallsPageRequest extends CallsQuery {
  sort: CallSort;
  order: 'asc' | 'desc';
  after?: string | undefined;
  limit: number;
}

const SORT_COLUMNS = {
  startedAt: ['c.day', 'c.started_at'],
  talkSeconds: ['c.talk_seconds'],
  ringSeconds: ['c.ring_seconds'],
  saleAmount: ['c.sale_amount'],
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

function filteredCalls(db: Kysely<Database>, q: CallsQuery) {
  const f = q.filter;
  let query = db.selectFrom('calls as c').where('c.day', '>=', f.from).where('c.day', '<=', f.to);
  if (f.agentId !== undefined) query = query.where('c.agent_id', '=', f.agentId);
  if (f.teamId !== undefined) {
    const teamId = f.teamId;
    query = query.where('c.agent_id', 'in', (eb) =>
      eb.selectFrom('agents').select('id').where('team_id', '=', teamId),
    );
  }
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

export async function listCalls(
  db: Kysely<Database>,
  req: CallsPageRequest,
  timeZone: string,
): Promise<{ rows: CallRow[]; next: string | null }> {
  const columns = [...SORT_COLUMNS[req.sort], 'c.id'] as const;
  const direction = req.order === 'desc' ? 'desc' : 'asc';
  let query = filteredCalls(db, req);
  if (req.after !== undefined) {
    const values = decodeCursor(req.after, req.sort);
    // A row value comparison: SQLite seeks the index to it instead of filtering row by row.
    const left = sql.join(columns.map((c) => sql.ref(c)));
    const right = sql.join(values);
    const comparison: Expression<SqlBool> =
      direction === 'desc' ? sql<SqlBool>`(${left}) < (${right})` : sql<SqlBool>`(${left}) > (${right})`;
    query = query.where(comparison);
  }
  for (const c of columns) query = query.orderBy(sql.ref(c), direction);
  const rows = await query
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
    .limit(req.limit + 1)
    .execute();
  const page = rows.slice(0, req.limit);
  const last = page[page.length - 1];
  let next: string | null = null;
  if (rows.length > req.limit && last) {
    const sortValues: Record<CallSort, CursorValue[]> = {
      startedAt: [last.day, last.started_at],
      talkSeconds: [last.talk_seconds],
      ringSeconds: [last.ring_seconds],
      saleAmount: [last.sale_amount],
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
  const limited = filteredCalls(db, q)
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1);
  const { n } = await db
    .selectFrom(limited.as('m'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}
