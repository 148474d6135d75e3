/**
 * Month close through the API on a real workspace: a closed month's report keeps its numbers after a
 * late import, says the data changed since, and reads the live data again once reopened. Plus the
 * model's pure parts: rate parts equal kpi.ts's rates, CSV escapes text and never numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-shared/api';
import { rates, type KpiCounts } from '../../src-shared/kpi';
import { RATE_PARTS, type Report } from '../../src-shared/reports-model';
import { tableCsv } from '../../src-main/reports/csv';
import { reportFor } from '../../src-main/reports/generate';
import { FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';
import { now } from '../../src-main/clock';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');
const SPEC = {
  period: { kind: 'month', month: '2026-11' },
  scope: { kind: 'floor' },
  language: 'en',
} as const;

describe('month close', () => {
  let t: TestWorkspace;
  beforeAll(async () => {
    t = await openTestWorkspace();
    expect((await t.importFile(BASIC)).status).toBe('done');
  });
  afterAll(() => t.close());

  const dialsOf = (report: Report) => report.tables[0]!.rows.find((r) => r['kpi'] === 'dials')!['current'];

  it('freezes the numbers, survives a late import with a notice, and reopens explicitly', async () => {
    const before = await reportFor(t.ws, SPEC, now());
    const closed = await t.call('reports.closeMonth', { month: '2026-11' });
    expect(closed).toMatchObject({ closed: true, changedSince: false });
    expect(closed.checksum).toMatch(/^[0-9a-f]{64}$/);
    await expect(t.call('reports.closeMonth', { month: '2026-11' })).rejects.toThrow(
      /conflict.*already closed/,
    );

    // a late import: three more outbound calls in the closed month
    const late = path.join(t.dir, 'late.csv');
    const lines = fs.readFileSync(BASIC, 'utf8').split('\n');
    fs.writeFileSync(
      late,
      [lines[0], ...lines.slice(1, 4).map((l) => l.replace(/^C0/, 'LATE'))].join('\n') + '\n',
    );
    expect((await t.importFile(late)).status).toBe('done');

    const status = await t.call('reports.closeStatus', { month: '2026-11' });
    expect(status).toMatchObject({ closed: true, changedSince: true, checksum: closed.checksum });
    const frozen = await reportFor(t.ws, SPEC, now());
    expect(dialsOf(frozen)).toBe(dialsOf(before));
    expect(frozen.close).toMatchObject({ changedSince: true, checksum: closed.checksum });
    expect(frozen.lines.join('\n')).toContain('The data has changed since the close');

    // the same through a report job and its file
    const { jobId } = await t.call('reports.generate', { spec: SPEC, format: 'xlsx' });
    const job: Job = await t.api.jobs.wait(jobId);
    expect(job).toMatchObject({ status: 'done', kind: 'report' });
    const file = await t.call('reports.file', { jobId });
    expect(file.close?.changedSince).toBe(true);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');

    const reopened = await t.call('reports.reopenMonth', { month: '2026-11' });
    expect(reopened.closed).toBe(false);
    const live = await reportFor(t.ws, SPEC, now());
    expect(live.close).toBeNull();
    expect(dialsOf(live)).toBe((dialsOf(before) as number) + 3);
  });

  it('refuses a snapshot that fails its checksum', async () => {
    await t.call('reports.closeMonth', { month: '2026-11' });
    await t.ws.kysely
      .updateTable('month_closes')
      .set({ snapshot: sql<string>`replace(snapshot, '"rows"', '"rows" ')` })
      .execute();
    await expect(reportFor(t.ws, SPEC, now())).rejects.toThrow(/fails its checksum/);
    await t.call('reports.reopenMonth', { month: '2026-11' });
  });
});

describe('report model', () => {
  it('rate parts are the rates of kpi.ts', () => {
    const count = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(fc.tuple(count, count, count, count, count, count, count, count), (v) => {
        const [dials, connects, effective, talkSeconds, effectiveTalkSeconds, intents, sales, revenue] = v;
        const c: KpiCounts = {
          dials,
          connects,
          effective,
          talkSeconds,
          effectiveTalkSeconds,
          intents,
          sales,
          revenue,
        };
        const r = rates(c);
        for (const [key, [num, den]] of Object.entries(RATE_PARTS))
          expect(r[key as keyof typeof r]).toBe(c[den] === 0 ? null : c[num] / c[den]);
      }),
    );
  });

  it('CSV neutralises text cells that start a formula and leaves negative numbers alone', () => {
    const report = { language: 'en', currency: 'CNY' } as Report;
    const csv = tableCsv(report, {
      id: 't',
      title: 'T',
      totals: true,
      columns: [
        { key: 'name', header: 'Name', type: 'text', total: { kind: 'label' } },
        { key: 'change', header: 'Change', type: 'percent', total: { kind: 'none' } },
        { key: 'n', header: 'N', type: 'count', total: { kind: 'sum' } },
      ],
      rows: [
        { name: '=1+2', change: -0.125, n: -5 },
        { name: '-cmd', change: null, n: 7 },
        { name: '\tx', change: 0.5, n: 0 },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFName,Change (%),N',
      "'=1+2,-12.5,-5",
      "'-cmd,,7",
      "'\tx,50,0",
      'Total,,2',
      '',
    ]);
  });
});
