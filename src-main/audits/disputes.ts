/**
 * The dispute loop (申诉) of a submitted audit: the audited agent acknowledges it (确认) or
 * disputes it once with a reason; a reviewer answers the dispute, upholding the score (维持原判)
 * or revising it (改判) with a new scoring of the audit's own scorecard version. Both ends are
 * final. The audit's score is the revised one everywhere figures are read (audits.score); the
 * response row keeps the first scoring.
 *
 * Who may: the calling actor (currentActor). On a local workspace there is none (one user, the
 * team lead, records the agent's answer on their behalf) and `*_by` is ''.
 */
import type { Kysely } from 'kysely';
import type { AuditDetail, DisputeOutcome, DisputeRow } from '../../src-shared/api';
import type { Answers } from '../../src-shared/scorecard';
import { currentActor, type Actor } from '../auth/actor';
import { now as clockNow } from '../clock';
import type { Database } from '../db/schema';
import { agentInTeams, inChosenTeams } from '../people/team-filter';
import { ApiError, badInput, notFound } from '../errors';
import { checkItemKeys, getAudit, rescoreAudit } from './audits';
import { answerable, disputeItems, responseRow, type ResponseRow } from './responses';

/** The audit with its agent's team, as the checks need it. */
async function auditFor(db: Kysely<Database>, auditId: number) {
  const audit = await db
    .selectFrom('audits as au')
    .innerJoin('agents as a', 'a.id', 'au.agent_id')
    .select([
      'au.id',
      'au.status',
      'au.calibration_id',
      'au.agent_id',
      'au.scorecard_version_id',
      'a.team_id',
    ])
    .where('au.id', '=', auditId)
    .executeTakeFirst();
  if (!audit) throw notFound(`audit ${auditId}`);
  if (audit.calibration_id !== null)
    throw badInput(`audit ${auditId} is a calibration scoring: the agent answers the call's own audit`);
  if (!answerable(audit))
    throw new ApiError('conflict', `audit ${auditId} is a draft: only a submitted audit can be answered`);
  return audit;
}

type AuditForCheck = Awaited<ReturnType<typeof auditFor>>;

const who = (actor: Actor | null): string => actor?.login ?? '';

/** The audited agent, or a lead recording their answer on their behalf (admin; a team lead of their team). */
function checkMayRespond(actor: Actor | null, audit: AuditForCheck): void {
  if (actor === null || actor.role === 'admin') return;
  if (actor.role === 'agent' && actor.agentId === audit.agent_id) return;
  if (actor.role === 'team_lead' && inChosenTeams({ teamIds: [...actor.teamIds] }, audit.team_id)) return;
  throw new ApiError(
    'unauthorized',
    actor.role === 'agent'
      ? `audit ${audit.id} is another agent's: only the audited agent answers it`
      : `only the audited agent (or their team lead on their behalf) answers audit ${audit.id}`,
  );
}

function checkMayAnswer(actor: Actor | null, auditId: number): void {
  if (actor === null || actor.role === 'admin' || actor.role === 'qa' || actor.role === 'team_lead') return;
  throw new ApiError('unauthorized', `only a reviewer answers the dispute of audit ${auditId}`);
}

/** Why the agent cannot answer an audit already answered (acknowledged, disputed, or final). */
function alreadyAnswered(auditId: number, row: ResponseRow): ApiError {
  switch (row.state) {
    case 'acknowledged':
      return new ApiError('conflict', `audit ${auditId} is already acknowledged`);
    case 'disputed':
      return new ApiError('conflict', `audit ${auditId} is already disputed: a reviewer answers it`);
    case 'answered':
      return new ApiError(
        'conflict',
        `the dispute of audit ${auditId} was answered: the answer is final, a new dispute is refused`,
      );
  }
}

/**
 * Writes the agent's first answer (acknowledge or dispute) if the audit is still pending: an
 * insert that does nothing when a row exists, so two answers at once cannot both land.
 */
async function firstResponse(
  db: Kysely<Database>,
  auditId: number,
  values: Omit<Partial<ResponseRow>, 'audit_id' | 'state'> & { state: 'acknowledged' | 'disputed' },
): Promise<AuditDetail> {
  return db.transaction().execute(async (trx) => {
    const audit = await auditFor(trx, auditId);
    checkMayRespond(currentActor(), audit);
    if (values.dispute_items) await checkItemKeys(trx, audit, disputeItems(values.dispute_items));
    const existing = await responseRow(trx, auditId);
    if (existing) throw alreadyAnswered(auditId, existing);
    const inserted = await trx
      .insertInto('audit_responses')
      .values({ audit_id: auditId, ...values })
      .onConflict((oc) => oc.column('audit_id').doNothing())
      .returning('audit_id')
      .executeTakeFirst();
    if (!inserted) {
      const now = await responseRow(trx, auditId);
      if (now) throw alreadyAnswered(auditId, now);
    }
    return getAudit(trx, auditId);
  });
}

export async function acknowledgeAudit(db: Kysely<Database>, auditId: number): Promise<AuditDetail> {
  return firstResponse(db, auditId, {
    state: 'acknowledged',
    acknowledged_at: clockNow(),
    acknowledged_by: who(currentActor()),
  });
}

export async function disputeAudit(
  db: Kysely<Database>,
  auditId: number,
  reason: string,
  itemKeys: readonly string[] = [],
): Promise<AuditDetail> {
  const text = reason.trim();
  if (!text) throw badInput('a dispute needs a reason');
  return firstResponse(db, auditId, {
    state: 'disputed',
    dispute_reason: text,
    dispute_items: JSON.stringify([...new Set(itemKeys)]),
    disputed_at: clockNow(),
    disputed_by: who(currentActor()),
  });
}

/** The reviewer's answer (final): upheld keeps the score; revised re-scores with `answers`. */
export async function answerDispute(
  db: Kysely<Database>,
  input: { auditId: number; answer: string; outcome: DisputeOutcome; answers?: Answers },
): Promise<AuditDetail> {
  const { auditId, outcome, answers } = input;
  const text = input.answer.trim();
  if (!text) throw badInput('an answer to a dispute needs a text');
  if (outcome === 'revised' && answers === undefined)
    throw badInput('a revised outcome re-scores the audit: send the revised answers');
  if (outcome === 'upheld' && answers !== undefined)
    throw badInput('an upheld dispute keeps the score: send no answers');
  return db.transaction().execute(async (trx) => {
    const audit = await auditFor(trx, auditId);
    checkMayAnswer(currentActor(), auditId);
    const row = await responseRow(trx, auditId);
    if (!row || row.state === 'acknowledged')
      throw new ApiError('conflict', `audit ${auditId} has no dispute to answer`);
    if (row.state === 'answered')
      throw new ApiError(
        'conflict',
        `the dispute of audit ${auditId} is already answered: the answer is final`,
      );
    const original = answers === undefined ? null : await rescoreAudit(trx, audit.id, answers);
    const updated = await trx
      .updateTable('audit_responses')
      .set({
        state: 'answered',
        answer: text,
        outcome,
        answered_at: clockNow(),
        answered_by: who(currentActor()),
        original_score: original?.score ?? null,
        original_failed: original === null ? null : original.failed ? 1 : 0,
        original_answers: original === null ? null : JSON.stringify(original.answers),
      })
      .where('audit_id', '=', auditId)
      .where('state', '=', 'disputed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new ApiError(
        'conflict',
        `the dispute of audit ${auditId} is already answered: the answer is final`,
      );
    return getAudit(trx, auditId);
  });
}

export type DisputeStatus = 'open' | 'answered' | 'all';

/** The disputes the caller may see: an agent their own, a team lead their teams', others all. */
function scopedDisputes(db: Kysely<Database>) {
  const actor = currentActor();
  let query = db
    .selectFrom('audit_responses as r')
    .innerJoin('audits as au', 'au.id', 'r.audit_id')
    .innerJoin('agents as a', 'a.id', 'au.agent_id')
    .where('r.state', 'in', ['disputed', 'answered']);
  if (actor?.role === 'agent') query = query.where('au.agent_id', '=', actor.agentId ?? 0);
  else if (actor?.role === 'team_lead')
    query = query.where(agentInTeams({ teamIds: [...actor.teamIds] }, 'a.id')!);
  return query;
}

/** The reviewers' queue: open disputes oldest first, then answered ones latest answer first. */
export async function listDisputes(
  db: Kysely<Database>,
  status: DisputeStatus,
  limit: number,
): Promise<{ rows: DisputeRow[]; open: number; answered: number }> {
  const rowsIn = (state: 'disputed' | 'answered', max: number) => {
    const query = scopedDisputes(db)
      .where('r.state', '=', state)
      .select((eb) => [
        'au.id',
        'au.call_id',
        'au.agent_id',
        eb.fn.coalesce('a.name', 'a.code').as('agent_name'),
        'au.reviewer',
        'au.call_day',
        'au.score',
        'au.failed',
        'r.dispute_reason',
        'r.dispute_items',
        'r.disputed_at',
        'r.disputed_by',
        'r.answer',
        'r.outcome',
        'r.answered_at',
        'r.answered_by',
      ])
      .limit(max);
    return (
      state === 'disputed'
        ? query.orderBy('r.disputed_at').orderBy('au.id')
        : query.orderBy('r.answered_at', 'desc').orderBy('au.id', 'desc')
    ).execute();
  };
  const counts = await scopedDisputes(db)
    .select('r.state')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('r.state')
    .execute();
  const countOf = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
  const open = status === 'answered' ? [] : await rowsIn('disputed', limit);
  const answered = status === 'open' ? [] : await rowsIn('answered', limit - open.length);
  const now = clockNow();
  const rows = [...open, ...answered].map((r): DisputeRow => {
    const disputedAt = r.disputed_at ?? now;
    const answer =
      r.answered_at === null || r.outcome === null
        ? null
        : { text: r.answer ?? '', outcome: r.outcome, at: r.answered_at, by: r.answered_by ?? '' };
    return {
      auditId: r.id,
      callId: r.call_id,
      agentId: r.agent_id,
      agentName: r.agent_name,
      reviewer: r.reviewer,
      day: r.call_day,
      score: r.score,
      failed: r.failed === 1,
      reason: r.dispute_reason ?? '',
      itemKeys: disputeItems(r.dispute_items),
      disputedAt,
      disputedBy: r.disputed_by ?? '',
      ageHours: Math.max(0, Math.floor(((answer?.at ?? now) - disputedAt) / 3_600_000)),
      answer,
    };
  });
  return { rows, open: countOf('disputed'), answered: countOf('answered') };
}
