import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressText } from '../../src-main/progress-text';
import { FIXTURES, runCli, runCliAsync, tempDir } from '../helpers';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');

describe('the CLI contract', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('import --json prints one object with the batches, exactly these keys in this order', () => {
    const db = path.join(dir, 'a.sqlite');
    const r = runCli(['import', BASIC, '--db', db, '--tz', 'Asia/Shanghai', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { batches: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['batches']);
    expect(Object.keys(out.batches[0]!)).toEqual([
      'file',
      'preset',
      'rows',
      'inserted',
      'duplicates',
      'rejected',
      'batchId',
    ]);
    expect(out.batches[0]).toEqual({
      file: BASIC,
      preset: 'callscope',
      rows: 15,
      inserted: 12,
      duplicates: 0,
      rejected: 3,
      batchId: 1,
    });
    expect(r.stderr).toContain('12 new');

    const again = runCli(['import', BASIC, '--db', db, '--json']);
    expect(JSON.parse(again.stdout).batches[0]).toMatchObject({ inserted: 0, duplicates: 12, batchId: 2 });
  });

  it('metrics --json prints rows with key, integer counts, revenue in minor units and null rates', async () => {
    const db = path.join(dir, 'a.sqlite');
    const metrics = (from: string, to: string, by: string[]) =>
      runCliAsync(['metrics', '--db', db, '--from', from, '--to', to, ...by, '--json']);
    const [r, empty, team] = await Promise.all([
      metrics('2026-11-01', '2026-11-30', ['--by', 'agent']),
      metrics('2025-01-01', '2025-01-31', []),
      metrics('2026-11-01', '2026-11-30', ['--by', 'team']),
    ]);
    expect(r.status).toBe(0);
    const { rows } = JSON.parse(r.stdout) as { rows: Record<string, unknown>[] };
    expect(Object.keys(rows[0]!).slice(0, 8)).toEqual([
      'key',
      'dials',
      'connects',
      'effective',
      'talkSeconds',
      'intents',
      'sales',
      'revenue',
    ]);
    expect(rows.map((x) => x.key)).toEqual(['8001', '8002', '8003']);
    expect(rows[0]).toMatchObject({
      dials: 5,
      connects: 3,
      effective: 2,
      talkSeconds: 210,
      intents: 2,
      sales: 1,
      revenue: 199_900,
      connectRate: 0.6,
    });
    expect(rows[2]).toMatchObject({ sales: 0, avgOrderValue: null, leadConversion: 0 });

    expect(JSON.parse(empty.stdout).rows).toEqual([
      expect.objectContaining({
        key: 'all',
        dials: 0,
        connectRate: null,
        avgTalkSeconds: null,
        conversionRate: null,
      }),
    ]);
    const byTeam = JSON.parse(team.stdout);
    expect(byTeam.rows.map((x: { key: string | null }) => x.key)).toEqual([null, '销售一组', '销售二组']);
  });

  it('gives the same days whatever the time zone of the machine it runs on', async () => {
    const results = await Promise.all(
      ['Asia/Shanghai', 'America/Los_Angeles'].map(async (tz) => {
        const db = path.join(dir, `tz-${tz.replace('/', '-')}.sqlite`);
        expect(
          (await runCliAsync(['import', BASIC, '--db', db, '--tz', 'Asia/Shanghai'], { TZ: tz })).status,
        ).toBe(0);
        return (
          await runCliAsync(
            ['metrics', '--db', db, '--from', '2026-11-01', '--to', '2026-11-30', '--by', 'day', '--json'],
            { TZ: tz },
          )
        ).stdout;
      }),
    );
    expect(results[0]).toBe(results[1]);
    expect(JSON.parse(results[0]!).rows.map((r: { key: string }) => r.key)).toEqual([
      '2026-11-03',
      '2026-11-04',
    ]);
  });

  it('demo writes a workspace whose metrics add up', async () => {
    const db = path.join(dir, 'demo.sqlite');
    // A Chinese locale: the command says what it made in Chinese.
    const r = runCli(['demo', '--db', db, '--agents', '5', '--days', '10', '--seed', '3'], {
      LC_ALL: '',
      LANG: 'zh_CN.UTF-8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/已生成 \d+ 条演示通话，5 名坐席，共 10 天/);
    const [allRun, byAgentRun] = await Promise.all([
      runCliAsync(['metrics', '--db', db, '--from', '2000-01-01', '--to', '2099-12-31', '--json']),
      runCliAsync([
        'metrics',
        '--db',
        db,
        '--from',
        '2000-01-01',
        '--to',
        '2099-12-31',
        '--by',
        'agent',
        '--json',
      ]),
    ]);
    const all = JSON.parse(allRun.stdout).rows[0];
    const byAgent = JSON.parse(byAgentRun.stdout).rows;
    expect(byAgent).toHaveLength(5);
    expect(byAgent.reduce((s: number, x: { dials: number }) => s + x.dials, 0)).toBe(all.dials);
    expect(all.connectRate).toBeGreaterThan(0.25);
    expect(all.connectRate).toBeLessThan(0.45);
    expect(all.sales).toBeGreaterThan(0);
  });

  it('demo says only its own line: no progress line before a row is made', () => {
    const db = path.join(dir, 'demo-small.sqlite');
    // 3 agents over 5 days make fewer calls than the demo's first progress tick (5,000 rows).
    const r = runCli(['demo', '--db', db, '--agents', '3', '--days', '5', '--lang', 'en']);
    expect(r.status).toBe(0);
    const calls = new Database(db, { readonly: true });
    try {
      const count = calls.prepare('SELECT COUNT(*) FROM calls').pluck().get() as number;
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(5_000);
      expect(r.stderr).toBe(`${db}: ${count} demo calls for 3 agents over 5 days\n`);
    } finally {
      calls.close();
    }
  });

  it.concurrent.for<[string[], RegExp]>([
    [['metrics', '--from', '2026-11-01'], /metrics needs --to/],
    [['metrics', '--from', '2026-11-01', '--to', '2026-11-31'], /--to must be a date YYYY-MM-DD/],
    [['metrics', '--from', '2026-11-05', '--to', '2026-11-01'], /is after --to/],
    [['metrics', '--from', '2026-11-01', '--to', '2026-11-02', '--by', 'week'], /--by must be one of/],
    [['import', '/nonexistent/calls.csv'], /cannot read \/nonexistent\/calls.csv: ENOENT/],
    [['import', 'x.csv', '--tz', 'Mars/Olympus'], /not an IANA time zone/],
    [['import', 'x.csv', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['demo', '--agents', 'many'], /--agents must be a whole number/],
  ])('refuses %j with a one-line reason and a non-zero exit', async ([args, message], { expect }) => {
    const r = await runCliAsync([
      ...args,
      ...(args[0] === 'metrics'
        ? ['--db', path.join(dir, 'a.sqlite')]
        : ['--db', path.join(dir, 'b.sqlite')]),
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('metrics on a workspace that does not exist says so and creates nothing', () => {
    const missing = path.join(dir, 'nowhere.sqlite');
    const r = runCli(['metrics', '--db', missing, '--from', '2026-11-01', '--to', '2026-11-02']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no workspace at .*nowhere\.sqlite/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('import of a file in a layout it cannot read fails with the file and line named, and exit 1', () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'foo,bar\n1,2\n');
    const r = runCli(['import', bad, '--db', path.join(dir, 'c.sqlite'), '--json']);
    expect(r.status).toBe(1);
    // What was understood of the file, and what is missing; no product named.
    expect(r.stderr).toMatch(
      /bad\.csv: read as a text file \(utf-8, ","-separated\) with 2 columns under a header/,
    );
    expect(r.stderr).toMatch(/no column holds an agent .* and a start time/);
    expect(r.stderr).not.toMatch(/layout/);
    expect(JSON.parse(r.stdout)).toEqual({ batches: [] });
  });

  it('import where every row is rejected stores nothing, says so and exits 1', () => {
    const empty = path.join(dir, 'no-agents.csv');
    fs.writeFileSync(
      empty,
      'agent_code,started_at,disposition,talk_seconds\n,2026-11-03 09:00:00,connected,30\n,2026-11-03 09:05:00,busy,0\n',
    );
    const r = runCli(['import', empty, '--db', path.join(dir, 'd.sqlite'), '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no-agents\.csv: every row was rejected, nothing was stored/);
    expect(JSON.parse(r.stdout).batches[0]).toMatchObject({ inserted: 0, rejected: 2 });
  });

  describe('dates that read either day-first or month-first', () => {
    // [day of November, hour, answered]: every date is nn/nn/yyyy with both numbers ≤ 12.
    const written: [number, number, boolean][] = [
      [2, 9, true],
      [2, 10, false],
      [5, 9, true],
      [9, 11, true],
      [9, 14, false],
      [9, 15, true],
      [12, 16, true],
    ];
    const pad = (n: number) => String(n).padStart(2, '0');
    const csv = [
      'Date,Agent,Status,Duration',
      ...written.map(
        ([day, hour, answered]) =>
          `${pad(day)}/11/2026 ${pad(hour)}:00,1001,${answered ? 'Answered' : 'No Answer'},${answered ? 60 : 0}`,
      ),
    ].join('\n');
    // Day-first: the first number is November's day.
    const truth = new Map<string, { dials: number; connects: number }>();
    for (const [day, , answered] of written) {
      const key = `2026-11-${pad(day)}`;
      const t = truth.get(key) ?? { dials: 0, connects: 0 };
      t.dials++;
      if (answered) t.connects++;
      truth.set(key, t);
    }

    it('without --date-order, import refuses, naming the option and an example, and stores nothing', () => {
      const file = path.join(dir, 'either.csv');
      fs.writeFileSync(file, csv);
      const db = path.join(dir, 'either.sqlite');
      const r = runCli(['import', file, '--db', db, '--json']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        `${file}: every date in "Date" reads either day first or month first (e.g. "02/11/2026 09:00"); nothing was stored. ` +
          'Say which with --date-order dmy (2 November 2026) or --date-order mdy (February 11, 2026)',
      );
      expect(JSON.parse(r.stdout)).toEqual({ batches: [] });
    });

    it('with --date-order dmy, the days are read day-first and the answer is kept for the next file', () => {
      const file = path.join(dir, 'either.csv');
      fs.writeFileSync(file, csv);
      const db = path.join(dir, 'dmy.sqlite');
      const r = runCli(['import', file, '--db', db, '--date-order', 'dmy', '--json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).batches[0]).toMatchObject({ inserted: written.length, rejected: 0 });
      const rows = JSON.parse(
        runCli(['metrics', '--db', db, '--from', '2026-01-01', '--to', '2026-12-31', '--by', 'day', '--json'])
          .stdout,
      ).rows as { key: string; dials: number; connects: number }[];
      expect(rows.map((x) => [x.key, { dials: x.dials, connects: x.connects }])).toEqual([...truth]);

      // The same export again, without the option: the saved profile answers.
      const next = path.join(dir, 'either-next.csv');
      fs.writeFileSync(next, csv.replaceAll(':00,', ':30,'));
      const again = runCli(['import', next, '--db', db, '--json']);
      expect(again.status).toBe(0);
      expect(JSON.parse(again.stdout).batches[0]).toMatchObject({ inserted: written.length });
    });

    it('refuses a --date-order that is neither dmy nor mdy', () => {
      const r = runCli(['import', BASIC, '--db', path.join(dir, 'x.sqlite'), '--date-order', 'ymd']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--date-order must be dmy \(day first\) or mdy \(month first\), not "ymd"/);
    });
  });
});

describe('progress on stderr', () => {
  it('says percent, rows, rows/s and the time left from the bytes read so far', () => {
    const job = {
      id: 'j',
      kind: 'import' as const,
      status: 'running' as const,
      done: 25_000_000,
      total: 100_000_000,
      rows: 250_000,
      note: '',
      startedAt: 0,
      finishedAt: null,
      result: null,
      error: null,
    };
    expect(progressText('calls.csv', job, 5_000)).toBe(
      'calls.csv: 25% 250,000 rows 50,000 rows/s, about 15 s left',
    );
    expect(progressText('calls.csv', { ...job, done: job.total }, 20_000)).toBe(
      'calls.csv: 100% 250,000 rows 12,500 rows/s',
    );
  });
});
