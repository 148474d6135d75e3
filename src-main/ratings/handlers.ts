/** The ratings feature's handlers (contract-ratings.ts). Writes go through the workspace's write queue. */
import type { Output, RatingsMethod } from '../../src-shared/api';
import { agentRatings, attendanceOf } from '../../src-shared/ratings';
import type { Month } from '../../src-shared/targets-calendar';
import type { HandlersFor } from '../dispatch';
import { listAgentRows } from '../targets/actuals';
import type { Workspace } from '../workspace';
import { deleteTraining, loadRatings, loadTrainings, saveRatings, saveTraining } from './store';

/** Every active agent (of the team) with their ratings side by side and their training attendance. */
function ratingsMonth(ws: Workspace, month: Month, teamId?: number): Output<'ratings.month'> {
  const entries = loadRatings(ws.db, month);
  const sessions = loadTrainings(ws.db, month);
  const agents = listAgentRows(ws.db).filter(
    (a) =>
      (a.active || entries.some((e) => e.agentId === a.id)) && (teamId === undefined || a.teamId === teamId),
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
  const db = ws.db;
  return {
    'ratings.month': ({ month, teamId }) => ratingsMonth(ws, month, teamId),
    'ratings.set': ({ month, entries }) => ws.writes.run(() => ({ saved: saveRatings(db, month, entries) })),
    'ratings.saveTraining': (t) => ws.writes.run(() => saveTraining(db, t)),
    'ratings.deleteTraining': ({ id }) => ws.writes.run(() => ({ deleted: deleteTraining(db, id) })),
  };
}
