import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { countRows, FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');

// Worked out by hand from the fixture (threshold 30 s; inbound C010 is not a dial; C012-C014 rejected).
const EXPECTED_BY_DAY = {
  '2026-11-03': {
    dials: 6,
    connects: 4,
    effective: 3,
    talkSeconds: 415,
    effectiveTalkSeconds: 395,
    intents: 3,
    sales: 2,
    revenue: 259_800,
  },
  '2026-11-04': {
    dials: 5,
    connects: 2,
    effective: 2,
    talkSeconds: 95,
    effectiveTalkSeconds: 95,
    intents: 1,
    sales: 0,
    revenue: 0,
  },
};
const EXPECTED_BY_AGENT = {
  '8001': { dials: 5, connects: 3, effective: 2, talkSeconds: 210, intents: 2, sales: 1, revenue: 199_900 },
  '8002': { dials: 4, connects: 2, effective: 2, talkSeconds: 235, intents: 1, sales: 1, revenue: 59_900 },
  '8003': { dials: 2, connects: 1, effective: 1, talkSeconds: 65, intents: 1, sales: 0, revenue: 0 },
};

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('importing the Callscope CSV layout', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('stores every good row, rejects bad ones with line, field and reason, and rolls up per day and agent', async () => {
    const job = await t.importFile(BASIC);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({
      rows: 15,
      inserted: 12,
      duplicates: 0,
      rejected: 3,
      preset: 'callscope',
    });

    const byDay = await t.call('metrics.breakdown', { filter: range, by: 'day' });
    for (const row of byDay.rows)
      expect(row).toMatchObject(EXPECTED_BY_DAY[row.key as keyof typeof EXPECTED_BY_DAY]);
    expect(byDay.rows.map((r) => r.key)).toEqual(Object.keys(EXPECTED_BY_DAY));

    const byAgent = await t.call('metrics.breakdown', { filter: range, by: 'agent' });
    for (const row of byAgent.rows)
      expect(row).toMatchObject(EXPECTED_BY_AGENT[row.key as keyof typeof EXPECTED_BY_AGENT]);
    expect(byAgent.rows.map((r) => r.label)).toEqual(['王伟', '李娜', '8003']);

    const rejects = await t.call('import.rejects', {
      batchId: job.result!.batchId,
    });
    expect(rejects.total).toBe(3);
    expect(rejects.rows.map((r) => [r.line, r.field])).toEqual([
      [13, 'started_at'],
      [14, 'disposition'],
      [15, 'agent_code'],
    ]);
    expect(rejects.rows[0]!.reason).toMatch(/2026-11-31/);
    expect(rejects.rows[1]!.reason).toMatch(/hung_up/);
    expect(rejects.rows[2]!.raw).toContain('C014');
  });

  it('keeps the local day: 23:59:30 stays on the 3rd, 00:00:10 lands on the 4th', async () => {
    await t.importFile(BASIC);
    const rows = await t.ws.kysely
      .selectFrom('calls')
      .select(['source_key', 'day', 'hour', 'weekday', 'started_at'])
      .where('source_key', 'in', ['cs:C004', 'cs:C005'])
      .orderBy('source_key')
      .execute();
    expect(rows.map((r) => [r.day, r.hour, r.weekday])).toEqual([
      ['2026-11-03', 23, 2],
      ['2026-11-04', 0, 3],
    ]);
    // 2026-11-03 23:59:30 in Shanghai (UTC+8) is 15:59:30 UTC
    expect(new Date(rows[0]!.started_at).toISOString()).toBe('2026-11-03T15:59:30.000Z');
  });

  it('adds nothing when the same file is imported twice', async () => {
    await t.importFile(BASIC);
    const again = await t.importFile(BASIC);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 12, rejected: 3 });
    const total = await t.call('metrics.breakdown', { filter: range, by: 'none' });
    expect(total.rows[0]).toMatchObject({ dials: 11, connects: 6, sales: 2, revenue: 259_800 });
  });

  it('undo removes the calls and their rollup, and keeps the batch in the history as undone', async () => {
    const first = await t.importFile(BASIC);
    const undone = await t.call('import.undo', { batchId: first.result!.batchId });
    expect(undone).toMatchObject({ status: 'undone', calls: 0 });
    expect(await countRows(t, 'calls')).toBe(0);
    expect(await countRows(t, 'daily_agent_stats')).toBe(0);
    // Undone calls can come back with a new import.
    const again = await t.importFile(BASIC);
    expect(again.result).toMatchObject({ inserted: 12 });
    await expect(t.call('import.undo', { batchId: first.result!.batchId })).rejects.toThrow(/undone/);
  });

  it('two undos of one batch sent at once subtract it only once', async () => {
    const keep = await t.importFile(BASIC);
    const other = path.join(t.dir, 'other.csv');
    fs.writeFileSync(other, fs.readFileSync(BASIC, 'utf8').replace(/C0/g, 'D0'));
    const second = await t.importFile(other);
    const results = await Promise.allSettled([
      t.call('import.undo', { batchId: second.result!.batchId }),
      t.call('import.undo', { batchId: second.result!.batchId }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const total = await t.call('metrics.breakdown', { filter: range, by: 'none' });
    expect(total.rows[0]).toMatchObject({ dials: 11, connects: 6, sales: 2, revenue: 259_800 });
    expect(keep.result!.inserted).toBe(12);
  });

  it('reads UTF-16 with a BOM and tab-separated files', async () => {
    const text = fs.readFileSync(BASIC, 'utf8');
    const utf16 = path.join(t.dir, 'calls-utf16.csv');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await t.importFile(utf16)).result).toMatchObject({ inserted: 12, rejected: 3 });
    const tsv = path.join(t.dir, 'calls.tsv');
    // same calls with new ids, tab-separated (the amount "1,999.00" keeps its comma unquoted)
    fs.writeFileSync(
      tsv,
      text
        .replace(/C0/g, 'T0')
        .replace(/"1,999.00"/, '1,999.00')
        .replace(/,/g, '\t')
        .replace('1\t999.00', '1,999.00'),
    );
    const job = await t.importFile(tsv);
    expect(job.result).toMatchObject({ inserted: 12, rejected: 3 });
    const total = await t.call('metrics.breakdown', { filter: range, by: 'none' });
    expect(total.rows[0]).toMatchObject({ dials: 22, revenue: 2 * 259_800 });
  });

  it('reads the same file written in GBK (Excel on Chinese Windows) and with a UTF-8 BOM', async () => {
    const text = fs.readFileSync(BASIC, 'utf8');
    const gbk = path.join(t.dir, 'calls-gbk.csv');
    fs.writeFileSync(gbk, iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk'));
    const job = await t.importFile(gbk);
    expect(job.result).toMatchObject({ inserted: 12, rejected: 3 });
    const agents = await t.call('agents.list');
    // in 工号 order: 8001, 8002, then the unnamed 8003
    expect(agents.map((a) => a.name)).toEqual(['王伟', '李娜', null]);
    expect(agents[0]!.teamName).toBe('销售一组');

    const bom = path.join(t.dir, 'calls-bom.csv');
    fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const second = await t.importFile(bom);
    expect(second.result).toMatchObject({ inserted: 0, duplicates: 12 });
  });

  it('without a status column, a call with talk time is connected', async () => {
    const file = path.join(t.dir, 'no-disposition.csv');
    fs.writeFileSync(
      file,
      'agent_code,started_at,talk_seconds\n8001,2026-11-03 09:00:00,30\n8001,2026-11-03 09:05:00,0\n',
    );
    const job = await t.importFile(file);
    expect(job.result).toMatchObject({ inserted: 2, rejected: 0 });
    const calls = await t.ws.kysely
      .selectFrom('calls')
      .select(['disposition', 'talk_seconds'])
      .orderBy('started_at')
      .execute();
    expect(calls).toEqual([
      { disposition: 'connected', talk_seconds: 30 },
      { disposition: 'no_answer', talk_seconds: 0 },
    ]);
  });

  it('drops a NUL byte in a field, alike on both engines (PostgreSQL text cannot hold one)', async () => {
    const file = path.join(t.dir, 'nul.csv');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('call_id,agent_code,agent_name,started_at,disposition,talk_seconds\nN1,8001,Wang'),
        Buffer.from([0]),
        Buffer.from('Wei,2026-11-03 10:00:00,connected,40\n'),
      ]),
    );
    const job = await t.importFile(file, { preset: 'callscope' });
    expect(job.result).toMatchObject({ inserted: 1, rejected: 0 });
    const agent = await t.ws.kysely.selectFrom('agents').select('name').where('code', '=', '8001').execute();
    expect(agent).toEqual([{ name: 'WangWei' }]);
  });

  it('refuses a file with no agent column, saying what it understood of it, and stores nothing', async () => {
    const file = path.join(t.dir, 'no-agent.csv');
    fs.writeFileSync(file, 'started_at,talk_seconds\n2026-11-03 09:00:00,30\n2026-11-03 09:05:00,0\n');
    const job = await t.importFile(file);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/no-agent\.csv: read as a text file \(utf-8, ","-separated\) with 2 columns/);
    expect(job.error).toMatch(/started_at: dates and times/);
    expect(job.error).toMatch(/no column holds an agent/);
    expect(job.error).not.toMatch(/layout/);
    expect(await countRows(t, 'import_batches')).toBe(0);
  });

  it('says which file is empty', async () => {
    const file = path.join(t.dir, 'empty.csv');
    fs.writeFileSync(file, '');
    const job = await t.importFile(file);
    expect(job.error).toBe('empty.csv: the file is empty');
  });

  it('cancelling an import leaves the database exactly as before', async () => {
    await t.importFile(BASIC);
    const before = { calls: await countRows(t, 'calls'), batches: await countRows(t, 'import_batches') };
    const big = path.join(t.dir, 'big.csv');
    const lines = ['call_id,agent_code,started_at,disposition,talk_seconds'];
    for (let i = 0; i < 60_000; i++)
      lines.push(`B${i},9${i % 50},2026-11-05 10:${String(i % 60).padStart(2, '0')}:00,connected,${i % 200}`);
    fs.writeFileSync(big, lines.join('\n'));
    const jobId = t.api.startImport(big, {});
    await new Promise<void>((resolve) => {
      const off = t.api.jobs.onUpdate((job) => {
        if (job.id === jobId && job.rows > 0) {
          off();
          t.api.jobs.cancel(jobId);
          resolve();
        }
      });
    });
    const job = await t.api.jobs.wait(jobId);
    expect(job.status).toBe('cancelled');
    const after = { calls: await countRows(t, 'calls'), batches: await countRows(t, 'import_batches') };
    expect(after).toEqual(before);
    const newAgents = await t.ws.kysely
      .selectFrom('agents')
      .select('code')
      .where('code', 'like', '9%')
      .execute();
    expect(newAgents).toEqual([]);
  });
});
