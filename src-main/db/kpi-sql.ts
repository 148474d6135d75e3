/**
 * The SQL of the KPI predicates, generated from their one definition in src-shared/kpi.ts (the
 * import's in-memory rollup deltas evaluate the same definitions with `holds`). Plain SQL both
 * engines read: `sum(CASE WHEN … THEN 1 ELSE 0 END)`, never SQLite's sum-of-a-boolean.
 */
import { sql, type RawBuilder } from 'kysely';
import {
  CONNECT,
  EFFECTIVE,
  SHORT_CONNECT,
  SHORT_OF_EFFECTIVE,
  type Predicate,
  type PredicateField,
  type PredicateParams,
  type RollupParams,
} from '../../src-shared/kpi';

/** The `calls` column each predicate field reads. */
const COLUMN: Record<PredicateField, string> = { disposition: 'disposition', talkSeconds: 'talk_seconds' };

function column(field: PredicateField, table?: string): RawBuilder<unknown> {
  return sql.ref(table ? `${table}.${COLUMN[field]}` : COLUMN[field]);
}

/**
 * `predicate` as a SQL condition over `calls` (or its alias `table`), with the workspace
 * parameters it names bound as values.
 */
export function predicateSql(
  predicate: Predicate,
  params: PredicateParams = {},
  table?: string,
): RawBuilder<boolean> {
  const parts = predicate.map((c) => {
    let value = c.value;
    if (typeof value === 'object') {
      const given = params[value.param];
      if (given === undefined) throw new Error(`the predicate needs the parameter ${value.param}`);
      value = given;
    }
    return sql`${column(c.field, table)} ${sql.raw(c.op)} ${value}`;
  });
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** How many rows meet `condition` (0 over no rows). */
export function countWhere(condition: RawBuilder<boolean>): RawBuilder<number> {
  return sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;
}

/** The sum of `value` over the rows that meet `condition` (0 over no rows). */
export function sumWhere(condition: RawBuilder<boolean>, value: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`coalesce(sum(CASE WHEN ${condition} THEN ${value} ELSE 0 END), 0)`;
}

/** The condition "the flag column is set" (flags are stored as 0/1 integers on both engines). */
export function flagSet(flag: 'is_intent' | 'is_sale', table?: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(table ? `${table}.${flag}` : flag)} = 1`;
}

/**
 * The additive rollup counts of a set of calls, as select expressions named like the rollup
 * columns (ROLLUP_COLUMNS in metrics/rollup.ts, in that order): the KPI counts (dials, connects,
 * effective, talk_seconds, effective_talk_seconds, intents, sales, revenue), then the alert counts
 * (short_connects, short_talk_seconds, sales_without_talk). The same definitions as
 * `rollupContribution` in src-shared/kpi.ts.
 */
export function callCountsSql(params: RollupParams, table?: string) {
  const connect = predicateSql(CONNECT, {}, table);
  const effective = predicateSql(EFFECTIVE, params, table);
  const short = predicateSql(SHORT_CONNECT, params, table);
  const talk = sql.ref(table ? `${table}.talk_seconds` : 'talk_seconds');
  const sale = flagSet('is_sale', table);
  const saleWithoutTalk = sql<boolean>`(${sale} AND ${predicateSql(SHORT_OF_EFFECTIVE, params, table)})`;
  return [
    sql<number>`count(*)`.as('dials'),
    countWhere(connect).as('connects'),
    countWhere(effective).as('effective'),
    sumWhere(connect, talk).as('talk_seconds'),
    sumWhere(effective, talk).as('effective_talk_seconds'),
    countWhere(flagSet('is_intent', table)).as('intents'),
    countWhere(sale).as('sales'),
    sumWhere(sale, sql.ref(table ? `${table}.sale_amount` : 'sale_amount')).as('revenue'),
    countWhere(short).as('short_connects'),
    sumWhere(short, talk).as('short_talk_seconds'),
    countWhere(saleWithoutTalk).as('sales_without_talk'),
  ] as const;
}
