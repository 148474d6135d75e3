/**
 * The facts of each order placed in a range that depend on other rows, worked out when asked (so
 * they hold whichever of calls and orders was imported first, and follow the window setting):
 *
 * - attribution: the connected call (a connect, as kpi.ts defines it) of the order's agent to the
 *   order's customer number that came last before the order, no more than the window before it;
 * - new customer: what the export says, else whether no earlier order of the number is stored;
 * - the first call to the number (any agent) before the order, for days-to-order;
 * - whether a refund or cancellation took the order back.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Filter } from '../../src-shared/api';
import { CONNECT } from '../../src-shared/kpi';
import { predicateSql } from '../db/kpi-sql';
import type { Database } from '../db/schema';
import { rollupCondition } from '../metrics/queries';

export interface OrderFacts {
  id: number;
  orderNo: string;
  agentId: number;
  orderedAt: number;
  amount: number;
  phoneHash: string | null;
  /** the attributed call, or null (the order still counts for its agent) */
  callId: number | null;
  /** true/false; null when neither the export nor a customer number says */
  isNew: boolean | null;
  firstCallAt: number | null;
  reversed: boolean;
}

const DAY_MS = 86_400_000;

/** 1 when `condition` holds, else 0 (both engines answer integers, not booleans). */
function flag(condition: Expression<SqlBool>) {
  return sql<number>`CASE WHEN ${condition} THEN 1 ELSE 0 END`;
}

export async function orderFacts(
  db: Kysely<Database>,
  filter: Filter,
  windowDays: number,
): Promise<OrderFacts[]> {
  const windowMs = windowDays * DAY_MS;
  // `orders` is aliased `s` so the rollups' filter condition applies as it is.
  const rows = await db
    .selectFrom('orders as s')
    .select((eb) => [
      's.id',
      's.order_no as orderNo',
      's.agent_id as agentId',
      's.ordered_at as orderedAt',
      's.amount',
      's.phone_hash as phoneHash',
      eb
        .selectFrom('calls as c')
        .select('c.id')
        .whereRef('c.phone_hash', '=', 's.phone_hash')
        .whereRef('c.agent_id', '=', 's.agent_id')
        .where(predicateSql(CONNECT, {}, 'c'))
        .whereRef('c.started_at', '<=', 's.ordered_at')
        .where('c.started_at', '>=', sql<number>`${sql.ref('s.ordered_at')} - ${windowMs}`)
        .orderBy('c.started_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(1)
        .as('callId'),
      eb
        .case()
        .when('s.customer_type', 'is not', null)
        .then(flag(eb('s.customer_type', '=', 'new')))
        .when('s.phone_hash', 'is', null)
        .then(sql<number | null>`NULL`)
        .else(
          flag(
            eb.not(
              eb.exists(
                eb
                  .selectFrom('orders as p')
                  .select('p.id')
                  .whereRef('p.phone_hash', '=', 's.phone_hash')
                  .where((w) =>
                    w.or([
                      w('p.ordered_at', '<', w.ref('s.ordered_at')),
                      w.and([w('p.ordered_at', '=', w.ref('s.ordered_at')), w('p.id', '<', w.ref('s.id'))]),
                    ]),
                  ),
              ),
            ),
          ),
        )
        .end()
        .as('isNew'),
      eb
        .selectFrom('calls as c')
        .select((c) => c.fn.min('c.started_at').as('at'))
        .whereRef('c.phone_hash', '=', 's.phone_hash')
        .whereRef('c.started_at', '<=', 's.ordered_at')
        .as('firstCallAt'),
      flag(
        eb.exists(
          eb
            .selectFrom('order_entries as e')
            .select('e.id')
            .whereRef('e.order_id', '=', 's.id')
            .where('e.kind', 'in', ['refund', 'cancel']),
        ),
      ).as('reversed'),
    ])
    .where(await rollupCondition(db, filter))
    .orderBy('s.ordered_at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    isNew: r.isNew === null ? null : Number(r.isNew) === 1,
    reversed: Number(r.reversed) === 1,
  }));
}
