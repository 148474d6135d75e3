/**
 * The follow-ups list: every open follow-up conversation, agreed action and plan end, in the order
 * a team lead works through them (overdue first, then today, this week, later, undated).
 */
import type { Kysely } from 'kysely';
import type { DueItem } from '../../src-shared/api';
import { actionDue, compareDue, dueBucket } from '../../src-shared/coaching';
import type { Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { agentInTeams, type TeamChoice } from '../people/team-filter';

type Db = Kysely<Database>;

export async function dueItems(
  db: Db,
  today: Day,
  agentId?: number,
  teams: TeamChoice = {},
): Promise<DueItem[]> {
  let followUps = db
    .selectFrom('coaching_notes as n')
    .innerJoin('agents as a', 'a.id', 'n.agent_id')
    .select([
      'n.id',
      'n.kind',
      'n.day',
      'n.follow_up_day',
      'n.plan_id',
      'a.id as agentId',
      'a.code',
      'a.name',
    ])
    .where('n.follow_up_day', 'is not', null)
    .where('n.follow_up_done_at', 'is', null);
  let actions = db
    .selectFrom('coaching_actions as x')
    .innerJoin('coaching_notes as n', 'n.id', 'x.note_id')
    .innerJoin('agents as a', 'a.id', 'n.agent_id')
    .select([
      'x.id',
      'x.text',
      'x.due_day',
      'n.id as noteId',
      'n.kind',
      'n.day',
      'n.follow_up_day',
      'n.plan_id',
      'a.id as agentId',
      'a.code',
      'a.name',
    ])
    .where('x.done_at', 'is', null);
  let plans = db
    .selectFrom('coaching_plans as p')
    .innerJoin('agents as a', 'a.id', 'p.agent_id')
    .select(['p.id', 'p.end_day', 'p.status', 'a.id as agentId', 'a.code', 'a.name'])
    .where('p.status', 'in', ['active', 'extended']);
  if (agentId !== undefined) {
    followUps = followUps.where('n.agent_id', '=', agentId);
    actions = actions.where('n.agent_id', '=', agentId);
    plans = plans.where('p.agent_id', '=', agentId);
  }
  const inTeams = agentInTeams(teams, 'a.id');
  if (inTeams) {
    followUps = followUps.where(inTeams);
    actions = actions.where(inTeams);
    plans = plans.where(inTeams);
  }
  const [f, x, p] = await Promise.all([followUps.execute(), actions.execute(), plans.execute()]);

  const none = { noteId: null, noteKind: null, noteDay: null, actionId: null, text: null, planId: null };
  const items: (DueItem & { id: number })[] = [
    ...f.map((r) => ({
      ...none,
      id: r.id,
      key: `followUp:${r.id}`,
      kind: 'followUp' as const,
      due: r.follow_up_day,
      agentId: r.agentId,
      agentCode: r.code,
      agentName: r.name,
      noteId: r.id,
      noteKind: r.kind,
      noteDay: r.day,
      planId: r.plan_id,
      planStatus: null,
    })),
    ...x.map((r) => ({
      ...none,
      id: r.id,
      key: `action:${r.id}`,
      kind: 'action' as const,
      due: actionDue({ dueDay: r.due_day }, { followUpDay: r.follow_up_day }),
      agentId: r.agentId,
      agentCode: r.code,
      agentName: r.name,
      noteId: r.noteId,
      noteKind: r.kind,
      noteDay: r.day,
      actionId: r.id,
      text: r.text,
      planId: r.plan_id,
      planStatus: null,
    })),
    ...p.map((r) => ({
      ...none,
      id: r.id,
      key: `planEnd:${r.id}`,
      kind: 'planEnd' as const,
      due: r.end_day,
      agentId: r.agentId,
      agentCode: r.code,
      agentName: r.name,
      planId: r.id,
      planStatus: r.status,
    })),
  ].map((item) => ({ ...item, bucket: dueBucket(item.due, today) }));

  // The id only breaks ties in the order; it is not part of an item.
  return items.sort(compareDue).map(({ id: _id, ...item }) => item);
}
