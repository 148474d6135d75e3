/** The coaching share of the contract: notes, plans, the follow-ups list and the agent page's panel. */
import type { CoachingMethod } from '../../src-shared/api';
import { todayIn } from '../../src-shared/time';
import { now } from '../clock';
import type { HandlersFor } from '../dispatch';
import type { Workspace } from '../workspace';
import { dueItems } from './due';
import {
  createNote,
  deleteNote,
  getNote,
  listNotes,
  markActionDone,
  markFollowUpDone,
  updateNote,
} from './notes';
import { createPlan, listPlans, updatePlan } from './plans';

export function coachingHandlers(ws: Workspace): HandlersFor<CoachingMethod> {
  const db = ws.kysely;
  const today = async () => todayIn((await ws.settings()).timeZone, now());
  return {
    'coaching.notes': ({ agentId, teamIds, planId, limit }) =>
      listNotes(db, { agentId, teamIds, planId, limit }),
    'coaching.note': ({ id }) => getNote(db, id),
    'coaching.createNote': (input) => ws.writes.run(() => createNote(db, input)),
    'coaching.updateNote': (input) => ws.writes.run(() => updateNote(db, input)),
    'coaching.deleteNote': ({ id }) => ws.writes.run(async () => ({ deleted: await deleteNote(db, id) })),

    'coaching.plans': async ({ agentId, teamIds }) => ({
      plans: await listPlans(db, agentId, await today(), { teamIds }),
    }),
    'coaching.createPlan': (input) => ws.writes.run(async () => createPlan(db, input, await today())),
    'coaching.updatePlan': (input) => ws.writes.run(async () => updatePlan(db, input, await today())),

    'coaching.due': async ({ agentId, teamIds, today: pinned }) => {
      const day = pinned ?? (await today());
      return { today: day, items: await dueItems(db, day, agentId, { teamIds }) };
    },
    'coaching.markDone': (input) =>
      ws.writes.run(async () => ({
        done:
          input.kind === 'followUp'
            ? await markFollowUpDone(db, input.noteId, input.done)
            : await markActionDone(db, input.actionId, input.done),
      })),
    'coaching.agent': async ({ agentId, today: pinned }) => {
      const day = pinned ?? (await today());
      const [{ notes, total }, plans, due] = await Promise.all([
        listNotes(db, { agentId, limit: 3 }),
        listPlans(db, agentId, day),
        dueItems(db, day, agentId),
      ]);
      const openPlan = plans.find((p) => p.status === 'active' || p.status === 'extended') ?? null;
      return { notes, totalNotes: total, openPlan, nextDue: due[0] ?? null, openItems: due.length };
    },
  };
}
