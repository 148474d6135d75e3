/** The People page's handlers (contract-people.ts). Writes go through the workspace's write queue. */
import type { PeopleMethod } from '../../src-shared/api';
import type { HandlersFor } from '../dispatch';
import { getAgent, mergeTeams, updateTeam } from '../people';
import type { Workspace } from '../workspace';
import { mergeAgents } from './merge';
import { BEGINNING, teamHistory } from './membership';

export function peopleHandlers(ws: Workspace): HandlersFor<PeopleMethod> {
  const db = ws.kysely;
  return {
    'teams.update': (patch) => ws.writes.run(() => updateTeam(db, patch)),
    'teams.merge': ({ fromId, intoId }) => ws.writes.run(() => mergeTeams(db, fromId, intoId)),
    'agents.merge': ({ fromId, intoId }) =>
      ws.writes.run(async () => {
        const { movedCalls } = await mergeAgents(ws, fromId, intoId);
        return { agent: await getAgent(db, intoId), movedCalls };
      }),
    'agents.teamHistory': async ({ agentId }) => {
      await getAgent(db, agentId);
      return (await teamHistory(db, agentId)).map((s) => ({
        teamId: s.teamId,
        teamName: s.teamName,
        from: s.from === BEGINNING ? null : s.from,
        to: s.to,
      }));
    },
  };
}
