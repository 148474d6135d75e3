/**
 * The spot-check list (抽检名单): N connected calls per agent for a period, drawn with a seeded
 * PRNG so the same seed over the same calls gives the same list, skipping calls already audited.
 * With strata, each agent's list starts with one sale, the longest conversation and one short
 * call marked as a sale (a sale that fast is worth a listen; "short" is the workspace's setting,
 * 30 s unless changed), and the rest is random.
 */
import { kyselyFor } from '../db/connection';
import type { Sample, SampleCall, Stratum } from '../../src-shared/api';
import type { Selectable } from 'kysely';
import type { Sqlite } from '../db/connection';
import type { AuditSamplesTable } from '../db/schema';
import { DEFAULT_SHORT_SALE_SECONDS } from '../../src-shared/domain';
import { Random } from '../demo/random';
import { notFound } from '../errors';
import { loadSettings } from '../settings';
import { compareText } from '../../src-shared/collate';
import { now as clockNow } from '../clock';

export interface SampleRequest {
  from: string;
  to: string;
  teamId?: number | undefined;
  perAgent: number;
  seed: number;
  strata: boolean;
  minimum?: number | undefined;
}

interface Candidate {
  id: number;
  agent_id: number;
  talk_seconds: number;
  is_sale: number;
}

/** One agent's stream of random numbers: another agent's calls never change this agent's draw. */
function agentSeed(seed: number, agentId: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ agentId, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Picks for one agent from candidates in id order (the order makes the draw reproducible). */
export function drawForAgent(
  candidates: readonly Candidate[],
  perAgent: number,
  strata: boolean,
  random: Random,
  shortSaleSeconds: number = DEFAULT_SHORT_SALE_SECONDS,
): { callId: number; stratum: Stratum }[] {
  const left = [...candidates];
  const picks: { callId: number; stratum: Stratum }[] = [];
  const take = (index: number, stratum: Stratum) => {
    const [call] = left.splice(index, 1);
    picks.push({ callId: call!.id, stratum });
  };
  const randomIndexWhere = (test: (c: Candidate) => boolean): number => {
    const indexes = left.flatMap((c, i) => (test(c) ? [i] : []));
    return indexes.length === 0 ? -1 : indexes[Math.floor(random.next() * indexes.length)]!;
  };

  if (strata) {
    const sale = randomIndexWhere((c) => c.is_sale === 1);
    if (sale >= 0 && picks.length < perAgent) take(sale, 'sale');
    if (left.length > 0 && picks.length < perAgent) {
      let longest = 0;
      left.forEach((c, i) => {
        if (c.talk_seconds > left[longest]!.talk_seconds) longest = i;
      });
      take(longest, 'longest');
    }
    const shortSale = randomIndexWhere((c) => c.is_sale === 1 && c.talk_seconds < shortSaleSeconds);
    if (shortSale >= 0 && picks.length < perAgent) take(shortSale, 'short_sale');
  }
  while (picks.length < perAgent && left.length > 0) take(Math.floor(random.next() * left.length), 'random');
  return picks;
}

/** Draws and stores a spot-check list; returns its id. */
export async function buildSample(db: Sqlite, request: SampleRequest): Promise<number> {
  const teamClause = request.teamId === undefined ? '' : 'AND a.team_id = @teamId';
  const candidates = db
    .prepare(
      `SELECT c.id, c.agent_id, c.talk_seconds, c.is_sale FROM calls c JOIN agents a ON a.id = c.agent_id
       WHERE c.day BETWEEN @from AND @to AND c.direction = 'outbound'
         AND c.disposition = 'connected' AND c.talk_seconds > 0 ${teamClause}
         AND NOT EXISTS (SELECT 1 FROM audits au WHERE au.call_id = c.id)
       ORDER BY c.agent_id, c.id`,
    )
    .all({ from: request.from, to: request.to, teamId: request.teamId ?? null }) as Candidate[];

  const { shortSaleSeconds } = await loadSettings(kyselyFor(db));
  const byAgent = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const list = byAgent.get(c.agent_id);
    if (list) list.push(c);
    else byAgent.set(c.agent_id, [c]);
  }

  return db.transaction(() => {
    const sampleId = Number(
      db
        .prepare(
          `INSERT INTO audit_samples (from_day, to_day, per_agent, minimum, seed, strata, team_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          request.from,
          request.to,
          request.perAgent,
          request.minimum ?? request.perAgent,
          request.seed,
          request.strata ? 1 : 0,
          request.teamId ?? null,
          clockNow(),
        ).lastInsertRowid,
    );
    const insert = db.prepare(
      'INSERT INTO audit_sample_calls (sample_id, call_id, agent_id, stratum) VALUES (?, ?, ?, ?)',
    );
    for (const [agentId, calls] of byAgent) {
      const random = new Random(agentSeed(request.seed, agentId));
      for (const pick of drawForAgent(calls, request.perAgent, request.strata, random, shortSaleSeconds))
        insert.run(sampleId, pick.callId, agentId, pick.stratum);
    }
    return sampleId;
  })();
}

/** A spot-check list as stored (`SELECT *`). */
type SampleRow = Selectable<AuditSamplesTable>;

const STRATUM_ORDER: Record<Stratum, number> = { sale: 0, longest: 1, short_sale: 2, random: 3 };

/** A stored list (the latest when no id is given) with each call's regular audit so far. */
export function getSample(db: Sqlite, sampleId?: number): Sample | null {
  const row = (
    sampleId === undefined
      ? db.prepare('SELECT * FROM audit_samples ORDER BY id DESC LIMIT 1').get()
      : db.prepare('SELECT * FROM audit_samples WHERE id = ?').get(sampleId)
  ) as SampleRow | undefined;
  if (!row) {
    if (sampleId !== undefined) throw notFound(`spot-check list ${sampleId}`);
    return null;
  }
  const calls = (
    db
      .prepare(
        `SELECT sc.call_id, sc.agent_id, coalesce(a.name, a.code) AS agent_name, c.started_at, c.day,
                c.talk_seconds, c.is_sale, c.recording_ref IS NOT NULL AS has_recording, sc.stratum,
                au.id AS audit_id, au.status, au.score, au.failed
         FROM audit_sample_calls sc
         JOIN calls c ON c.id = sc.call_id
         JOIN agents a ON a.id = sc.agent_id
         LEFT JOIN audits au ON au.call_id = sc.call_id AND au.calibration_id IS NULL
         WHERE sc.sample_id = ?
         ORDER BY agent_name, sc.agent_id`,
      )
      .all(row.id) as {
      call_id: number;
      agent_id: number;
      agent_name: string;
      started_at: number;
      day: string;
      talk_seconds: number;
      is_sale: number;
      has_recording: number;
      stratum: Stratum;
      audit_id: number | null;
      status: 'draft' | 'submitted' | null;
      score: number | null;
      failed: number | null;
    }[]
  )
    .map((r): SampleCall => ({
      callId: r.call_id,
      agentId: r.agent_id,
      agentName: r.agent_name,
      startedAt: r.started_at,
      day: r.day,
      talkSeconds: r.talk_seconds,
      isSale: r.is_sale === 1,
      hasRecording: r.has_recording === 1,
      stratum: r.stratum,
      audit:
        r.audit_id === null || r.status === null
          ? null
          : { id: r.audit_id, status: r.status, score: r.score, failed: r.failed === 1 },
    }))
    .sort(
      (a, b) =>
        compareText(a.agentName, b.agentName) ||
        a.agentId - b.agentId ||
        STRATUM_ORDER[a.stratum] - STRATUM_ORDER[b.stratum] ||
        a.startedAt - b.startedAt,
    );

  return {
    id: row.id,
    from: row.from_day,
    to: row.to_day,
    perAgent: row.per_agent,
    minimum: row.minimum,
    seed: row.seed,
    strata: row.strata === 1,
    teamId: row.team_id,
    createdAt: row.created_at,
    calls,
    belowMinimum: agentsBelowMinimum(db, row),
  };
}

/** Agents with connects in the period whose submitted (regular) audits there are below the minimum. */
function agentsBelowMinimum(db: Sqlite, sample: SampleRow): Sample['belowMinimum'] {
  if (sample.minimum === 0) return [];
  const teamClause = sample.team_id === null ? '' : 'AND a.team_id = @teamId';
  const rows = db
    .prepare(
      `SELECT a.id, coalesce(a.name, a.code) AS name,
              (SELECT count(*) FROM audits au
               WHERE au.agent_id = a.id AND au.status = 'submitted' AND au.calibration_id IS NULL
                 AND au.call_day BETWEEN @from AND @to) AS audits
       FROM agents a
       WHERE EXISTS (SELECT 1 FROM daily_agent_stats s
                     WHERE s.agent_id = a.id AND s.day BETWEEN @from AND @to AND s.connects > 0)
         ${teamClause}
       ORDER BY audits, name`,
    )
    .all({ from: sample.from_day, to: sample.to_day, teamId: sample.team_id }) as {
    id: number;
    name: string;
    audits: number;
  }[];
  return rows
    .filter((r) => r.audits < sample.minimum)
    .map((r) => ({ agentId: r.id, agentName: r.name, audits: r.audits, minimum: sample.minimum }));
}
