/**
 * One person, several agent codes (a second dialer gives them another 工号): merging agent `from`
 * into agent `into`.
 *
 * The model: the surviving agent keeps its own code in `agents.code`; the merged code becomes a row
 * of `agent_codes` (code -> agent) that imports resolve through (src-main/import/directory.ts), so a
 * later file of either code lands on the person. Every row that named the merged agent is moved to
 * the survivor and the merged agent is deleted, so no query anywhere needs to know about aliases:
 * tiles, leaderboard, agent page, targets and reports count the person once because there is one
 * agent id. (The other way, keeping both agents and grouping by a person id, would have put a
 * "person of" join into every query on the rollups.) The call rollups of both are rebuilt from the
 * moved calls, the order rollup is summed over, all in one transaction: it lands whole or not at
 * all. A closed month keeps its frozen snapshot, so a merge never rewrites a closed report.
 *
 * Raw SQL: a bulk rewrite over many tables in one transaction, like an import's undo.
 */
import { kyselyFor } from '../db/connection';
import type { Sqlite } from '../db/connection';
import { ApiError, notFound } from '../errors';
import { rebuildRollupsQueries } from '../metrics/rollup';
import { runCompiledSync } from '../db/run-compiled';
import { now as clockNow } from '../clock';

/** Columns whose rows simply follow the person (no key of theirs can collide). */
const MOVED = [
  ['calls', 'agent_id'],
  ['orders', 'agent_id'],
  ['audits', 'agent_id'],
  ['audit_sample_calls', 'agent_id'],
  ['coaching_plans', 'agent_id'],
  ['coaching_notes', 'agent_id'],
] as const;

/**
 * Columns in a key with a month or session: where both agents have a row, the survivor's is kept
 * (the merged agent's override, target or attendance for the same month or session goes).
 */
const KEYED = [
  ['bonus_overrides', 'agent_id'],
  ['training_attendees', 'agent_id'],
] as const;

/** The rollups: rebuilt (calls) or summed over (orders), never moved row by row. */
const ROLLUPS = ['daily_agent_stats', 'hourly_agent_stats', 'daily_order_stats'] as const;

/** Every table.column a merge takes care of (a test holds this equal to the schema's references). */
export const MERGED_AGENT_COLUMNS: readonly string[] = [
  ...MOVED.map(([t, c]) => `${t}.${c}`),
  ...KEYED.map(([t, c]) => `${t}.${c}`),
  ...ROLLUPS.map((t) => `${t}.agent_id`),
  'behaviour_ratings.agent_id',
  'agent_codes.agent_id',
];

interface AgentFacts {
  id: number;
  code: string;
  name: string | null;
  team_id: number | null;
  notes: string | null;
}

function agentFacts(db: Sqlite, id: number): AgentFacts {
  const row = db
    .prepare<[number], AgentFacts>('SELECT id, code, name, team_id, notes FROM agents WHERE id = ?')
    .get(id);
  if (!row) throw notFound(`agent ${id}`);
  return row;
}

export interface MergeResult {
  into: number;
  /** the merged agent's calls now counted for the survivor */
  movedCalls: number;
}

export function mergeAgents(db: Sqlite, fromId: number, intoId: number, threshold: number): MergeResult {
  if (fromId === intoId) throw new ApiError('bad_input', 'an agent cannot be merged into itself');
  return db.transaction(() => {
    const from = agentFacts(db, fromId);
    const into = agentFacts(db, intoId);
    const ids = { from: fromId, into: intoId };

    let movedCalls = 0;
    for (const [table, column] of MOVED) {
      const r = db.prepare(`UPDATE ${table} SET ${column} = @into WHERE ${column} = @from`).run(ids);
      if (table === 'calls') movedCalls = r.changes;
    }
    for (const [table, column] of KEYED) {
      db.prepare(`UPDATE OR IGNORE ${table} SET ${column} = @into WHERE ${column} = @from`).run(ids);
      db.prepare(`DELETE FROM ${table} WHERE ${column} = @from`).run(ids);
    }
    db.prepare(
      `UPDATE OR IGNORE targets SET scope_id = @into WHERE scope = 'agent' AND scope_id = @from`,
    ).run(ids);
    db.prepare(`DELETE FROM targets WHERE scope = 'agent' AND scope_id = @from`).run(ids);
    // Ratings of and by the merged agent: a self-rating stays a self-rating; a peer rating one code
    // gave the other would be the person rating themselves (the table's CHECK refuses it): it goes.
    db.prepare(
      `UPDATE OR IGNORE behaviour_ratings
       SET agent_id = CASE WHEN agent_id = @from THEN @into ELSE agent_id END,
           rater_id = CASE WHEN rater_kind <> 'lead' AND rater_id = @from THEN @into ELSE rater_id END
       WHERE agent_id = @from OR (rater_kind <> 'lead' AND rater_id = @from)`,
    ).run(ids);
    db.prepare(
      `DELETE FROM behaviour_ratings WHERE agent_id = @from OR (rater_kind <> 'lead' AND rater_id = @from)`,
    ).run(ids);

    db.prepare(
      `INSERT INTO daily_order_stats (day, agent_id, campaign_id, orders, revenue, collected, entries)
       SELECT day, @into, campaign_id, orders, revenue, collected, entries
       FROM daily_order_stats WHERE agent_id = @from
       ON CONFLICT (day, agent_id, campaign_id) DO UPDATE SET orders = orders + excluded.orders,
         revenue = revenue + excluded.revenue, collected = collected + excluded.collected,
         entries = entries + excluded.entries`,
    ).run(ids);
    db.prepare('DELETE FROM daily_order_stats WHERE agent_id = @from').run(ids);
    for (const query of rebuildRollupsQueries(kyselyFor(db), threshold, [fromId, intoId]))
      runCompiledSync(db, query);

    // The merged code (and any it had gathered) now names the survivor.
    db.prepare('UPDATE agent_codes SET agent_id = @into WHERE agent_id = @from').run(ids);
    db.prepare('INSERT INTO agent_codes (code, agent_id, added_at) VALUES (?, ?, ?)').run(
      from.code,
      intoId,
      clockNow(),
    );
    // The survivor keeps what it has; what it lacks it takes from the merged agent.
    db.prepare(
      `UPDATE agents SET name = coalesce(name, @name), team_id = coalesce(team_id, @team),
         notes = CASE WHEN @notes IS NULL THEN notes WHEN notes IS NULL THEN @notes
                      ELSE notes || char(10) || @notes END
       WHERE id = @into`,
    ).run({ into: intoId, name: from.name, team: from.team_id, notes: from.notes });
    db.prepare('DELETE FROM agents WHERE id = ?').run(fromId);
    return { into: into.id, movedCalls };
  })();
}
