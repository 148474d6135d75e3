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
 * A bulk rewrite over many tables in one transaction on a job connection of its own (like an
 * import's undo), so the dashboards keep answering meanwhile.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../errors';
import { rebuildRollups } from '../metrics/rollup';
import { loadRollupParams } from '../metrics/rollup-params';
import type { Workspace } from '../workspace';
import { now as clockNow } from '../clock';
import { mergeAgentHistory } from './membership';

/** Columns whose rows simply follow the person (no key of theirs can collide). */
const MOVED = [
  ['calls', 'agent_id'],
  ['orders', 'agent_id'],
  ['audits', 'agent_id'],
  ['audit_sample_calls', 'agent_id'],
  ['coaching_plans', 'agent_id'],
  ['coaching_notes', 'agent_id'],
  // a team workspace's sign-in of that person (an agent user) now names the survivor
  ['users', 'agent_id'],
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
  'agent_team_history.agent_id',
];

async function agentFacts(trx: Transaction<Database>, id: number) {
  const row = await trx
    .selectFrom('agents')
    .select(['id', 'code', 'name', 'team_id', 'notes'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`agent ${id}`);
  return row;
}

export interface MergeResult {
  into: number;
  /** the merged agent's calls now counted for the survivor */
  movedCalls: number;
}

/**
 * Moves the targets of `scope` `fromId` to `intoId`; where both have one for the same month and
 * KPI the survivor's is kept (the merged one's is deleted first, so the move collides with nothing).
 */
export async function moveTargets(
  trx: Transaction<Database>,
  scope: 'team' | 'agent',
  fromId: number,
  intoId: number,
): Promise<void> {
  await trx
    .deleteFrom('targets as t')
    .where('t.scope', '=', scope)
    .where('t.scope_id', '=', fromId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('targets as kept')
          .select(sql.lit(1).as('one'))
          .where('kept.scope', '=', scope)
          .where('kept.scope_id', '=', intoId)
          .whereRef('kept.month', '=', 't.month')
          .whereRef('kept.kpi', '=', 't.kpi'),
      ),
    )
    .execute();
  await trx
    .updateTable('targets')
    .set({ scope_id: intoId })
    .where('scope', '=', scope)
    .where('scope_id', '=', fromId)
    .execute();
}

/** The rows keyed by a month or session: where both agents have one, the survivor's is kept. */
async function moveKeyed(trx: Transaction<Database>, fromId: number, intoId: number): Promise<void> {
  await trx
    .deleteFrom('bonus_overrides')
    .where('agent_id', '=', fromId)
    .where('month', 'in', trx.selectFrom('bonus_overrides').select('month').where('agent_id', '=', intoId))
    .execute();
  await trx.updateTable('bonus_overrides').set({ agent_id: intoId }).where('agent_id', '=', fromId).execute();
  await trx
    .deleteFrom('training_attendees')
    .where('agent_id', '=', fromId)
    .where(
      'session_id',
      'in',
      trx.selectFrom('training_attendees').select('session_id').where('agent_id', '=', intoId),
    )
    .execute();
  await trx
    .updateTable('training_attendees')
    .set({ agent_id: intoId })
    .where('agent_id', '=', fromId)
    .execute();
}

/**
 * Ratings of and by the merged agent: a self-rating stays a self-rating; a peer rating one code
 * gave the other would be the person rating themselves (the table's CHECK refuses it): it goes,
 * and so does one the survivor already has under the same key.
 */
async function moveRatings(trx: Transaction<Database>, fromId: number, intoId: number): Promise<void> {
  await trx
    .deleteFrom('behaviour_ratings as r')
    .where((eb) =>
      eb.or([
        eb('r.agent_id', '=', fromId),
        eb.and([eb('r.rater_kind', '<>', 'lead'), eb('r.rater_id', '=', fromId)]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb.and([
          eb('r.rater_kind', '=', 'peer'),
          eb.or([
            eb.and([eb('r.agent_id', '=', fromId), eb('r.rater_id', '=', intoId)]),
            eb.and([eb('r.agent_id', '=', intoId), eb('r.rater_id', '=', fromId)]),
          ]),
        ]),
        eb.exists(
          eb
            .selectFrom('behaviour_ratings as kept')
            .select(sql.lit(1).as('one'))
            .whereRef('kept.month', '=', 'r.month')
            .whereRef('kept.dimension', '=', 'r.dimension')
            .whereRef('kept.rater_kind', '=', 'r.rater_kind')
            .where((k) =>
              k(
                'kept.agent_id',
                '=',
                k.case().when('r.agent_id', '=', fromId).then(intoId).else(k.ref('r.agent_id')).end(),
              ),
            )
            .where((k) =>
              k(
                'kept.rater_id',
                '=',
                k
                  .case()
                  .when(k.and([k('r.rater_kind', '<>', 'lead'), k('r.rater_id', '=', fromId)]))
                  .then(intoId)
                  .else(k.ref('r.rater_id'))
                  .end(),
              ),
            ),
        ),
      ]),
    )
    .execute();
  await trx
    .updateTable('behaviour_ratings')
    .set((eb) => ({
      agent_id: eb.case().when('agent_id', '=', fromId).then(intoId).else(eb.ref('agent_id')).end(),
      rater_id: eb
        .case()
        .when(eb.and([eb('rater_kind', '<>', 'lead'), eb('rater_id', '=', fromId)]))
        .then(intoId)
        .else(eb.ref('rater_id'))
        .end(),
    }))
    .where((eb) =>
      eb.or([
        eb('agent_id', '=', fromId),
        eb.and([eb('rater_kind', '<>', 'lead'), eb('rater_id', '=', fromId)]),
      ]),
    )
    .execute();
}

/** The order rollup of the merged agent summed into the survivor's (same day and campaign: added). */
async function sumOrderRollup(trx: Transaction<Database>, fromId: number, intoId: number): Promise<void> {
  await trx
    .insertInto('daily_order_stats')
    .columns(['day', 'agent_id', 'campaign_id', 'orders', 'revenue', 'collected', 'entries'])
    .expression(
      trx
        .selectFrom('daily_order_stats')
        .select([
          'day',
          sql.lit(intoId).as('agent_id'),
          'campaign_id',
          'orders',
          'revenue',
          'collected',
          'entries',
        ])
        .where('agent_id', '=', fromId),
    )
    .onConflict((oc) =>
      oc.columns(['day', 'agent_id', 'campaign_id']).doUpdateSet((eb) => ({
        orders: eb('daily_order_stats.orders', '+', eb.ref('excluded.orders')),
        revenue: eb('daily_order_stats.revenue', '+', eb.ref('excluded.revenue')),
        collected: eb('daily_order_stats.collected', '+', eb.ref('excluded.collected')),
        entries: eb('daily_order_stats.entries', '+', eb.ref('excluded.entries')),
      })),
    )
    .execute();
  await trx.deleteFrom('daily_order_stats').where('agent_id', '=', fromId).execute();
}

/** Merges agent `fromId` into `intoId` in one transaction on a job connection (see the top). */
export async function mergeAgents(ws: Workspace, fromId: number, intoId: number): Promise<MergeResult> {
  if (fromId === intoId) throw new ApiError('bad_input', 'an agent cannot be merged into itself');
  return ws.withJobDb((db) =>
    db.transaction().execute(async (trx) => {
      const from = await agentFacts(trx, fromId);
      const into = await agentFacts(trx, intoId);

      let movedCalls = 0;
      for (const [table, column] of MOVED) {
        const r = await trx
          .updateTable(table)
          .set({ [column]: intoId })
          .where(column, '=', fromId)
          .executeTakeFirst();
        if (table === 'calls') movedCalls = Number(r.numUpdatedRows);
      }
      await moveKeyed(trx, fromId, intoId);
      await moveTargets(trx, 'agent', fromId, intoId);
      await moveRatings(trx, fromId, intoId);
      await sumOrderRollup(trx, fromId, intoId);
      await rebuildRollups(trx, await loadRollupParams(trx), [fromId, intoId]);

      // The merged code (and any it had gathered) now names the survivor.
      await trx.updateTable('agent_codes').set({ agent_id: intoId }).where('agent_id', '=', fromId).execute();
      await trx
        .insertInto('agent_codes')
        .values({ code: from.code, agent_id: intoId, added_at: clockNow() })
        .execute();
      // The survivor keeps what it has; what it lacks it takes from the merged agent (its team
      // history included, src-main/people/membership.ts; the merged agent's goes with it).
      await mergeAgentHistory(trx, fromId, intoId);
      await trx
        .updateTable('agents')
        .set((eb) => ({
          name: eb.fn.coalesce('name', eb.val(from.name)),
          notes:
            from.notes === null
              ? eb.ref('notes')
              : eb
                  .case()
                  .when('notes', 'is', null)
                  .then(from.notes)
                  .else(sql<string>`notes || ${'\n' + from.notes}`)
                  .end(),
        }))
        .where('id', '=', intoId)
        .execute();
      await trx.deleteFrom('agents').where('id', '=', fromId).execute();
      return { into: into.id, movedCalls };
    }),
  );
}
