/**
 * Anomaly alerts for a range: each agent-day's counts from the daily rollup, the call-level counts
 * the rollup does not keep (short connects, sales on short calls, repeat dials to one number) from
 * the calls, and the pure detection in src-shared/anomalies.ts.
 */
import { detectAlerts, type AgentDay, type AlertThresholds } from '../../src-shared/anomalies';
import type { AlertRow } from '../../src-shared/api';
import { addDays, type Day } from '../../src-shared/time';
import type { Sqlite } from '../db/connection';
import { loadAcks } from './store';

export function agentDays(
  db: Sqlite,
  from: Day,
  to: Day,
  judgeFrom: Day,
  t: AlertThresholds,
  effectiveThresholdSeconds: number,
): AgentDay[] {
  const rollup = db
    .prepare(
      `SELECT s.agent_id AS agentId, a.team_id AS teamId, s.day, sum(s.dials) AS dials,
         sum(s.connects) AS connects, sum(s.talk_seconds) AS talkSeconds
       FROM daily_agent_stats s JOIN agents a ON a.id = s.agent_id
       WHERE s.day >= ? AND s.day <= ? GROUP BY s.agent_id, s.day`,
    )
    .all(from, to) as Pick<AgentDay, 'agentId' | 'teamId' | 'day' | 'dials' | 'connects' | 'talkSeconds'>[];
  const perCall = db
    .prepare(
      `SELECT agent_id AS agentId, day,
         sum(disposition = 'connected' AND talk_seconds > 0 AND talk_seconds < @short) AS shortConnects,
         sum(CASE WHEN disposition = 'connected' AND talk_seconds > 0 AND talk_seconds < @short
           THEN talk_seconds ELSE 0 END) AS shortTalkSeconds,
         sum(is_sale = 1 AND talk_seconds < @effective) AS salesWithoutTalk
       FROM calls WHERE day >= @from AND day <= @to AND direction = 'outbound' GROUP BY agent_id, day`,
    )
    .all({ short: t.shortSeconds, effective: effectiveThresholdSeconds, from, to }) as {
    agentId: number;
    day: Day;
    shortConnects: number;
    shortTalkSeconds: number;
    salesWithoutTalk: number;
  }[];
  // Repeat dials only matter on the judged days; the baseline days need no number counts.
  const repeats = db
    .prepare(
      `SELECT agent_id AS agentId, day, max(n) AS maxRepeat, last4 FROM (
         SELECT agent_id, day, count(*) AS n, max(phone_last4) AS last4 FROM calls
         WHERE day >= ? AND day <= ? AND direction = 'outbound' AND phone_hash IS NOT NULL
         GROUP BY agent_id, day, phone_hash HAVING count(*) >= ?)
       GROUP BY agent_id, day`,
    )
    .all(judgeFrom, to, t.repeatDials) as {
    agentId: number;
    day: Day;
    maxRepeat: number;
    last4: string | null;
  }[];
  const key = (agentId: number, day: Day) => `${agentId}|${day}`;
  const callCounts = new Map(perCall.map((r) => [key(r.agentId, r.day), r]));
  const repeatCounts = new Map(repeats.map((r) => [key(r.agentId, r.day), r]));
  return rollup.map((r) => {
    const c = callCounts.get(key(r.agentId, r.day));
    const rep = repeatCounts.get(key(r.agentId, r.day));
    return {
      ...r,
      shortConnects: c?.shortConnects ?? 0,
      shortTalkSeconds: c?.shortTalkSeconds ?? 0,
      salesWithoutTalk: c?.salesWithoutTalk ?? 0,
      maxRepeat: rep?.maxRepeat ?? 0,
      repeatLast4: rep?.last4 ?? null,
    };
  });
}

/** The alerts of [from, to], each with whether a lead acknowledged it. */
export function alertsFor(
  db: Sqlite,
  range: { from: Day; to: Day; teamId?: number },
  t: AlertThresholds,
  effectiveThresholdSeconds: number,
): AlertRow[] {
  // Enough calendar days before `from` to hold `historyDays` working days of baseline.
  const baselineFrom = addDays(range.from, -Math.ceil(t.historyDays * 1.6) - 7);
  const days = agentDays(db, baselineFrom, range.to, range.from, t, effectiveThresholdSeconds);
  const teamOf = new Map(days.map((d) => [d.agentId, d.teamId]));
  const acks = loadAcks(db);
  return detectAlerts(days, range.from, range.to, t)
    .filter((a) => range.teamId === undefined || teamOf.get(a.agentId) === range.teamId)
    .map((a) => ({ ...a, last4: a.last4 ?? null, acked: acks.has(a.key) }));
}
