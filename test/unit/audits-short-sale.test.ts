/**
 * The short-sale threshold is a workspace setting (default 30 s): the stratum follows it, in the
 * draw itself and through the API on a real workspace with imported calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { drawForAgent } from '../../src-main/audits/sampling';
import { Random } from '../../src-main/demo/random';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

// One agent: three sales (200 s, 45 s, 50 s) and a 300 s conversation without a sale.
const CALLS = [
  { id: 1, agent_id: 1, talk_seconds: 200, is_sale: 1 },
  { id: 2, agent_id: 1, talk_seconds: 45, is_sale: 1 },
  { id: 3, agent_id: 1, talk_seconds: 50, is_sale: 1 },
  { id: 4, agent_id: 1, talk_seconds: 300, is_sale: 0 },
  { id: 5, agent_id: 1, talk_seconds: 90, is_sale: 0 },
];

describe('the short-sale stratum follows its threshold', () => {
  it('below 30 s there is no short sale here; below 60 s one of the 45/50 s sales', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const at30 = drawForAgent(CALLS, 4, true, new Random(seed), 30);
      expect(at30.map((p) => p.stratum)).not.toContain('short_sale');
      const at60 = drawForAgent(CALLS, 4, true, new Random(seed), 60);
      const short = at60.filter((p) => p.stratum === 'short_sale');
      expect(short).toHaveLength(1);
      expect([2, 3]).toContain(short[0]!.callId);
    }
  });
});

describe('through the workspace setting', () => {
  let t: TestWorkspace;
  beforeAll(async () => {
    t = await openTestWorkspace();
    const lines = ['call_id,agent_code,started_at,disposition,talk_seconds,outcome,sale_amount'];
    CALLS.forEach((c) =>
      lines.push(
        `S${c.id},7001,2026-11-0${c.id} 10:00:00,connected,${c.talk_seconds},${c.is_sale ? 'sale' : 'none'},${c.is_sale ? '100.00' : ''}`,
      ),
    );
    const csv = path.join(t.dir, 'calls.csv');
    fs.writeFileSync(csv, lines.join('\n'));
    expect((await t.importFile(csv, { preset: 'callscope' })).status).toBe('done');
  });
  afterAll(async () => t?.close());

  const build = () =>
    t.call('audits.buildSample', { from: '2026-11-01', to: '2026-11-09', perAgent: 4, seed: 3 });

  it('defaults to 30 s, and a new value changes the draw', async () => {
    const settings = await t.call('settings.get');
    expect(settings.shortSaleSeconds).toBe(30);
    expect((await build()).calls.map((c) => c.stratum)).not.toContain('short_sale');

    expect((await t.call('settings.update', { shortSaleSeconds: 60 })).shortSaleSeconds).toBe(60);
    const short = (await build()).calls.filter((c) => c.stratum === 'short_sale');
    expect(short).toHaveLength(1);
    expect(short[0]!.isSale).toBe(true);
    expect(short[0]!.talkSeconds).toBeLessThan(60);
    await expect(t.call('settings.update', { shortSaleSeconds: 0 })).rejects.toThrow(/shortSaleSeconds/);
  });
});
