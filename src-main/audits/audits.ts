/**
 * Audits: a draft per call (answers in `audit_answers`, one row per item, so failure rates are a
 * GROUP BY), autosaved while the reviewer listens, then submitted: the server scores the answers
 * with the scorecard version the audit was opened with, never with today's version.
 */
import { type Kysely } from 'kysely';
import type {
  AuditDetail,
  AuditNote,
  AuditRow,
  AuditSummary,
  Filter,
  ItemComments,
} from '../../src-shared/api';
import { scoreAudit, type Answers } from '../../src-shared/scorecard';
import type { Database } from '../db/schema';
import { ApiError, badInput, notFound } from '../errors';
import { getScorecardVersion } from './scorecards';
import { now as clockNow } from '../clock';
import { auditResponse } from './responses';
import { actingLogin } from '../activity/acting';
import { agentInTeamsOnDay } from '../people/team-filter';

async function callRecord(db: Kysely<Database>, callId: number) {
  const call = await db
    .selectFrom('calls as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .select((eb) => [
      'c.id',
      'c.agent_id',
      eb.fn.coalesce('a.name', 'a.code').as('agent_name'),
      'c.started_at',
      'c.day',
      'c.talk_seconds',
      'c.disposition',
      'c.outcome',
      'c.is_sale',
      'c.phone_last4',
      'c.recording_ref',
    ])
    .where('c.id', '=', callId)
    .executeTakeFirst();
  if (!call) throw notFound(`call ${callId}`);
  return call;
}

async function auditRecord(db: Kysely<Database>, auditId: number) {
  const audit = await db.selectFrom('audits').selectAll().where('id', '=', auditId).executeTakeFirst();
  if (!audit) throw notFound(`audit ${auditId}`);
  return audit;
}

/** An audit row as stored (`SELECT *`). */
type AuditRecord = Awaited<ReturnType<typeof auditRecord>>;

/** An audit's answers: one row per answered item. */
export async function auditAnswers(db: Kysely<Database>, auditId: number) {
  return db
    .selectFrom('audit_answers')
    .select(['item_key', 'value'])
    .where('audit_id', '=', auditId)
    .execute();
}

export async function getAudit(db: Kysely<Database>, auditId: number): Promise<AuditDetail> {
  const audit = await auditRecord(db, auditId);
  const call = await callRecord(db, audit.call_id);
  const answers = await auditAnswers(db, auditId);
  const notes = await db
    .selectFrom('audit_notes')
    .select(['offset_seconds', 'text'])
    .where('audit_id', '=', auditId)
    .orderBy('id')
    .execute();
  const itemComments = await db
    .selectFrom('audit_item_comments')
    .select(['item_key', 'text'])
    .where('audit_id', '=', auditId)
    .orderBy('item_key')
    .execute();
  return {
    id: audit.id,
    status: audit.status,
    reviewer: audit.reviewer,
    calibrationId: audit.calibration_id,
    score: audit.score,
    failed: audit.failed === 1,
    updatedAt: audit.updated_at,
    submittedAt: audit.submitted_at,
    call: {
      id: call.id,
      agentId: call.agent_id,
      agentName: call.agent_name,
      startedAt: call.started_at,
      day: call.day,
      talkSeconds: call.talk_seconds,
      disposition: call.disposition,
      outcome: call.outcome,
      isSale: call.is_sale === 1,
      phoneLast4: call.phone_last4,
      recordingRef: call.recording_ref,
    },
    scorecard: await getScorecardVersion(db, audit.scorecard_version_id),
    answers: Object.fromEntries(answers.map((r) => [r.item_key, r.value])),
    notes: notes.map((n) => ({ offsetSeconds: n.offset_seconds, text: n.text })),
    comment: audit.comment,
    itemComments: Object.fromEntries(itemComments.map((r) => [r.item_key, r.text])),
    response: await auditResponse(db, audit),
    ...(audit.created_by ? { submittedBy: audit.created_by } : {}),
  };
}

/**
 * The regular audit of a call: the existing one (draft or submitted), or a new draft with the
 * scorecard version chosen. `calibrationId` opens the reviewer's own audit of a calibration instead.
 */
export async function openAudit(
  db: Kysely<Database>,
  input: { callId: number; versionId: number; reviewer: string; calibrationId?: number },
): Promise<AuditDetail> {
  const id = await db.transaction().execute(async (trx) => {
    const audits = trx.selectFrom('audits').select('id');
    const existing = await (
      input.calibrationId === undefined
        ? audits.where('call_id', '=', input.callId).where('calibration_id', 'is', null)
        : audits.where('calibration_id', '=', input.calibrationId).where('reviewer', '=', input.reviewer)
    ).executeTakeFirst();
    if (existing) return existing.id;
    const call = await callRecord(trx, input.callId);
    await getScorecardVersion(trx, input.versionId); // exists
    const now = clockNow();
    const inserted = await trx
      .insertInto('audits')
      .values({
        call_id: call.id,
        agent_id: call.agent_id,
        reviewer: input.reviewer,
        scorecard_version_id: input.versionId,
        calibration_id: input.calibrationId ?? null,
        status: 'draft',
        score: null,
        failed: 0,
        call_day: call.day,
        created_at: now,
        updated_at: now,
        submitted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  });
  return getAudit(db, id);
}

/** What a reviewer writes on an audit, as a draft or as the submission. */
export interface AuditWrite {
  answers: Answers;
  notes: readonly AuditNote[];
  comment: string;
  itemComments: ItemComments;
}

/** Replaces an audit's answers (unanswered items have no row). */
async function writeAnswers(db: Kysely<Database>, auditId: number, answers: Answers): Promise<void> {
  const answerRows = Object.entries(answers).flatMap(([key, value]) =>
    value === undefined ? [] : [{ audit_id: auditId, item_key: key, value }],
  );
  await db.deleteFrom('audit_answers').where('audit_id', '=', auditId).execute();
  if (answerRows.length > 0) await db.insertInto('audit_answers').values(answerRows).execute();
}

async function writeAudit(
  db: Kysely<Database>,
  auditId: number,
  { answers, notes, comment, itemComments }: AuditWrite,
): Promise<void> {
  const now = clockNow();
  const noteRows = notes.map((note) => ({
    audit_id: auditId,
    offset_seconds: note.offsetSeconds,
    text: note.text,
    created_at: now,
  }));
  const commentRows = Object.entries(itemComments).flatMap(([key, text]) =>
    text.trim() ? [{ audit_id: auditId, item_key: key, text: text.trim() }] : [],
  );
  await writeAnswers(db, auditId, answers);
  await db.deleteFrom('audit_notes').where('audit_id', '=', auditId).execute();
  if (noteRows.length > 0) await db.insertInto('audit_notes').values(noteRows).execute();
  await db.updateTable('audits').set({ comment: comment.trim() }).where('id', '=', auditId).execute();
  await db.deleteFrom('audit_item_comments').where('audit_id', '=', auditId).execute();
  if (commentRows.length > 0) await db.insertInto('audit_item_comments').values(commentRows).execute();
}

async function editableDraft(db: Kysely<Database>, auditId: number): Promise<AuditRecord> {
  const audit = await auditRecord(db, auditId);
  if (audit.status === 'submitted') throw new ApiError('conflict', `audit ${auditId} is already submitted`);
  return audit;
}

/** Refuses keys that are not items of the audit's scorecard version. */
export async function checkItemKeys(
  db: Kysely<Database>,
  audit: Pick<AuditRecord, 'scorecard_version_id'>,
  given: readonly string[],
): Promise<void> {
  const card = (await getScorecardVersion(db, audit.scorecard_version_id)).definition;
  const keys = new Set(card.sections.flatMap((s) => s.items.map((i) => i.key)));
  const unknown = given.filter((k) => !keys.has(k));
  if (unknown.length > 0) throw badInput(`not items of this scorecard: ${[...new Set(unknown)].join(', ')}`);
}

/** Answers and item comments name items of the audit's scorecard version only. */
async function knownItems(db: Kysely<Database>, audit: AuditRecord, write: AuditWrite): Promise<AuditWrite> {
  await checkItemKeys(db, audit, [...Object.keys(write.answers), ...Object.keys(write.itemComments)]);
  return write;
}

export async function saveDraft(
  db: Kysely<Database>,
  auditId: number,
  write: AuditWrite,
): Promise<{ updatedAt: number }> {
  return db.transaction().execute(async (trx) => {
    const audit = await editableDraft(trx, auditId);
    await writeAudit(trx, auditId, await knownItems(trx, audit, write));
    const updatedAt = clockNow();
    await trx.updateTable('audits').set({ updated_at: updatedAt }).where('id', '=', auditId).execute();
    return { updatedAt };
  });
}

/**
 * Scores with the audit's own scorecard version and closes the audit. Every item needs an answer
 * unless the reviewer confirmed leaving some out (`allowUnanswered`): those score as N/A.
 */
export async function submitAudit(
  db: Kysely<Database>,
  auditId: number,
  write: AuditWrite,
  allowUnanswered = false,
): Promise<AuditDetail> {
  await db.transaction().execute(async (trx) => {
    const audit = await editableDraft(trx, auditId);
    const card = (await getScorecardVersion(trx, audit.scorecard_version_id)).definition;
    const score = scoreAudit(card, (await knownItems(trx, audit, write)).answers);
    const total = card.sections.reduce((n, s) => n + s.items.length, 0);
    if (score.missing.length > 0 && !allowUnanswered)
      throw badInput(`answer every item before submitting (missing: ${score.missing.join(', ')})`);
    if (score.missing.length === total) throw badInput('answer at least one item before submitting');
    await writeAudit(trx, auditId, write);
    const now = clockNow();
    await trx
      .updateTable('audits')
      .set({
        status: 'submitted',
        score: score.percent,
        failed: score.failed ? 1 : 0,
        updated_at: now,
        submitted_at: now,
        created_by: actingLogin(),
      })
      .where('id', '=', auditId)
      .execute();
  });
  return getAudit(db, auditId);
}

/**
 * A dispute's revision (改判): new answers for a submitted audit, scored with its own scorecard
 * version as a submission is. Items left out count as N/A (the audit was already accepted as
 * scored); at least one must be answered. Returns what it replaced, for the dispute's history.
 */
export async function rescoreAudit(
  db: Kysely<Database>,
  auditId: number,
  answers: Answers,
): Promise<{ score: number | null; failed: boolean; answers: Answers }> {
  const audit = await auditRecord(db, auditId);
  await checkItemKeys(db, audit, Object.keys(answers));
  const card = (await getScorecardVersion(db, audit.scorecard_version_id)).definition;
  const score = scoreAudit(card, answers);
  if (score.missing.length === card.sections.reduce((n, s) => n + s.items.length, 0))
    throw badInput('answer at least one item of the revised scoring');
  const before = await auditAnswers(db, auditId);
  await writeAnswers(db, auditId, answers);
  await db
    .updateTable('audits')
    .set({ score: score.percent, failed: score.failed ? 1 : 0, updated_at: clockNow() })
    .where('id', '=', auditId)
    .execute();
  return {
    score: audit.score,
    failed: audit.failed === 1,
    answers: Object.fromEntries(before.map((r) => [r.item_key, r.value])),
  };
}

/**
 * The submitted regular audits of a filter (alias `au`): what every QA figure counts. Callers
 * join and select from it.
 */
export async function submittedAudits(db: Kysely<Database>, filter: Filter) {
  let query = db
    .selectFrom('audits as au')
    .where('au.status', '=', 'submitted')
    .where('au.calibration_id', 'is', null)
    .where((eb) => eb.between('au.call_day', filter.from, filter.to));
  if (filter.agentId !== undefined) query = query.where('au.agent_id', '=', filter.agentId);
  // an audit counts for the team its agent was in on the audited call's day
  const teams = await agentInTeamsOnDay(db, filter, 'au.agent_id', 'au.call_day');
  if (teams) query = query.where(teams);
  if (filter.campaignId !== undefined)
    query = query.where(
      'au.call_id',
      'in',
      db.selectFrom('calls').select('id').where('campaign_id', '=', filter.campaignId),
    );
  return query;
}

/** Submitted regular audits of calls in the filter's period, newest first. */
export async function listAudits(db: Kysely<Database>, filter: Filter, limit: number): Promise<AuditRow[]> {
  const rows = await (
    await submittedAudits(db, filter)
  )
    .innerJoin('agents as a', 'a.id', 'au.agent_id')
    .innerJoin('scorecard_versions as v', 'v.id', 'au.scorecard_version_id')
    .leftJoin('audit_responses as r', 'r.audit_id', 'au.id')
    .select((eb) => [
      'au.id',
      'au.call_id',
      'au.agent_id',
      eb.fn.coalesce('a.name', 'a.code').as('agent_name'),
      'au.reviewer',
      'au.call_day',
      'v.name as scorecard_name',
      'v.version',
      'au.score',
      'au.failed',
      'au.submitted_at',
      'au.comment',
      'r.state as response_state',
    ])
    .orderBy('au.call_day', 'desc')
    .orderBy('au.submitted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    callId: r.call_id,
    agentId: r.agent_id,
    agentName: r.agent_name,
    reviewer: r.reviewer,
    day: r.call_day,
    scorecardName: r.scorecard_name,
    version: r.version,
    score: r.score,
    failed: r.failed === 1,
    submittedAt: r.submitted_at,
    comment: r.comment,
    responseState: r.response_state ?? 'pending',
  }));
}

/** The audit-score KPI: mean of the submitted audits' percentages (all-N/A audits have none). */
export async function auditSummary(db: Kysely<Database>, filter: Filter): Promise<AuditSummary> {
  const row = await (
    await submittedAudits(db, filter)
  )
    .select((eb) => [
      eb.fn.avg<number | null>('au.score').as('mean'),
      eb.fn.countAll<number>().as('audits'),
      eb.fn.coalesce(eb.fn.sum<number | null>('au.failed'), eb.lit(0)).as('failed'),
    ])
    .executeTakeFirstOrThrow();
  return {
    auditScore: row.mean === null ? null : Number(row.mean),
    audits: Number(row.audits),
    failed: Number(row.failed),
  };
}

/** A submitted audit's comments, as the monthly report lists them. */
export interface AuditComments {
  /** the audit's id: the list's order after its day */
  id: number;
  day: string;
  agentId: number;
  agentName: string;
  reviewer: string;
  score: number | null;
  failed: boolean;
  comment: string;
  /** in scorecard order, labelled with the audit's own scorecard version */
  items: { label: string; text: string }[];
}

/** Submitted regular audits of the filter with an overall or item comment, oldest first. */
export async function auditComments(db: Kysely<Database>, filter: Filter): Promise<AuditComments[]> {
  const audits = await (
    await submittedAudits(db, filter)
  )
    .innerJoin('agents as a', 'a.id', 'au.agent_id')
    .select((eb) => [
      'au.id',
      'au.call_day',
      'au.agent_id',
      eb.fn.coalesce('a.name', 'a.code').as('agent_name'),
      'au.reviewer',
      'au.score',
      'au.failed',
      'au.comment',
      'au.scorecard_version_id as version_id',
    ])
    .where((eb) =>
      eb.or([
        eb('au.comment', '<>', ''),
        eb.exists(
          eb.selectFrom('audit_item_comments as c').select('c.audit_id').whereRef('c.audit_id', '=', 'au.id'),
        ),
      ]),
    )
    .orderBy('au.call_day')
    .orderBy('au.id')
    .execute();
  const out: AuditComments[] = [];
  for (const au of audits) {
    const comments = await db
      .selectFrom('audit_item_comments')
      .select(['item_key', 'text'])
      .where('audit_id', '=', au.id)
      .execute();
    const texts = new Map(comments.map((c) => [c.item_key, c.text]));
    const card = (await getScorecardVersion(db, au.version_id)).definition;
    const items = card.sections
      .flatMap((s) => s.items)
      .filter((i) => texts.has(i.key))
      .map((i) => ({ label: i.label, text: texts.get(i.key)! }));
    out.push({
      id: au.id,
      day: au.call_day,
      agentId: au.agent_id,
      agentName: au.agent_name,
      reviewer: au.reviewer,
      score: au.score,
      failed: au.failed === 1,
      comment: au.comment,
      items,
    });
  }
  return out;
}
