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
import { sql, type Kysely } from 'kysely';
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

/** The row as SQLite answers it: booleans as 0/1. */
type StoredFacts = Omit<OrderFacts, 'isNew' | 'reversed'> & { isNew: number | null; reversed: number };

const DAY_MS = 86_400_000;

export async function orderFacts(
  db: Kysely<Database>,
  filter: Filter,
  windowDays: number,
): Promise<OrderFacts[]> {
  const windowMs = windowDays * DAY_MS;
  // `orders` is aliased `s` so the rollups' filter condition applies as it is.
  const { rows } = await sql<StoredFacts>`
    SELECT s.id, s.order_no AS orderNo, s.agent_id AS agentId, s.ordered_at AS orderedAt, s.amount,
      s.phone_hash AS phoneHash,
      (SELECT c.id FROM calls c
        WHERE c.phone_hash = s.phone_hash AND c.agent_id = s.agent_id
          AND ${predicateSql(CONNECT, {}, 'c')}
          AND c.started_at <= s.ordered_at AND c.started_at >= s.ordered_at - ${windowMs}
        ORDER BY c.started_at DESC, c.id DESC LIMIT 1) AS callId,
      CASE
        WHEN s.customer_type IS NOT NULL THEN s.customer_type = 'new'
        WHEN s.phone_hash IS NULL THEN NULL
        ELSE NOT EXISTS (SELECT 1 FROM orders p WHERE p.phone_hash = s.phone_hash
          AND (p.ordered_at < s.ordered_at OR (p.ordered_at = s.ordered_at AND p.id < s.id)))
      END AS isNew,
      (SELECT min(c.started_at) FROM calls c
        WHERE c.phone_hash = s.phone_hash AND c.started_at <= s.ordered_at) AS firstCallAt,
      EXISTS (SELECT 1 FROM order_entries e WHERE e.order_id = s.id AND e.kind IN ('refund', 'cancel'))
        AS reversed
    FROM orders s
    WHERE ${rollupCondition(filter)}
    ORDER BY s.ordered_at, s.id`.execute(db);
  return rows.map((r) => ({
    ...r,
    isNew: r.isNew === null ? null : r.isNew === 1,
    reversed: r.reversed === 1,
  }));
}
