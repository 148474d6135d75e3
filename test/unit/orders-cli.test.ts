/**
 * The CLI with orders: `import` takes an order export (layout detected) beside a call log, and
 * `metrics --json` rows gain exactly `orders`, `orderRevenue`, `collected` after the pinned keys
 * when the range has orders, and stay as they were when it has none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers';

const PINNED = [
  'key',
  'dials',
  'connects',
  'effective',
  'talkSeconds',
  'intents',
  'sales',
  'revenue',
  'effectiveTalkSeconds',
  'connectRate',
  'avgTalkSeconds',
  'intentRate',
  'leadConversion',
  'conversionRate',
  'avgOrderValue',
];

describe('the CLI with order exports', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = tempDir();
    db = path.join(dir, 'w.sqlite');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const metrics = (from: string, to: string, by: string) => {
    const r = runCli(['metrics', '--db', db, '--from', from, '--to', to, '--by', by, '--json']);
    expect(r.status).toBe(0);
    return (JSON.parse(r.stdout) as { rows: Record<string, unknown>[] }).rows;
  };

  it('imports a call log and an order export in one command, detecting each layout', () => {
    const r = runCli([
      'import',
      path.join(FIXTURES, 'orders/calls-before-orders.csv'),
      path.join(FIXTURES, 'orders/orders-zh-gbk.csv'),
      '--db',
      db,
      '--tz',
      'Asia/Shanghai',
      '--json',
    ]);
    // One row of the order export is rejected (an amount written in words), so the exit is 0 with a reject.
    expect(r.status).toBe(0);
    const { batches } = JSON.parse(r.stdout) as {
      batches: { preset: string; inserted: number; rejected: number }[];
    };
    expect(batches.map((b) => [b.preset, b.inserted, b.rejected])).toEqual([
      ['callscope', 5, 0],
      ['zh-orders', 8, 1],
    ]);
  });

  it('metrics rows gain orders, orderRevenue and collected where the range has orders', () => {
    const rows = metrics('2026-01-01', '2026-01-31', 'agent');
    expect(Object.keys(rows[0]!)).toEqual([...PINNED, 'orders', 'orderRevenue', 'collected']);
    expect(rows.map((r) => [r.key, r.dials, r.orders, r.orderRevenue, r.collected])).toEqual([
      ['8001', 3, 3, 420000, 420000],
      ['8002', 2, 3, 160000, 130000],
    ]);
    // The February refund, on its own date.
    expect(metrics('2026-02-01', '2026-02-28', 'none')).toEqual([
      expect.objectContaining({
        key: 'all',
        dials: 0,
        orders: -1,
        orderRevenue: -200000,
        collected: -200000,
      }),
    ]);
  });

  it('metrics rows keep exactly the pinned keys where the range has no orders', () => {
    const rows = metrics('2025-12-01', '2025-12-31', 'none');
    expect(Object.keys(rows[0]!)).toEqual(PINNED);
  });
});
