/**
 * One agent's talk-time distribution and outcome mix over a range. These read the agent's own
 * calls through the `calls_agent_day_time` index: one agent's month is a few thousand rows, so
 * it stays fast on any workspace size without a rollup per bucket.
 */
import { sql, type Kysely } from 'kysely';
import { TALK_BUCKETS, type AgentProfile, type Filter } from '../../src-shared/api';
import { DISPOSITIONS, OUTCOMES } from '../../src-shared/domain';
import { CONNECT } from '../../src-shared/kpi';
import { predicateSql } from '../db/kpi-sql';
import type { Database } from '../db/schema';
import { getAgent } from '../people';

export async function agentProfile(
  db: Kysely<Database>,
  agentId: number,
  filter: Filter,
): Promise<AgentProfile> {
  const agent = await getAgent(db, agentId);
  const bucketSql = sql.raw(
    `CASE ${TALK_BUCKETS.map((upper, i) => `WHEN talk_seconds < ${upper} THEN ${i}`).join(' ')} ELSE ${TALK_BUCKETS.length} END`,
  );
  const base = db
    .selectFrom('calls')
    .where('agent_id', '=', agentId)
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to)
    .where('direction', '=', 'outbound');
  const scoped = filter.campaignId === undefined ? base : base.where('campaign_id', '=', filter.campaignId);
  const [buckets, mix] = await Promise.all([
    scoped
      .where(predicateSql(CONNECT))
      .select([sql<number>`${bucketSql}`.as('bucket'), sql<number>`count(*)`.as('n')])
      .groupBy('bucket')
      .execute(),
    scoped
      .select(['disposition', 'outcome', sql<number>`count(*)`.as('n')])
      .groupBy(['disposition', 'outcome'])
      .execute(),
  ]);
  const talkBuckets = new Array<number>(TALK_BUCKETS.length + 1).fill(0);
  for (const b of buckets) talkBuckets[Number(b.bucket)] = Number(b.n);
  const dispositions = Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as AgentProfile['dispositions'];
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as AgentProfile['outcomes'];
  for (const m of mix) {
    dispositions[m.disposition] += Number(m.n);
    outcomes[m.outcome] += Number(m.n);
  }
  return { agent, talkBuckets, dispositions, outcomes };
}
