/**
 * Calibration (校准): one call scored blind by several reviewers with one scorecard version. A
 * reviewer sees the others' answers only after submitting their own; the report shows each item's
 * agreement, the spread of the totals and Fleiss' kappa (Cohen's for two reviewers).
 */
import { cohenKappa, countMatrix, fleissKappa, pairAgreement } from '../../src-shared/agreement';
import type { AuditDetail, CalibrationReport, CalibrationRow } from '../../src-shared/api';
import { allItems, type AnswerValue } from '../../src-shared/scorecard';
import type { Sqlite } from '../db/connection';
import { notFound } from '../errors';
import { openAudit } from './audits';
import { getScorecardVersion } from './scorecards';
import { now as clockNow } from '../clock';

interface StoredCalibration {
  id: number;
  call_id: number;
  scorecard_version_id: number;
}

function calibration(db: Sqlite, calibrationId: number): StoredCalibration {
  const row = db.prepare('SELECT * FROM calibrations WHERE id = ?').get(calibrationId) as
    StoredCalibration | undefined;
  if (!row) throw notFound(`calibration ${calibrationId}`);
  return row;
}

export function createCalibration(db: Sqlite, callId: number, versionId: number): number {
  if (!db.prepare('SELECT 1 FROM calls WHERE id = ?').get(callId)) throw notFound(`call ${callId}`);
  getScorecardVersion(db, versionId);
  return Number(
    db
      .prepare('INSERT INTO calibrations (call_id, scorecard_version_id, created_at) VALUES (?, ?, ?)')
      .run(callId, versionId, clockNow()).lastInsertRowid,
  );
}

/** The reviewer's own audit of the calibration's call (created as a draft on first open). */
export function openCalibrationAudit(db: Sqlite, calibrationId: number, reviewer: string): AuditDetail {
  const row = calibration(db, calibrationId);
  return openAudit(db, { callId: row.call_id, versionId: row.scorecard_version_id, reviewer, calibrationId });
}

export function calibrationReport(db: Sqlite, calibrationId: number, reviewer: string): CalibrationReport {
  const row = calibration(db, calibrationId);
  const scorecard = getScorecardVersion(db, row.scorecard_version_id);
  const audits = db
    .prepare('SELECT id, reviewer, status, score FROM audits WHERE calibration_id = ? ORDER BY reviewer')
    .all(calibrationId) as {
    id: number;
    reviewer: string;
    status: 'draft' | 'submitted';
    score: number | null;
  }[];
  const own = audits.find((a) => a.reviewer === reviewer);
  const visible = own?.status === 'submitted';
  const reviewers = audits.map((a) => ({
    reviewer: a.reviewer,
    status: a.status,
    // Blind: nobody's score shows before the asking reviewer has submitted.
    score: visible && a.status === 'submitted' ? a.score : null,
  }));
  const base = { calibrationId, callId: row.call_id, scorecard, visible, reviewers };
  if (!visible) {
    return {
      ...base,
      items: [],
      totals: { min: null, max: null, spread: null },
      kappa: null,
      kappaKind: null,
      reference: null,
    };
  }

  const submitted = audits.filter((a) => a.status === 'submitted');
  const answersBy = new Map<string, Map<string, AnswerValue>>();
  const read = db.prepare('SELECT item_key, value FROM audit_answers WHERE audit_id = ?');
  for (const a of submitted) {
    const rows = read.all(a.id) as { item_key: string; value: AnswerValue }[];
    answersBy.set(a.reviewer, new Map(rows.map((r) => [r.item_key, r.value])));
  }
  const items = allItems(scorecard.definition).map((item) => {
    const answers: Record<string, AnswerValue> = {};
    for (const [who, map] of answersBy) {
      const value = map.get(item.key);
      if (value !== undefined) answers[who] = value;
    }
    return { key: item.key, label: item.label, answers, agreement: pairAgreement(Object.values(answers)) };
  });

  const scores = submitted.map((a) => a.score).filter((s): s is number => s !== null);
  const min = scores.length > 0 ? Math.min(...scores) : null;
  const max = scores.length > 0 ? Math.max(...scores) : null;

  // Kappa over the items every submitted reviewer answered (Fleiss needs the same raters per item).
  const complete = items
    .map((i) => submitted.map((a) => i.answers[a.reviewer]))
    .filter((answers): answers is AnswerValue[] => answers.every((a) => a !== undefined));
  let kappa: number | null = null;
  let kappaKind: CalibrationReport['kappaKind'] = null;
  if (submitted.length === 2 && complete.length > 0) {
    kappa = cohenKappa(
      complete.map((a) => a[0]!),
      complete.map((a) => a[1]!),
    );
    kappaKind = 'cohen';
  } else if (submitted.length > 2 && complete.length > 0) {
    kappa = fleissKappa(countMatrix(complete));
    kappaKind = 'fleiss';
  }
  return {
    ...base,
    items,
    totals: { min, max, spread: min !== null && max !== null ? max - min : null },
    kappa,
    kappaKind,
    reference: referenceAudit(db, row.call_id),
  };
}

/** The call's regular submitted audit: what the calibration's reviewers are compared with. */
function referenceAudit(db: Sqlite, callId: number): CalibrationReport['reference'] {
  const audit = db
    .prepare<
      [number],
      { id: number; reviewer: string; score: number | null; failed: number; comment: string }
    >(
      `SELECT id, reviewer, score, failed, comment FROM audits
       WHERE call_id = ? AND calibration_id IS NULL AND status = 'submitted'`,
    )
    .get(callId);
  if (!audit) return null;
  const answers = db
    .prepare<[number], { item_key: string; value: AnswerValue }>(
      'SELECT item_key, value FROM audit_answers WHERE audit_id = ?',
    )
    .all(audit.id);
  return {
    auditId: audit.id,
    reviewer: audit.reviewer,
    score: audit.score,
    failed: audit.failed === 1,
    answers: Object.fromEntries(answers.map((a) => [a.item_key, a.value])),
    comment: audit.comment,
  };
}

/** The calibrations, newest first, with who has scored each (no answers: those stay blind). */
export function listCalibrations(db: Sqlite): CalibrationRow[] {
  const rows = db
    .prepare(
      `SELECT k.id, k.call_id, coalesce(a.name, a.code) AS agent_name, v.name AS scorecard_name, v.version,
              k.created_at
       FROM calibrations k JOIN calls c ON c.id = k.call_id JOIN agents a ON a.id = c.agent_id
       JOIN scorecard_versions v ON v.id = k.scorecard_version_id
       ORDER BY k.id DESC LIMIT 50`,
    )
    .all() as {
    id: number;
    call_id: number;
    agent_name: string;
    scorecard_name: string;
    version: number;
    created_at: number;
  }[];
  const reviewersOf = db.prepare(
    'SELECT reviewer, status FROM audits WHERE calibration_id = ? ORDER BY reviewer',
  );
  return rows.map((r) => ({
    id: r.id,
    callId: r.call_id,
    agentName: r.agent_name,
    scorecardName: r.scorecard_name,
    version: r.version,
    reviewers: reviewersOf.all(r.id) as CalibrationRow['reviewers'],
    createdAt: r.created_at,
  }));
}
