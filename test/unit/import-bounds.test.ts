/**
 * The bounds of what an import stores (src-main/import/bounds.ts): durations over 24 hours,
 * amounts over 10^12 minor units and negative values are rejected per row with their field and a
 * reason in both languages; the largest values allowed still sum exactly; and the rejected-lines
 * download goes through the one CSV writer, so no cell of it runs as a formula in Excel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { translate } from '../../src-shared/i18n';
import { CsvReader } from '../../src-main/import/csv';
import { openTestWorkspace, sqlRows, type TestWorkspace } from '../helpers';

const HEADER =
  'call_id,agent_code,agent_name,team,campaign,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount,recording';

function row(id: string, talk: string, amount = '', ring = '5'): string {
  const outcome = amount === '' ? 'intent' : 'sale';
  return `${id},8001,王伟,销售一组,,2026-11-03 09:15:02,13800138001,outbound,connected,${ring},${talk},${outcome},${amount},`;
}

describe('bounds on imported values', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  const write = (name: string, lines: string[]) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, [HEADER, ...lines].join('\n') + '\n');
    return file;
  };

  it('rejects 2^62, 2^64, over-24-hour, over-10^12 and negative values per row, with field and a reason in both languages', async () => {
    const file = write('huge.csv', [
      row('OK1', '86400', '10000000000.00', '86400'), // the largest allowed: 24 h, 10^12 minor units
      row('T62', String(2n ** 62n)),
      row('T64', String(2n ** 64n)),
      row('T24', '86401'),
      row('R64', '10', '', '99999999999999999999'),
      row('A12', '10', '10000000000.01'),
      row('A64', '10', String(2n ** 64n)),
      row('NEG', '10', '-5.00'),
    ]);
    const job = await t.importFile(file);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ rows: 8, inserted: 1, rejected: 7 });
    const { rows } = await t.call('import.rejects', { batchId: job.result!.batchId });
    expect(rows.map((r) => [r.line, r.field, r.reasonCode?.key])).toEqual([
      [3, 'talk_seconds', 'importReason.durationTooLong'],
      [4, 'talk_seconds', 'importReason.durationTooLong'],
      [5, 'talk_seconds', 'importReason.durationTooLong'],
      [6, 'ring_seconds', 'importReason.durationTooLong'],
      [7, 'sale_amount', 'importReason.amountTooLarge'],
      [8, 'sale_amount', 'importReason.amountTooLarge'],
      [9, 'sale_amount', 'importReason.amountNegative'],
    ]);
    expect(rows[0]!.reason).toBe(
      `a duration of ${(2 ** 62).toLocaleString('en-US')} seconds is longer than a call can last (86,400 seconds, 24 hours): a misread or damaged value`,
    );
    expect(rows[4]!.reason).toBe(
      'the amount 10,000,000,000.01 is beyond the largest accepted (10,000,000,000.00): a misread or damaged value',
    );
    const zh = rows.map((r) =>
      translate('zh-CN', r.reasonCode!.key as 'importReason.durationTooLong', r.reasonCode!.params),
    );
    expect(zh[2]).toBe(
      '时长 86,401 秒超过单通电话的上限（86,400 秒，即 24 小时），可能是读错了列或数据已损坏',
    );
    expect(zh[6]).toBe('金额不能为负数（-5.00）');

    // The preview shows the same rows rejected, with the same translatable reason.
    const { stagedId } = await t.call('import.stage', {
      name: 'huge.csv',
      bytes: fs.readFileSync(file),
    });
    const preview = await t.call('import.preview', { stagedId });
    expect(preview.rows.filter((r) => !r.ok).map((r) => [r.line, r.reasonCode?.key])).toEqual(
      rows.map((r) => [r.line, r.reasonCode?.key]),
    );

    const [day] = (
      await t.call('metrics.breakdown', {
        filter: { from: '2026-11-01', to: '2026-11-30' },
        by: 'day',
      })
    ).rows;
    expect(day).toMatchObject({ dials: 1, talkSeconds: 86_400, revenue: 1_000_000_000_000 });
  });

  it('the largest values allowed, imported many times over, still sum exactly (no integer overflow)', async () => {
    const N = 3000;
    const file = write(
      'max.csv',
      Array.from({ length: N }, (_, i) => row(`M${i}`, '86400', '10000000000.00', '86400')),
    );
    const job = await t.importFile(file);
    expect(job.result).toMatchObject({ inserted: N, rejected: 0 });
    const totals = await t.call('metrics.breakdown', {
      filter: { from: '2026-11-01', to: '2026-11-30' },
      by: 'agent',
    });
    expect(totals.rows[0]).toMatchObject({ dials: N, talkSeconds: 86_400 * N, revenue: 1e12 * N });
  }, 60_000);

  it('a file spread over 60,000 hours applies its rollup in steps (of 1,000 rows), and the rollups equal the stored calls', async () => {
    // one agent, one call an hour from 2020-01-01: 60,000 rollup rows, over MAX_PENDING_ROLLUP_ROWS
    const N = 60_000;
    const start = Date.UTC(2020, 0, 1, 1, 30); // 09:30 in Asia/Shanghai
    const lines = Array.from({ length: N }, (_, i) => {
      const at = new Date(start + i * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
      return `S${i},8001,王伟,销售一组,,${at},,outbound,connected,1,${(i % 90) + 1},,,`;
    });
    const job = await t.importFile(write('spread.csv', lines));
    expect(job.result).toMatchObject({ inserted: N, rejected: 0 });
    // computed from the fixture's own rule: talk (i % 90) + 1 seconds, all connected
    let talk = 0;
    for (let i = 0; i < N; i++) talk += (i % 90) + 1;
    const totals = (table: string) =>
      sqlRows(
        t,
        `SELECT SUM(dials) AS dials, SUM(talk_seconds) AS talk, COUNT(*) AS n, MAX(dials) AS most FROM ${table}`,
      );
    expect(await totals('hourly_agent_stats')).toEqual([{ dials: N, talk, n: N, most: 1 }]);
    // Asia/Shanghai is UTC+8 all year: the local day of each call, counted apart
    const days = new Set(
      Array.from({ length: N }, (_, i) =>
        new Date(start + i * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 10),
      ),
    );
    expect(await totals('daily_agent_stats')).toEqual([{ dials: N, talk, n: days.size, most: 24 }]);
  }, 120_000);

  it('the rejected-lines download neutralises every cell Excel would run as a formula', async () => {
    const evil = ['=HYPERLINK("http://evil.invalid","x")', '+SUM(1,2)', '-2+3', '@cmd', '\t=1+1'];
    // Each row is rejected (no agent code, and no name a reading from the content could take for
    // one), and its raw text starts with the evil first cell.
    const file = write('evil.csv', [
      ...evil.map((e) => `"${e.replace(/"/g, '""')}",,,,,2026-11-03 09:15:02,,outbound,connected,1,1,,,`),
      `"\r=1+2",,,,,2026-11-03 09:15:02,,outbound,connected,1,1,,,`,
    ]);
    const job = await t.importFile(file);
    expect(job.result).toMatchObject({ rejected: 6 });
    const { csv } = await t.call('import.rejectsCsv', {
      batchId: job.result!.batchId,
    });
    const reader = new CsvReader(',');
    const parsed = [...reader.push(csv.replace(/^\uFEFF/, '')), ...reader.end()].map((r) => r.cells);
    expect(parsed[0]).toEqual(['file', 'line', 'kind', 'field', 'reason', 'row']);
    const raws = parsed.slice(1).map((cells) => cells[5]!);
    expect(raws).toHaveLength(6);
    for (const [i, first] of [...evil, '\r=1+2'].entries())
      expect(raws[i]!.startsWith(`'${first}`)).toBe(true);
    // Numbers stay numbers: the line column is not prefixed.
    expect(parsed.slice(1).map((c) => c[1])).toEqual(['2', '3', '4', '5', '6', '7']);
  });
});
