/**
 * `daily_agent_stats`: the rollup every dashboard reads, kept exact by the transaction that
 * inserts or deletes the calls it counts. Imports accumulate contributions in memory and upsert
 * them once (not per row); undo and rebuild aggregate the stored calls with the same predicates
 * as `callContribution` in src-shared/kpi.ts (a test holds the two equal).
 */
import { addCounts, emptyCounts, type KpiCounts } from '../../src-shared/kpi';
import type { Sqlite } from '../db/connection';
import type { DailyAgentStatsTable } from '../db/schema';

interface RollupKey {
  day: string;
  agentId: number;
  campaignId: number;
}

export class RollupAccumulator {
  private readonly rows = new Map<string, RollupKey & { counts: KpiCounts }>();

  add(day: string, agentId: number, campaignId: number | null, contribution: KpiCounts): void {
    const campaign = campaignId ?? 0;
    const key = `${day}|${agentId}|${campaign}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { day, agentId, campaignId: campaign, counts: emptyCounts() };
      this.rows.set(key, row);
    }
    addCounts(row.counts, contribution);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Adds (sign 1) or subtracts (sign -1) the accumulated counts; empty rows are removed. */
  applyTo(db: Sqlite, sign: 1 | -1 = 1): void {
    const upsert = db.prepare(`
      INSERT INTO daily_agent_stats (day, agent_id, campaign_id, dials, connects, effective, talk_seconds,
        effective_talk_seconds, intents, sales, revenue)
      VALUES (@day, @agentId, @campaignId, @dials, @connects, @effective, @talkSeconds,
        @effectiveTalkSeconds, @intents, @sales, @revenue)
      ON CONFLICT (day, agent_id, campaign_id) DO UPDATE SET
        dials = dials + excluded.dials,
        connects = connects + excluded.connects,
        effective = effective + excluded.effective,
        talk_seconds = talk_seconds + excluded.talk_seconds,
        effective_talk_seconds = effective_talk_seconds + excluded.effective_talk_seconds,
        intents = intents + excluded.intents,
        sales = sales + excluded.sales,
        revenue = revenue + excluded.revenue`);
    for (const row of this.rows.values()) {
      const c = row.counts;
      upsert.run({
        day: row.day,
        agentId: row.agentId,
        campaignId: row.campaignId,
        dials: sign * c.dials,
        connects: sign * c.connects,
        effective: sign * c.effective,
        talkSeconds: sign * c.talkSeconds,
        effectiveTalkSeconds: sign * c.effectiveTalkSeconds,
        intents: sign * c.intents,
        sales: sign * c.sales,
        revenue: sign * c.revenue,
      });
    }
    if (sign < 0) db.prepare('DELETE FROM daily_agent_stats WHERE dials <= 0').run();
  }
}

/** Rollup rows of the stored outbound calls matching `where` (SQL over `calls`), with `@threshold`. */
function aggregateCallsSql(where: string): string {
  const connect = `(disposition = 'connected' AND talk_seconds > 0)`;
  const effective = `(${connect} AND talk_seconds >= @threshold)`;
  return `
    SELECT day, agent_id, COALESCE(campaign_id, 0) AS campaign_id,
      COUNT(*) AS dials,
      SUM(${connect}) AS connects,
      SUM(${effective}) AS effective,
      SUM(CASE WHEN ${connect} THEN talk_seconds ELSE 0 END) AS talk_seconds,
      SUM(CASE WHEN ${effective} THEN talk_seconds ELSE 0 END) AS effective_talk_seconds,
      SUM(is_intent) AS intents,
      SUM(is_sale) AS sales,
      SUM(CASE WHEN is_sale = 1 THEN sale_amount ELSE 0 END) AS revenue
    FROM calls
    WHERE direction = 'outbound' AND (${where})
    GROUP BY day, agent_id, COALESCE(campaign_id, 0)`;
}

/** The rollup contribution of one batch's stored calls (to subtract it on undo). */
export function batchContribution(db: Sqlite, batchId: number, threshold: number): RollupAccumulator {
  const rows = db
    .prepare(aggregateCallsSql('batch_id = @batchId'))
    .all({ batchId, threshold }) as DailyAgentStatsTable[];
  const acc = new RollupAccumulator();
  for (const r of rows) {
    acc.add(r.day, r.agent_id, r.campaign_id, {
      dials: r.dials,
      connects: r.connects,
      effective: r.effective,
      talkSeconds: r.talk_seconds,
      effectiveTalkSeconds: r.effective_talk_seconds,
      intents: r.intents,
      sales: r.sales,
      revenue: r.revenue,
    });
  }
  return acc;
}

/** Recomputes the whole rollup from the stored calls (after the threshold changes). Call in a transaction. */
export function rebuildRollups(db: Sqlite, threshold: number): void {
  db.prepare('DELETE FROM daily_agent_stats').run();
  db.prepare(
    `INSERT INTO daily_agent_stats (day, agent_id, campaign_id, dials, connects, effective, talk_seconds,
       effective_talk_seconds, intents, sales, revenue) ${aggregateCallsSql('1 = 1')}`,
  ).run({ threshold });
}
