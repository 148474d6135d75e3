/**
 * An agent's team is a history (migration 20): spans of days, `agent_team_history`, that follow
 * each other with no gap and no overlap from BEGINNING; the last one is open (to_day NULL) and
 * holds the current team, which `agents.team_id` repeats for the many places that read "the
 * current team". This module writes both, so they never disagree; a call, a rollup row or an audit
 * belongs to the team its agent was in on its day (src-main/people/team-filter.ts reads the spans).
 *
 * The rules, so history is never rewritten:
 * - A move takes an effective day ("since", default the workspace's today): the span holding the
 *   day before is closed there, and the new team's span opens on `since`. A move dated on or
 *   before an earlier move's start replaces whatever came from that day on (the later span is
 *   dropped, not overlapped), so the spans can never overlap or leave a gap. Neighbouring spans of
 *   one team are joined (a move back on the same day undoes the move).
 * - Filling in a team for an agent whose current team is unknown (an import's team column, or a
 *   person choosing a team without a date) fills the unknown span: the team was unknown, not
 *   different.
 * - An agent with no span at all (one brought in by a workspace copy) has been in its current
 *   team from the beginning; the first move writes that span out.
 */
import type { Kysely, Transaction } from 'kysely';
import { addDays, isDay, todayIn, type Day } from '../../src-shared/time';
import { now as clockNow } from '../clock';
import type { Database } from '../db/schema';
import { ApiError } from '../errors';
import { loadSettings } from '../settings';

/** The first day of every agent's first span: before any call anyone can import. */
export const BEGINNING: Day = '0000-01-01';

export interface Span {
  teamId: number | null;
  from: Day;
  /** the span's last day; null: open (the current team) */
  to: Day | null;
}

/** Neighbouring spans of one team joined into one. */
export function joined(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.teamId === span.teamId) out[out.length - 1] = { ...last, to: span.to };
    else out.push({ ...span });
  }
  return out;
}

/**
 * The spans after a move to `teamId` effective `since`: what started before `since` is kept
 * (ending the day before at the latest), what started on or after it is replaced.
 */
export function spansAfterMove(spans: readonly Span[], teamId: number | null, since: Day): Span[] {
  const dayBefore = addDays(since, -1);
  const kept = spans
    .filter((s) => s.from < since)
    .map((s) => (s.to === null || s.to > dayBefore ? { ...s, to: dayBefore } : s));
  return joined([...kept, { teamId, from: since, to: null }]);
}

/** The spans after filling in `teamId` where the current team is unknown (unchanged otherwise). */
export function spansAfterFill(spans: readonly Span[], teamId: number): Span[] {
  return joined(spans.map((s) => (s.to === null && s.teamId === null ? { ...s, teamId } : s)));
}

type Db = Kysely<Database> | Transaction<Database>;

/** An agent's spans, oldest first (one open span in its current team if none is stored). */
export async function spansOf(db: Db, agentId: number): Promise<Span[]> {
  const rows = await db
    .selectFrom('agent_team_history')
    .select(['team_id as teamId', 'from_day as from', 'to_day as to'])
    .where('agent_id', '=', agentId)
    .orderBy('from_day')
    .execute();
  if (rows.length > 0) return rows;
  const agent = await db.selectFrom('agents').select('team_id').where('id', '=', agentId).executeTakeFirst();
  return agent ? [{ teamId: agent.team_id, from: BEGINNING, to: null }] : [];
}

/** Stores an agent's spans whole, and their open span's team as the agent's current team. */
async function writeSpans(
  trx: Transaction<Database>,
  agentId: number,
  spans: readonly Span[],
): Promise<void> {
  const open = spans[spans.length - 1];
  if (!open || open.to !== null || spans[0]!.from !== BEGINNING)
    throw new Error(`agent ${agentId}: spans must run from the beginning to an open span`);
  await trx.deleteFrom('agent_team_history').where('agent_id', '=', agentId).execute();
  await trx
    .insertInto('agent_team_history')
    .values(spans.map((s) => ({ agent_id: agentId, team_id: s.teamId, from_day: s.from, to_day: s.to })))
    .execute();
  await trx.updateTable('agents').set({ team_id: open.teamId }).where('id', '=', agentId).execute();
}

/** The workspace's today, in its zone (the injectable clock). */
async function today(db: Db): Promise<Day> {
  return todayIn((await loadSettings(db)).timeZone, clockNow());
}

/**
 * Moves an agent to `teamId` (null: no team) effective `since`. Without a day: an agent whose
 * current team is unknown is filled in (the team was unknown, not different), any other moves
 * today. A day after today is refused: the current team would not be the team of today.
 */
export async function moveAgent(
  trx: Transaction<Database>,
  agentId: number,
  teamId: number | null,
  since?: Day,
): Promise<void> {
  const spans = await spansOf(trx, agentId);
  if (spans.length === 0) return;
  if (since === undefined) {
    const current = spans[spans.length - 1]!.teamId;
    if (current === teamId) return;
    if (current === null && teamId !== null) return writeSpans(trx, agentId, spansAfterFill(spans, teamId));
    since = await today(trx);
  }
  if (!isDay(since) || since <= BEGINNING) throw new ApiError('bad_input', `not a day: ${since}`);
  if (since > (await today(trx)))
    throw new ApiError('bad_input', `a move cannot start after today (${since})`);
  await writeSpans(trx, agentId, spansAfterMove(spans, teamId, since));
}

/** An import's team for an agent with no current team: fills the unknown span. */
export async function fillTeam(trx: Transaction<Database>, agentId: number, teamId: number): Promise<void> {
  await writeSpans(trx, agentId, spansAfterFill(await spansOf(trx, agentId), teamId));
}

/**
 * Team `fromId` merged into `intoId`: the merged team goes, so nothing could show its past on its
 * own any more; its spans, past and current, become the surviving team's (the two are one team,
 * then and now). The agents' current team follows.
 */
export async function mergeTeamHistory(
  trx: Transaction<Database>,
  fromId: number,
  intoId: number,
): Promise<void> {
  const agents = await trx
    .selectFrom('agent_team_history')
    .select('agent_id')
    .distinct()
    .where('team_id', '=', fromId)
    .execute();
  await trx
    .updateTable('agent_team_history')
    .set({ team_id: intoId })
    .where('team_id', '=', fromId)
    .execute();
  for (const { agent_id } of agents) await writeSpans(trx, agent_id, joined(await spansOf(trx, agent_id)));
  // agents without stored spans (brought by a copy) follow their current team
  await trx.updateTable('agents').set({ team_id: intoId }).where('team_id', '=', fromId).execute();
}

/**
 * Agent code `fromId` merged into `intoId` (one person): the survivor's history is the person's.
 * Where the survivor never had a known team, it takes the merged code's history whole; where only
 * its current team is unknown, the merged code's current team fills it in.
 */
export async function mergeAgentHistory(
  trx: Transaction<Database>,
  fromId: number,
  intoId: number,
): Promise<void> {
  const from = await spansOf(trx, fromId);
  const into = await spansOf(trx, intoId);
  const fromTeam = from[from.length - 1]?.teamId ?? null;
  if (into.every((s) => s.teamId === null)) await writeSpans(trx, intoId, from.length > 0 ? from : into);
  else if (fromTeam !== null) await writeSpans(trx, intoId, spansAfterFill(into, fromTeam));
}

/**
 * A copied agent's history (a workspace copied into another): taken where the target's agent never
 * moved and is in the history's current team or in none (the copy's agents keep the target's
 * team); an agent the target moved keeps the target's own history. True when taken.
 */
export async function adoptHistory(
  trx: Transaction<Database>,
  agentId: number,
  spans: readonly Span[],
): Promise<boolean> {
  const held = await spansOf(trx, agentId);
  const current = spans[spans.length - 1]?.teamId ?? null;
  const heldTeam = held[0]?.teamId ?? null;
  if (spans.length < 2 || held.length !== 1 || (heldTeam !== null && heldTeam !== current)) return false;
  await writeSpans(trx, agentId, spans);
  return true;
}

export interface TeamSpan extends Span {
  teamName: string | null;
}

/** An agent's team history for the agent's page, newest first. */
export async function teamHistory(db: Db, agentId: number): Promise<TeamSpan[]> {
  const spans = await spansOf(db, agentId);
  const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
  const name = new Map(teams.map((t) => [t.id, t.name]));
  return spans
    .map((s) => ({ ...s, teamName: s.teamId === null ? null : (name.get(s.teamId) ?? null) }))
    .reverse();
}
