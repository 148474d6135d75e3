/**
 * What the ratings feature stores: behaviour ratings per month, agent, rater and dimension, and
 * the training log (sessions and their attendees).
 */
import type { Kysely } from 'kysely';
import type { RatingEntryRow, TrainingSessionRow } from '../../src-shared/api';
import type { ByDimension } from '../../src-shared/ratings';
import { monthRange, type Month } from '../../src-shared/targets-calendar';
import type { Database } from '../db/schema';
import { badInput, notFound } from '../errors';
import { now as clockNow } from '../clock';

export async function loadRatings(db: Kysely<Database>, month: Month): Promise<RatingEntryRow[]> {
  return db
    .selectFrom('behaviour_ratings')
    .select([
      'agent_id as agentId',
      'rater_kind as raterKind',
      'rater_id as raterId',
      'dimension',
      'score',
      'reason',
    ])
    .where('month', '=', month)
    .orderBy('agent_id')
    .orderBy('rater_kind')
    .orderBy('rater_id')
    .orderBy('dimension')
    .execute();
}

/** The lead's ratings of a month per agent: what the composite score can weigh. */
export async function leadRatingsByAgent(
  db: Kysely<Database>,
  month: Month,
): Promise<Map<number, Partial<ByDimension<number>>>> {
  const rows = await db
    .selectFrom('behaviour_ratings')
    .select(['agent_id as agentId', 'dimension', 'score'])
    .where('month', '=', month)
    .where('rater_kind', '=', 'lead')
    .execute();
  const out = new Map<number, Partial<ByDimension<number>>>();
  for (const r of rows) (out.get(r.agentId) ?? out.set(r.agentId, {}).get(r.agentId)!)[r.dimension] = r.score;
  return out;
}

async function agentExists(db: Kysely<Database>): Promise<(id: number) => boolean> {
  const known = new Set((await db.selectFrom('agents').select('id').execute()).map((a) => a.id));
  return (id) => known.has(id);
}

/** The rater id a rater kind must carry (lead 0, self the agent), checked before the table's CHECK says so less kindly. */
function checkRater(
  e: Pick<RatingEntryRow, 'agentId' | 'raterKind' | 'raterId'>,
  exists: (id: number) => boolean,
) {
  if (!exists(e.agentId)) throw notFound(`agent ${e.agentId}`);
  if (e.raterKind === 'lead' && e.raterId !== 0) throw badInput('raterId: the lead rates as 0');
  if (e.raterKind === 'self' && e.raterId !== e.agentId)
    throw badInput('raterId: a self-rating is by the agent');
  if (e.raterKind === 'peer') {
    if (e.raterId === e.agentId) throw badInput('raterId: a peer is another agent (use a self-rating)');
    if (!exists(e.raterId)) throw notFound(`rating agent ${e.raterId}`);
  }
}

/** Saves (score null: removes) ratings; run it in the caller's transaction so the batch is all or nothing. */
export async function saveRatings(
  db: Kysely<Database>,
  month: Month,
  entries: readonly (Omit<RatingEntryRow, 'score'> & { score: number | null })[],
): Promise<number> {
  const exists = await agentExists(db);
  for (const e of entries) checkRater(e, exists);
  const now = clockNow();
  for (const e of entries) {
    const key = {
      month,
      agent_id: e.agentId,
      rater_kind: e.raterKind,
      rater_id: e.raterId,
      dimension: e.dimension,
    };
    if (e.score === null) {
      await db
        .deleteFrom('behaviour_ratings')
        .where('month', '=', key.month)
        .where('agent_id', '=', key.agent_id)
        .where('rater_kind', '=', key.rater_kind)
        .where('rater_id', '=', key.rater_id)
        .where('dimension', '=', key.dimension)
        .execute();
    } else {
      const values = { score: e.score, reason: e.reason, updated_at: now };
      await db
        .insertInto('behaviour_ratings')
        .values({ ...key, ...values })
        .onConflict((oc) =>
          oc.columns(['month', 'agent_id', 'rater_kind', 'rater_id', 'dimension']).doUpdateSet(values),
        )
        .execute();
    }
  }
  return entries.length;
}

function sessionColumns(db: Kysely<Database>) {
  return db.selectFrom('training_sessions').select(['id', 'day', 'topic', 'hours', 'notes']);
}

async function attendeesOf(
  db: Kysely<Database>,
  sessionIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return out;
  const rows = await db
    .selectFrom('training_attendees')
    .select(['session_id as sessionId', 'agent_id as agentId'])
    .where('session_id', 'in', sessionIds)
    .orderBy('agent_id')
    .execute();
  for (const r of rows) out.get(r.sessionId)?.push(r.agentId);
  return out;
}

export async function loadTrainings(db: Kysely<Database>, month: Month): Promise<TrainingSessionRow[]> {
  const { from, to } = monthRange(month);
  const sessions = await sessionColumns(db)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .orderBy('id')
    .execute();
  const attendees = await attendeesOf(
    db,
    sessions.map((s) => s.id),
  );
  return sessions.map((s) => ({ ...s, attendees: attendees.get(s.id) ?? [] }));
}

async function loadTraining(db: Kysely<Database>, id: number): Promise<TrainingSessionRow> {
  const s = await sessionColumns(db).where('id', '=', id).executeTakeFirst();
  if (!s) throw notFound(`training session ${id}`);
  return { ...s, attendees: (await attendeesOf(db, [id])).get(id) ?? [] };
}

const ATTENDEE_ROWS_PER_INSERT = 500;

/** Adds or replaces a session with its attendees; run it in the caller's transaction. */
export async function saveTraining(
  db: Kysely<Database>,
  t: Omit<TrainingSessionRow, 'id'> & { id?: number | undefined },
): Promise<TrainingSessionRow> {
  const exists = await agentExists(db);
  for (const a of t.attendees) if (!exists(a)) throw notFound(`agent ${a}`);
  const fields = { day: t.day, topic: t.topic, hours: t.hours, notes: t.notes ? t.notes : null };
  let sessionId = t.id;
  if (sessionId === undefined) {
    const added = await db
      .insertInto('training_sessions')
      .values({ ...fields, created_at: clockNow() })
      .returning('id')
      .executeTakeFirstOrThrow();
    sessionId = added.id;
  } else {
    const changed = await db
      .updateTable('training_sessions')
      .set(fields)
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw notFound(`training session ${sessionId}`);
    await db.deleteFrom('training_attendees').where('session_id', '=', sessionId).execute();
  }
  // Each agent once, in slices: a statement's bound values stay far under either engine's limit.
  const attendees = [...new Set(t.attendees)];
  for (let i = 0; i < attendees.length; i += ATTENDEE_ROWS_PER_INSERT)
    await db
      .insertInto('training_attendees')
      .values(
        attendees
          .slice(i, i + ATTENDEE_ROWS_PER_INSERT)
          .map((agentId) => ({ session_id: sessionId, agent_id: agentId })),
      )
      .execute();
  return loadTraining(db, sessionId);
}

export async function deleteTraining(db: Kysely<Database>, id: number): Promise<boolean> {
  const deleted = await db.deleteFrom('training_sessions').where('id', '=', id).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
