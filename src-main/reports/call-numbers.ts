/**
 * Where a report's call numbers come from: the rollup rows of its days, the names of the agents,
 * teams and campaigns, and the roster. The live workspace reads them with Kysely (`liveCalls`); a
 * closed month reads its snapshot's copy of the same rows (month-close.ts `snapshotCalls`). Either
 * feeds the one computation in data.ts, so a closed month's report runs the very code a live one
 * runs, on any engine, without replaying the snapshot into a database.
 */
import { countsOfColumns } from '../metrics/rollup';
import type { Kysely } from 'kysely';
import type { Filter } from '../../src-shared/api';
import type { KpiCounts } from '../../src-shared/kpi';
import type { Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { maskedPhoneCallCount, rollupCondition } from '../metrics/queries';
import { roster, type RosterAgent } from '../people/roster';
import { anyAgentMoved, teamOnDay } from '../people/team-filter';

/** One row of the daily rollup (`daily_agent_stats`). */
export interface StatRow extends KpiCounts {
  day: Day;
  agentId: number;
  /** 0 = no campaign */
  campaignId: number;
  /** the team the agent was in on the row's day, when any agent ever moved (else: their current team) */
  teamId?: number | null;
}

export interface NamedAgent {
  code: string;
  name: string | null;
  teamId: number | null;
}

export interface CallNames {
  agents: Map<number, NamedAgent>;
  teams: Map<number, string>;
  campaigns: Map<number, string>;
}

export interface CallsReader {
  /** the rollup rows of the filter's days, agent and team (as the agents' teams are), by day, agent, campaign */
  rows(filter: Filter): Promise<StatRow[]>;
  names(): Promise<CallNames>;
  /** the roster of the filter's days and scope (src-main/people/roster.ts) */
  roster(filter: Filter): Promise<RosterAgent[]>;
  /** calls whose customer number the exporting system masked (read from the calls, not the rollups) */
  maskedPhoneCalls(filter: Filter): Promise<number>;
}

/** The live workspace's call numbers. */
export function liveCalls(db: Kysely<Database>): CallsReader {
  return {
    async rows(filter) {
      const moved = await anyAgentMoved(db);
      const rows = await db
        .selectFrom('daily_agent_stats as s')
        .where(await rollupCondition(db, filter))
        .selectAll('s')
        .$if(moved, (q) => q.select(teamOnDay('s.agent_id', 's.day').as('team_on_day')))
        .orderBy('s.day')
        .orderBy('s.agent_id')
        .orderBy('s.campaign_id')
        .execute();
      return rows.map((r) => ({
        day: r.day,
        agentId: r.agent_id,
        campaignId: r.campaign_id,
        ...countsOfColumns(r),
        ...(moved && { teamId: r.team_on_day ?? null }),
      }));
    },
    async names() {
      const [agents, teams, campaigns] = await Promise.all([
        db.selectFrom('agents').select(['id', 'code', 'name', 'team_id']).execute(),
        db.selectFrom('teams').select(['id', 'name']).execute(),
        db.selectFrom('campaigns').select(['id', 'name']).execute(),
      ]);
      return {
        agents: new Map(agents.map((a) => [a.id, { code: a.code, name: a.name, teamId: a.team_id }])),
        teams: new Map(teams.map((t) => [t.id, t.name])),
        campaigns: new Map(campaigns.map((c) => [c.id, c.name])),
      };
    },
    roster: (filter) => roster(db, filter),
    maskedPhoneCalls: async (filter) => Number(await maskedPhoneCallCount(db, filter)),
  };
}
