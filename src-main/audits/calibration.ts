/**
 * Calibration (校准): one call scored blind by several reviewers with one scorecard version. A
 * reviewer sees the others' answers only after submitting their own; the report shows each item's
 * agreement, the spread of the totals and Fleiss' kappa (Cohen's for two reviewers).
 */
import type { Kysely } from 'kysely';
import { cohenKappa, countMatrix, fleissKappa, pairAgreement } from '../../src-shared/agreement';
import type { AuditDetail, CalibrationReport, CalibrationRow } from '../../src-shared/api';
import { allItems, type AnswerValue } from '../../src-shared/scorecard';
import { agentInTeamsOnDay, type TeamChoice } from '../people/team-filter';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import { auditAnswers, openAudit } from './audits';
import { getScorecardVersion } from './scorecards';
import { now as clockNow } from '../clock';

async function calibration(db: Kysely<Database>, calibrationId: number) {
  const row = await db
    .selectFrom('calibrations')
    .select(['id', 'call_id', 'scorecard_version_id'])
    .where('id', '=', calibrationId)
    .executeTakeFirst();
  if (!row) throw notFound(`calibration ${calibrationId}`);
  return row;
}

export async function createCalibration(
  db: Kysely<Database>,
  callId: number,
  versionId: number,
): Promise<number> {
  const call = await db.selectFrom('calls').select('id').where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound(`call ${callId}`);
  await getScorecardVersion(db, versionId);
  const { id } = await db
    .insertInto('calibrations')
    .values({ call_id: callId, scorecard_version_id: versionId, created_at: clockNow() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The reviewer's own audit of the calibration's call (created as a draft on first open). */
export async function openCalibrationAudit(
  db: Kysely<Database>,
  calibrationId: number,
  reviewer: string,
): Promise<AuditDetail> {
  const row = await calibration(db, calibrationId);
  return openAudit(db, { callId: row.call_id, versionId: row.scorecard_version_id, reviewer, calibrationId });
}

export async function calibrationReport(
  db: Kysely<Database>,
  calibrationId: number,
  reviewer: string,
): Promise<CalibrationReport> {
  const row = await calibration(db, calibrationId);
  const scorecard = await getScorecardVersion(db, row.scorecard_version_id);
  const audits = await db
    .selectFrom('audits')
    .select(['id', 'reviewer', 'status', 'score'])
    .where('calibration_id', '=', calibrationId)
    .orderBy('reviewer')
    .execute();
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
  for (const a of submitted) {
    const rows = await auditAnswers(db, a.id);
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
    reference: await referenceAudit(db, row.call_id),
  };
}

/** The call's regular submitted audit: what the calibration's reviewers are compared with. */
async function referenceAudit(db: Kysely<Database>, callId: number): Promise<CalibrationReport['reference']> {
  const audit = await db
    .selectFrom('audits')
    .select(['id', 'reviewer', 'score', 'failed', 'comment'])
    .where('call_id', '=', callId)
    .where('calibration_id', 'is', null)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (!audit) return null;
  const answers = await auditAnswers(db, audit.id);
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
export async function listCalibrations(
  db: Kysely<Database>,
  teams: TeamChoice = {},
): Promise<CalibrationRow[]> {
  // a calibration's call counts for the team its agent was in on the call's day
  const inTeams = await agentInTeamsOnDay(db, teams, 'c.agent_id', 'c.day');
  const rows = await db
    .selectFrom('calibrations as k')
    .innerJoin('calls as c', 'c.id', 'k.call_id')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .innerJoin('scorecard_versions as v', 'v.id', 'k.scorecard_version_id')
    .select((eb) => [
      'k.id',
      'k.call_id',
      'c.agent_id',
      eb.fn.coalesce('a.name', 'a.code').as('agent_name'),
      'v.name as scorecard_name',
      'v.version',
      'k.created_at',
    ])
    .$if(inTeams !== null, (q) => q.where(inTeams!))
    .orderBy('k.id', 'desc')
    .limit(50)
    .execute();
  const out: CalibrationRow[] = [];
  for (const r of rows) {
    const reviewers = await db
      .selectFrom('audits')
      .select(['reviewer', 'status'])
      .where('calibration_id', '=', r.id)
      .orderBy('reviewer')
      .execute();
    out.push({
      id: r.id,
      callId: r.call_id,
      agentName: r.agent_name,
      agentId: r.agent_id,
      scorecardName: r.scorecard_name,
      version: r.version,
      reviewers,
      createdAt: r.created_at,
    });
  }
  return out;
}
