/**
 * Improvement plans (绩效改进计划, PIP): an agent, a period, goals with targets, and a status that
 * moves as `nextPlanStatuses` allows. Checkpoints are the notes that name the plan.
 */
import { sql, type Kysely } from 'kysely';
import type { ParsedInput, Plan } from '../../src-shared/api';
import { GOAL_KPIS, isPlanOpen, planChangeProblem, type GoalKpi } from '../../src-shared/coaching';
import type { Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { ApiError, badInput, notFound } from '../errors';
import { totals } from '../metrics/queries';
import { getAgent } from '../people';
import { agentInTeams, type TeamChoice } from '../people/team-filter';
import { now as clockNow } from '../clock';
import { actingLogin } from '../activity/acting';

type Db = Kysely<Database>;
export type PlanInput = ParsedInput<'coaching.createPlan'>;
export type PlanUpdate = ParsedInput<'coaching.updatePlan'>;

function plansQuery(db: Db) {
  return db
    .selectFrom('coaching_plans as p')
    .innerJoin('agents as a', 'a.id', 'p.agent_id')
    .select((eb) => [
      'p.id',
      'p.agent_id as agentId',
      'a.code as agentCode',
      'a.name as agentName',
      'p.start_day as startDay',
      'p.end_day as endDay',
      'p.status',
      'p.coach',
      'p.reason',
      'p.created_at as createdAt',
      'p.updated_at as updatedAt',
      eb
        .selectFrom('coaching_notes as n')
        .whereRef('n.plan_id', '=', 'p.id')
        .select(sql<number>`count(*)`.as('c'))
        .as('checkpoints'),
      eb
        .selectFrom('coaching_notes as n')
        .whereRef('n.plan_id', '=', 'p.id')
        .select(sql<string>`max(n.day)`.as('d'))
        .as('lastCheckpointDay'),
    ]);
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof plansQuery>['executeTakeFirstOrThrow']>>;

function isGoalKpi(key: string | null): key is GoalKpi {
  return key !== null && (GOAL_KPIS as readonly string[]).includes(key);
}

/** The plan's goals, each KPI goal with its value over the plan's period so far. */
async function hydrate(db: Db, rows: PlanRow[], today: Day): Promise<Plan[]> {
  if (rows.length === 0) return [];
  const goals = await db
    .selectFrom('coaching_plan_goals')
    .selectAll()
    .where(
      'plan_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
  return Promise.all(
    rows.map(async (r) => {
      const mine = goals.filter((g) => g.plan_id === r.id);
      const to = r.endDay < today ? r.endDay : today;
      const values =
        mine.some((g) => g.kpi !== null) && r.startDay <= to
          ? await totals(db, { from: r.startDay, to, agentId: r.agentId })
          : null;
      return {
        ...r,
        checkpoints: Number(r.checkpoints ?? 0),
        lastCheckpointDay: r.lastCheckpointDay ?? null,
        goals: mine.map((g) => {
          const kpi = isGoalKpi(g.kpi) ? g.kpi : null;
          return {
            id: g.id,
            kpi,
            text: g.text,
            target: g.target,
            status: g.status,
            current: kpi && values ? values[kpi] : null,
          };
        }),
      };
    }),
  );
}

export async function getPlan(db: Db, id: number, today: Day): Promise<Plan> {
  const row = await plansQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`improvement plan ${id}`);
  return (await hydrate(db, [row], today))[0]!;
}

/** Open plans first (soonest end first), then closed ones, most recent first. */
export async function listPlans(
  db: Db,
  agentId: number | undefined,
  today: Day,
  teams: TeamChoice = {},
): Promise<Plan[]> {
  let q = plansQuery(db);
  if (agentId !== undefined) q = q.where('p.agent_id', '=', agentId);
  const inTeams = agentInTeams(teams, 'p.agent_id');
  if (inTeams) q = q.where(inTeams);
  const rows = await q
    .orderBy(sql`CASE WHEN p.status IN ('active', 'extended') THEN 0 ELSE 1 END`)
    .orderBy(sql`CASE WHEN p.status IN ('active', 'extended') THEN p.end_day END`)
    .orderBy('p.end_day', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return hydrate(db, rows, today);
}

async function writeGoals(db: Db, planId: number, goals: PlanInput['goals']): Promise<void> {
  const previous = await db
    .selectFrom('coaching_plan_goals')
    .select('id')
    .where('plan_id', '=', planId)
    .execute();
  const previousIds = new Set(previous.map((g) => g.id));
  const kept = new Set(goals.flatMap((g) => (g.id === undefined ? [] : [g.id])));
  for (const id of kept)
    if (!previousIds.has(id)) throw badInput(`goals: goal ${id} is not one of this plan's`);
  const dropped = [...previousIds].filter((id) => !kept.has(id));
  if (dropped.length > 0) await db.deleteFrom('coaching_plan_goals').where('id', 'in', dropped).execute();
  for (const [position, goal] of goals.entries()) {
    const values = {
      position,
      kpi: goal.kpi,
      text: goal.text,
      target: goal.kpi === null ? null : goal.target,
      status: goal.status,
    };
    if (goal.id !== undefined)
      await db.updateTable('coaching_plan_goals').set(values).where('id', '=', goal.id).execute();
    else
      await db
        .insertInto('coaching_plan_goals')
        .values({ plan_id: planId, ...values })
        .execute();
  }
}

async function openPlanOf(db: Db, agentId: number, except?: number) {
  let q = db
    .selectFrom('coaching_plans')
    .select(['id', 'end_day'])
    .where('agent_id', '=', agentId)
    .where('status', 'in', ['active', 'extended']);
  if (except !== undefined) q = q.where('id', '<>', except);
  return q.executeTakeFirst();
}

export async function createPlan(db: Db, input: PlanInput, today: Day): Promise<Plan> {
  const id = await db.transaction().execute(async (trx) => {
    await getAgent(trx, input.agentId);
    const open = await openPlanOf(trx, input.agentId);
    // One plan at a time: two running plans for one agent would split the checkpoints.
    if (open)
      throw new ApiError(
        'conflict',
        `agentId: this agent already has an open improvement plan (${open.id}, until ${open.end_day}); close or extend it instead`,
      );
    const now = clockNow();
    const { id } = await trx
      .insertInto('coaching_plans')
      .values({
        agent_id: input.agentId,
        start_day: input.startDay,
        end_day: input.endDay,
        status: 'active',
        coach: input.coach,
        reason: input.reason,
        created_at: now,
        updated_at: now,
        created_by: actingLogin(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeGoals(trx, id, input.goals);
    return id;
  });
  return getPlan(db, id, today);
}

export async function updatePlan(db: Db, input: PlanUpdate, today: Day): Promise<Plan> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('coaching_plans')
      .select(['agent_id', 'status', 'start_day', 'end_day'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw notFound(`improvement plan ${input.id}`);
    if (before.agent_id !== input.agentId) throw badInput('agentId: a plan stays with its agent');
    const problem = planChangeProblem(
      { status: before.status, startDay: before.start_day, endDay: before.end_day },
      input,
    );
    if (problem) throw badInput(problem);
    if (isPlanOpen(input.status) && (await openPlanOf(trx, input.agentId, input.id)))
      throw new ApiError('conflict', 'status: this agent already has another open improvement plan');
    await trx
      .updateTable('coaching_plans')
      .set({
        start_day: input.startDay,
        end_day: input.endDay,
        status: input.status,
        coach: input.coach,
        reason: input.reason,
        updated_at: clockNow(),
      })
      .where('id', '=', input.id)
      .execute();
    await writeGoals(trx, input.id, input.goals);
  });
  return getPlan(db, input.id, today);
}
