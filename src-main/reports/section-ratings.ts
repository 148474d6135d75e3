/**
 * Behaviour ratings (行为评价) on the report: per agent the team lead's 1–5 rating of each dimension,
 * the mean of the agent's self-rating and of the peers' ratings beside them (shown, never scored),
 * and the trainings the agent attended in the month. Ratings exist per month: a quarter or a custom
 * range has none.
 */
import {
  mean,
  RATING_DIMENSIONS,
  agentRatings,
  attendanceOf,
  type ByDimension,
} from '../../src-shared/ratings';
import type { ReportColumn, ReportRow } from '../../src-shared/reports-model';
import { loadRatings, loadTrainings } from '../ratings/store';
import type { ReportSection } from './sections';
import type { SectionSource } from './sources';
import { agentInTeams } from '../people/team-filter';

export interface RatedAgent {
  code: string;
  name: string;
  lead: ByDimension<number | null>;
  /** mean over the dimensions the agent rated themself on */
  self: number | null;
  /** mean over every peer score the agent received */
  peer: number | null;
  peerRaters: number;
  trainings: number;
  trainingHours: number;
}

/** null: the period is not one month (ratings are monthly). Agents with neither a rating nor a training are left out. */
export type RatingsInput = { agents: RatedAgent[] } | null;

export const ratingsSource: SectionSource<RatingsInput> = {
  id: 'ratings',
  perScope: true,
  empty: { agents: [] },
  async read({ ws, filter, month }) {
    if (!month) return null;
    const entries = await loadRatings(ws.kysely, month);
    const sessions = await loadTrainings(ws.kysely, month);
    const teams = agentInTeams(filter, 'agents.id');
    const agents = await ws.kysely
      .selectFrom('agents')
      .select(['id', 'code', 'name', 'team_id'])
      .$if(teams !== null, (q) => q.where(teams!))
      .$if(filter.agentId !== undefined, (q) => q.where('id', '=', filter.agentId!))
      .orderBy('code')
      .execute();
    const rated: RatedAgent[] = [];
    for (const a of agents) {
      const r = agentRatings(a.id, entries);
      const attended = attendanceOf(a.id, sessions);
      const peers = entries.filter((e) => e.agentId === a.id && e.raterKind === 'peer');
      const selfScores = RATING_DIMENSIONS.map((d) => r.self[d]).filter((s): s is number => s !== null);
      const hasLead = RATING_DIMENSIONS.some((d) => r.lead[d] !== null);
      if (!hasLead && selfScores.length === 0 && peers.length === 0 && attended.count === 0) continue;
      rated.push({
        code: a.code,
        name: a.name ?? '',
        lead: r.lead,
        self: mean(selfScores),
        peer: mean(peers.map((e) => e.score)),
        peerRaters: new Set(peers.map((e) => e.raterId)).size,
        trainings: attended.count,
        trainingHours: attended.hours,
      });
    }
    return { agents: rated };
  },
  // Each agent is in one team: the set's agents are the teams' together, by code as the query orders them.
  mergeTeams: (teams) =>
    teams.includes(null)
      ? null
      : {
          agents: teams
            .flatMap((t) => t!.agents)
            .sort((a, b) => Buffer.compare(Buffer.from(a.code), Buffer.from(b.code))),
        },
};

const score = (key: string, header: string): ReportColumn => ({
  key,
  header,
  type: 'count',
  decimals: 1,
  total: { kind: 'none' },
});

export const ratingsSection: ReportSection = {
  id: 'ratings',
  async build(ctx) {
    const input = await ctx.input(ratingsSource);
    const rows: ReportRow[] = (input?.agents ?? []).map((a) => ({
      code: a.code,
      name: a.name,
      ...Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, a.lead[d]])),
      self: a.self,
      peer: a.peer,
      peerRaters: a.peerRaters,
      trainings: a.trainings,
      trainingHours: a.trainingHours,
    }));
    return {
      table: {
        id: 'ratings',
        title: ctx.t('reports.table.ratings'),
        note: ctx.t('reports.note.ratings'),
        empty: ctx.t(input ? 'reports.note.noRatings' : 'reports.note.ratingsMonthOnly'),
        columns: [
          { key: 'code', header: ctx.t('reports.col.agentCode'), type: 'text', total: { kind: 'label' } },
          { key: 'name', header: ctx.t('reports.col.agent'), type: 'text', total: { kind: 'none' } },
          ...RATING_DIMENSIONS.map((d) => score(d, ctx.t(`targets.ratings.dim.${d}`))),
          score('self', ctx.t('reports.col.selfRating')),
          score('peer', ctx.t('reports.col.peerRating')),
          {
            key: 'peerRaters',
            header: ctx.t('reports.col.peerRaters'),
            type: 'count',
            total: { kind: 'none' },
          },
          {
            key: 'trainings',
            header: ctx.t('reports.col.trainings'),
            type: 'count',
            total: { kind: 'none' },
          },
          {
            key: 'trainingHours',
            header: ctx.t('reports.col.trainingHours'),
            type: 'count',
            decimals: 1,
            total: { kind: 'none' },
          },
        ],
        rows,
        totals: false,
      },
      charts: [],
    };
  },
};
