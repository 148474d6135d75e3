/**
 * What the ratings feature stores: behaviour ratings per month, agent, rater and dimension, and
 * the training log (sessions and their attendees).
 */
import type { RatingEntryRow, TrainingSessionRow } from '../../src-shared/api';
import type { ByDimension, RatingDimension } from '../../src-shared/ratings';
import { monthRange, type Month } from '../../src-shared/targets-calendar';
import type { Sqlite } from '../db/connection';
import { badInput, notFound } from '../errors';
import { now as clockNow } from '../clock';

export function loadRatings(db: Sqlite, month: Month): RatingEntryRow[] {
  return db
    .prepare(
      `SELECT agent_id AS agentId, rater_kind AS raterKind, rater_id AS raterId, dimension, score, reason
       FROM behaviour_ratings WHERE month = ? ORDER BY agent_id, rater_kind, rater_id, dimension`,
    )
    .all(month) as RatingEntryRow[];
}

/** The lead's ratings of a month per agent: what the composite score can weigh. */
export function leadRatingsByAgent(db: Sqlite, month: Month): Map<number, Partial<ByDimension<number>>> {
  const rows = db
    .prepare(
      `SELECT agent_id AS agentId, dimension, score FROM behaviour_ratings
       WHERE month = ? AND rater_kind = 'lead'`,
    )
    .all(month) as { agentId: number; dimension: RatingDimension; score: number }[];
  const out = new Map<number, Partial<ByDimension<number>>>();
  for (const r of rows) (out.get(r.agentId) ?? out.set(r.agentId, {}).get(r.agentId)!)[r.dimension] = r.score;
  return out;
}

function agentExists(db: Sqlite): (id: number) => boolean {
  const known = new Set(db.prepare('SELECT id FROM agents').pluck().all() as number[]);
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

export function saveRatings(
  db: Sqlite,
  month: Month,
  entries: readonly (Omit<RatingEntryRow, 'score'> & { score: number | null })[],
): number {
  const exists = agentExists(db);
  for (const e of entries) checkRater(e, exists);
  const upsert = db.prepare(
    `INSERT INTO behaviour_ratings(month, agent_id, rater_kind, rater_id, dimension, score, reason, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(month, agent_id, rater_kind, rater_id, dimension) DO UPDATE SET
       score = excluded.score, reason = excluded.reason, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare(
    `DELETE FROM behaviour_ratings
     WHERE month = ? AND agent_id = ? AND rater_kind = ? AND rater_id = ? AND dimension = ?`,
  );
  const now = clockNow();
  db.transaction(() => {
    for (const e of entries) {
      const key = [month, e.agentId, e.raterKind, e.raterId, e.dimension] as const;
      if (e.score === null) remove.run(...key);
      else upsert.run(...key, e.score, e.reason, now);
    }
  })();
  return entries.length;
}

export function loadTrainings(db: Sqlite, month: Month): TrainingSessionRow[] {
  const { from, to } = monthRange(month);
  const sessions = db
    .prepare(
      'SELECT id, day, topic, hours, notes FROM training_sessions WHERE day >= ? AND day <= ? ORDER BY day, id',
    )
    .all(from, to) as Omit<TrainingSessionRow, 'attendees'>[];
  const attendees = db.prepare(
    'SELECT agent_id FROM training_attendees WHERE session_id = ? ORDER BY agent_id',
  );
  return sessions.map((s) => ({ ...s, attendees: attendees.pluck().all(s.id) as number[] }));
}

function loadTraining(db: Sqlite, id: number): TrainingSessionRow {
  const s = db.prepare('SELECT id, day, topic, hours, notes FROM training_sessions WHERE id = ?').get(id) as
    Omit<TrainingSessionRow, 'attendees'> | undefined;
  if (!s) throw notFound(`training session ${id}`);
  const attendees = db
    .prepare('SELECT agent_id FROM training_attendees WHERE session_id = ? ORDER BY agent_id')
    .pluck()
    .all(id) as number[];
  return { ...s, attendees };
}

export function saveTraining(
  db: Sqlite,
  t: Omit<TrainingSessionRow, 'id'> & { id?: number | undefined },
): TrainingSessionRow {
  const exists = agentExists(db);
  for (const a of t.attendees) if (!exists(a)) throw notFound(`agent ${a}`);
  const notes = t.notes ? t.notes : null;
  const id = db.transaction(() => {
    let sessionId = t.id;
    if (sessionId === undefined) {
      sessionId = Number(
        db
          .prepare(
            'INSERT INTO training_sessions(day, topic, hours, notes, created_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(t.day, t.topic, t.hours, notes, clockNow()).lastInsertRowid,
      );
    } else {
      const changed = db
        .prepare('UPDATE training_sessions SET day = ?, topic = ?, hours = ?, notes = ? WHERE id = ?')
        .run(t.day, t.topic, t.hours, notes, sessionId).changes;
      if (changed === 0) throw notFound(`training session ${sessionId}`);
      db.prepare('DELETE FROM training_attendees WHERE session_id = ?').run(sessionId);
    }
    const add = db.prepare('INSERT OR IGNORE INTO training_attendees(session_id, agent_id) VALUES (?, ?)');
    for (const a of t.attendees) add.run(sessionId, a);
    return sessionId;
  })();
  return loadTraining(db, id);
}

export function deleteTraining(db: Sqlite, id: number): boolean {
  return db.prepare('DELETE FROM training_sessions WHERE id = ?').run(id).changes > 0;
}
