/**
 * Anomaly alerts for a range: each agent-day's counts from the daily rollup (short connects and
 * sales without talk included: the rollup keeps them at the workspace's thresholds), the repeat
 * dials to one number of the judged days from the calls (a per-number count no rollup keeps), and
 * the pure detection in src-shared/anomalies.ts.
 */
import { sql, type Kysely } from 'kysely';
import { detectAlerts, type AgentDay, type AlertThresholds } from '../../src-shared/anomalies';
import type { AlertRow } from '../../src-shared/api';
import { addDays, type Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { loadAcks } from './store';
import { anyAgentMoved, inChosenTeams, teamOnDay, type TeamChoice } from '../people/team-filter';

interface RepeatDials {
  maxRepeat: number;
  last4: string | null;
}

/**
 * Per agent-day, the most dials to one number (at least `minDials`) and that number's last four
 * digits; on a tie, the first number in hash order.
 */
async function repeatDials(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  minDials: number,
): Promise<Map<string, RepeatDials>> {
  const numbers = await db
    .selectFrom('calls')
    .select((eb) => [
      'agent_id as agentId',
      'day',
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('phone_last4').as('last4'),
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('direction', '=', 'outbound')
    .where('phone_hash', 'is not', null)
    .groupBy(['agent_id', 'day', 'phone_hash'])
    .having((eb) => eb.fn.countAll(), '>=', minDials)
    .orderBy('agent_id')
    .orderBy('day')
    .orderBy('phone_hash')
    .execute();
  const out = new Map<string, RepeatDials>();
  for (const r of numbers) {
    const key = agentDayKey(r.agentId, r.day);
    const n = Number(r.n);
    if (n > (out.get(key)?.maxRepeat ?? 0)) out.set(key, { maxRepeat: n, last4: r.last4 });
  }
  return out;
}

function agentDayKey(agentId: number, day: Day): string {
  return `${agentId}|${day}`;
}

export async function agentDays(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  judgeFrom: Day,
  t: AlertThresholds,
): Promise<AgentDay[]> {
  // the team of the agent on the day (a team's median compares the agents in it that day)
  const team = (await anyAgentMoved(db))
    ? teamOnDay('s.agent_id', 's.day')
    : sql.ref<number | null>('a.team_id');
  const [rollup, repeats] = await Promise.all([
    db
      .selectFrom('daily_agent_stats as s')
      .innerJoin('agents as a', 'a.id', 's.agent_id')
      .select([
        's.agent_id as agentId',
        team.as('teamId'),
        's.day',
        sql<number>`sum(s.dials)`.as('dials'),
        sql<number>`sum(s.connects)`.as('connects'),
        sql<number>`sum(s.talk_seconds)`.as('talkSeconds'),
        sql<number>`sum(s.short_connects)`.as('shortConnects'),
        sql<number>`sum(s.short_talk_seconds)`.as('shortTalkSeconds'),
        sql<number>`sum(s.sales_without_talk)`.as('salesWithoutTalk'),
      ])
      .where('s.day', '>=', from)
      .where('s.day', '<=', to)
      .groupBy(['s.agent_id', 'a.team_id', 's.day'])
      .execute(),
    // Repeat dials only matter on the judged days; the baseline days need no number counts.
    repeatDials(db, judgeFrom, to, t.repeatDials),
  ]);
  return rollup.map((r) => {
    const rep = repeats.get(agentDayKey(r.agentId, r.day));
    return {
      agentId: r.agentId,
      teamId: r.teamId,
      day: r.day,
      dials: Number(r.dials),
      connects: Number(r.connects),
      talkSeconds: Number(r.talkSeconds),
      shortConnects: Number(r.shortConnects),
      shortTalkSeconds: Number(r.shortTalkSeconds),
      salesWithoutTalk: Number(r.salesWithoutTalk),
      maxRepeat: rep?.maxRepeat ?? 0,
      repeatLast4: rep?.last4 ?? null,
    };
  });
}

/** The alerts of [from, to], each with whether a lead acknowledged it. */
export async function alertsFor(
  db: Kysely<Database>,
  range: { from: Day; to: Day } & TeamChoice,
  t: AlertThresholds,
): Promise<AlertRow[]> {
  // Enough calendar days before `from` to hold `historyDays` working days of baseline.
  const baselineFrom = addDays(range.from, -Math.ceil(t.historyDays * 1.6) - 7);
  const [days, acks] = await Promise.all([
    agentDays(db, baselineFrom, range.to, range.from, t),
    loadAcks(db),
  ]);
  // an alert is the team's the agent was in on the alert's day
  const teamOf = new Map(days.map((d) => [agentDayKey(d.agentId, d.day), d.teamId]));
  return detectAlerts(days, range.from, range.to, t)
    .filter((a) => inChosenTeams(range, teamOf.get(agentDayKey(a.agentId, a.day))))
    .map((a) => ({ ...a, last4: a.last4 ?? null, acked: acks.has(a.key) }));
}
