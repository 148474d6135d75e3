/**
 * Audits: a draft per call (answers in `audit_answers`, one row per item, so failure rates are a
 * GROUP BY), autosaved while the reviewer listens, then submitted: the server scores the answers
 * with the scorecard version the audit was opened with, never with today's version.
 */
import type {
  AuditDetail,
  AuditNote,
  AuditRow,
  AuditSummary,
  Filter,
  ItemComments,
} from '../../src-shared/api';
import { scoreAudit, type Answers, type AnswerValue } from '../../src-shared/scorecard';
import type { Selectable } from 'kysely';
import type { Sqlite } from '../db/connection';
import type { AuditsTable } from '../db/schema';
import { ApiError, badInput, notFound } from '../errors';
import { getScorecardVersion } from './scorecards';
import { now as clockNow } from '../clock';

/** An audit row as stored (`SELECT *`). */
type AuditRecord = Selectable<AuditsTable>;

interface CallRecord {
  id: number;
  agent_id: number;
  agent_name: string;
  started_at: number;
  day: string;
  talk_seconds: number;
  disposition: string;
  outcome: string;
  is_sale: number;
  phone_last4: string | null;
  recording_ref: string | null;
}

function callRecord(db: Sqlite, callId: number): CallRecord {
  const call = db
    .prepare(
      `SELECT c.id, c.agent_id, coalesce(a.name, a.code) AS agent_name, c.started_at, c.day, c.talk_seconds,
              c.disposition, c.outcome, c.is_sale, c.phone_last4, c.recording_ref
       FROM calls c JOIN agents a ON a.id = c.agent_id WHERE c.id = ?`,
    )
    .get(callId) as CallRecord | undefined;
  if (!call) throw notFound(`call ${callId}`);
  return call;
}

function auditRecord(db: Sqlite, auditId: number): AuditRecord {
  const audit = db.prepare('SELECT * FROM audits WHERE id = ?').get(auditId) as AuditRecord | undefined;
  if (!audit) throw notFound(`audit ${auditId}`);
  return audit;
}

export function getAudit(db: Sqlite, auditId: number): AuditDetail {
  const audit = auditRecord(db, auditId);
  const call = callRecord(db, audit.call_id);
  const answers = Object.fromEntries(
    (
      db.prepare('SELECT item_key, value FROM audit_answers WHERE audit_id = ?').all(auditId) as {
        item_key: string;
        value: AnswerValue;
      }[]
    ).map((r) => [r.item_key, r.value]),
  );
  const notes = (
    db
      .prepare('SELECT offset_seconds, text FROM audit_notes WHERE audit_id = ? ORDER BY id')
      .all(auditId) as { offset_seconds: number | null; text: string }[]
  ).map((n) => ({ offsetSeconds: n.offset_seconds, text: n.text }));
  const itemComments = Object.fromEntries(
    db
      .prepare<[number], { item_key: string; text: string }>(
        'SELECT item_key, text FROM audit_item_comments WHERE audit_id = ? ORDER BY item_key',
      )
      .all(auditId)
      .map((r) => [r.item_key, r.text]),
  );
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
    scorecard: getScorecardVersion(db, audit.scorecard_version_id),
    answers,
    notes,
    comment: audit.comment,
    itemComments,
  };
}

/**
 * The regular audit of a call: the existing one (draft or submitted), or a new draft with the
 * scorecard version chosen. `calibrationId` opens the reviewer's own audit of a calibration instead.
 */
export function openAudit(
  db: Sqlite,
  input: { callId: number; versionId: number; reviewer: string; calibrationId?: number },
): AuditDetail {
  const id = db.transaction(() => {
    const existing = (
      input.calibrationId === undefined
        ? db.prepare('SELECT id FROM audits WHERE call_id = ? AND calibration_id IS NULL').get(input.callId)
        : db
            .prepare('SELECT id FROM audits WHERE calibration_id = ? AND reviewer = ?')
            .get(input.calibrationId, input.reviewer)
    ) as { id: number } | undefined;
    if (existing) return existing.id;
    const call = callRecord(db, input.callId);
    getScorecardVersion(db, input.versionId); // exists
    const now = clockNow();
    return Number(
      db
        .prepare(
          `INSERT INTO audits (call_id, agent_id, reviewer, scorecard_version_id, calibration_id, status,
                               score, failed, call_day, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'draft', NULL, 0, ?, ?, ?)`,
        )
        .run(
          call.id,
          call.agent_id,
          input.reviewer,
          input.versionId,
          input.calibrationId ?? null,
          call.day,
          now,
          now,
        ).lastInsertRowid,
    );
  })();
  return getAudit(db, id);
}

/** What a reviewer writes on an audit, as a draft or as the submission. */
export interface AuditWrite {
  answers: Answers;
  notes: readonly AuditNote[];
  comment: string;
  itemComments: ItemComments;
}

function writeAudit(db: Sqlite, auditId: number, { answers, notes, comment, itemComments }: AuditWrite) {
  db.prepare('DELETE FROM audit_answers WHERE audit_id = ?').run(auditId);
  const insertAnswer = db.prepare('INSERT INTO audit_answers (audit_id, item_key, value) VALUES (?, ?, ?)');
  for (const [key, value] of Object.entries(answers))
    if (value !== undefined) insertAnswer.run(auditId, key, value);
  db.prepare('DELETE FROM audit_notes WHERE audit_id = ?').run(auditId);
  const insertNote = db.prepare(
    'INSERT INTO audit_notes (audit_id, offset_seconds, text, created_at) VALUES (?, ?, ?, ?)',
  );
  const now = clockNow();
  for (const note of notes) insertNote.run(auditId, note.offsetSeconds, note.text, now);
  db.prepare('UPDATE audits SET comment = ? WHERE id = ?').run(comment.trim(), auditId);
  db.prepare('DELETE FROM audit_item_comments WHERE audit_id = ?').run(auditId);
  const insertComment = db.prepare(
    'INSERT INTO audit_item_comments (audit_id, item_key, text) VALUES (?, ?, ?)',
  );
  for (const [key, text] of Object.entries(itemComments))
    if (text.trim()) insertComment.run(auditId, key, text.trim());
}

function editableDraft(db: Sqlite, auditId: number): AuditRecord {
  const audit = auditRecord(db, auditId);
  if (audit.status === 'submitted') throw new ApiError('conflict', `audit ${auditId} is already submitted`);
  return audit;
}

/** Answers and item comments name items of the audit's scorecard version only. */
function knownItems(db: Sqlite, audit: AuditRecord, write: AuditWrite): AuditWrite {
  const card = getScorecardVersion(db, audit.scorecard_version_id).definition;
  const keys = new Set(card.sections.flatMap((s) => s.items.map((i) => i.key)));
  const unknown = [...Object.keys(write.answers), ...Object.keys(write.itemComments)].filter(
    (k) => !keys.has(k),
  );
  if (unknown.length > 0) throw badInput(`not items of this scorecard: ${[...new Set(unknown)].join(', ')}`);
  return write;
}

export function saveDraft(db: Sqlite, auditId: number, write: AuditWrite): { updatedAt: number } {
  return db.transaction(() => {
    const audit = editableDraft(db, auditId);
    writeAudit(db, auditId, knownItems(db, audit, write));
    const updatedAt = clockNow();
    db.prepare('UPDATE audits SET updated_at = ? WHERE id = ?').run(updatedAt, auditId);
    return { updatedAt };
  })();
}

/**
 * Scores with the audit's own scorecard version and closes the audit. Every item needs an answer
 * unless the reviewer confirmed leaving some out (`allowUnanswered`): those score as N/A.
 */
export function submitAudit(
  db: Sqlite,
  auditId: number,
  write: AuditWrite,
  allowUnanswered = false,
): AuditDetail {
  db.transaction(() => {
    const audit = editableDraft(db, auditId);
    const card = getScorecardVersion(db, audit.scorecard_version_id).definition;
    const score = scoreAudit(card, knownItems(db, audit, write).answers);
    const total = card.sections.reduce((n, s) => n + s.items.length, 0);
    if (score.missing.length > 0 && !allowUnanswered)
      throw badInput(`answer every item before submitting (missing: ${score.missing.join(', ')})`);
    if (score.missing.length === total) throw badInput('answer at least one item before submitting');
    writeAudit(db, auditId, write);
    const now = clockNow();
    db.prepare(
      `UPDATE audits SET status = 'submitted', score = ?, failed = ?, updated_at = ?, submitted_at = ?
       WHERE id = ?`,
    ).run(score.percent, score.failed ? 1 : 0, now, now, auditId);
  })();
  return getAudit(db, auditId);
}

/** The WHERE clause of submitted regular audits for a filter (alias `au`). */
export function filterClause(filter: Filter): { where: string; params: Record<string, unknown> } {
  const parts = ["au.status = 'submitted'", 'au.calibration_id IS NULL', 'au.call_day BETWEEN @from AND @to'];
  const params: Record<string, unknown> = { from: filter.from, to: filter.to };
  if (filter.agentId !== undefined) {
    parts.push('au.agent_id = @agentId');
    params.agentId = filter.agentId;
  }
  if (filter.teamId !== undefined) {
    parts.push('au.agent_id IN (SELECT id FROM agents WHERE team_id = @teamId)');
    params.teamId = filter.teamId;
  }
  if (filter.campaignId !== undefined) {
    parts.push('au.call_id IN (SELECT id FROM calls WHERE campaign_id = @campaignId)');
    params.campaignId = filter.campaignId;
  }
  return { where: parts.join(' AND '), params };
}

/** Submitted regular audits of calls in the filter's period, newest first. */
export function listAudits(db: Sqlite, filter: Filter, limit: number): AuditRow[] {
  const { where, params } = filterClause(filter);
  const rows = db
    .prepare(
      `SELECT au.id, au.call_id, au.agent_id, coalesce(a.name, a.code) AS agent_name, au.reviewer, au.call_day,
              v.name AS scorecard_name, v.version, au.score, au.failed, au.submitted_at, au.comment
       FROM audits au JOIN agents a ON a.id = au.agent_id JOIN scorecard_versions v ON v.id = au.scorecard_version_id
       WHERE ${where}
       ORDER BY au.call_day DESC, au.submitted_at DESC
       LIMIT @limit`,
    )
    .all({ ...params, limit }) as {
    id: number;
    call_id: number;
    agent_id: number;
    agent_name: string;
    reviewer: string;
    call_day: string;
    scorecard_name: string;
    version: number;
    score: number | null;
    failed: number;
    submitted_at: number | null;
    comment: string;
  }[];
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
  }));
}

/** The audit-score KPI: mean of the submitted audits' percentages (all-N/A audits have none). */
export function auditSummary(db: Sqlite, filter: Filter): AuditSummary {
  const { where, params } = filterClause(filter);
  const row = db
    .prepare(
      `SELECT avg(au.score) AS mean, count(*) AS audits, coalesce(sum(au.failed), 0) AS failed
       FROM audits au WHERE ${where}`,
    )
    .get(params) as { mean: number | null; audits: number; failed: number };
  return { auditScore: row.mean, audits: row.audits, failed: row.failed };
}

/** The audit-score KPI (as `auditSummary`) per agent, per month (`YYYY-MM`) or per agent and month. */
export function auditScoresBy(
  db: Sqlite,
  filter: Filter,
  by: 'agent' | 'month' | 'agentMonth',
): { agentId: number | null; month: string | null; auditScore: number | null; audits: number }[] {
  const { where, params } = filterClause(filter);
  const agent = by === 'month' ? 'NULL' : 'au.agent_id';
  const month = by === 'agent' ? 'NULL' : 'substr(au.call_day, 1, 7)';
  return db
    .prepare(
      `SELECT ${agent} AS agentId, ${month} AS month, avg(au.score) AS auditScore, count(*) AS audits
       FROM audits au WHERE ${where} GROUP BY 1, 2`,
    )
    .all(params) as {
    agentId: number | null;
    month: string | null;
    auditScore: number | null;
    audits: number;
  }[];
}

/** A submitted audit's comments, as the monthly report lists them. */
export interface AuditComments {
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
export function auditComments(db: Sqlite, filter: Filter): AuditComments[] {
  const { where, params } = filterClause(filter);
  const audits = db
    .prepare<
      Record<string, unknown>,
      {
        id: number;
        call_day: string;
        agent_id: number;
        agent_name: string;
        reviewer: string;
        score: number | null;
        failed: number;
        comment: string;
        version_id: number;
      }
    >(
      `SELECT au.id, au.call_day, au.agent_id, coalesce(a.name, a.code) AS agent_name, au.reviewer, au.score,
              au.failed, au.comment, au.scorecard_version_id AS version_id
       FROM audits au JOIN agents a ON a.id = au.agent_id
       WHERE ${where}
         AND (au.comment <> '' OR EXISTS (SELECT 1 FROM audit_item_comments c WHERE c.audit_id = au.id))
       ORDER BY au.call_day, au.id`,
    )
    .all(params);
  const itemsOf = db.prepare<[number], { item_key: string; text: string }>(
    'SELECT item_key, text FROM audit_item_comments WHERE audit_id = ?',
  );
  return audits.map((au) => {
    const texts = new Map(itemsOf.all(au.id).map((c) => [c.item_key, c.text]));
    const card = getScorecardVersion(db, au.version_id).definition;
    const items = card.sections
      .flatMap((s) => s.items)
      .filter((i) => texts.has(i.key))
      .map((i) => ({ label: i.label, text: texts.get(i.key)! }));
    return {
      day: au.call_day,
      agentId: au.agent_id,
      agentName: au.agent_name,
      reviewer: au.reviewer,
      score: au.score,
      failed: au.failed === 1,
      comment: au.comment,
      items,
    };
  });
}
