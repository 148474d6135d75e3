/**
 * `calls_phone_time` (attribution's index) exists exactly where orders are: a calls-only workspace
 * does not pay for it at import; the first order import builds it, and attribution then reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openConnection } from '../../src-main/db/connection';
import { migrations } from '../../src-main/db/migrations';
import { orderFacts } from '../../src-main/orders/attribution';
import { CALL_PHONE_INDEX } from '../../src-main/orders/phone-index';
import { FIXTURES, openTestWorkspace, sqlRows, tempDir, type TestWorkspace } from '../helpers';

const ORDERS = path.join(FIXTURES, 'orders');

/** The indexes of `calls`, from each engine's own catalogue. */
const indexes = async (t: TestWorkspace) =>
  (
    await sqlRows<{ name: string }>(
      t,
      t.ws.engine === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calls'"
        : "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'calls'",
    )
  ).map((r) => r.name);

describe('the customer-number index of calls', () => {
  let t: TestWorkspace | undefined;
  afterEach(async () => t?.close());

  it('is not kept while only calls are imported, and is built by the first order import', async () => {
    t = await openTestWorkspace();
    expect((await t.importFile(path.join(ORDERS, 'calls-before-orders.csv'))).status).toBe('done');
    expect(await indexes(t)).not.toContain(CALL_PHONE_INDEX);
    expect((await t.importFile(path.join(ORDERS, 'orders-zh-utf8.csv'))).status).toBe('done');
    expect(await indexes(t)).toContain(CALL_PHONE_INDEX);
    // Attribution reads it: the plan of its call lookup searches the index, not the whole table
    // (SQLite's plan; PostgreSQL chooses by its statistics, which a small table does not favour).
    if (t.ws.engine === 'sqlite') {
      const plan = t.ws.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT c.id FROM calls c WHERE c.phone_hash = ? AND c.agent_id = ?
             AND c.started_at <= ? ORDER BY c.started_at DESC LIMIT 1`,
        )
        .all('x', 1, 0) as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toMatch(new RegExp(`INDEX ${CALL_PHONE_INDEX}`));
    }
    const facts = await orderFacts(t.ws.kysely, { from: '2026-01-01', to: '2026-01-31' }, 7);
    expect(facts.some((f) => f.callId !== null)).toBe(true);
  });

  it('is dropped by migration 10 from a workspace without orders and kept in one with orders', async () => {
    const dir = tempDir();
    const before10 = migrations.filter((m) => m.version < 10);
    for (const withOrders of [false, true]) {
      const file = path.join(dir, `${withOrders}.sqlite`);
      const db = openConnection(file);
      await migrate(db, file, before10);
      if (withOrders) {
        db.exec(`INSERT INTO agents (code, name, active, created_at) VALUES ('8001', 'A', 1, 0)`);
        db.exec(`INSERT INTO import_batches (kind, file_name, file_sha256, file_size, preset, mapping, time_zone,
                   status, started_at) VALUES ('orders', 'o.csv', '', 0, 'x', '{}', 'UTC', 'done', 0)`);
        db.exec(`INSERT INTO orders (order_no, batch_id, agent_id, ordered_at, day, amount, status)
                 VALUES ('O1', 1, 1, 0, '2026-01-01', 100, 'paid')`);
      }
      const has = () =>
        db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'calls_phone_time'").get() !== undefined;
      expect(has()).toBe(true);
      await migrate(db, file);
      expect(has(), withOrders ? 'with orders' : 'without orders').toBe(withOrders);
      db.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
