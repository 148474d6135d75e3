/**
 * Coaching notes: what was discussed with an agent, the actions agreed, when to follow up, and
 * the agent's KPIs of the period talked about (frozen when the note is written).
 */
import type { Kysely } from 'kysely';
import type { Note, ParsedInput } from '../../src-shared/api';
import { isPlanOpen } from '../../src-shared/coaching';
import type { Database } from '../db/schema';
import { badInput, notFound } from '../errors';
import { getAgent } from '../people';
import { agentInTeams, type TeamChoice } from '../people/team-filter';
import { readKpiSnapshot, takeKpiSnapshot } from './kpi-snapshot';
import { now as clockNow } from '../clock';
import { actingLogin } from '../activity/acting';

type Db = Kysely<Database>;
export type NoteInput = ParsedInput<'coaching.createNote'>;
export type NoteUpdate = ParsedInput<'coaching.updateNote'>;

function notesQuery(db: Db) {
  return db
    .selectFrom('coaching_notes as n')
    .innerJoin('agents as a', 'a.id', 'n.agent_id')
    .select([
      'n.id',
      'n.agent_id as agentId',
      'a.code as agentCode',
      'a.name as agentName',
      'n.kind',
      'n.day',
      'n.coach',
      'n.strengths',
      'n.shortfalls',
      'n.agent_view as agentView',
      'n.follow_up_day as followUpDay',
      'n.follow_up_done_at as followUpDoneAt',
      'n.plan_id as planId',
      'n.kpi_snapshot as kpiSnapshot',
      'n.created_at as createdAt',
      'n.updated_at as updatedAt',
      'n.created_by',
    ]);
}

type NoteRow = Awaited<ReturnType<ReturnType<typeof notesQuery>['executeTakeFirstOrThrow']>>;

/** The rows with their actions and audit links (two queries for any number of notes). */
async function hydrate(db: Db, rows: NoteRow[]): Promise<Note[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [actions, links] = await Promise.all([
    db
      .selectFrom('coaching_actions')
      .select(['id', 'note_id', 'text', 'due_day', 'done_at'])
      .where('note_id', 'in', ids)
      .orderBy('note_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('coaching_links as l')
      .leftJoin('audits as au', 'au.id', 'l.ref_id')
      .leftJoin('scorecard_versions as v', 'v.id', 'au.scorecard_version_id')
      .select([
        'l.note_id',
        'l.ref_id',
        'au.call_day as day',
        'au.status',
        'au.score',
        'au.failed',
        'v.name as scorecardName',
      ])
      .where('l.note_id', 'in', ids)
      .where('l.kind', '=', 'audit')
      .orderBy('l.ref_id')
      .execute(),
  ]);
  return rows.map(({ kpiSnapshot, created_by, ...r }) => ({
    ...r,
    ...(created_by ? { createdBy: created_by } : {}),
    actions: actions
      .filter((a) => a.note_id === r.id)
      .map((a) => ({ id: a.id, text: a.text, dueDay: a.due_day, doneAt: a.done_at })),
    auditIds: links.filter((l) => l.note_id === r.id).map((l) => l.ref_id),
    // Links are checked on save; one whose audit is gone since is left out here, not shown broken.
    audits: links.flatMap((l) =>
      l.note_id === r.id && l.day != null && l.status != null && l.scorecardName != null
        ? [
            {
              id: l.ref_id,
              day: l.day,
              submitted: l.status === 'submitted',
              score: l.score ?? null,
              failed: l.failed === 1,
              scorecardName: l.scorecardName,
            },
          ]
        : [],
    ),
    kpis: readKpiSnapshot(kpiSnapshot),
  }));
}

export async function getNote(db: Db, id: number): Promise<Note> {
  const row = await notesQuery(db).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`coaching note ${id}`);
  return (await hydrate(db, [row]))[0]!;
}

export async function listNotes(
  db: Db,
  where: { agentId?: number | undefined; planId?: number | undefined; limit: number } & TeamChoice,
): Promise<{ notes: Note[]; total: number }> {
  let q = notesQuery(db);
  if (where.agentId !== undefined) q = q.where('n.agent_id', '=', where.agentId);
  const inTeams = agentInTeams(where, 'n.agent_id');
  if (inTeams) q = q.where(inTeams);
  if (where.planId !== undefined) q = q.where('n.plan_id', '=', where.planId);
  const [rows, count] = await Promise.all([
    q.orderBy('n.day', 'desc').orderBy('n.id', 'desc').limit(where.limit).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { notes: await hydrate(db, rows), total: Number(count.n) };
}

/** Each linked audit exists and is of the note's agent (coaching_links has no foreign key). */
async function checkAuditLinks(db: Db, input: NoteInput): Promise<void> {
  if (input.auditIds.length === 0) return;
  const found = await db
    .selectFrom('audits')
    .select(['id', 'agent_id'])
    .where('id', 'in', input.auditIds)
    .execute();
  for (const id of input.auditIds) {
    const audit = found.find((a) => a.id === id);
    if (!audit) throw badInput(`auditIds: audit ${id} not found`);
    if (audit.agent_id !== input.agentId)
      throw badInput(`auditIds: audit ${id} is of another agent, not of the note's agent`);
  }
}

/** The agent exists; linked audits are theirs; a named plan is the same agent's (and still open for a new checkpoint). */
async function checkReferences(db: Db, input: NoteInput, previousPlanId: number | null): Promise<void> {
  await getAgent(db, input.agentId);
  await checkAuditLinks(db, input);
  if (input.planId === null) return;
  const plan = await db
    .selectFrom('coaching_plans')
    .select(['agent_id', 'status'])
    .where('id', '=', input.planId)
    .executeTakeFirst();
  if (!plan) throw badInput(`planId: improvement plan ${input.planId} not found`);
  if (plan.agent_id !== input.agentId)
    throw badInput(`planId: improvement plan ${input.planId} belongs to another agent`);
  if (input.planId !== previousPlanId && !isPlanOpen(plan.status))
    throw badInput(
      `planId: improvement plan ${input.planId} is ${plan.status}; checkpoints go to open plans`,
    );
}

function sameRange(a: { from: string; to: string } | null, b: { from: string; to: string } | null): boolean {
  return a === null || b === null ? a === b : a.from === b.from && a.to === b.to;
}

async function writeActionsAndLinks(
  db: Db,
  noteId: number,
  input: NoteInput,
  previous: Note['actions'],
  now: number,
): Promise<void> {
  const kept = new Set(input.actions.flatMap((a) => (a.id === undefined ? [] : [a.id])));
  for (const id of kept)
    if (!previous.some((p) => p.id === id)) throw badInput(`actions: action ${id} is not one of this note's`);
  const dropped = previous.filter((p) => !kept.has(p.id)).map((p) => p.id);
  if (dropped.length > 0) await db.deleteFrom('coaching_actions').where('id', 'in', dropped).execute();
  for (const [position, action] of input.actions.entries()) {
    const before = previous.find((p) => p.id === action.id);
    // Keep when it was done; a newly ticked action is done now.
    const doneAt = action.done ? (before?.doneAt ?? now) : null;
    const values = { position, text: action.text, due_day: action.dueDay, done_at: doneAt };
    if (before) await db.updateTable('coaching_actions').set(values).where('id', '=', before.id).execute();
    else
      await db
        .insertInto('coaching_actions')
        .values({ note_id: noteId, ...values })
        .execute();
  }
  await db.deleteFrom('coaching_links').where('note_id', '=', noteId).execute();
  if (input.auditIds.length > 0)
    await db
      .insertInto('coaching_links')
      .values(input.auditIds.map((ref_id) => ({ note_id: noteId, kind: 'audit' as const, ref_id })))
      .execute();
}

function noteColumns(input: NoteInput) {
  return {
    agent_id: input.agentId,
    kind: input.kind,
    day: input.day,
    coach: input.coach,
    strengths: input.strengths,
    shortfalls: input.shortfalls,
    agent_view: input.agentView,
    follow_up_day: input.followUpDay,
    plan_id: input.planId,
  };
}

export async function createNote(db: Db, input: NoteInput): Promise<Note> {
  const id = await db.transaction().execute(async (trx) => {
    await checkReferences(trx, input, null);
    const now = clockNow();
    const snapshot = input.kpiRange ? await takeKpiSnapshot(trx, input.agentId, input.kpiRange) : null;
    const { id } = await trx
      .insertInto('coaching_notes')
      .values({
        ...noteColumns(input),
        follow_up_done_at: null,
        kpi_snapshot: snapshot ? JSON.stringify(snapshot) : null,
        created_at: now,
        updated_at: now,
        created_by: actingLogin(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeActionsAndLinks(trx, id, input, [], now);
    return id;
  });
  return getNote(db, id);
}

export async function updateNote(db: Db, input: NoteUpdate): Promise<Note> {
  await db.transaction().execute(async (trx) => {
    const before = await getNote(trx, input.id);
    if (before.agentId !== input.agentId)
      throw badInput('agentId: a note stays with its agent; write a new note for another agent');
    await checkReferences(trx, input, before.planId);
    const now = clockNow();
    // The snapshot is what was discussed: only choosing another period retakes it.
    const beforeRange = before.kpis ? { from: before.kpis.from, to: before.kpis.to } : null;
    let snapshot = before.kpis;
    if (!sameRange(beforeRange, input.kpiRange))
      snapshot = input.kpiRange ? await takeKpiSnapshot(trx, input.agentId, input.kpiRange) : null;
    // A new follow-up date is a new appointment: it is not done yet.
    const followUpDoneAt = input.followUpDay === before.followUpDay ? before.followUpDoneAt : null;
    await trx
      .updateTable('coaching_notes')
      .set({
        ...noteColumns(input),
        follow_up_done_at: followUpDoneAt,
        kpi_snapshot: snapshot ? JSON.stringify(snapshot) : null,
        updated_at: now,
      })
      .where('id', '=', input.id)
      .execute();
    await writeActionsAndLinks(trx, input.id, input, before.actions, now);
  });
  return getNote(db, input.id);
}

export async function deleteNote(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('coaching_notes').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function markFollowUpDone(db: Db, noteId: number, done: boolean): Promise<boolean> {
  const note = await db
    .selectFrom('coaching_notes')
    .select(['follow_up_day', 'follow_up_done_at'])
    .where('id', '=', noteId)
    .executeTakeFirst();
  if (!note) throw notFound(`coaching note ${noteId}`);
  if (note.follow_up_day === null) throw badInput(`noteId: note ${noteId} has no follow-up date`);
  await db
    .updateTable('coaching_notes')
    .set({ follow_up_done_at: done ? (note.follow_up_done_at ?? clockNow()) : null })
    .where('id', '=', noteId)
    .execute();
  return done;
}

export async function markActionDone(db: Db, actionId: number, done: boolean): Promise<boolean> {
  const action = await db
    .selectFrom('coaching_actions')
    .select('done_at')
    .where('id', '=', actionId)
    .executeTakeFirst();
  if (!action) throw notFound(`agreed action ${actionId}`);
  await db
    .updateTable('coaching_actions')
    .set({ done_at: done ? (action.done_at ?? clockNow()) : null })
    .where('id', '=', actionId)
    .execute();
  return done;
}
