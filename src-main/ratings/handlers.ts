/** The ratings feature's handlers (contract-ratings.ts). Writes go through the workspace's write queue. */
import type { Output, RatingsMethod } from '../../src-shared/api';
import { agentRatings, attendanceOf } from '../../src-shared/ratings';
import type { Month } from '../../src-shared/targets-calendar';
import type { HandlersFor } from '../dispatch';
import { inChosenTeams, type TeamChoice } from '../people/team-filter';
import { listAgentRows } from '../targets/actuals';
import type { Workspace } from '../workspace';
import { deleteTraining, loadRatings, loadTrainings, saveRatings, saveTraining } from './store';

/** Every active agent (of the team) with their ratings side by side and their training attendance. */
async function ratingsMonth(
  ws: Workspace,
  month: Month,
  teams: TeamChoice,
): Promise<Output<'ratings.month'>> {
  const db = ws.kysely;
  const entries = await loadRatings(db, month);
  const sessions = await loadTrainings(db, month);
  const agents = (await listAgentRows(db)).filter(
    (a) => (a.active || entries.some((e) => e.agentId === a.id)) && inChosenTeams(teams, a.teamId),
  );
  return {
    month,
    entries: entries.filter((e) => agents.some((a) => a.id === e.agentId)),
    agents: agents.map((a) => {
      const attended = attendanceOf(a.id, sessions);
      return {
        agentId: a.id,
        teamId: a.teamId,
        ...agentRatings(a.id, entries),
        trainings: {
          sessionIds: attended.sessions.map((s) => s.id),
          count: attended.count,
          hours: attended.hours,
        },
      };
    }),
    sessions,
  };
}

export function ratingsHandlers(ws: Workspace): HandlersFor<RatingsMethod> {
  const db = ws.kysely;
  return {
    'ratings.month': ({ month, teamId, teamIds }) => ratingsMonth(ws, month, { teamId, teamIds }),
    'ratings.set': ({ month, entries }) =>
      ws.writes.run(() =>
        db.transaction().execute(async (trx) => ({ saved: await saveRatings(trx, month, entries) })),
      ),
    'ratings.saveTraining': (t) =>
      ws.writes.run(() => db.transaction().execute((trx) => saveTraining(trx, t))),
    'ratings.deleteTraining': ({ id }) =>
      ws.writes.run(async () => ({ deleted: await deleteTraining(db, id) })),
  };
}
