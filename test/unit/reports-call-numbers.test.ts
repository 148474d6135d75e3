/**
 * A report's call numbers, computed in memory from rollup rows (reports/data.ts), equal the
 * dashboard's SQL queries (metrics/queries.ts) on a real workspace file with demo calls, for the
 * floor, a team and an agent; and a month close's snapshot, read through the same reader interface
 * (no in-memory database), gives exactly the numbers the live rows give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter } from '../../src-shared/api';
import { periodRange, type ReportScope } from '../../src-shared/reports-model';
import { addMonthsTo } from '../../src-shared/targets-calendar';
import { liveCalls } from '../../src-main/reports/call-numbers';
import { loadReportData, scopeFilter } from '../../src-main/reports/data';
import { snapshotCalls, takeSnapshot } from '../../src-main/reports/month-close';
import { breakdown, leaderboard, summary } from '../../src-main/metrics/queries';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

let t: TestWorkspace;
let month: string;
let scopes: ReportScope[];

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' });
  const { jobId } = await t.call('demo.load', { agents: 6, days: 75, seed: 11 });
  expect((await t.api.jobs.wait(jobId)).status).toBe('done');
  // The month before the last day's month: wholly inside 75 days of calls, whatever today is.
  const last = await t.ws.kysely
    .selectFrom('daily_agent_stats')
    .select('day')
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  month = addMonthsTo(last.day.slice(0, 7), -1);
  const agent = await t.ws.kysely
    .selectFrom('agents')
    .select(['id', 'team_id'])
    .where('team_id', 'is not', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  scopes = [
    { kind: 'floor' },
    { kind: 'team', teamId: agent.team_id! },
    { kind: 'agent', agentId: agent.id },
  ];
});

afterAll(async () => t?.close());

describe('a report’s call numbers', () => {
  it('equal the dashboard’s queries for the floor, a team and an agent', async () => {
    const range = periodRange({ kind: 'month', month });
    for (const scope of scopes) {
      const filter: Filter = scopeFilter(range, scope);
      const data = await loadReportData(liveCalls(t.ws.kysely), range, scope);
      const db = t.ws.kysely;
      expect(data.summary).toEqual(await summary(db, filter));
      expect(data.agents).toEqual((await leaderboard(db, filter)).rows);
      expect(data.days).toEqual(await breakdown(db, filter, 'day'));
      expect(data.teams).toEqual(await breakdown(db, filter, 'team'));
      expect(data.campaigns).toEqual(await breakdown(db, filter, 'campaign'));
      expect(data.agents.length).toBeGreaterThan(0);
    }
  });

  it('read from a month close’s snapshot equal the live ones', async () => {
    const range = periodRange({ kind: 'month', month });
    const snapshot = await takeSnapshot(t.ws, month, `${addMonthsTo(month, 1)}-01`);
    for (const scope of scopes)
      expect(await loadReportData(snapshotCalls(snapshot), range, scope)).toEqual(
        await loadReportData(liveCalls(t.ws.kysely), range, scope),
      );
  });
});
